import { Alert, Button, Card, Group, List, NumberInput, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime, formatNumber, type RetentionView } from '@sinergi/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ForbiddenPage } from '../../app/ForbiddenPage';
import { usePermission, useSessionInfo, useTimeZone } from '../../app/session';
import { ConfirmDialog } from '../../app/ui/ConfirmDialog';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { type ConflictRow, VersionConflictDialog } from '../../app/ui/VersionConflictDialog';
import { useLanguage } from '../../i18n';
import { previewRetention, useRetention, useSaveRetention } from './retention.api';

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
  // A shorter rule that makes more cases due is confirmed first: the replacement cannot be undone.
  const [confirming, setConfirming] = useState<{ version: number; due: number } | null>(null);
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
        onSuccess: () => {
          setBaseVersion(null);
          notifications.show({ color: 'teal', message: t('retention.saved') });
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
          <Card withBorder radius="md" padding="md">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                const version = baseVersion ?? query.data.version;
                const wanted = Number(years);
                if (Number.isInteger(wanted) && wanted >= 1 && wanted < query.data.closedCaseYears) {
                  void previewRetention(tfId, wanted)
                    .then((preview) =>
                      preview.dueNow > query.data.dueNow
                        ? setConfirming({ version, due: preview.dueNow })
                        : submit(version),
                    )
                    .catch(() => submit(version));
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
                {save.isError &&
                !fieldError &&
                !(isApiError(save.error) && save.error.code === 'version_conflict') ? (
                  <ErrorAlert error={save.error} title={t('errors.saveFailed')} />
                ) : null}
                <Group>
                  <Button type="submit" loading={save.isPending}>
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
              </List.Item>
            </List>
          </Alert>
        </Stack>
      )}
      <ConfirmDialog
        opened={confirming !== null}
        title={t('retention.confirmTitle')}
        body={t('retention.confirmBody', {
          count: confirming?.due ?? 0,
          n: formatNumber(confirming?.due ?? 0, lang),
          years: String(years),
        })}
        confirmLabel={t('retention.confirm')}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const version = confirming?.version ?? 0;
          setConfirming(null);
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
