import { z } from 'zod';
import { RECRUITMENT_PLATFORMS } from '../cases/enums.js';

/** Prevention work: outreach (sosialisasi, KIE), village community-watch groups, recruitment alerts. */

export const TARGET_GROUPS = [
  'students',
  'prospective_migrants',
  'village_officials',
  'parents',
  'church_congregation',
  'other',
] as const;

/** Where a suspicious recruitment was seen: an HTCDS platform, or offline (agents, departures at the port). */
export const ALERT_CHANNELS = [...RECRUITMENT_PLATFORMS, 'Offline'] as const;

export const ALERT_STATUSES = [
  'reported',
  'verified',
  'forwarded_police',
  'forwarded_bp3mi',
  'closed',
] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

const NEXT: Record<AlertStatus, readonly AlertStatus[]> = {
  reported: ['verified', 'closed'],
  verified: ['forwarded_police', 'forwarded_bp3mi', 'closed'],
  forwarded_police: ['closed'],
  forwarded_bp3mi: ['closed'],
  closed: [],
};

/** The statuses an alert may move to: reported -> verified -> forwarded to police or BP3MI -> closed. */
export function nextAlertStatuses(status: AlertStatus): readonly AlertStatus[] {
  return NEXT[status];
}

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');
const isoDate = z.iso.date({ message: 'date_format' });
const villageCode = z
  .string()
  .trim()
  .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, { message: 'village_code_format' });
const count = z.number().int().min(0).max(100_000);

export const participantsSchema = z.object({
  adultMale: count,
  adultFemale: count,
  childMale: count,
  childFemale: count,
});

export const preventionActivityInputSchema = z.object({
  heldOn: isoDate,
  villageCode,
  targetGroup: z.enum(TARGET_GROUPS),
  topic: text(3, 300),
  materials: optionalText(2000),
  participants: participantsSchema,
  /** The RAD activity the outreach counts towards. */
  activityId: z.string().uuid().nullable().default(null),
});
export type PreventionActivityInput = z.infer<typeof preventionActivityInputSchema>;

export const preventionActivitySchema = preventionActivityInputSchema.extend({
  id: z.string(),
  villageName: z.string(),
  districtName: z.string(),
  agencyId: z.string(),
  agencyShortName: z.string(),
  activityTitle: z.string().nullable(),
  participantsTotal: z.number().int(),
  can: z.object({ edit: z.boolean() }),
  version: z.number().int(),
});
export type PreventionActivity = z.infer<typeof preventionActivitySchema>;

export const watchGroupInputSchema = z.object({
  villageCode,
  name: text(3, 200),
  formedOn: isoDate,
  membersCount: z.number().int().min(1).max(1000),
  /** The group's contact point (an official or the group itself), not a victim. */
  contact: optionalText(300),
});
export type WatchGroupInput = z.infer<typeof watchGroupInputSchema>;
export const watchGroupSchema = watchGroupInputSchema.extend({
  id: z.string(),
  villageName: z.string(),
  districtName: z.string(),
  can: z.object({ edit: z.boolean() }),
  version: z.number().int(),
});
export type WatchGroup = z.infer<typeof watchGroupSchema>;

export const alertInputSchema = z.object({
  channel: z.enum(ALERT_CHANNELS),
  description: text(10, 4000),
  link: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'url_format' })]).default(''),
  villageCode: villageCode.nullable().default(null),
  placeNote: optionalText(300),
  /** Who brought it (position or office, e.g. "Kepala Desa"), never the name of a possible victim. */
  reportedBy: text(2, 200),
  seenOn: isoDate,
});
export type AlertInput = z.infer<typeof alertInputSchema>;

export const alertStatusInputSchema = z.object({
  status: z.enum(ALERT_STATUSES),
  note: optionalText(2000),
  /** When a case was opened from the alert: its number, never a name. */
  caseNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9./-]{2,39}$/, { message: 'case_number_format' })
    .nullable()
    .default(null),
  version: z.number().int().min(1),
});
export type AlertStatusInput = z.infer<typeof alertStatusInputSchema>;

export const alertSchema = alertInputSchema.extend({
  id: z.string(),
  villageName: z.string().nullable(),
  agencyId: z.string(),
  agencyShortName: z.string(),
  status: z.enum(ALERT_STATUSES),
  statusNote: z.string(),
  caseNumber: z.string().nullable(),
  next: z.array(z.enum(ALERT_STATUSES)),
  can: z.object({ changeStatus: z.boolean(), edit: z.boolean() }),
  version: z.number().int(),
  createdAt: z.string(),
});
export type RecruitmentAlert = z.infer<typeof alertSchema>;

const version = z.number().int().min(1);
/** Editing a record carries the version read; a stale one gets 409 with the current record. */
export const preventionActivityUpdateSchema = preventionActivityInputSchema.extend({ version });
export const watchGroupUpdateSchema = watchGroupInputSchema.extend({ version });
export const alertUpdateSchema = alertInputSchema.extend({ version });
/** A record entered by mistake is removed with a reason (kept, hidden everywhere). */
export const preventionRemovalSchema = z.object({ reason: text(3, 500), version });
