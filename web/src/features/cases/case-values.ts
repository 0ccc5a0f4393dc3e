import {
  BP2MI_COMPLAINT_CATEGORIES,
  CASE_STAGE_LABELS,
  CASE_STAGES,
  CASE_TYPE_LABELS,
  CASE_TYPES,
  CLOSURE_REASONS,
  CONSENT_GIVERS,
  CONSENT_SCOPES,
  DEPARTURE_KINDS,
  DEPORTATION_REASONS,
  DEPORTEE_DEPOTS,
  DEPORTEE_WISHES,
  EDUCATION_LEVELS,
  EXPLOITATION_TYPE_LABELS,
  EXPLOITATION_TYPES,
  GENDERS,
  INTAKE_CHANNELS,
  LABOUR_SECTORS,
  type Language,
  labelOf,
  MARITAL_STATUSES,
  METHODS_OF_CONTROL,
  PASSPORT_KINDS,
  PERSON_ROLES,
  RECRUITER_RELATIONS,
  RECRUITMENT_METHODS,
  RECRUITMENT_PLATFORMS,
  RELIGIONS,
  REPORTING_PARTIES,
  RISK_LABELS,
  RISK_LEVELS,
  SCREENING_ELEMENTS,
  TRAFFICKING_EVENT_TYPES,
} from '@sinergi/core';
import en from '../../i18n/en.json';
import id from '../../i18n/id.json';

type Values = typeof id.caseValues;
type Complete<T extends readonly string[]> = Record<T[number], string>;

/**
 * The value lists whose labels live in the web's dictionaries, each tied to its list in core so a
 * value added there without a label fails the type check.
 */
const LISTS = {
  channels: INTAKE_CHANNELS,
  reportingParties: REPORTING_PARTIES,
  recruitmentMethods: RECRUITMENT_METHODS,
  recruitmentPlatforms: RECRUITMENT_PLATFORMS,
  recruiterRelations: RECRUITER_RELATIONS,
  methodsOfControl: METHODS_OF_CONTROL,
  labourSectors: LABOUR_SECTORS,
  eventTypes: TRAFFICKING_EVENT_TYPES,
  passportKinds: PASSPORT_KINDS,
  departureKinds: DEPARTURE_KINDS,
  deporteeDepots: DEPORTEE_DEPOTS,
  deportationReasons: DEPORTATION_REASONS,
  deporteeWishes: DEPORTEE_WISHES,
  bp2miCategories: BP2MI_COMPLAINT_CATEGORIES,
  personRoles: PERSON_ROLES,
  genders: GENDERS,
  educationLevels: EDUCATION_LEVELS,
  maritalStatuses: MARITAL_STATUSES,
  religions: RELIGIONS,
  consentScopes: CONSENT_SCOPES,
  givenBy: CONSENT_GIVERS,
  closureReasons: CLOSURE_REASONS,
  screeningResults: ['identified', 'potential', 'not_tppo'],
  screeningElements: SCREENING_ELEMENTS,
} as const;

export type ValueList = keyof typeof LISTS;

const complete: { [K in ValueList]: Complete<(typeof LISTS)[K]> } = id.caseValues;
void complete;

type Dictionary = Record<keyof Values, Record<string, string>>;

/** The label of a coded value in the chosen language; the code itself when it has none. */
export function valueLabel(lang: Language, list: keyof Values, value: string | null | undefined): string {
  if (!value) return '';
  const dictionary: Dictionary = lang === 'en' ? en.caseValues : id.caseValues;
  return dictionary[list][value] ?? value;
}

/** Select options for a value list, in the list's own order. */
export function valueOptions(lang: Language, list: ValueList): { value: string; label: string }[] {
  return LISTS[list].map((value) => ({ value, label: valueLabel(lang, list, value) }));
}

/** Labels kept in core (exports and reports share them). */
const CORE_LABELS = {
  caseType: CASE_TYPE_LABELS,
  stage: CASE_STAGE_LABELS,
  risk: RISK_LABELS,
  exploitationType: EXPLOITATION_TYPE_LABELS,
} as const;

const CORE_LISTS = {
  caseType: CASE_TYPES,
  stage: CASE_STAGES,
  risk: RISK_LEVELS,
  exploitationType: EXPLOITATION_TYPES,
} as const;

export type CoreList = keyof typeof CORE_LABELS;

export function coreLabel(lang: Language, list: CoreList, value: string | null | undefined): string {
  return labelOf(CORE_LABELS[list], value, lang);
}

export function coreOptions(lang: Language, list: CoreList): { value: string; label: string }[] {
  return CORE_LISTS[list].map((value) => ({ value, label: coreLabel(lang, list, value) }));
}
