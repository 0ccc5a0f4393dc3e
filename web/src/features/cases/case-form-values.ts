import type { CaseCreate, TraffickingProfile } from '@sinergi/core';
import { zonedDate, zonedDateTimeInput, zonedInputToIso } from '../../app/zoned-dates';

/** The report of a complaint as the form edits it (text everywhere; '' is empty). */
export interface ReportValues {
  caseType: string;
  /** `datetime-local` value, meant in the task force's zone. */
  reportedAt: string;
  incidentDate: string;
  channel: string;
  reportingParty: string;
  risk: string;
  narrative: string;
  placeOfOccurrence: string;
  occurrenceRegionCode: string;
  simfoniId: string;
}

export type YesNo = '' | 'yes' | 'no';

export interface EventValues {
  key: string;
  type: string;
  date: string;
  countryCode: string;
  regionCode: string;
  description: string;
}

export interface ProfileValues {
  recruitmentMethods: string[];
  recruitmentPlatforms: string[];
  recruiterRelation: string;
  exploitationTypes: string[];
  labourSectors: string[];
  methodsOfControl: string[];
  passportKind: string;
  forgedDocuments: YesNo;
  documentsWithheld: YesNo;
  departure: string;
  destinationCountry: string;
  destinationRegionCode: string;
  events: EventValues[];
}

export interface DeporteeValues {
  depot: string;
  reason: string;
  documentUsed: string;
  wish: string;
  consulateReference: string;
  arrivalDate: string;
}

export interface DeceasedValues {
  placeOfDeath: string;
  countryOfDeath: string;
  dateOfDeath: string;
  cause: string;
  yearsAbroad: string;
  arrivalDate: string;
  arrivalFlight: string;
  onwardTransport: string;
  transportPaidBy: string;
}

export interface MigrantValues {
  bp2miCategory: string;
  deportee: DeporteeValues;
  deceased: DeceasedValues;
}

export function isMigrantType(caseType: string): boolean {
  return caseType.startsWith('pmi_');
}

export function emptyReport(now: Date, zone: string, regionCode: string): ReportValues {
  return {
    caseType: '',
    reportedAt: zonedDateTimeInput(now, zone),
    incidentDate: '',
    channel: '',
    reportingParty: '',
    risk: '',
    narrative: '',
    placeOfOccurrence: '',
    occurrenceRegionCode: regionCode,
    simfoniId: '',
  };
}

export function emptyProfile(): ProfileValues {
  return {
    recruitmentMethods: [],
    recruitmentPlatforms: [],
    recruiterRelation: '',
    exploitationTypes: [],
    labourSectors: [],
    methodsOfControl: [],
    passportKind: '',
    forgedDocuments: '',
    documentsWithheld: '',
    departure: '',
    destinationCountry: '',
    destinationRegionCode: '',
    events: [],
  };
}

export function emptyMigrant(): MigrantValues {
  return {
    bp2miCategory: '',
    deportee: { depot: '', reason: '', documentUsed: '', wish: '', consulateReference: '', arrivalDate: '' },
    deceased: {
      placeOfDeath: '',
      countryOfDeath: '',
      dateOfDeath: '',
      cause: '',
      yearsAbroad: '',
      arrivalDate: '',
      arrivalFlight: '',
      onwardTransport: '',
      transportPaidBy: '',
    },
  };
}

export function newEventKey(): string {
  return `e${Date.now().toString(36)}${Math.floor(Math.random() * 46656).toString(36)}`;
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function yesNo(value: YesNo): boolean | null {
  return value === '' ? null : value === 'yes';
}

/** The report part of a create or change payload; the schema decides whether it is complete. */
export function reportToPayload(values: ReportValues, zone: string) {
  return {
    caseType: values.caseType as CaseCreate['caseType'],
    reportedAt: zonedInputToIso(values.reportedAt, zone) ?? values.reportedAt,
    incidentDate: orNull(values.incidentDate),
    channel: values.channel as CaseCreate['channel'],
    reportingParty: values.reportingParty as CaseCreate['reportingParty'],
    risk: values.risk as CaseCreate['risk'],
    narrative: orNull(values.narrative),
    placeOfOccurrence: orNull(values.placeOfOccurrence),
    occurrenceRegionCode: orNull(values.occurrenceRegionCode),
    simfoniId: orNull(values.simfoniId),
  };
}

export function profileToPayload(values: ProfileValues): TraffickingProfile {
  return {
    recruitmentMethods: values.recruitmentMethods as TraffickingProfile['recruitmentMethods'],
    recruitmentPlatforms: values.recruitmentPlatforms as TraffickingProfile['recruitmentPlatforms'],
    recruiterRelation: orNull(values.recruiterRelation) as TraffickingProfile['recruiterRelation'],
    exploitationTypes: values.exploitationTypes as TraffickingProfile['exploitationTypes'],
    labourSectors: values.labourSectors as TraffickingProfile['labourSectors'],
    methodsOfControl: values.methodsOfControl as TraffickingProfile['methodsOfControl'],
    passportKind: orNull(values.passportKind) as TraffickingProfile['passportKind'],
    forgedDocuments: yesNo(values.forgedDocuments),
    documentsWithheld: yesNo(values.documentsWithheld),
    departure: orNull(values.departure) as TraffickingProfile['departure'],
    destinationCountry: orNull(values.destinationCountry),
    destinationRegionCode: values.destinationCountry === 'ID' ? orNull(values.destinationRegionCode) : null,
    events: values.events.map((event) => ({
      type: event.type as TraffickingProfile['events'][number]['type'],
      date: orNull(event.date),
      countryCode: orNull(event.countryCode),
      regionCode: event.countryCode === 'ID' || event.countryCode === '' ? orNull(event.regionCode) : null,
      description: orNull(event.description),
    })),
  };
}

function hasAny(values: object): boolean {
  return Object.values(values).some((value) => typeof value === 'string' && value.trim() !== '');
}

type Migrant = NonNullable<CaseCreate['migrant']>;
type Deportee = NonNullable<Migrant['deportee']>;

/** The migrant-worker part: the deportee and deceased blocks only for their case types. */
export function migrantToPayload(values: MigrantValues, caseType: string): Migrant {
  const d = values.deportee;
  const x = values.deceased;
  const years = x.yearsAbroad.trim() === '' ? null : Number(x.yearsAbroad);
  return {
    bp2miCategory: orNull(values.bp2miCategory) as Migrant['bp2miCategory'],
    deportee:
      caseType === 'pmi_deportee' && hasAny(d)
        ? {
            depot: orNull(d.depot) as Deportee['depot'],
            reason: orNull(d.reason) as Deportee['reason'],
            documentUsed: orNull(d.documentUsed) as Deportee['documentUsed'],
            wish: orNull(d.wish) as Deportee['wish'],
            consulateReference: orNull(d.consulateReference),
            arrivalDate: orNull(d.arrivalDate),
          }
        : null,
    deceased:
      caseType === 'pmi_deceased' && hasAny(x)
        ? {
            placeOfDeath: orNull(x.placeOfDeath),
            countryOfDeath: orNull(x.countryOfDeath),
            dateOfDeath: orNull(x.dateOfDeath),
            cause: orNull(x.cause),
            yearsAbroad: years === null || Number.isNaN(years) ? null : years,
            arrivalDate: orNull(x.arrivalDate),
            arrivalFlight: orNull(x.arrivalFlight),
            onwardTransport: orNull(x.onwardTransport),
            transportPaidBy: orNull(x.transportPaidBy),
          }
        : null,
  };
}

/** The day of the report in the task force's zone (ages at the incident count back from it). */
export function reportDay(values: Pick<ReportValues, 'reportedAt'>, zone: string): string {
  const iso = zonedInputToIso(values.reportedAt, zone);
  return iso ? zonedDate(iso, zone) : values.reportedAt.slice(0, 10);
}
