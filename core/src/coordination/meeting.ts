import { z } from 'zod';

/** Coordination meetings of the task force and their follow-up actions. */

export const MEETING_TYPES = ['rakor', 'evaluation', 'planning', 'case_conference', 'other'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * Case numbers as the case register issues them (e.g. `TPPO-5310-2026-0001`). A meeting names a
 * case by its number only; victims' names never enter a meeting record.
 */
export const CASE_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9./-]{2,39}$/;

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');
const isoDate = z.iso.date({ message: 'date_format' });
const instant = z.iso.datetime({ offset: true, message: 'datetime_format' });

export const agendaItemSchema = z.object({
  title: text(3, 300),
  /** A RAD activity the item discusses. */
  activityId: z.string().uuid().nullable().default(null),
  /** For a case conference: the case number, never a name. */
  caseNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(CASE_NUMBER_PATTERN, { message: 'case_number_format' })
    .nullable()
    .default(null),
  notes: optionalText(4000),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** One official present: officials' contact data, never a victim's. */
export const attendeeSchema = z.object({
  name: text(2, 200),
  position: optionalText(200),
  /** The member agency the person came for; null for a guest (its name goes in `organisation`). */
  agencyId: z.string().uuid().nullable().default(null),
  organisation: optionalText(200),
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const meetingInputSchema = z
  .object({
    type: z.enum(MEETING_TYPES),
    title: text(3, 300),
    startsAt: instant,
    endsAt: instant.nullable().default(null),
    place: optionalText(300),
    onlineLink: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'url_format' })]).default(''),
    chair: optionalText(200),
    minuteTaker: optionalText(200),
    invitedAgencyIds: z.array(z.string().uuid()).max(60).default([]),
    invitedPeople: optionalText(2000),
    agenda: z.array(agendaItemSchema).max(40).default([]),
    attendees: z.array(attendeeSchema).max(200).default([]),
    minutes: optionalText(20000),
    decisions: z.array(text(3, 2000)).max(40).default([]),
  })
  .refine((m) => m.place !== '' || m.onlineLink !== '', { message: 'place_or_link', path: ['place'] })
  .refine((m) => !m.endsAt || Date.parse(m.endsAt) > Date.parse(m.startsAt), {
    message: 'ends_before_start',
    path: ['endsAt'],
  });
export type MeetingInput = z.infer<typeof meetingInputSchema>;
export const meetingUpdateSchema = z.object({
  meeting: meetingInputSchema,
  version: z.number().int().min(1),
});

export const actionInputSchema = z.object({
  description: text(3, 2000),
  ownerAgencyId: z.string().uuid(),
  dueDate: isoDate,
  activityId: z.string().uuid().nullable().default(null),
});
export type ActionInput = z.infer<typeof actionInputSchema>;

export const actionStatusInputSchema = z
  .object({
    status: z.enum(ACTION_STATUSES),
    note: optionalText(2000),
    version: z.number().int().min(1),
  })
  .refine((a) => a.status !== 'dropped' || a.note.length >= 3, {
    message: 'drop_needs_note',
    path: ['note'],
  });
export type ActionStatusInput = z.infer<typeof actionStatusInputSchema>;

export const meetingActionSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  meetingStartsAt: z.string(),
  description: z.string(),
  ownerAgencyId: z.string(),
  ownerAgencyShortName: z.string(),
  dueDate: z.string(),
  activityId: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  statusNote: z.string(),
  /** Open and past its due date in the task force's calendar. */
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  can: z.object({ update: z.boolean() }),
  version: z.number().int(),
});
export type MeetingAction = z.infer<typeof meetingActionSchema>;

export const meetingSummarySchema = z.object({
  id: z.string(),
  type: z.enum(MEETING_TYPES),
  title: z.string(),
  startsAt: z.string(),
  place: z.string(),
  onlineLink: z.string(),
  actionsOpen: z.number().int(),
  actionsOverdue: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingSchema = z.object({
  id: z.string(),
  type: z.enum(MEETING_TYPES),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  timeZone: z.string(),
  place: z.string(),
  onlineLink: z.string(),
  chair: z.string(),
  minuteTaker: z.string(),
  invitedAgencyIds: z.array(z.string()),
  invitedPeople: z.string(),
  agenda: z.array(
    agendaItemSchema.extend({ activityId: z.string().nullable(), caseNumber: z.string().nullable() }),
  ),
  attendees: z.array(attendeeSchema.extend({ agencyShortName: z.string().nullable() })),
  minutes: z.string(),
  decisions: z.array(z.string()),
  actions: z.array(meetingActionSchema),
  /** The invitation's letter number, given once when the invitation is first issued. */
  invitationNumber: z.string().nullable(),
  can: z.object({ manage: z.boolean() }),
  version: z.number().int(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const agendaPackSchema = z.object({
  meetingId: z.string(),
  /** Reports filed after `from` (the previous meeting, or 90 days back) up to the meeting. */
  from: z.string(),
  to: z.string(),
  previousMeeting: z.object({ id: z.string(), title: z.string(), startsAt: z.string() }).nullable(),
  reports: z.array(
    z.object({
      activityId: z.string(),
      activityTitle: z.string(),
      agencyShortName: z.string(),
      year: z.number().int(),
      period: z.number().int(),
      periodKind: z.enum(['quarter', 'semester']),
      achievement: z.string(),
      obstacles: z.string(),
      intervention: z.string(),
      interventionAgencyShortName: z.string().nullable(),
      filedAt: z.string(),
    }),
  ),
  openActions: z.array(meetingActionSchema),
});
export type AgendaPack = z.infer<typeof agendaPackSchema>;

export const secretariatOverviewSchema = z.object({
  plan: z
    .object({
      id: z.string(),
      title: z.string(),
      year: z.number().int(),
      period: z.number().int(),
      periodKind: z.enum(['quarter', 'semester']),
    })
    .nullable(),
  missingReports: z.array(
    z.object({
      activityId: z.string(),
      title: z.string(),
      agencyId: z.string(),
      agencyShortName: z.string(),
    }),
  ),
  overdueActions: z.array(meetingActionSchema),
  nextMeeting: meetingSummarySchema.nullable(),
});
export type SecretariatOverview = z.infer<typeof secretariatOverviewSchema>;

export const MEETING_PDF_KINDS = ['invitation', 'attendance', 'minutes'] as const;
export type MeetingPdfKind = (typeof MEETING_PDF_KINDS)[number];

/** Whole days an open action is past its due date on `today` (both YYYY-MM-DD); 0 when not late. */
export function daysOverdue(status: ActionStatus, dueDate: string, today: string): number {
  if (status !== 'open' || dueDate >= today) return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
}
