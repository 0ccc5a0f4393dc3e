import type { Breakdown, Language, StatDimension } from '@sinergi/core';
import { formatNumber, formatPercent } from '@sinergi/core';
import type { TFunction } from 'i18next';
import { coreLabel, valueLabel } from '../cases/case-values';

const VALUE_LISTS = {
  sex: 'genders',
  labour_sector: 'labourSectors',
  recruitment_method: 'recruitmentMethods',
  recruitment_platform: 'recruitmentPlatforms',
  departure: 'departureKinds',
} as const;

/** The label of one key of a breakdown: value lists, country and month names, names the server sent. */
export function statKeyLabel(
  t: TFunction,
  lang: Language,
  dimension: StatDimension,
  key: string,
  labels: Breakdown['labels'] = {},
): string {
  if (key === '_unknown' && dimension === 'sub_task_force') return t('stats.value.noSubTaskForce');
  if (key === '_unknown' || key === 'total') return t(`stats.value.${key}`);
  if (labels[key]) return labels[key];
  switch (dimension) {
    case 'case_type':
      return coreLabel(lang, 'caseType', key);
    case 'stage':
      return coreLabel(lang, 'stage', key);
    case 'exploitation_type':
      return coreLabel(lang, 'exploitationType', key);
    case 'sex':
    case 'labour_sector':
    case 'recruitment_method':
    case 'recruitment_platform':
    case 'departure':
      return valueLabel(lang, VALUE_LISTS[dimension], key);
    case 'destination_country':
      try {
        return new Intl.DisplayNames([lang === 'id' ? 'id-ID' : 'en'], { type: 'region' }).of(key) ?? key;
      } catch {
        return key;
      }
    case 'month': {
      const [y, m] = key.split('-').map(Number) as [number, number];
      return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(Date.UTC(y, m - 1, 1)));
    }
    case 'year':
    case 'age_simfoni':
    case 'age_ctdc':
    case 'origin_district':
    case 'destination_province':
    case 'task_force':
    case 'owner_agency':
    case 'sub_task_force':
    case 'village':
    case 'activity_district':
      return key;
    default:
      return t(`stats.value.${key}` as 'stats.value.total', { defaultValue: key });
  }
}

/**
 * A released count for reading: the number with the language's digits, "< 3" where it is small,
 * "•" where it is hidden only to protect a small count elsewhere in the table.
 */
export function countText(value: number | null, threshold: number, lang: Language, masked = false): string {
  if (value === null) return masked ? '•' : `< ${threshold}`;
  return formatNumber(value, lang);
}

/** A released cell for reading: a count as `countText`, a percentage with "%" ("no report yet" when null). */
export function cellText(
  b: Pick<Breakdown, 'unit' | 'threshold'>,
  value: number | null,
  lang: Language,
  noReport: string,
  masked = false,
): string {
  if (b.unit !== 'percent') return countText(value, b.threshold, lang, masked);
  if (value === null) return noReport;
  return formatPercent(value, lang);
}
