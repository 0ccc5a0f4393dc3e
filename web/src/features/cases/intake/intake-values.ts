import {
  type CaseCreate,
  caseCreateSchema,
  consentCreateSchema,
  fieldMessage,
  type Language,
  personCreateSchema,
} from '@sinergi/core';
import { prefixErrors, renameErrorFields, schemaFieldErrors } from '../../../app/ui/form-validation';
import { zonedInputToIso } from '../../../app/zoned-dates';
import {
  PERSON_ERROR_FIELDS,
  type PersonValues,
  valuesToConsent,
  valuesToPersonCreate,
} from '../../persons/person-form-values';
import {
  emptyMigrant,
  emptyProfile,
  emptyReport,
  isMigrantType,
  type MigrantValues,
  migrantToPayload,
  type ProfileValues,
  profileToPayload,
  type ReportValues,
  reportDay,
  reportToPayload,
} from '../case-form-values';

/** Everything the intake form holds: the report, the profile, the migrant record and the people. */
export interface IntakeValues extends ReportValues {
  /** '' while the user's own agency leads the case. */
  leadAgencyId: string;
  /** The user's colleagues on the case team (the user is on it anyway). */
  teamUserIds: string[];
  profile: ProfileValues;
  migrant: MigrantValues;
  people: PersonValues[];
}

export const INTAKE_STEPS = ['report', 'profile', 'people', 'review'] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];

export function emptyIntake(now: Date, zone: string, regionCode: string): IntakeValues {
  return {
    ...emptyReport(now, zone, regionCode),
    leadAgencyId: '',
    teamUserIds: [],
    profile: emptyProfile(),
    migrant: emptyMigrant(),
    people: [],
  };
}

export function intakeCasePayload(values: IntakeValues, zone: string): CaseCreate {
  return {
    ...reportToPayload(values, zone),
    profile: profileToPayload(values.profile),
    ...(isMigrantType(values.caseType) ? { migrant: migrantToPayload(values.migrant, values.caseType) } : {}),
    ...(values.leadAgencyId ? { leadAgencyId: values.leadAgencyId } : {}),
    teamUserIds: values.teamUserIds ?? [],
  };
}

/** Which step holds a field, so a save that fails sends the user to the right place. */
export function stepOfField(path: string): number {
  if (path.startsWith('people.')) return 2;
  if (path.startsWith('profile.') || path.startsWith('migrant.')) return 1;
  return 0;
}

const CLOCK_SKEW_MS = 5 * 60_000;

function reportErrors(values: IntakeValues, zone: string, lang: Language, now: Date): Record<string, string> {
  const errors = schemaFieldErrors(caseCreateSchema, intakeCasePayload(values, zone), lang);
  const reportedAt = zonedInputToIso(values.reportedAt, zone);
  const day = reportDay(values, zone);
  if (reportedAt && Date.parse(reportedAt) > now.getTime() + CLOCK_SKEW_MS && !errors.reportedAt)
    errors.reportedAt = fieldMessage('date_in_future', lang);
  if (values.incidentDate && !errors.incidentDate && values.incidentDate > day)
    errors.incidentDate = fieldMessage('incident_after_report', lang);
  return errors;
}

/** The problems of one person of the intake, with their paths in the intake form. */
export function personErrors(
  person: PersonValues,
  index: number,
  people: readonly PersonValues[],
  lang: Language,
  today: string,
): Record<string, string> {
  const errors = renameErrorFields(
    schemaFieldErrors(personCreateSchema, valuesToPersonCreate(person, null), lang),
    PERSON_ERROR_FIELDS,
  );
  if (person.birthDate && !errors.birthDate && person.birthDate > today)
    errors.birthDate = fieldMessage('date_in_future', lang);
  if (person.role === 'victim' && person.guardian) {
    const guardian = people.find((p) => p.key === person.guardian);
    if (!guardian) errors.guardian = fieldMessage('person_unknown', lang);
    else if (guardian.role !== 'guardian') errors.guardian = fieldMessage('guardian_must_be_guardian', lang);
  }
  if (person.consent.record) {
    const consent = schemaFieldErrors(consentCreateSchema, valuesToConsent(person.consent), lang);
    if (person.consent.givenOn > today && !consent.givenOn)
      consent.givenOn = fieldMessage('date_in_future', lang);
    Object.assign(errors, prefixErrors(consent, 'consent.'));
  }
  return prefixErrors(errors, `people.${index}.`);
}

/** Every problem the shared schemas and the date rules find, keyed by the form's field paths. */
export function intakeErrors(
  values: IntakeValues,
  zone: string,
  lang: Language,
  now: Date,
  today: string,
): Record<string, string> {
  const errors = reportErrors(values, zone, lang, now);
  values.people.forEach((person, index) => {
    Object.assign(errors, personErrors(person, index, values.people, lang, today));
  });
  return errors;
}

/** Only the problems of one step. */
export function errorsOfStep(errors: Record<string, string>, step: number): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => stepOfField(path) === step));
}
