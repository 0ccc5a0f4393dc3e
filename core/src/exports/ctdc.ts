/**
 * The CTDC public data set's columns and codes (domain §6), computed from non-personal fields of a
 * victim and the case's trafficking profile. Missing values are -99, an unknown country is "00".
 */
import { LABOUR_SECTORS, METHODS_OF_CONTROL, RECRUITER_RELATIONS } from '../cases/enums.js';
import { type DataRow, type GeneralisationStep, K_DEFAULT, kAnonymise } from './k-anonymity.js';

export const MISSING = -99;
export const UNKNOWN_COUNTRY = '00';

/** What the CTDC row of one victim is built from; nothing here identifies a person. */
export interface CtdcSource {
  reportYear: number;
  /** Year of the incident when known (for the age at registration). */
  incidentYear: number | null;
  sex: string;
  ageAtIncident: number | null;
  nationality: string | null;
  exploitationTypes: readonly string[];
  labourSectors: readonly string[];
  methodsOfControl: readonly string[];
  recruitmentMethods: readonly string[];
  recruiterRelation: string | null;
  /** ISO-2 country of exploitation (from the trafficking events, else the destination). */
  countryOfExploitation: string | null;
}

export const CTDC_AGE_BROAD = [
  '0-8',
  '9-17',
  '18-20',
  '21-23',
  '24-26',
  '27-29',
  '30-38',
  '39-47',
  '48+',
] as const;

/** The CTDC `ageBroad` band of an age. */
export function ctdcAgeBand(age: number | null): string | number {
  if (age === null || age < 0) return MISSING;
  if (age <= 8) return '0-8';
  if (age <= 17) return '9-17';
  if (age <= 20) return '18-20';
  if (age <= 23) return '21-23';
  if (age <= 26) return '24-26';
  if (age <= 29) return '27-29';
  if (age <= 38) return '30-38';
  if (age <= 47) return '39-47';
  return '48+';
}

const GENDER: Record<string, string> = {
  Male: 'Male',
  Female: 'Female',
  TransgenderNonConforming: 'Transgender/NonConforming',
};

const EXPLOIT_LABEL: Record<string, string> = {
  forced_labour: 'Forced labour',
  sexual_exploitation: 'Sexual exploitation',
  forced_marriage: 'Forced marriage',
  slavery_and_practices: 'Slavery and similar practices',
  organ_removal: 'Organ removal',
  forced_begging: 'Forced begging',
  forced_criminality: 'Forced criminality',
  other: 'Other',
};

const RELATION_LABEL: Record<string, string> = {
  IntimatePartner: 'Intimate Partner',
  Friend: 'Friend',
  Family: 'Family/Relative',
  Other: 'Other',
  Unknown: 'Unknown',
};

const SEX_TYPES = [
  'Prostitution',
  'Pornography',
  'RemoteInteractiveServices',
  'PrivateSexualServices',
] as const;

/** Every CTDC column, in the published order. */
export const CTDC_COLUMNS: readonly string[] = [
  'yearOfRegistration',
  'Datasource',
  'gender',
  'ageBroad',
  'majorityStatus',
  'majorityStatusAtExploit',
  'majorityEntry',
  'citizenship',
  ...METHODS_OF_CONTROL.map((m) => `meansOfControl${m}`),
  'meansOfControlNotSpecified',
  'meansOfControlConcatenated',
  'isForcedLabour',
  'isSexualExploit',
  'isOtherExploit',
  'isSexAndLabour',
  'isForcedMarriage',
  'isForcedMilitary',
  'isOrganRemoval',
  'isSlaveryAndPractices',
  'typeOfExploitConcatenated',
  ...LABOUR_SECTORS.map((s) => `typeOfLabour${s}`),
  'typeOfLabourNotSpecified',
  'typeOfLabourConcatenated',
  ...SEX_TYPES.map((s) => `typeOfSex${s}`),
  'typeOfSexConcatenated',
  'isAbduction',
  'RecruiterRelationship',
  'CountryOfExploitation',
  ...RECRUITER_RELATIONS.map((r) => `recruiterRelation${r}`),
];

/** Columns whose combination could single out a victim; k-anonymity is enforced on them. */
export const CTDC_QUASI_IDENTIFIERS = [
  'yearOfRegistration',
  'gender',
  'ageBroad',
  'majorityStatus',
  'citizenship',
  'CountryOfExploitation',
  'typeOfExploitConcatenated',
] as const;

const flag = (known: boolean, yes: boolean): number => (known ? (yes ? 1 : 0) : MISSING);
const majority = (age: number | null): string | number =>
  age === null ? MISSING : age < 18 ? 'Minor' : 'Adult';

/** The CTDC row of one victim. */
export function ctdcRow(s: CtdcSource, datasource = 'Case Management'): DataRow {
  const ageAtRegistration =
    s.ageAtIncident === null
      ? null
      : s.ageAtIncident + Math.max(0, s.reportYear - (s.incidentYear ?? s.reportYear));
  const types = new Set(s.exploitationTypes);
  const knownTypes = types.size > 0;
  const labour = types.has('forced_labour');
  const sexual = types.has('sexual_exploitation');
  const other = types.has('forced_begging') || types.has('forced_criminality') || types.has('other');
  const controls = new Set(s.methodsOfControl);
  const knownControls = controls.size > 0;
  const sectors = new Set(s.labourSectors);
  const row: DataRow = {
    yearOfRegistration: s.reportYear,
    Datasource: datasource,
    gender: GENDER[s.sex] ?? MISSING,
    ageBroad: ctdcAgeBand(ageAtRegistration),
    majorityStatus: majority(ageAtRegistration),
    majorityStatusAtExploit: majority(s.ageAtIncident),
    majorityEntry: MISSING,
    citizenship: s.nationality?.toUpperCase() ?? UNKNOWN_COUNTRY,
  };
  for (const m of METHODS_OF_CONTROL) row[`meansOfControl${m}`] = flag(knownControls, controls.has(m));
  row.meansOfControlNotSpecified = knownControls ? 0 : 1;
  row.meansOfControlConcatenated = knownControls
    ? METHODS_OF_CONTROL.filter((m) => controls.has(m)).join(';')
    : MISSING;
  row.isForcedLabour = flag(knownTypes, labour);
  row.isSexualExploit = flag(knownTypes, sexual);
  row.isOtherExploit = flag(knownTypes, other);
  row.isSexAndLabour = flag(knownTypes, labour && sexual);
  row.isForcedMarriage = flag(knownTypes, types.has('forced_marriage'));
  row.isForcedMilitary = flag(knownTypes, false);
  row.isOrganRemoval = flag(knownTypes, types.has('organ_removal'));
  row.isSlaveryAndPractices = flag(knownTypes, types.has('slavery_and_practices'));
  row.typeOfExploitConcatenated = knownTypes
    ? Object.keys(EXPLOIT_LABEL)
        .filter((t) => types.has(t))
        .map((t) => EXPLOIT_LABEL[t])
        .join(';')
    : MISSING;
  const knownSectors = sectors.size > 0;
  for (const sector of LABOUR_SECTORS)
    row[`typeOfLabour${sector}`] = knownSectors ? (sectors.has(sector) ? 1 : 0) : MISSING;
  row.typeOfLabourNotSpecified = labour && !knownSectors ? 1 : labour ? 0 : MISSING;
  row.typeOfLabourConcatenated = knownSectors
    ? LABOUR_SECTORS.filter((x) => sectors.has(x)).join(';')
    : MISSING;
  // The profile records no sexual-exploitation subtype: those columns stay missing.
  for (const t of SEX_TYPES) row[`typeOfSex${t}`] = MISSING;
  row.typeOfSexConcatenated = MISSING;
  row.isAbduction = flag(s.recruitmentMethods.length > 0, s.recruitmentMethods.includes('Abduction'));
  row.RecruiterRelationship = s.recruiterRelation
    ? (RELATION_LABEL[s.recruiterRelation] ?? MISSING)
    : MISSING;
  row.CountryOfExploitation = s.countryOfExploitation?.toUpperCase() ?? UNKNOWN_COUNTRY;
  for (const r of RECRUITER_RELATIONS)
    row[`recruiterRelation${r}`] = s.recruiterRelation ? (s.recruiterRelation === r ? 1 : 0) : MISSING;
  return row;
}

const WIDE_AGE: Record<string, string> = {
  '0-8': '0-17',
  '9-17': '0-17',
  '18-20': '18-29',
  '21-23': '18-29',
  '24-26': '18-29',
  '27-29': '18-29',
  '30-38': '30-47',
  '39-47': '30-47',
  '48+': '48+',
};

/**
 * The generalisations a CTDC release may use, in the order they are tried (docs/decisions.md):
 * the year first (a period of two years hides little that matters for trends), then the age band,
 * then age down to minor/adult.
 */
export const CTDC_GENERALISATIONS: readonly GeneralisationStep[] = [
  {
    id: 'yearOfRegistration:two_year_period',
    column: 'yearOfRegistration',
    generalise: (v) => {
      if (typeof v !== 'number' || v === MISSING) return v;
      const start = v - (v % 2);
      return `${start}-${start + 1}`;
    },
  },
  {
    id: 'ageBroad:wider_band',
    column: 'ageBroad',
    generalise: (v) => (typeof v === 'string' ? (WIDE_AGE[v] ?? v) : v),
  },
  {
    id: 'ageBroad:minor_adult',
    column: 'ageBroad',
    generalise: (v) => (v === '0-17' ? '0-17' : typeof v === 'string' ? '18+' : v),
  },
];

export interface CtdcRelease {
  k: number;
  inputRows: number;
  suppressed: number;
  generalisations: string[];
  released: number;
  /** The released rows, built one at a time (a release of 100,000 victims is never held whole). */
  rows: () => Generator<DataRow>;
}

/**
 * The k-anonymous CTDC release of the given victims. k-anonymity works on the quasi-identifiers
 * alone; the full rows of the released victims are built as they are written.
 */
export function ctdcRelease(sources: readonly CtdcSource[], k = K_DEFAULT): CtdcRelease {
  const qi = sources.map((s) => {
    const row = ctdcRow(s);
    const out: DataRow = {};
    for (const c of CTDC_QUASI_IDENTIFIERS) out[c] = row[c]!;
    return out;
  });
  const r = kAnonymise(qi, { k, quasiIdentifiers: CTDC_QUASI_IDENTIFIERS, steps: CTDC_GENERALISATIONS });
  return {
    k: r.k,
    inputRows: r.inputRows,
    suppressed: r.suppressed,
    generalisations: r.generalisations,
    released: r.rows.length,
    *rows() {
      for (let j = 0; j < r.indices.length; j++) yield { ...ctdcRow(sources[r.indices[j]!]!), ...r.rows[j]! };
    },
  };
}
