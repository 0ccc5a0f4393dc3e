import { z } from 'zod';
import { queryInt } from '../query.js';
import { REGION_CODE_PATTERN } from '../region.js';
import {
  BP2MI_COMPLAINT_CATEGORIES,
  CASE_TYPES,
  CLOSURE_REASONS,
  CONSENT_SCOPES,
  DEPARTURE_KINDS,
  DEPORTATION_REASONS,
  DEPORTEE_DEPOTS,
  DEPORTEE_WISHES,
  EDUCATION_LEVELS,
  EXPLOITATION_TYPES,
  GENDERS,
  INTAKE_CHANNELS,
  LABOUR_SECTORS,
  MARITAL_STATUSES,
  METHODS_OF_CONTROL,
  PASSPORT_KINDS,
  PERSON_ROLES,
  RECRUITER_RELATIONS,
  RECRUITMENT_METHODS,
  RECRUITMENT_PLATFORMS,
  RELIGIONS,
  REPORTING_PARTIES,
  RISK_LEVELS,
  TRAFFICKING_EVENT_TYPES,
} from './enums.js';
import { isPlausibleNik } from './person.js';
import { SCREENING_ELEMENTS } from './screening.js';
import { CASE_STAGES } from './workflow.js';

const isoDate = z.iso.date({ message: 'date_format' });
const regionCode = z.string().regex(REGION_CODE_PATTERN, { message: 'region_code_format' });
const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, { message: 'country_code_format' })
  .transform((v) => v.toUpperCase());
const text = (max: number) => z.string().trim().max(max);
const uniqueList = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length).default([]);

export const traffickingEventSchema = z.object({
  type: z.enum(TRAFFICKING_EVENT_TYPES),
  regionCode: regionCode.nullable().optional(),
  countryCode: countryCode.nullable().optional(),
  date: isoDate.nullable().optional(),
  description: text(500).nullable().optional(),
});

/** HTCDS-aligned trafficking profile; nothing in it identifies a person. */
export const traffickingProfileSchema = z.object({
  recruitmentMethods: uniqueList(RECRUITMENT_METHODS),
  recruitmentPlatforms: uniqueList(RECRUITMENT_PLATFORMS),
  recruiterRelation: z.enum(RECRUITER_RELATIONS).nullable().optional(),
  events: z.array(traffickingEventSchema).max(30).default([]),
  exploitationTypes: uniqueList(EXPLOITATION_TYPES),
  labourSectors: uniqueList(LABOUR_SECTORS),
  methodsOfControl: uniqueList(METHODS_OF_CONTROL),
  passportKind: z.enum(PASSPORT_KINDS).nullable().optional(),
  forgedDocuments: z.boolean().nullable().optional(),
  documentsWithheld: z.boolean().nullable().optional(),
  departure: z.enum(DEPARTURE_KINDS).nullable().optional(),
  destinationCountry: countryCode.nullable().optional(),
  destinationRegionCode: regionCode.nullable().optional(),
});
export type TraffickingProfile = z.infer<typeof traffickingProfileSchema>;

export const deporteeSchema = z.object({
  depot: z.enum(DEPORTEE_DEPOTS).nullable().optional(),
  reason: z.enum(DEPORTATION_REASONS).nullable().optional(),
  documentUsed: z.enum(PASSPORT_KINDS).nullable().optional(),
  wish: z.enum(DEPORTEE_WISHES).nullable().optional(),
  consulateReference: text(100).nullable().optional(),
  arrivalDate: isoDate.nullable().optional(),
});

export const deceasedSchema = z.object({
  placeOfDeath: text(200).nullable().optional(),
  countryOfDeath: countryCode.nullable().optional(),
  dateOfDeath: isoDate.nullable().optional(),
  cause: text(300).nullable().optional(),
  yearsAbroad: z.number().min(0).max(70).nullable().optional(),
  arrivalDate: isoDate.nullable().optional(),
  arrivalFlight: text(60).nullable().optional(),
  onwardTransport: text(200).nullable().optional(),
  transportPaidBy: text(200).nullable().optional(),
});

export const migrantSchema = z.object({
  bp2miCategory: z.enum(BP2MI_COMPLAINT_CATEGORIES).nullable().optional(),
  deportee: deporteeSchema.nullable().optional(),
  deceased: deceasedSchema.nullable().optional(),
});

const caseFields = {
  caseType: z.enum(CASE_TYPES),
  reportedAt: z.iso.datetime({ offset: true, message: 'datetime_format' }),
  incidentDate: isoDate.nullable().optional(),
  channel: z.enum(INTAKE_CHANNELS),
  reportingParty: z.enum(REPORTING_PARTIES),
  narrative: text(20_000).nullable().optional(),
  placeOfOccurrence: text(300).nullable().optional(),
  occurrenceRegionCode: regionCode.nullable().optional(),
  risk: z.enum(RISK_LEVELS),
  simfoniId: text(60).nullable().optional(),
  profile: traffickingProfileSchema.optional(),
  migrant: migrantSchema.optional(),
};

export const caseCreateSchema = z.object({
  ...caseFields,
  /** The lead agency; by default the creator's own. */
  leadAgencyId: z.string().uuid().optional(),
  /** Case managers besides the creator, who is always on the team. */
  teamUserIds: z.array(z.string().uuid()).max(20).default([]),
});
export type CaseCreate = z.infer<typeof caseCreateSchema>;

export const casePatchSchema = z
  .object({
    version: z.number().int().positive(),
    caseType: caseFields.caseType.optional(),
    reportedAt: caseFields.reportedAt.optional(),
    incidentDate: caseFields.incidentDate,
    channel: caseFields.channel.optional(),
    reportingParty: caseFields.reportingParty.optional(),
    narrative: caseFields.narrative,
    placeOfOccurrence: caseFields.placeOfOccurrence,
    occurrenceRegionCode: caseFields.occurrenceRegionCode,
    risk: caseFields.risk.optional(),
    simfoniId: caseFields.simfoniId,
    profile: traffickingProfileSchema.optional(),
    migrant: migrantSchema.optional(),
    teamUserIds: z.array(z.string().uuid()).min(1).max(20).optional(),
    firstResponseAt: z.iso.datetime({ offset: true, message: 'datetime_format' }).nullable().optional(),
  })
  .strict();
export type CasePatch = z.infer<typeof casePatchSchema>;

export const caseTransitionSchema = z.object({
  version: z.number().int().positive(),
  to: z.union([z.enum(CASE_STAGES), z.literal('reopen')]),
  reason: text(1000).nullable().optional(),
  closureReason: z.enum(CLOSURE_REASONS).nullable().optional(),
});
export type CaseTransition = z.infer<typeof caseTransitionSchema>;

const nik = z.string().trim().refine(isPlausibleNik, { message: 'nik_format' });
const phone = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{7,14}$/, { message: 'phone_format' });

export const personFields = {
  role: z.enum(PERSON_ROLES),
  fullName: z.string().trim().min(2).max(200),
  alias: text(200).nullable().optional(),
  nik: nik.nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  estimatedAge: z.number().int().min(0).max(120).nullable().optional(),
  sex: z.enum(GENDERS),
  nationality: countryCode.nullable().optional(),
  /** Region down to village; kecamatan and above stay in clear for statistics, the village is encrypted. */
  addressRegionCode: regionCode.nullable().optional(),
  street: text(300).nullable().optional(),
  phone: phone.nullable().optional(),
  education: z.enum(EDUCATION_LEVELS).nullable().optional(),
  occupation: text(120).nullable().optional(),
  maritalStatus: z.enum(MARITAL_STATUSES).nullable().optional(),
  disability: text(200).nullable().optional(),
  religion: z.enum(RELIGIONS).nullable().optional(),
  guardianPersonId: z.string().uuid().nullable().optional(),
};

export const personCreateSchema = z.object(personFields);
export type PersonCreate = z.infer<typeof personCreateSchema>;

export const personPatchSchema = z
  .object({
    version: z.number().int().positive(),
    role: personFields.role.optional(),
    fullName: personFields.fullName.optional(),
    alias: personFields.alias,
    nik: personFields.nik,
    birthDate: personFields.birthDate,
    estimatedAge: personFields.estimatedAge,
    sex: personFields.sex.optional(),
    nationality: personFields.nationality,
    addressRegionCode: personFields.addressRegionCode,
    street: personFields.street,
    phone: personFields.phone,
    education: personFields.education,
    occupation: personFields.occupation,
    maritalStatus: personFields.maritalStatus,
    disability: personFields.disability,
    religion: personFields.religion,
    guardianPersonId: personFields.guardianPersonId,
  })
  .strict();
export type PersonPatch = z.infer<typeof personPatchSchema>;

/**
 * Who gave a consent: the person, their parent or guardian, or (for a child with no guardian
 * who can be reached or trusted) the social worker, with a written reason.
 */
export const CONSENT_GIVERS = ['self', 'guardian', 'social_worker'] as const;

export const consentCreateSchema = z
  .object({
    scopes: z.array(z.enum(CONSENT_SCOPES)).min(1).max(CONSENT_SCOPES.length),
    sharingAgencyIds: z.array(z.string().uuid()).max(50).default([]),
    givenOn: isoDate,
    givenBy: z.enum(CONSENT_GIVERS),
    note: text(500).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    // Sharing means sharing with someone: the agencies are named, or a referral cannot use it.
    if (v.scopes.includes('sharing') && v.sharingAgencyIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['sharingAgencyIds'], message: 'consent_sharing_agencies' });
    if (v.givenBy === 'social_worker' && !v.note?.trim())
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'consent_social_worker_reason' });
  });
export type ConsentCreate = z.infer<typeof consentCreateSchema>;

export const consentWithdrawSchema = z.object({ withdrawnOn: isoDate });

export const screeningIndicatorSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,40}$/),
  element: z.enum(SCREENING_ELEMENTS),
  labelId: z.string().trim().min(3).max(300),
  labelEn: z.string().trim().min(3).max(300),
});

export const screeningChecklistInputSchema = z.object({
  indicators: z.array(screeningIndicatorSchema).min(3).max(200),
  note: text(500).nullable().optional(),
});

export const screeningCreateSchema = z.object({
  personId: z.string().uuid().nullable().optional(),
  checked: z.array(z.string().max(40)).max(200),
  /** The screener's confirmation; by default the computed result. */
  result: z.enum(['identified', 'potential', 'not_tppo']).optional(),
  note: text(2000).nullable().optional(),
});
export type ScreeningCreate = z.infer<typeof screeningCreateSchema>;

export const caseListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  type: z.enum(CASE_TYPES).optional(),
  stage: z.enum(CASE_STAGES).optional(),
  risk: z.enum(RISK_LEVELS).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  originDistrict: regionCode.optional(),
  destinationCountry: countryCode.optional(),
  exploitationType: z.enum(EXPLOITATION_TYPES).optional(),
  leadAgencyId: z.string().uuid().optional(),
  sort: z
    .enum(['reported_at', '-reported_at', 'case_number', '-case_number', 'risk', 'first_response_due_at'])
    .default('-reported_at'),
  page: queryInt({ min: 1, max: 100000 }).default(1),
  pageSize: queryInt({ min: 1, max: 200 }).default(25),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
