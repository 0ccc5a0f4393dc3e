import { z } from 'zod';
import { GENDERS, RECRUITER_RELATIONS } from '../cases/enums.js';
import { personFields } from '../cases/schemas.js';
import { queryInt } from '../query.js';
import { RESTITUTION_STATUSES } from './restitution.js';
import { LEGAL_STAGES } from './stages.js';

const isoDate = z.iso.date({ message: 'date_format' });
const text = (max: number) => z.string().trim().max(max);
const rupiah = z.number().int().min(0).max(1_000_000_000_000);
const version = z.number().int().positive();

export const POLICE_UNITS = ['polsek', 'polres', 'polda', 'bareskrim'] as const;
/** LP/A: from the police's own findings; LP/B: from a public report. */
export const POLICE_REPORT_TYPES = ['A', 'B'] as const;

export const policeReportCreateSchema = z.object({
  number: z.string().trim().min(3).max(120),
  reportDate: isoDate,
  unit: z.enum(POLICE_UNITS),
  type: z.enum(POLICE_REPORT_TYPES),
  victimIds: z.array(z.string().uuid()).max(200).default([]),
});
export type PoliceReportCreate = z.infer<typeof policeReportCreateSchema>;

export const policeReportSchema = policeReportCreateSchema.extend({ id: z.string().uuid() });

export const VERDICT_OUTCOMES = ['guilty', 'acquitted'] as const;

export const verdictSchema = z.object({
  court: z.string().trim().min(2).max(200),
  outcome: z.enum(VERDICT_OUTCOMES),
  prisonMonths: z.number().int().min(0).max(1200).default(0),
  fineRupiah: rupiah.default(0),
  subsidiaryMonths: z.number().int().min(0).max(120).default(0),
  /** When the verdict was served on the parties: the restitution payment clock starts here. */
  servedOn: isoDate.nullable().optional(),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const legalStageCreateSchema = z.object({
  /** The track's version as read: two people moving the same track do not both win. */
  version: z.number().int().min(0),
  stage: z.enum(LEGAL_STAGES),
  on: isoDate,
  documentNumber: text(120).nullable().optional(),
  reason: text(1000).nullable().optional(),
  /** Articles charged, e.g. "Pasal 2 ayat (1) UU 21/2007". */
  charges: z.array(z.string().trim().min(2).max(200)).max(20).nullable().optional(),
  verdict: verdictSchema.nullable().optional(),
  prosecutionAgencyId: z.string().uuid().nullable().optional(),
  note: text(1000).nullable().optional(),
});
export type LegalStageCreate = z.infer<typeof legalStageCreateSchema>;

export const legalStageEntrySchema = z.object({
  id: z.string().uuid(),
  stage: z.enum(LEGAL_STAGES),
  on: z.string(),
  documentNumber: z.string().nullable(),
  reason: z.string().nullable(),
  charges: z.array(z.string()).nullable(),
  verdict: verdictSchema.nullable(),
  prosecutionAgency: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAgency: z.string().nullable(),
});

/** HTCDS perpetrator RoleInProcess. */
export const SUSPECT_ROLES = [
  'TravellingPartner',
  'Transporter',
  'RecruiterOrIntermediary',
  'BrokerTravelAgent',
  'TransferredIndividual',
  'HarbouredIndividual',
  'SoldIndividual',
  'BoughtIndividual',
  'ReceivedIndividual',
  'ControlledIndividual',
  'Smuggler',
  'Abuser',
  'Kidnapper',
  'Exploiter',
  'Other',
] as const;
export const SUSPECT_KINDS = ['person', 'corporation'] as const;
export const SUSPECT_STATUSES = [
  'saksi',
  'tersangka',
  'terdakwa',
  'terpidana',
  'released',
  'acquitted',
] as const;
export type SuspectStatus = (typeof SUSPECT_STATUSES)[number];

export const detentionSchema = z
  .object({
    from: isoDate,
    until: isoDate.nullable().optional(),
    place: z.string().trim().min(2).max(200),
  })
  .refine((d) => !d.until || d.until >= d.from, { message: 'date_range', path: ['until'] });

const suspectFields = {
  kind: z.enum(SUSPECT_KINDS),
  /** A person's name, or the representative of a corporation; encrypted at rest. */
  fullName: z.string().trim().min(2).max(200).nullable().optional(),
  nik: personFields.nik,
  birthDate: isoDate.nullable().optional(),
  address: text(300).nullable().optional(),
  sex: z.enum(GENDERS).nullable().optional(),
  nationality: personFields.nationality,
  /** The company or agency for a corporate suspect (UU 21/2007 art. 13). */
  companyName: text(200).nullable().optional(),
  roleInProcess: z.enum(SUSPECT_ROLES),
  relationToVictims: z.enum(RECRUITER_RELATIONS).nullable().optional(),
  status: z.enum(SUSPECT_STATUSES),
  statusOn: isoDate,
};

function suspectRules<T extends { kind?: string; fullName?: string | null; companyName?: string | null }>(
  v: T,
  ctx: z.RefinementCtx,
) {
  if (v.kind === 'person' && !v.fullName)
    ctx.addIssue({ code: 'custom', message: 'required', path: ['fullName'] });
  if (v.kind === 'corporation' && !v.companyName)
    ctx.addIssue({ code: 'custom', message: 'required', path: ['companyName'] });
}

export const suspectCreateSchema = z
  .object({ ...suspectFields, detention: detentionSchema.nullable().optional() })
  .superRefine(suspectRules);
export type SuspectCreate = z.infer<typeof suspectCreateSchema>;

/** A change of legal status or detention is appended to the suspect's history. */
export const suspectPatchSchema = z
  .object({
    version,
    status: z.enum(SUSPECT_STATUSES).optional(),
    statusOn: isoDate.optional(),
    detention: detentionSchema.nullable().optional(),
    roleInProcess: z.enum(SUSPECT_ROLES).optional(),
    relationToVictims: z.enum(RECRUITER_RELATIONS).nullable().optional(),
  })
  .strict()
  .refine((v) => !v.status || !!v.statusOn, { message: 'required', path: ['statusOn'] });
export type SuspectPatch = z.infer<typeof suspectPatchSchema>;

export const suspectSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(SUSPECT_KINDS),
  companyName: z.string().nullable(),
  roleInProcess: z.enum(SUSPECT_ROLES),
  relationToVictims: z.enum(RECRUITER_RELATIONS).nullable(),
  status: z.enum(SUSPECT_STATUSES),
  statusHistory: z.array(z.object({ status: z.enum(SUSPECT_STATUSES), on: z.string() })),
  detentions: z.array(z.object({ from: z.string(), until: z.string().nullable(), place: z.string() })),
  sex: z.enum(GENDERS).nullable(),
  nationality: z.string().nullable(),
  /** Only for those who may see identities; null otherwise. */
  identity: z
    .object({
      fullName: z.string().nullable(),
      nik: z.string().nullable(),
      birthDate: z.string().nullable(),
      address: z.string().nullable(),
    })
    .nullable(),
  version: z.number().int(),
});
export type SuspectView = z.infer<typeof suspectSchema>;

/** Components of a restitution claim (UU 21/2007 art. 48(2), PP 43/2017). */
export const restitutionComponentsSchema = z.object({
  lostIncomeOrProperty: rupiah.default(0),
  suffering: rupiah.default(0),
  medicalPsychological: rupiah.default(0),
  otherLosses: rupiah.default(0),
});

export const restitutionCreateSchema = z.object({
  victimId: z.string().uuid(),
  requestedOn: isoDate,
  components: restitutionComponentsSchema,
});
export type RestitutionCreate = z.infer<typeof restitutionCreateSchema>;

export const restitutionPatchSchema = z
  .object({
    version,
    lpskAmount: rupiah.nullable().optional(),
    lpskOn: isoDate.nullable().optional(),
    indictmentAmount: rupiah.nullable().optional(),
    grantedAmount: rupiah.nullable().optional(),
    /** When the verdict granting it was served: the payment clock starts here. */
    servedOn: isoDate.nullable().optional(),
    replacedByDetention: z.boolean().optional(),
    detentionMonths: z.number().int().min(0).max(120).nullable().optional(),
    /** A child victim's application: the applicant was told the requirements are incomplete (PP 43/2017). */
    requirementsNoticeOn: isoDate.nullable().optional(),
    requirementsCompletedOn: isoDate.nullable().optional(),
  })
  .strict();
export type RestitutionPatch = z.infer<typeof restitutionPatchSchema>;

export const restitutionPaymentCreateSchema = z.object({
  version,
  amount: rupiah.min(1),
  paidOn: isoDate,
});

export const restitutionSchema = z.object({
  id: z.string().uuid(),
  victimId: z.string().uuid(),
  victimInitials: z.string().nullable(),
  requestedOn: z.string(),
  components: restitutionComponentsSchema,
  requestedAmount: z.number().int(),
  lpskAmount: z.number().int().nullable(),
  lpskOn: z.string().nullable(),
  indictmentAmount: z.number().int().nullable(),
  grantedAmount: z.number().int().nullable(),
  servedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  /** Whether the victim was a child at the incident: the requirements clock applies. */
  childVictim: z.boolean(),
  requirementsNoticeOn: z.string().nullable(),
  requirementsCompletedOn: z.string().nullable(),
  requirementsDueOn: z.string().nullable(),
  requirementsOverdue: z.boolean(),
  replacedByDetention: z.boolean(),
  detentionMonths: z.number().int().nullable(),
  payments: z.array(z.object({ id: z.string().uuid(), amount: z.number().int(), paidOn: z.string() })),
  paid: z.number().int(),
  owed: z.number().int(),
  overdue: z.boolean(),
  status: z.enum(RESTITUTION_STATUSES),
  version: z.number().int(),
});
export type RestitutionView = z.infer<typeof restitutionSchema>;

export const PROTECTION_DECISIONS = ['pending', 'granted', 'refused'] as const;
export const PROTECTION_KINDS = [
  'physical',
  'legal',
  'procedural',
  'medical',
  'psychological',
  'psychosocial',
  'safe_house',
  'relocation',
] as const;

export const protectionCreateSchema = z.object({
  personId: z.string().uuid(),
  appliedOn: isoDate,
});

export const protectionPatchSchema = z
  .object({
    version,
    decision: z.enum(PROTECTION_DECISIONS),
    decidedOn: isoDate.nullable().optional(),
    kinds: z.array(z.enum(PROTECTION_KINDS)).max(PROTECTION_KINDS.length).default([]),
    from: isoDate.nullable().optional(),
    until: isoDate.nullable().optional(),
  })
  .strict()
  .refine((v) => v.decision === 'pending' || !!v.decidedOn, { message: 'required', path: ['decidedOn'] })
  .refine((v) => !v.from || !v.until || v.until >= v.from, { message: 'date_range', path: ['until'] });

export const protectionSchema = z.object({
  id: z.string().uuid(),
  personId: z.string().uuid(),
  personRole: z.string(),
  personInitials: z.string().nullable(),
  appliedOn: z.string(),
  decision: z.enum(PROTECTION_DECISIONS),
  decidedOn: z.string().nullable(),
  kinds: z.array(z.enum(PROTECTION_KINDS)),
  from: z.string().nullable(),
  until: z.string().nullable(),
  version: z.number().int(),
});

export const legalAbilitiesSchema = z.object({
  assignPolice: z.boolean(),
  edit: z.boolean(),
  viewIdentity: z.boolean(),
  nextStages: z.array(z.enum(LEGAL_STAGES)),
});

export const legalTrackSchema = z.object({
  caseId: z.string().uuid(),
  caseNumber: z.string(),
  stage: z.enum(LEGAL_STAGES).nullable(),
  stageOn: z.string().nullable(),
  version: z.number().int(),
  policeAgencyId: z.string().uuid().nullable(),
  prosecutionAgencyId: z.string().uuid().nullable(),
  /** The case's victims and witnesses, for choosing whom a report, claim or protection concerns. */
  people: z.array(z.object({ id: z.string().uuid(), role: z.string(), initials: z.string().nullable() })),
  reports: z.array(policeReportSchema),
  stages: z.array(legalStageEntrySchema),
  suspects: z.array(suspectSchema),
  restitutions: z.array(restitutionSchema),
  protections: z.array(protectionSchema),
  abilities: legalAbilitiesSchema,
});
export type LegalTrack = z.infer<typeof legalTrackSchema>;

/** The case team names the police agency that handles the case; its investigators then edit the track. */
export const policeAgencyAssignSchema = z.object({
  version: z.number().int().min(0),
  policeAgencyId: z.string().uuid(),
});

export const LEGAL_LIST_VIEWS = ['all', 'stalled', 'unpaid'] as const;

export const legalListQuerySchema = z.object({
  view: z.enum(LEGAL_LIST_VIEWS).default('all'),
  stage: z.enum(LEGAL_STAGES).optional(),
  stalledDays: queryInt({ min: 1, max: 3650 }).optional(),
});

export const legalListItemSchema = z.object({
  caseId: z.string().uuid(),
  caseNumber: z.string(),
  stage: z.enum(LEGAL_STAGES),
  stageOn: z.string(),
  daysInStage: z.number().int(),
  suspects: z.number().int(),
  owed: z.number().int(),
  overdueRestitutions: z.number().int(),
});
