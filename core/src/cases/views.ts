import { z } from 'zod';
import { deceasedSchema, deporteeSchema, traffickingProfileSchema } from './schemas.js';

/** What the API returns about cases and people. Identifying fields are null unless `abilities.viewIdentity`. */

export const deadlineViewSchema = z.object({
  dueAt: z.string(),
  doneAt: z.string().nullable(),
  status: z.enum(['met', 'due', 'overdue']),
  /** milliseconds late (met/overdue) or left (due) */
  ms: z.number(),
});

export const caseAbilitiesSchema = z.object({
  viewIdentity: z.boolean(),
  edit: z.boolean(),
  transition: z.boolean(),
  addPerson: z.boolean(),
  screen: z.boolean(),
  uploadDocument: z.boolean(),
  /** erase a person's identifying data on their request (coordinators of the case team) */
  erasePerson: z.boolean(),
});

const agencyRef = z.object({ id: z.string(), shortName: z.string() });
const regionRef = z.object({ code: z.string(), name: z.string() }).nullable();

export const caseSummarySchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  caseType: z.string(),
  stage: z.string(),
  risk: z.string(),
  reportedAt: z.string(),
  incidentDate: z.string().nullable(),
  leadAgency: agencyRef,
  victimCount: z.number().int(),
  childVictimCount: z.number().int(),
  /** initials of the victims, for the case team only */
  victimInitials: z.array(z.string()).nullable(),
  originDistrict: regionRef,
  destinationCountry: z.string().nullable(),
  exploitationTypes: z.array(z.string()),
  firstResponse: deadlineViewSchema,
  latestScreening: z.string().nullable(),
  access: z.enum(['full', 'limited']),
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  taskForceId: z.string(),
  channel: z.string(),
  reportingParty: z.string(),
  narrative: z.string().nullable(),
  placeOfOccurrence: z.string().nullable(),
  occurrenceRegion: regionRef,
  simfoniId: z.string().nullable(),
  profile: traffickingProfileSchema,
  migrant: z.object({
    bp2miCategory: z.string().nullable(),
    deportee: deporteeSchema.nullable(),
    deceased: deceasedSchema.nullable(),
  }),
  team: z.array(z.object({ userId: z.string(), displayName: z.string() })),
  closureReason: z.string().nullable(),
  nextStages: z.array(z.string()),
  warnings: z.array(z.enum(['guardian_missing', 'no_victim', 'consent_missing'])),
  /** Set by reintegration follow-ups: a victim re-migrated or was trafficked again. */
  flags: z.array(z.object({ flag: z.enum(['retrafficked', 'remigrated']), setAt: z.string() })),
  abilities: caseAbilitiesSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const consentViewSchema = z.object({
  id: z.string(),
  scopes: z.array(z.string()),
  sharingAgencyIds: z.array(z.string()),
  givenOn: z.string(),
  givenBy: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  withdrawnOn: z.string().nullable(),
});

export const personViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  role: z.string(),
  sex: z.string(),
  ageAtIncident: z.number().nullable(),
  isChild: z.boolean(),
  nationality: z.string().nullable(),
  district: regionRef,
  education: z.string().nullable(),
  occupation: z.string().nullable(),
  maritalStatus: z.string().nullable(),
  disability: z.string().nullable(),
  religion: z.string().nullable(),
  guardianPersonId: z.string().nullable(),
  initials: z.string().nullable(),
  /** identifying: null unless the caller may see it */
  identity: z
    .object({
      fullName: z.string(),
      alias: z.string().nullable(),
      nik: z.string().nullable(),
      birthDate: z.string().nullable(),
      estimatedAge: z.number().nullable(),
      addressRegionCode: z.string().nullable(),
      addressRegionName: z.string().nullable(),
      street: z.string().nullable(),
      phone: z.string().nullable(),
    })
    .nullable(),
  consents: z.array(consentViewSchema),
  /** when the identifying fields were erased (on request or by retention); null while they are kept */
  erasedAt: z.string().nullable(),
  version: z.number().int(),
});
export type PersonView = z.infer<typeof personViewSchema>;

export const duplicateWarningSchema = z.object({
  kind: z.enum(['nik', 'name_birth']),
  /** the other case, when the caller may see it; otherwise only that one exists */
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
});

export const timelineEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  actor: z.string().nullable(),
  agency: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const screeningViewSchema = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  checklistVersion: z.number().int(),
  checked: z.array(z.string()),
  elements: z.object({ process: z.boolean(), means: z.boolean(), purpose: z.boolean() }),
  isChild: z.boolean(),
  computedResult: z.enum(['identified', 'potential', 'not_tppo']),
  result: z.enum(['identified', 'potential', 'not_tppo']),
  note: z.string().nullable(),
  screenedBy: z.string().nullable(),
  screenedAt: z.string(),
});

/** Erasing a person's identifying data on their request: the coordinator states why. */
export const personErasureSchema = z.object({
  reason: z.string().trim().min(10).max(1000),
});
