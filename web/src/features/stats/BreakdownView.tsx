import { BarChart, LineChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import type { Breakdown, Language } from '@sinergi/core';
import { formatNumber, formatPercent } from '@sinergi/core';
import type { TFunction } from 'i18next';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SERIES_COLORS } from './chart-png';
import { cellText, statKeyLabel } from './stat-labels';

export type ChartKind = 'bar' | 'stacked' | 'line';

/** The chart's rows and series, with hidden counts left out of the drawing (they are in the table). */
export function chartModel(b: Breakdown, t: TFunction, lang: Language) {
  const seriesDim = b.series ?? b.dimension;
  const series = b.columnKeys.map((k, i) => ({
    name: `s${i}`,
    label: b.series
      ? statKeyLabel(t, lang, seriesDim, k, b.labels)
      : String(t(`stats.indicator.${b.indicator}`)),
    color: SERIES_COLORS[i % SERIES_COLORS.length]!,
  }));
  const data = b.rowKeys.map((k, r) => ({
    key: statKeyLabel(t, lang, b.dimension, k, b.labels),
    ...Object.fromEntries(b.columnKeys.map((_, c) => [`s${c}`, b.cells[r]![c] ?? null])),
  }));
  return { series, data };
}

export const BreakdownChart = forwardRef<
  HTMLDivElement,
  { breakdown: Breakdown; kind: ChartKind; title: string }
>(function BreakdownChart({ breakdown, kind, title }, ref) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'id') as Language;
  const { series, data } = chartModel(breakdown, t, lang);
  const common = {
    h: 320,
    data,
    dataKey: 'key',
    series,
    withLegend: series.length > 1,
    valueFormatter: (v: number) =>
      breakdown.unit === 'percent' ? formatPercent(v, lang) : formatNumber(v, lang),
    xAxisProps: {
      interval: 0,
      angle: data.length > 6 ? -30 : 0,
      textAnchor: data.length > 6 ? 'end' : 'middle',
      height: data.length > 6 ? 70 : 30,
    },
  } as const;
  return (
    <div ref={ref} role="img" aria-label={title} className="stats-chart">
      {kind === 'line' ? (
        <LineChart {...common} connectNulls={false} />
      ) : (
        <BarChart {...common} type={kind === 'stacked' ? 'stacked' : 'default'} />
      )}
    </div>
  );
});

/** The table behind the chart, with totals where they add up; hidden counts read "< 3". */
export function BreakdownTable({ breakdown: b, caption }: { breakdown: Breakdown; caption: string }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'id') as Language;
  const count = (v: number | null, masked?: boolean) =>
    cellText(b, v, lang, t('stats.analysis.noReport'), masked ?? false);
  const withRowTotals = b.series !== null && !b.multiValued;
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table striped withTableBorder highlightOnHover captionSide="top" fz="sm">
        <Table.Caption style={{ textAlign: 'left' }}>
          <Text fw={600} size="sm" component="span">
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`stats.dimension.${b.dimension}`)}</Table.Th>
            {b.columnKeys.map((k) => (
              <Table.Th key={k} scope="col" ta="right">
                {b.series
                  ? statKeyLabel(t, lang, b.series, k, b.labels)
                  : t(`stats.indicator.${b.indicator}`)}
              </Table.Th>
            ))}
            {withRowTotals ? (
              <Table.Th scope="col" ta="right">
                {t('stats.value.total')}
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {b.rowKeys.map((k, r) => (
            <Table.Tr key={k}>
              <Table.Th scope="row" fw={400}>
                {statKeyLabel(t, lang, b.dimension, k, b.labels)}
              </Table.Th>
              {b.cells[r]!.map((v, c) => (
                <Table.Td key={b.columnKeys[c]} ta="right">
                  {count(v, b.masked?.cells[r]?.[c])}
                </Table.Td>
              ))}
              {withRowTotals ? (
                <Table.Td ta="right">{count(b.rowTotals[r] ?? null, b.masked?.rowTotals[r])}</Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {b.multiValued ? null : (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('stats.value.total')}</Table.Th>
              {b.columnTotals.map((v, c) => (
                <Table.Th key={b.columnKeys[c]} ta="right">
                  {count(v, b.masked?.columnTotals[c])}
                </Table.Th>
              ))}
              {withRowTotals ? (
                <Table.Th ta="right">{count(b.grandTotal, b.masked?.grandTotal)}</Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
