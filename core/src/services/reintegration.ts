import { z } from 'zod';

const isoDate = z.iso.date({ message: 'date_format' });
const text = (max: number) => z.string().trim().min(1).max(max);
/** A country (ISO 3166 alpha-2, e.g. MY) or a Kemendagri region code (e.g. 53.10.06.2001). */
const place = z
  .string()
  .regex(/^([A-Z]{2}|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$/, { message: 'place_format' });

export const FOLLOW_UP_SITUATIONS = [
  'working',
  'in_school',
  're_migrated',
  're_trafficked',
  'unreachable',
] as const;
export const REINTEGRATION_SUPPORT = [
  'economic',
  'schooling',
  'vocational',
  'psychosocial',
  'other',
] as const;

export const repatriationLegCreateSchema = z.object({
  personId: z.string().uuid(),
  from: place,
  to: place,
  agencyId: z.string().uuid(),
  plannedDate: isoDate,
  actualDate: isoDate.nullable().optional(),
  /** Poor health; children always need an escort. */
  escortRequired: z.boolean().default(false),
  escort: text(200).nullable().optional(),
  transport: text(100).nullable().optional(),
  cost: z.number().int().min(0).max(10_000_000_000).nullable().optional(),
  paidBy: text(100).nullable().optional(),
  handoverDocumentId: z.string().uuid().nullable().optional(),
});
export type RepatriationLegCreate = z.infer<typeof repatriationLegCreateSchema>;

export const repatriationLegPatchSchema = z.object({
  version: z.number().int().min(1),
  actualDate: isoDate.nullable().optional(),
  handoverDocumentId: z.string().uuid().nullable().optional(),
  escort: text(200).nullable().optional(),
});

export const repatriationLegSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personInitials: z.string(),
  from: z.string(),
  fromName: z.string(),
  to: z.string(),
  toName: z.string(),
  agencyId: z.string(),
  agency: z.string(),
  plannedDate: z.string(),
  actualDate: z.string().nullable(),
  escortRequired: z.boolean(),
  escort: z.string().nullable(),
  transport: z.string().nullable(),
  cost: z.number().nullable(),
  paidBy: z.string().nullable(),
  handoverDocumentId: z.string().nullable(),
  /** escort required (child or poor health) but none recorded */
  escortMissing: z.boolean(),
  version: z.number(),
});
export type RepatriationLeg = z.infer<typeof repatriationLegSchema>;

export const reintegrationPlanCreateSchema = z.object({
  personId: z.string().uuid(),
  supportType: z.enum(REINTEGRATION_SUPPORT),
  providerAgencyId: z.string().uuid(),
  amount: z.number().int().min(0).max(10_000_000_000).nullable().optional(),
  items: text(500).nullable().optional(),
  startDate: isoDate,
});
export type ReintegrationPlanCreate = z.infer<typeof reintegrationPlanCreateSchema>;

export const followUpRecordSchema = z.object({
  version: z.number().int().min(1),
  visitedOn: isoDate,
  situation: z.enum(FOLLOW_UP_SITUATIONS),
  findings: text(2000),
  nextStep: text(1000).nullable().optional(),
});
export type FollowUpRecord = z.infer<typeof followUpRecordSchema>;

export const followUpVisitSchema = z.object({
  id: z.string(),
  month: z.number(),
  dueDate: z.string(),
  visitedOn: z.string().nullable(),
  situation: z.enum(FOLLOW_UP_SITUATIONS).nullable(),
  findings: z.string().nullable(),
  nextStep: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
});

export const reintegrationSchema = z.object({
  plans: z.array(
    z.object({
      id: z.string(),
      personId: z.string(),
      personInitials: z.string(),
      supportType: z.enum(REINTEGRATION_SUPPORT),
      providerAgencyId: z.string(),
      providerAgency: z.string(),
      amount: z.number().nullable(),
      items: z.string().nullable(),
      startDate: z.string(),
      visits: z.array(followUpVisitSchema),
    }),
  ),
  flags: z.array(z.object({ flag: z.string(), setAt: z.string() })),
  legs: z.array(repatriationLegSchema),
  /** `addLeg` without `edit`: an agency referred to for repatriation records the legs of its persons. */
  abilities: z.object({ edit: z.boolean(), addLeg: z.boolean() }),
});
export type Reintegration = z.infer<typeof reintegrationSchema>;

export const conferenceCreateSchema = z.object({
  heldOn: isoDate,
  agencyIds: z.array(z.string().uuid()).min(1).max(30),
  summary: text(4000),
  decisions: text(4000).nullable().optional(),
  actions: z
    .array(z.object({ description: text(500), ownerAgencyId: z.string().uuid(), dueDate: isoDate }))
    .max(30)
    .default([]),
});
export type ConferenceCreate = z.infer<typeof conferenceCreateSchema>;

export const conferenceSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  agencies: z.array(z.string()),
  summary: z.string().nullable(),
  decisions: z.string().nullable(),
  actions: z.array(
    z.object({
      id: z.string(),
      description: z.string().nullable(),
      ownerAgencyId: z.string(),
      ownerAgency: z.string(),
      dueDate: z.string(),
      doneAt: z.string().nullable(),
      overdue: z.boolean(),
      version: z.number(),
    }),
  ),
});
export type Conference = z.infer<typeof conferenceSchema>;
