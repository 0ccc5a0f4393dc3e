import {
  ACTION_STATUSES,
  ageBandOf,
  CASE_STAGES,
  CASE_TYPES,
  CTDC_AGE_BANDS,
  DEPARTURE_KINDS,
  GENDERS,
  LEGAL_FUNNEL_STEPS,
  localMonthOf,
  REFERRAL_STATUSES,
  SERVICE_STATUSES,
  SIMFONI_AGE_BANDS,
  SOP_STAGES,
  type StatDimension,
  TARGET_GROUPS,
  UNKNOWN_KEY,
} from '@sinergi/core';

/** Values every table of a dimension lists, zeros included, in their natural order. */
export const FIXED_KEYS: Partial<Record<StatDimension, readonly string[]>> = {
  case_type: CASE_TYPES,
  stage: CASE_STAGES,
  sex: GENDERS,
  age_group: ['child', 'adult'],
  age_simfoni: SIMFONI_AGE_BANDS.map((b) => b.id),
  age_ctdc: CTDC_AGE_BANDS.map((b) => b.id),
  departure: DEPARTURE_KINDS,
  sop_stage: SOP_STAGES,
  service_status: SERVICE_STATUSES,
  need_or_delivery: ['needed', 'delivered'],
  referral_status: REFERRAL_STATUSES,
  legal_stage: LEGAL_FUNNEL_STEPS,
  action_status: ACTION_STATUSES,
  action_overdue: ['overdue', 'not_overdue'],
  target_group: TARGET_GROUPS,
};

const PROFILE_LIST: Partial<Record<StatDimension, string>> = {
  labour_sector: 'labourSectors',
  recruitment_method: 'recruitmentMethods',
  recruitment_platform: 'recruitmentPlatforms',
};

function text(raw: unknown): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  return String(raw);
}

/**
 * The dimension values a raw grouped value stands for: one for most dimensions, several for the
 * lists (a case with two exploitation types counts under both), `_unknown` when not recorded.
 */
export function keysOf(dimension: StatDimension, raw: unknown, offsetMinutes: number): string[] {
  const value = text(raw);
  const one = (v: string | null) => [v ?? UNKNOWN_KEY];
  switch (dimension) {
    case 'month':
      return one(value && localMonthOf(`${value}:00:00.000Z`, offsetMinutes));
    case 'year':
      return one(value && localMonthOf(`${value}:00:00.000Z`, offsetMinutes).slice(0, 4));
    case 'age_group':
      return one(value === null ? null : Number(value) === 1 ? 'child' : 'adult');
    case 'age_simfoni':
      return one(ageBandOf(value === null ? null : Number(value), SIMFONI_AGE_BANDS));
    case 'age_ctdc':
      return one(ageBandOf(value === null ? null : Number(value), CTDC_AGE_BANDS));
    case 'destination_province':
      return one(value?.slice(0, 2) ?? null);
    case 'exploitation_type':
    case 'sop_stage': {
      const list = (value ?? '').split(',').filter(Boolean);
      return list.length ? [...new Set(list)] : [UNKNOWN_KEY];
    }
    case 'labour_sector':
    case 'recruitment_method':
    case 'recruitment_platform': {
      let list: unknown;
      try {
        list = value ? (JSON.parse(value) as Record<string, unknown>)[PROFILE_LIST[dimension]!] : [];
      } catch {
        list = [];
      }
      return Array.isArray(list) && list.length ? [...new Set(list.map(String))] : [UNKNOWN_KEY];
    }
    default:
      return one(value);
  }
}

/** Row or column keys in order: the fixed list, else months and years ascending, else by count. */
export function orderKeys(dimension: StatDimension, totals: Map<string, number>): string[] {
  const fixed = FIXED_KEYS[dimension];
  const unknownLast = (keys: string[]) => [
    ...keys.filter((k) => k !== UNKNOWN_KEY),
    ...(keys.includes(UNKNOWN_KEY) ? [UNKNOWN_KEY] : []),
  ];
  if (fixed) return unknownLast([...fixed, ...[...totals.keys()].filter((k) => !fixed.includes(k))]);
  const keys = [...totals.keys()];
  if (dimension === 'month' || dimension === 'year') return unknownLast(keys.sort());
  return unknownLast(keys.sort((x, y) => (totals.get(y) ?? 0) - (totals.get(x) ?? 0) || x.localeCompare(y)));
}
