import { CASE_STAGES, CASE_TYPES, EXPLOITATION_TYPES, REGION_CODE_PATTERN, RISK_LEVELS } from '@sinergi/core';
import { allowedOrEmpty, BOOLEAN_FILTER_VALUES, uuidOrEmpty } from '../../app/ui/use-url-filters';
import type { CaseListFilter } from './case.api';

export const CASE_FILTER_KEYS = [
  'q',
  'type',
  'stage',
  'risk',
  'overdue',
  'from',
  'to',
  'originDistrict',
  'destinationCountry',
  'exploitationType',
  'leadAgencyId',
  'sort',
] as const;

export type CaseFilterKey = (typeof CASE_FILTER_KEYS)[number];

export const CASE_SORTS = [
  '-reported_at',
  'reported_at',
  'case_number',
  '-case_number',
  'first_response_due_at',
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The URL's filter values as the API accepts them: anything hand-edited and invalid is dropped. */
export function caseFilterFromUrl(values: Record<CaseFilterKey, string>): {
  filter: CaseListFilter;
  rangeInvalid: boolean;
} {
  const from = DATE.test(values.from) ? values.from : '';
  const to = DATE.test(values.to) ? values.to : '';
  const rangeInvalid = from !== '' && to !== '' && to < from;
  return {
    rangeInvalid,
    filter: {
      q: values.q.slice(0, 100),
      type: allowedOrEmpty(values.type, CASE_TYPES),
      stage: allowedOrEmpty(values.stage, CASE_STAGES),
      risk: allowedOrEmpty(values.risk, RISK_LEVELS),
      overdue: allowedOrEmpty(values.overdue, BOOLEAN_FILTER_VALUES),
      from,
      to: rangeInvalid ? '' : to,
      originDistrict: REGION_CODE_PATTERN.test(values.originDistrict) ? values.originDistrict : '',
      destinationCountry: /^[A-Z]{2}$/.test(values.destinationCountry) ? values.destinationCountry : '',
      exploitationType: allowedOrEmpty(values.exploitationType, EXPLOITATION_TYPES),
      leadAgencyId: uuidOrEmpty(values.leadAgencyId),
      sort: allowedOrEmpty(values.sort, CASE_SORTS),
    },
  };
}

/** How many filters besides the search and the order are set (shown on the phone's filter button). */
export function activeFilterCount(filter: CaseListFilter): number {
  return Object.entries(filter).filter(([key, value]) => key !== 'q' && key !== 'sort' && value !== '')
    .length;
}
