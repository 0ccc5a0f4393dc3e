import { BarChart } from '@mantine/charts';
import { Anchor, Card, EmptyState, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import {
  type Breakdown,
  type Dashboard,
  formatNumber,
  formatPercent,
  formatRupiah,
  type StatsFilter,
} from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { useUrlFilters } from '../../app/ui/use-url-filters';
import { useLanguage } from '../../i18n';
import { BreakdownTable, chartModel } from './BreakdownView';
import { SERIES_COLORS } from './chart-png';
import { FILTER_KEYS, filterFromValues, StatsFilters } from './StatsFilters';
import { countText, statKeyLabel } from './stat-labels';
import { useBreakdown, useDashboard } from './stats.api';

function Figure({ label, value, small }: { label: string; value: string; small?: boolean }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={small ? 18 : 28} fw={700} lh={1.2} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Card>
  );
}

/** The chair's dashboard: a few headline figures, the monthly trend, where victims were taken, the legal funnel. */
export function LeadershipDashboardPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { values, setFilter } = useUrlFilters(FILTER_KEYS);
  const filter = filterFromValues(values);
  const dash = useDashboard(filter);
  const destinations = useBreakdown({ indicator: 'victims', dimension: 'destination_country', ...filter });
  const funnel = useBreakdown({ indicator: 'legal_funnel', dimension: 'legal_stage', ...filter });
  const reach = usePreventionReach(filter);
  // RAD achievement is per whole year
  const radYear = filter.year !== undefined && filter.quarter === undefined && filter.month === undefined;
  const rad = useBreakdown(
    radYear
      ? {
          indicator: 'rad_achievement',
          dimension: 'sub_task_force',
          year: filter.year,
          ...(filter.taskForceId && { taskForceId: filter.taskForceId }),
        }
      : null,
  );
  const d = dash.data;
  const num = (v: number | null) => countText(v, d?.threshold ?? 3, lang);
  const rupiah = (v: number) => formatRupiah(v, lang);
  const optional = (v: number | null, unit: (n: number) => string) =>
    v === null ? t('stats.dashboard.notAvailable') : unit(v);

  return (
    <>
      <PageHeader
        title={t('stats.dashboard.title')}
        description={t('stats.dashboard.description')}
        action={
          <Anchor component={Link} to="/analysis">
            {t('stats.dashboard.openAnalysis')}
          </Anchor>
        }
      />
      <Stack gap="lg">
        <StatsFilters values={values} setFilter={setFilter} withDistrict={false} />
        {dash.isError ? (
          <ErrorAlert error={dash.error} onRetry={() => void dash.refetch()} showFieldMessages />
        ) : !d ? (
          <Skeleton height={300} />
        ) : (
          <>
            {d.rollUp ? (
              <Text size="sm">{t('stats.analysis.rollUp', { count: d.taskForceCount })}</Text>
            ) : null}
            {!d.exact ? (
              <Text size="sm" c="dimmed">
                {t('stats.analysis.suppressed', { max: d.threshold - 1, threshold: d.threshold })}
              </Text>
            ) : null}
            <section aria-label={t('stats.dashboard.title')}>
              <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
                <Figure label={t('stats.dashboard.cases')} value={num(d.cases)} />
                <Figure label={t('stats.dashboard.victims')} value={num(d.victims)} />
                <Figure label={t('stats.dashboard.childVictims')} value={num(d.childVictims)} />
                <Figure label={t('stats.dashboard.deportees')} value={num(d.deportees)} />
                <Figure label={t('stats.dashboard.bodiesReturned')} value={num(d.bodiesReturned)} />
                <Figure
                  label={t('stats.dashboard.onTime')}
                  value={optional(d.firstResponseOnTimePercent, (n) => formatPercent(n, lang))}
                />
                <Figure label={t('stats.dashboard.referralsSent')} value={num(d.referrals.sent)} />
                <Figure
                  label={t('stats.dashboard.restitutionGranted')}
                  value={rupiah(d.restitution.granted)}
                  small
                />
                <Figure
                  label={t('stats.dashboard.restitutionPaid')}
                  value={rupiah(d.restitution.paid)}
                  small
                />
              </SimpleGrid>
            </section>
            {d.cases === 0 ? (
              <EmptyState title={t('stats.dashboard.empty')} />
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <Card withBorder padding="md">
                  <Title order={2} fz="h4" mb="sm">
                    {t('stats.dashboard.trendTitle')}
                  </Title>
                  <TrendChart dashboard={d} />
                </Card>
                <Card withBorder padding="md">
                  <Title order={2} fz="h4" mb="sm">
                    {t('stats.dashboard.destinationTitle')}
                  </Title>
                  {destinations.data ? (
                    <BarChart
                      h={260}
                      data={chartModel(destinations.data, t, lang).data}
                      dataKey="key"
                      series={chartModel(destinations.data, t, lang).series}
                      valueFormatter={(v: number) => formatNumber(v, lang)}
                      aria-label={t('stats.dashboard.destinationTitle')}
                    />
                  ) : (
                    <Skeleton height={260} />
                  )}
                </Card>
                <PreventionReach reach={reach} />
                <Card withBorder padding="md">
                  <Title order={2} fz="h4" mb="sm">
                    {t('stats.dashboard.radTitle')}
                  </Title>
                  {!radYear ? (
                    <Text size="sm">{t('stats.dashboard.radYear')}</Text>
                  ) : rad.isError ? (
                    <ErrorAlert error={rad.error} onRetry={() => void rad.refetch()} />
                  ) : !rad.data ? (
                    <Skeleton height={160} />
                  ) : rad.data.rowKeys.length === 0 ? (
                    <Text size="sm">{t('stats.dashboard.radNone')}</Text>
                  ) : (
                    <Stack gap="xs">
                      <Text size="xs" c="dimmed">
                        {t('stats.analysis.percentNote')}
                      </Text>
                      <BreakdownTable breakdown={rad.data} caption={t('stats.dashboard.radTitle')} />
                    </Stack>
                  )}
                </Card>
                <Card withBorder padding="md">
                  <Title order={2} fz="h4" mb="sm">
                    {t('stats.dashboard.funnelTitle')}
                  </Title>
                  {funnel.data ? (
                    <BreakdownTable breakdown={funnel.data} caption={t('stats.dashboard.funnelTitle')} />
                  ) : (
                    <Skeleton height={200} />
                  )}
                </Card>
              </SimpleGrid>
            )}
          </>
        )}
      </Stack>
    </>
  );
}

/** Prevention activities, participants and villages reached in the period (kecamatan filter left out). */
function usePreventionReach(filter: StatsFilter) {
  const activities = useBreakdown({
    indicator: 'prevention_activities',
    dimension: 'target_group',
    ...filter,
  });
  const participants = useBreakdown({
    indicator: 'prevention_participants',
    dimension: 'age_group',
    series: 'sex',
    ...filter,
  });
  const villages = useBreakdown({ indicator: 'villages_reached', dimension: 'target_group', ...filter });
  return { activities, participants, villages };
}

function PreventionReach({ reach }: { reach: ReturnType<typeof usePreventionReach> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { activities, participants, villages } = reach;
  const total = (b: Breakdown | undefined) => (b ? countText(b.grandTotal, b.threshold, lang) : '…');
  const error = activities.error ?? participants.error ?? villages.error;
  return (
    <Card withBorder padding="md">
      <Title order={2} fz="h4" mb="sm">
        {t('stats.dashboard.preventionTitle')}
      </Title>
      {error ? (
        <ErrorAlert error={error} />
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
            <Figure label={t('stats.dashboard.preventionActivities')} value={total(activities.data)} small />
            <Figure
              label={t('stats.dashboard.preventionParticipants')}
              value={total(participants.data)}
              small
            />
            <Figure label={t('stats.dashboard.villagesReached')} value={total(villages.data)} small />
          </SimpleGrid>
          {participants.data ? (
            <BreakdownTable
              breakdown={participants.data}
              caption={t('stats.indicator.prevention_participants')}
            />
          ) : (
            <Skeleton height={120} />
          )}
        </Stack>
      )}
    </Card>
  );
}

function TrendChart({ dashboard: d }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const data = d.trend.map((m) => ({
    month: statKeyLabel(t, lang, 'month', m.month),
    cases: m.cases,
    victims: m.victims,
  }));
  return (
    <div role="img" aria-label={t('stats.dashboard.trendTitle')}>
      <BarChart
        h={260}
        data={data}
        dataKey="month"
        withLegend
        valueFormatter={(v: number) => formatNumber(v, lang)}
        series={[
          { name: 'cases', label: t('stats.dashboard.cases'), color: SERIES_COLORS[0]! },
          { name: 'victims', label: t('stats.dashboard.victims'), color: SERIES_COLORS[1]! },
        ]}
      />
    </div>
  );
}
