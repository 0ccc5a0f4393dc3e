import {
  Alert,
  Button,
  Card,
  EmptyState,
  Group,
  NativeSelect,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type BreakdownQuery,
  dimensionsOf,
  formatDate,
  NO_DISTRICT_FILTER,
  STAT_INDICATOR_IDS,
  type StatDimension,
  type StatIndicator,
} from '@sinergi/core';
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, isApiError } from '../../app/api-client';
import { useTimeZone } from '../../app/session';
import { ErrorAlert } from '../../app/ui/ErrorAlert';
import { PageHeader } from '../../app/ui/PageHeader';
import { useUrlFilters } from '../../app/ui/use-url-filters';
import { useLanguage } from '../../i18n';
import { BreakdownChart, BreakdownTable, type ChartKind, chartModel } from './BreakdownView';
import { downloadChartPng } from './chart-png';
import { FILTER_KEYS, filterFromValues, StatsFilters } from './StatsFilters';
import { downloadBreakdownXlsx, useBreakdown } from './stats.api';

const KEYS = [...FILTER_KEYS, 'indicator', 'dimension', 'series', 'chart'] as const;

/** Any indicator by any of its dimensions, as a chart and the table behind it; printable and downloadable. */
export function AnalysisPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const zone = useTimeZone();
  const { values, setFilter } = useUrlFilters(KEYS);
  const indicator = (STAT_INDICATOR_IDS as readonly string[]).includes(values.indicator)
    ? (values.indicator as StatIndicator)
    : 'victims';
  const dimensions = dimensionsOf(indicator);
  const dimension = (dimensions as readonly string[]).includes(values.dimension)
    ? (values.dimension as StatDimension)
    : dimensions[0]!;
  const series =
    values.series && values.series !== dimension && (dimensions as readonly string[]).includes(values.series)
      ? (values.series as StatDimension)
      : undefined;
  const kind: ChartKind = values.chart === 'line' || values.chart === 'stacked' ? values.chart : 'bar';
  const withDistrict = !NO_DISTRICT_FILTER.includes(indicator);
  const filter = filterFromValues(values);
  if (!withDistrict) delete filter.originDistrict;
  const query: BreakdownQuery = {
    indicator,
    dimension,
    ...(series && { series }),
    ...filter,
  };
  const result = useBreakdown(query);
  const chartRef = useRef<HTMLDivElement>(null);
  const title = `${t(`stats.indicator.${indicator}`)} — ${t(`stats.dimension.${dimension}`)}${
    series ? ` × ${t(`stats.dimension.${series}`)}` : ''
  }`;
  const fileBase = `${lang === 'id' ? 'statistik' : 'statistics'}-${indicator}-${dimension}${series ? `-${series}` : ''}`;
  const xlsx = useMutation({
    mutationFn: () => downloadBreakdownXlsx(query, `${fileBase}.xlsx`),
    onSuccess: () => notifications.show({ color: 'teal', message: t('stats.analysis.downloaded') }),
    onError: (error) =>
      notifications.show({ color: 'red', message: errorMessage(error, lang, t('errors.network')) }),
  });
  const png = useMutation({
    mutationFn: async () => {
      if (!chartRef.current || !result.data) throw new Error('no chart');
      const { series: s } = chartModel(result.data, t, lang);
      await downloadChartPng(chartRef.current, {
        title,
        legend: s.map((x) => ({ label: x.label, color: x.color })),
        filename: `${fileBase}.png`,
      });
    },
    onSuccess: () => notifications.show({ color: 'teal', message: t('stats.analysis.downloaded') }),
    onError: () => notifications.show({ color: 'red', message: t('stats.analysis.pngFailed') }),
  });
  const b = result.data;
  const empty = b
    ? b.cells.every((row) => row.every((v) => v === 0 || (b.unit === 'percent' && v === null)))
    : false;
  const fieldErrors = isApiError(result.error) ? result.error.fields : {};

  return (
    <>
      <PageHeader
        title={t('stats.analysis.title')}
        description={t('stats.analysis.description')}
        action={
          <Group gap="xs" className="no-print">
            <Button variant="default" onClick={() => window.print()} disabled={!b}>
              {t('stats.analysis.print')}
            </Button>
            <Button
              variant="default"
              onClick={() => png.mutate()}
              loading={png.isPending}
              disabled={!b || empty}
            >
              {t('stats.analysis.downloadPng')}
            </Button>
            <Button onClick={() => xlsx.mutate()} loading={xlsx.isPending} disabled={!b}>
              {t('stats.analysis.downloadXlsx')}
            </Button>
          </Group>
        }
      />
      <Stack gap="md">
        <Card withBorder padding="md" className="no-print">
          <Stack gap="sm">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <NativeSelect
                label={t('stats.analysis.indicator')}
                value={indicator}
                onChange={(e) => {
                  setFilter('indicator', e.currentTarget.value);
                }}
                data={STAT_INDICATOR_IDS.map((id) => ({ value: id, label: t(`stats.indicator.${id}`) }))}
                w={{ base: '100%', xs: 260 }}
              />
              <NativeSelect
                label={t('stats.analysis.dimension')}
                value={dimension}
                onChange={(e) => setFilter('dimension', e.currentTarget.value)}
                data={dimensions.map((d) => ({ value: d, label: t(`stats.dimension.${d}`) }))}
                w={{ base: '100%', xs: 230 }}
              />
              <NativeSelect
                label={t('stats.analysis.series')}
                value={series ?? ''}
                onChange={(e) => setFilter('series', e.currentTarget.value)}
                data={[
                  { value: '', label: t('stats.analysis.seriesNone') },
                  ...dimensions
                    .filter((d) => d !== dimension)
                    .map((d) => ({ value: d, label: t(`stats.dimension.${d}`) })),
                ]}
                w={{ base: '100%', xs: 230 }}
              />
            </Group>
            <StatsFilters
              values={values}
              setFilter={setFilter}
              errors={fieldErrors}
              withDistrict={withDistrict}
              districtOfActivity={dimensions.includes('activity_district')}
            />
            <div>
              <Text size="sm" fw={500} mb={4} id="chart-kind-label">
                {t('stats.analysis.chartType')}
              </Text>
              <SegmentedControl
                aria-labelledby="chart-kind-label"
                value={kind}
                onChange={(v) => setFilter('chart', v === 'bar' ? '' : v)}
                data={[
                  { value: 'bar', label: t('stats.analysis.bar') },
                  { value: 'stacked', label: t('stats.analysis.stacked') },
                  { value: 'line', label: t('stats.analysis.line') },
                ]}
              />
            </div>
          </Stack>
        </Card>
        {result.isError ? (
          <ErrorAlert error={result.error} onRetry={() => void result.refetch()} showFieldMessages />
        ) : !b ? (
          <Skeleton height={320} />
        ) : (
          <>
            <Text className="print-only" size="sm">
              {t('stats.filters.title')}: {b.period.from ? formatDate(b.period.from, lang, zone) : '…'} –{' '}
              {b.period.to ? formatDate(new Date(Date.parse(b.period.to) - 1), lang, zone) : '…'}
            </Text>
            <ProtectionNote
              percent={b.unit === 'percent'}
              exact={b.exact}
              threshold={b.threshold}
              rollUp={b.rollUp}
              count={b.taskForceCount}
              multi={b.multiValued}
            />
            {empty ? (
              <EmptyState title={t('stats.analysis.empty')} />
            ) : (
              <Card withBorder padding="md">
                <Text fw={600} mb="sm">
                  {title}
                </Text>
                <BreakdownChart ref={chartRef} breakdown={b} kind={kind} title={title} />
              </Card>
            )}
            <BreakdownTable breakdown={b} caption={title} />
          </>
        )}
      </Stack>
    </>
  );
}

function ProtectionNote(p: {
  percent: boolean;
  exact: boolean;
  threshold: number;
  rollUp: boolean;
  count: number;
  multi: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Alert variant="light" color={p.exact ? 'orange' : 'blue'}>
      <Stack gap={4}>
        <Text size="sm">
          {p.percent
            ? t('stats.analysis.percentNote')
            : p.exact
              ? t('stats.analysis.exact')
              : t('stats.analysis.suppressed', { max: p.threshold - 1, threshold: p.threshold })}
        </Text>
        {p.rollUp ? <Text size="sm">{t('stats.analysis.rollUp', { count: p.count })}</Text> : null}
        {p.multi && !p.percent ? <Text size="sm">{t('stats.analysis.multiValued')}</Text> : null}
      </Stack>
    </Alert>
  );
}
