import {
  type ConsentCreate,
  normalisePhone,
  type PersonCreate,
  type PersonPatch,
  type PersonView,
} from '@sinergi/core';

export interface ConsentValues {
  /** Whether a consent is recorded together with the person. */
  record: boolean;
  scopes: string[];
  /** The agencies the person agrees their data may be shared with (scope `sharing`). */
  sharingAgencyIds: string[];
  givenOn: string;
  givenBy: GivenBy;
  note: string;
}

export type GivenBy = ConsentCreate['givenBy'];

/** What the person form edits; every field is text so an empty field is '' (never undefined). */
export interface PersonValues {
  /** Identifies the person inside a form that holds several (the intake). */
  key: string;
  role: string;
  fullName: string;
  alias: string;
  nik: string;
  birthDate: string;
  estimatedAge: string;
  sex: string;
  nationality: string;
  addressRegionCode: string;
  street: string;
  phone: string;
  education: string;
  occupation: string;
  maritalStatus: string;
  disability: string;
  religion: string;
  /** The guardian: another person's key in the intake, a person id on the case page. */
  guardian: string;
  consent: ConsentValues;
}

export function newPersonKey(): string {
  return `p${Date.now().toString(36)}${Math.floor(Math.random() * 46656).toString(36)}`;
}

/**
 * A consent to fill in. Opened for a referral, it is pre-filled for that agency: services and
 * sharing with it, so the referral can go out once it is recorded.
 */
export function emptyConsent(
  today: string,
  givenBy: GivenBy = 'self',
  sharingAgencyIds: string[] = [],
): ConsentValues {
  const scopes = ['data_management', 'services', ...(sharingAgencyIds.length > 0 ? ['sharing'] : [])];
  return { record: true, scopes, sharingAgencyIds, givenOn: today, givenBy, note: '' };
}

export function emptyPerson(role: string, regionCode: string, today: string): PersonValues {
  return {
    key: newPersonKey(),
    role,
    fullName: '',
    alias: '',
    nik: '',
    birthDate: '',
    estimatedAge: '',
    sex: '',
    nationality: 'ID',
    addressRegionCode: regionCode,
    street: '',
    phone: '',
    education: '',
    occupation: '',
    maritalStatus: '',
    disability: '',
    religion: '',
    guardian: '',
    consent: emptyConsent(today),
  };
}

/** A person as the form shows it; only for the case team, who receive the identity. */
export function personToValues(person: PersonView, today: string): PersonValues {
  const identity = person.identity;
  return {
    key: person.id,
    role: person.role,
    fullName: identity?.fullName ?? '',
    alias: identity?.alias ?? '',
    nik: identity?.nik ?? '',
    birthDate: identity?.birthDate ?? '',
    estimatedAge:
      identity?.estimatedAge === null || identity?.estimatedAge === undefined
        ? ''
        : String(identity.estimatedAge),
    sex: person.sex,
    nationality: person.nationality ?? '',
    addressRegionCode: identity?.addressRegionCode ?? person.district?.code ?? '',
    street: identity?.street ?? '',
    phone: identity?.phone ?? '',
    education: person.education ?? '',
    occupation: person.occupation ?? '',
    maritalStatus: person.maritalStatus ?? '',
    disability: person.disability ?? '',
    religion: person.religion ?? '',
    guardian: person.guardianPersonId ?? '',
    consent: emptyConsent(today),
  };
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The phone as it will be stored: E.164 when it can be read as a phone number, else as typed. */
export function phoneForSave(raw: string): string | null {
  const typed = orNull(raw);
  return typed === null ? null : (normalisePhone(typed) ?? typed);
}

function ageForSave(raw: string): number | null {
  const typed = raw.trim();
  if (typed === '') return null;
  const n = Number(typed);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** The create payload; the shared schema decides whether it is complete. */
export function valuesToPersonCreate(values: PersonValues, guardianPersonId: string | null): PersonCreate {
  return {
    role: values.role as PersonCreate['role'],
    fullName: values.fullName.trim(),
    alias: orNull(values.alias),
    nik: orNull(values.nik.replace(/\s/g, '')),
    birthDate: orNull(values.birthDate),
    estimatedAge: values.birthDate ? null : ageForSave(values.estimatedAge),
    sex: values.sex as PersonCreate['sex'],
    nationality: orNull(values.nationality),
    addressRegionCode: orNull(values.addressRegionCode),
    street: orNull(values.street),
    phone: phoneForSave(values.phone),
    education: orNull(values.education) as PersonCreate['education'],
    occupation: orNull(values.occupation),
    maritalStatus: orNull(values.maritalStatus) as PersonCreate['maritalStatus'],
    disability: orNull(values.disability),
    religion: orNull(values.religion) as PersonCreate['religion'],
    guardianPersonId: values.role === 'victim' ? guardianPersonId : null,
  };
}

/** Only what differs from the person the form is based on, with that version. */
export function valuesToPersonPatch(values: PersonValues, base: PersonView, today: string): PersonPatch {
  const next = valuesToPersonCreate(values, values.guardian || null);
  const before = valuesToPersonCreate(personToValues(base, today), base.guardianPersonId);
  const patch: PersonPatch = { version: base.version };
  const target = patch as Record<string, unknown>;
  for (const key of Object.keys(next) as (keyof PersonCreate)[]) {
    if (next[key] !== before[key]) target[key] = next[key];
  }
  return patch;
}

export function valuesToConsent(consent: ConsentValues): ConsentCreate {
  return {
    scopes: consent.scopes as ConsentCreate['scopes'],
    sharingAgencyIds: consent.scopes.includes('sharing') ? consent.sharingAgencyIds : [],
    givenOn: consent.givenOn,
    givenBy: consent.givenBy,
    note: orNull(consent.note),
  };
}

/** Error paths of the person payload mapped to the fields of the form. */
export const PERSON_ERROR_FIELDS: Record<string, string> = { guardianPersonId: 'guardian' };
