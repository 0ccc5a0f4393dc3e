import { Alert, Button, Card, Group, List, NumberInput, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime, formatNumber, type RetentionPreview, type RetentionView } from '@sinergi/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ForbiddenPage } from '../../app/ForbiddenPage';
import { usePermission, useSessionInfo, useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { type ConflictRow, VersionConflictDialog } from '../../app/ui/VersionConflictDialog';
import { useLanguage } from '../../i18n';
import { PendingChangeCard } from './PendingChangeCard';
import { previewRetention, useRetention, useSaveRetention } from './retention.api';
import { ShortenDialog } from './ShortenDialog';

/** How long closed cases of the task force keep identifying data, and what the daily run did. */
export function RetentionPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const session = useSessionInfo();
  const isAdmin = usePermission('agency.manage');
  const isCoordinator = usePermission('taskforce.manage');
  const allowed = isAdmin || isCoordinator;
  const tfId = session.taskForce?.id ?? '';
  const query = useRetention(allowed ? tfId : '');
  const save = useSaveRetention(tfId);
  const [years, setYears] = useState<number | string>('');
  const [conflict, setConflict] = useState<RetentionView | null>(null);
  // After "keep mine" the next save overwrites the version the other person saved.
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  // A shorter rule is shown with what it will replace before it is proposed.
  const [shortening, setShortening] = useState<{ version: number; preview: RetentionPreview } | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  useEffect(() => {
    if (query.data) setYears(query.data.closedCaseYears);
  }, [query.data]);
  if (!allowed) return <ForbiddenPage />;
  if (!tfId) return <Text>{t('retention.noTaskForce')}</Text>;
  const fieldError = isApiError(save.error) ? save.error.fields.closedCaseYears : undefined;
  const conflictRows: ConflictRow[] = conflict
    ? [{ label: t('retention.years'), yours: String(years), theirs: String(conflict.closedCaseYears) }]
    : [];
  const submit = (version: number) =>
    save.mutate(
      { closedCaseYears: Number(years), version },
      {
        onSuccess: (saved) => {
          setBaseVersion(null);
          notifications.show({
            color: 'teal',
            message: saved.pending
              ? t('retention.proposed', { date: formatDateTime(saved.pending.effectiveAt, lang, zone) })
              : t('retention.saved'),
          });
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'version_conflict') setConflict(e.current as RetentionView);
        },
      },
    );

  return (
    <>
      <PageHeader title={t('retention.title')} description={t('retention.description')} />
      {query.isPending ? (
        <Skeleton height={240} radius="md" />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="md">
          {query.data.pending ? <PendingChangeCard change={query.data.pending} /> : null}
          <Card withBorder radius="md" padding="md">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                const version = baseVersion ?? query.data.version;
                const wanted = Number(years);
                setPreviewError(null);
                if (Number.isInteger(wanted) && wanted >= 1 && wanted < query.data.closedCaseYears) {
                  // No proposal without its preview: a failed preview is shown, not skipped.
                  void previewRetention(tfId, wanted)
                    .then((preview) => setShortening({ version, preview }))
                    .catch(setPreviewError);
                } else submit(version);
              }}
              noValidate
            >
              <Stack gap="sm">
                <Title order={2} fz="h4">
                  {t('retention.ruleTitle')}
                </Title>
                <NumberInput
                  label={t('retention.years')}
                  description={t('retention.yearsHelp')}
                  withAsterisk
                  min={1}
                  max={50}
                  allowDecimal={false}
                  value={years}
                  onChange={setYears}
                  error={fieldError}
                  maw={260}
                />
                {query.data.pending ? (
                  <Text size="sm" c="dimmed">
                    {t('retention.pendingBlocksSave')}
                  </Text>
                ) : null}
                {previewError ? <ErrorAlert error={previewError} title={t('errors.saveFailed')} /> : null}
                {save.isError &&
                !fieldError &&
                !(isApiError(save.error) && save.error.code === 'version_conflict') ? (
                  <ErrorAlert error={save.error} title={t('errors.saveFailed')} showFieldMessages />
                ) : null}
                <Group>
                  <Button type="submit" loading={save.isPending} disabled={query.data.pending !== null}>
                    {t('retention.save')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Card>
          <Card withBorder radius="md" padding="md">
            <Stack gap="xs">
              <Title order={2} fz="h4">
                {t('retention.statusTitle')}
              </Title>
              <Text size="sm">
                {t('retention.dueNow', {
                  count: query.data.dueNow,
                  n: formatNumber(query.data.dueNow, lang),
                })}
              </Text>
              <Text size="sm">
                {t('retention.applied', {
                  count: query.data.applied,
                  n: formatNumber(query.data.applied, lang),
                })}
              </Text>
              <Text size="sm" c="dimmed">
                {query.data.lastRun
                  ? t('retention.lastRun', {
                      at: formatDateTime(query.data.lastRun.at, lang, zone),
                      cases: formatNumber(query.data.lastRun.cases, lang),
                      persons: formatNumber(query.data.lastRun.persons, lang),
                      documents: formatNumber(query.data.lastRun.documents, lang),
                      purged: formatNumber(query.data.lastRun.purged, lang),
                    })
                  : t('retention.neverRun')}
              </Text>
            </Stack>
          </Card>
          <Alert variant="light" color="blue" title={t('retention.whatTitle')}>
            <List size="sm" spacing={4}>
              <List.Item>{t('retention.whatReplaced')}</List.Item>
              <List.Item>{t('retention.whatKept')}</List.Item>
              <List.Item>{t('retention.whatWhen')}</List.Item>
              <List.Item>
                {t('retention.whatPurge', { days: formatNumber(query.data.deletedPurgeDays, lang) })}
                {query.data.deletedPurgeDaysPending ? (
                  <Text component="span" size="sm" fw={600}>
                    {' '}
                    {t('retention.purgeDaysPending', {
                      days: formatNumber(query.data.deletedPurgeDaysPending.days, lang),
                      date: formatDateTime(query.data.deletedPurgeDaysPending.effectiveAt, lang, zone),
                    })}
                  </Text>
                ) : null}
              </List.Item>
            </List>
          </Alert>
        </Stack>
      )}
      <ShortenDialog
        preview={shortening?.preview ?? null}
        graceDays={query.data?.graceDays ?? 7}
        onCancel={() => setShortening(null)}
        onPropose={() => {
          const version = shortening?.version ?? 0;
          setShortening(null);
          submit(version);
        }}
      />
      <VersionConflictDialog
        opened={conflict !== null}
        rows={conflictRows}
        onReload={() => {
          if (conflict) setYears(conflict.closedCaseYears);
          setBaseVersion(null);
          setConflict(null);
          void query.refetch();
        }}
        onKeepMine={() => {
          setBaseVersion(conflict?.version ?? null);
          setConflict(null);
        }}
      />
    </>
  );
}
