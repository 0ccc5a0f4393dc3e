import {
  Accordion,
  Button,
  Card,
  Group,
  Progress,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import type { AchievementStatus, PlanActivity } from '@sinergi/core';
import { formatNumber, formatPercent } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionInfo } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { StatusBadge } from '../../app/ui/StatusBadge';
import { allowedOrEmpty, useUrlFilters } from '../../app/ui/use-url-filters';
import { useLanguage } from '../../i18n';
import { useMembership } from '../taskforces/membership.api';
import { PlanImportDialog } from './PlanImportDialog';
import { ProgressForm } from './ProgressForm';
import { ProgressReportsDialog } from './ProgressReportsDialog';
import { downloadPlanXlsx, usePlans, usePlanTree } from './plan.api';

const STATUS_COLOR: Record<AchievementStatus, string> = {
  on_track: 'teal',
  at_risk: 'yellow',
  behind: 'red',
  no_report: 'gray',
};
const STATUSES = ['on_track', 'at_risk', 'behind', 'no_report'] as const;
const FILTER_KEYS = ['plan', 'year', 'status', 'agency', 'sub'] as const;

/** The regional action plan (RAD): programmes and activities with their achievement this year. */
export function PlanPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSessionInfo();
  const plans = usePlans();
  const filters = useUrlFilters(FILTER_KEYS);
  const plan = plans.data?.find((p) => p.id === filters.values.plan) ?? plans.data?.[0] ?? null;
  const year = Number(filters.values.year) || null;
  const tree = usePlanTree(plan?.id ?? null, year);
  const membership = useMembership(session.taskForce?.id ?? null);
  const [reporting, setReporting] = useState<PlanActivity | null>(null);
  const [viewing, setViewing] = useState<PlanActivity | null>(null);
  const [importing, setImporting] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const mayImport = session.permissions.includes('taskforce.manage');
  const status = allowedOrEmpty(filters.values.status, STATUSES);
  const agencyName = (id: string) =>
    membership.data?.members.find((m) => m.agencyId === id)?.agencyShortName ?? '';
  const agencies = (membership.data?.members ?? []).map((m) => ({
    value: m.agencyId,
    label: m.agencyShortName,
  }));

  if (plans.isPending || (plan && tree.isPending))
    return (
      <Stack aria-busy="true" aria-label={t('app.loading')}>
        <Skeleton height={60} />
        <Skeleton height={200} />
      </Stack>
    );
  if (plans.isError) return <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />;
  const importDialog = <PlanImportDialog opened={importing} onClose={() => setImporting(false)} />;
  if (!plan)
    return (
      <>
        <PageHeader title={t('plans.title')} description={t('plans.description')} />
        <Text mb="md">{t('plans.empty')}</Text>
        {mayImport ? <Button onClick={() => setImporting(true)}>{t('plans.import.open')}</Button> : null}
        {importDialog}
      </>
    );
  if (tree.isError || !tree.data)
    return <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />;
  const data = tree.data;
  const years = Array.from({ length: data.endYear - data.startYear + 1 }, (_, i) =>
    String(data.startYear + i),
  );
  const show = (a: PlanActivity) =>
    (!status || a.status === status) &&
    (!filters.values.agency || a.responsibleAgencyId === filters.values.agency);
  const programmes = data.programmes.filter(
    (p) => !filters.values.sub || p.subTaskForceId === filters.values.sub,
  );

  return (
    <>
      <PageHeader title={data.title} description={t('plans.description')} />
      <Group gap="sm" mb="md" wrap="wrap">
        <Button
          variant="default"
          onClick={() => {
            setDownloadError(null);
            downloadPlanXlsx(data.id).catch(setDownloadError);
          }}
        >
          {t('plans.download')}
        </Button>
        {mayImport ? (
          <Button variant="default" onClick={() => setImporting(true)}>
            {t('plans.import.open')}
          </Button>
        ) : null}
      </Group>
      {downloadError ? <ErrorAlert error={downloadError} /> : null}
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        {(plans.data?.length ?? 0) > 1 ? (
          <Select
            label={t('plans.plan')}
            data={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
            value={data.id}
            onChange={(v) => filters.setFilter('plan', v ?? '')}
            allowDeselect={false}
            style={{ flex: '2 1 14rem' }}
          />
        ) : null}
        <Select
          label={t('plans.year')}
          data={years}
          value={String(data.year)}
          onChange={(v) => filters.setFilter('year', v ?? '')}
          allowDeselect={false}
          style={{ flex: '1 1 7rem' }}
        />
        <Select
          label={t('plans.status')}
          placeholder={t('common.all')}
          data={STATUSES.map((s) => ({ value: s, label: t(`plans.statuses.${s}`) }))}
          value={status || null}
          onChange={(v) => filters.setFilter('status', v ?? '')}
          clearable
          style={{ flex: '1 1 10rem' }}
        />
        <Select
          label={t('plans.agency')}
          placeholder={t('common.all')}
          data={agencies}
          value={filters.values.agency || null}
          onChange={(v) => filters.setFilter('agency', v ?? '')}
          clearable
          searchable
          style={{ flex: '1 1 12rem' }}
        />
        <Select
          label={t('plans.subTaskForce')}
          placeholder={t('common.all')}
          data={(membership.data?.subTaskForces ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={filters.values.sub || null}
          onChange={(v) => filters.setFilter('sub', v ?? '')}
          clearable
          style={{ flex: '1 1 12rem' }}
        />
      </Group>
      {data.subTaskForces.some((s) => s.id) ? (
        <Table.ScrollContainer minWidth={420} mb="md">
          <Table withTableBorder striped aria-label={t('plans.bySubTaskForce')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plans.subTaskForce')}</Table.Th>
                <Table.Th>{t('plans.achievement')}</Table.Th>
                <Table.Th>{t('plans.activitiesCount')}</Table.Th>
                <Table.Th>{t('plans.statuses.behind')}</Table.Th>
                <Table.Th>{t('plans.statuses.no_report')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.subTaskForces.map((s) => (
                <Table.Tr key={s.id ?? 'none'}>
                  <Table.Td>{s.name ?? t('plans.noSubTaskForce')}</Table.Td>
                  <Table.Td>
                    {s.achievementPercent === null
                      ? t('plans.noAchievement')
                      : formatPercent(s.achievementPercent, lang)}
                  </Table.Td>
                  <Table.Td>{s.activities}</Table.Td>
                  <Table.Td>{s.behind}</Table.Td>
                  <Table.Td>{s.notReported}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Accordion multiple variant="separated" defaultValue={programmes.map((p) => p.id)}>
        {programmes.map((p) => {
          const acts = p.activities.filter(show);
          return (
            <Accordion.Item key={p.id} value={p.id}>
              <Accordion.Control>
                <Text fw={600}>{p.title}</Text>
                <Text size="sm" c="dimmed">
                  {t(`plans.horizons.${p.horizon}`)} ·{' '}
                  {p.achievementPercent === null
                    ? t('plans.noAchievement')
                    : t('plans.percent', { value: formatNumber(p.achievementPercent, lang) })}
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="xs">
                  {acts.length === 0 ? <Text c="dimmed">{t('plans.noActivities')}</Text> : null}
                  {acts.map((a) => {
                    const target = a.targets.find((x) => x.year === data.year)?.value ?? 0;
                    return (
                      <Card key={a.id} withBorder padding="sm" data-testid="activity">
                        <Group justify="space-between" wrap="wrap" gap="xs">
                          <Text fw={600}>{a.title}</Text>
                          <StatusBadge
                            label={t(`plans.statuses.${a.status}`)}
                            color={STATUS_COLOR[a.status]}
                          />
                        </Group>
                        <Text size="sm">{a.indicator}</Text>
                        <Text size="sm" c="dimmed">
                          {t('plans.responsible')}: {agencyName(a.responsibleAgencyId)} ·{' '}
                          {t('plans.realisedOfTarget', {
                            realised: formatNumber(a.realised ?? 0, lang),
                            target: formatNumber(target, lang),
                            unit: a.unit,
                          })}
                        </Text>
                        <Progress
                          mt={6}
                          value={Math.min(100, a.achievementPercent ?? 0)}
                          color={STATUS_COLOR[a.status]}
                          aria-label={t('plans.percent', {
                            value: formatNumber(a.achievementPercent ?? 0, lang),
                          })}
                        />
                        <Group justify="flex-end" mt="xs" gap="xs">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setViewing(a)}
                            aria-label={t('plans.evidence.openLabel', { title: a.title })}
                          >
                            {t('plans.evidence.open')}
                          </Button>
                          {a.can.report ? (
                            <Button size="xs" onClick={() => setReporting(a)}>
                              {t('plans.report')}
                            </Button>
                          ) : null}
                        </Group>
                      </Card>
                    );
                  })}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      <ProgressForm
        plan={data}
        activity={reporting}
        agencies={agencies}
        onClose={() => setReporting(null)}
        onFiled={setViewing}
      />
      <ProgressReportsDialog
        plan={data}
        activity={viewing}
        agencies={agencies}
        onClose={() => setViewing(null)}
      />
      {importDialog}
    </>
  );
}
