import { Group, NativeSelect } from '@mantine/core';
import type { StatsFilter } from '@sinergi/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../app/ui/DateField';
import { DistrictFilter } from '../cases/DistrictFilter';
import { useStatsTaskForces } from './stats.api';

export const FILTER_KEYS = ['year', 'sub', 'from', 'to', 'originDistrict', 'taskForce'] as const;
export type FilterValues = Record<(typeof FILTER_KEYS)[number], string>;

/** The current year in WITA, the default period. */
export function currentYear(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

/** The URL's filter values as the API's filter: a year (default this year) with a quarter or month, all time, or a range. */
export function filterFromValues(v: FilterValues): StatsFilter {
  const f: StatsFilter = {};
  if (v.taskForce) f.taskForceId = v.taskForce;
  if (v.originDistrict) f.originDistrict = v.originDistrict;
  if (v.year === 'custom') {
    if (v.from) f.from = v.from;
    if (v.to) f.to = v.to;
    return f;
  }
  if (v.year === 'all') return f;
  f.year = Number(v.year) || currentYear();
  if (v.sub.startsWith('q')) f.quarter = Number(v.sub.slice(1));
  if (v.sub.startsWith('m')) f.month = Number(v.sub.slice(1));
  return f;
}

interface Props {
  values: FilterValues;
  setFilter: (key: (typeof FILTER_KEYS)[number], value: string) => void;
  withDistrict?: boolean;
  /** The kecamatan filters where prevention activities were held rather than where victims come from. */
  districtOfActivity?: boolean;
  /** Field problems the server reported, by filter name. */
  errors?: Record<string, string>;
}

/** Period (year, quarter or month, all time or a range of dates) and kecamatan of origin; kept in the URL. */
export function StatsFilters({
  values,
  setFilter,
  withDistrict = true,
  districtOfActivity = false,
  errors = {},
}: Props) {
  const { t, i18n } = useTranslation();
  const thisYear = currentYear();
  const years = Array.from({ length: thisYear - 2018 }, (_, i) => String(thisYear - i));
  const year = values.year || String(thisYear);
  const taskForces = useStatsTaskForces();
  const pickable = taskForces.data?.items ?? [];
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2000, m - 1, 1)));
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" className="stats-filters">
      {pickable.length > 1 ? (
        <NativeSelect
          label={t('stats.filters.taskForce')}
          value={values.taskForce}
          onChange={(e) => setFilter('taskForce', e.currentTarget.value)}
          data={[
            { value: '', label: t('stats.filters.taskForceAll') },
            ...pickable.map((tf) => ({ value: tf.id, label: tf.name })),
          ]}
          error={errors.taskForceId}
          w={{ base: '100%', xs: 280 }}
        />
      ) : null}
      <NativeSelect
        label={t('stats.filters.year')}
        value={year}
        onChange={(e) =>
          setFilter('year', e.currentTarget.value === String(thisYear) ? '' : e.currentTarget.value)
        }
        data={[
          ...years,
          { value: 'all', label: t('stats.filters.allTime') },
          { value: 'custom', label: t('stats.filters.custom') },
        ]}
        error={errors.year}
        w={{ base: '100%', xs: 150 }}
      />
      {year === 'custom' ? (
        <>
          <DateField
            label={t('stats.filters.from')}
            value={values.from}
            onChange={(value) => setFilter('from', value)}
            error={errors.from}
            w={{ base: '100%', xs: 170 }}
          />
          <DateField
            label={t('stats.filters.to')}
            value={values.to}
            onChange={(value) => setFilter('to', value)}
            error={errors.to}
            w={{ base: '100%', xs: 170 }}
          />
        </>
      ) : year !== 'all' ? (
        <NativeSelect
          label={`${t('stats.filters.quarter')} / ${t('stats.filters.month')}`}
          value={values.sub}
          onChange={(e) => setFilter('sub', e.currentTarget.value)}
          data={[
            { value: '', label: t('stats.filters.whole') },
            ...[1, 2, 3, 4].map((n) => ({ value: `q${n}`, label: t('stats.filters.quarterN', { n }) })),
            ...Array.from({ length: 12 }, (_, i) => ({ value: `m${i + 1}`, label: monthName(i + 1) })),
          ]}
          w={{ base: '100%', xs: 190 }}
        />
      ) : null}
      {withDistrict ? (
        <div style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <DistrictFilter
            value={values.originDistrict}
            onChange={(code) => setFilter('originDistrict', code)}
            label={districtOfActivity ? t('stats.dimension.activity_district') : undefined}
          />
        </div>
      ) : null}
    </Group>
  );
}
