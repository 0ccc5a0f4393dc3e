import { z } from 'zod';
import { attachmentSchema } from './attachment.js';

/** The sub-task forces a new task force starts with (editable data, not a fixed list). */
export const DEFAULT_SUB_TASK_FORCES: readonly { id: string; en: string }[] = [
  { id: 'Pencegahan dan Partisipasi Anak', en: 'Prevention and child participation' },
  { id: 'Rehabilitasi Kesehatan', en: 'Health rehabilitation' },
  {
    id: 'Rehabilitasi Sosial, Pemulangan dan Reintegrasi Sosial',
    en: 'Social rehabilitation, repatriation and reintegration',
  },
  { id: 'Pengembangan Norma Hukum', en: 'Development of legal norms' },
  { id: 'Penegakan Hukum', en: 'Law enforcement' },
  { id: 'Koordinasi dan Kerja Sama', en: 'Coordination and cooperation' },
];

/** The place an agency holds in the task force's structure. */
export const MEMBER_POSITIONS = ['chair', 'vice_chair', 'secretariat', 'member'] as const;
export type MemberPosition = (typeof MEMBER_POSITIONS)[number];
/** Positions only one agency holds at a time. */
export const SINGLE_POSITIONS: readonly MemberPosition[] = ['chair', 'vice_chair', 'secretariat'];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' });
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const decreeInputSchema = z.object({
  number: text(2, 120),
  title: text(3, 300),
  signedOn: isoDate,
  /** The decree this one changes or replaces; that one stops being in force. */
  replacesId: z.string().uuid().nullable().default(null),
});
export type DecreeInput = z.infer<typeof decreeInputSchema>;
export const decreeUpdateSchema = decreeInputSchema.partial().extend({ version: z.number().int().min(1) });

export const decreeSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  signedOn: z.string(),
  replacesId: z.string().nullable(),
  replacedById: z.string().nullable(),
  inForce: z.boolean(),
  /** The signed decree as uploaded (PDF or image), the latest upload. */
  file: attachmentSchema.nullable(),
  version: z.number().int(),
});
export type Decree = z.infer<typeof decreeSchema>;

export const subTaskForceInputSchema = z.object({
  name: text(3, 200),
  leadAgencyId: z.string().uuid().nullable().default(null),
});
export const subTaskForceUpdateSchema = subTaskForceInputSchema
  .partial()
  .extend({ version: z.number().int().min(1) });
export const subTaskForceSchema = z.object({
  id: z.string(),
  name: z.string(),
  leadAgencyId: z.string().nullable(),
  position: z.number().int(),
  version: z.number().int(),
});
export type SubTaskForce = z.infer<typeof subTaskForceSchema>;

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone_format' });
export const focalPersonInputSchema = z.object({
  name: text(2, 120),
  position: text(2, 120),
  phone: phone.nullable().default(null),
  email: z.string().trim().email({ message: 'invalid_email' }).max(200).nullable().default(null),
});
export const focalPersonUpdateSchema = focalPersonInputSchema
  .partial()
  .extend({ active: z.boolean().optional(), version: z.number().int().min(1) });
export const focalPersonSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  name: z.string(),
  position: z.string(),
  /** Contact of an official; withheld from analysts. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type FocalPerson = z.infer<typeof focalPersonSchema>;

export const memberUpdateSchema = z.object({
  position: z.enum(MEMBER_POSITIONS),
  subTaskForceIds: z.array(z.string().uuid()).max(20),
  /** 0 when the agency has no membership record yet. */
  version: z.number().int().min(0),
});
export const memberSchema = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  agencyShortName: z.string(),
  position: z.enum(MEMBER_POSITIONS),
  subTaskForceIds: z.array(z.string()),
  focalPersons: z.array(focalPersonSchema),
  version: z.number().int(),
});
export type Member = z.infer<typeof memberSchema>;

export const membershipSchema = z.object({
  taskForceId: z.string(),
  decrees: z.array(decreeSchema),
  subTaskForces: z.array(subTaskForceSchema),
  members: z.array(memberSchema),
  can: z.object({ manage: z.boolean() }),
});
export type Membership = z.infer<typeof membershipSchema>;

/**
 * Which decrees are in force: those no later decree replaces. The history is the chain of
 * replacements (HK/269/2018 changed by HK/41/2022).
 */
export function decreesInForce<T extends { id: string; replacesId: string | null }>(
  decrees: T[],
): Set<string> {
  const replaced = new Set(decrees.map((d) => d.replacesId).filter((x): x is string => !!x));
  return new Set(decrees.filter((d) => !replaced.has(d.id)).map((d) => d.id));
}
