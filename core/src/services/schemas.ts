import { z } from 'zod';
import { meetingActionSchema } from '../coordination/meeting.js';
import { queryInt } from '../query.js';
import {
  REFERRAL_REASONS,
  REFERRAL_STATUSES,
  REFERRAL_URGENCIES,
  SERVICE_STATUSES,
  SERVICE_TYPE_IDS,
  SOP_STAGES,
} from './workflow.js';

const isoDate = z.iso.date({ message: 'date_format' });
const text = (max: number) => z.string().trim().min(1).max(max);
const uuid = z.string().uuid();

export const serviceCreateSchema = z.object({
  personId: uuid,
  type: z.enum(SERVICE_TYPE_IDS),
  /** Needed only for type `other`; otherwise follows from the type. */
  stage: z.enum(SOP_STAGES).optional(),
  /** Another agency's service goes through a referral; here only the lead agency (or, under a referral, the receiving agency). */
  providerAgencyId: uuid.optional(),
  referralId: uuid.optional(),
  status: z.enum(['requested', 'accepted', 'in_progress']).default('requested'),
  dueDate: isoDate.optional(),
  cost: z.number().int().min(0).max(10_000_000_000).nullable().optional(),
  notes: text(2000).nullable().optional(),
});
export type ServiceCreate = z.infer<typeof serviceCreateSchema>;

export const serviceStatusChangeSchema = z.object({
  version: z.number().int().min(1),
  to: z.enum(SERVICE_STATUSES),
  outcome: text(2000).nullable().optional(),
  reason: text(500).nullable().optional(),
  cost: z.number().int().min(0).max(10_000_000_000).nullable().optional(),
  notes: text(2000).nullable().optional(),
});
export type ServiceStatusChange = z.infer<typeof serviceStatusChangeSchema>;

export const serviceViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  personId: z.string(),
  personInitials: z.string(),
  type: z.enum(SERVICE_TYPE_IDS),
  stage: z.enum(SOP_STAGES),
  providerAgencyId: z.string(),
  providerAgency: z.string(),
  referralId: z.string().nullable(),
  status: z.enum(SERVICE_STATUSES),
  requestedAt: z.string(),
  acceptedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  outcome: z.string().nullable(),
  reason: z.string().nullable(),
  cost: z.number().nullable(),
  notes: z.string().nullable(),
  /** Files attached to the service; names only for those who read its notes. */
  documents: z.array(
    z.object({
      id: z.string(),
      filename: z.string().nullable(),
      mime: z.string(),
      size: z.number().int(),
      uploadedAt: z.string(),
    }),
  ),
  version: z.number(),
  abilities: z.object({ changeStatus: z.boolean() }),
});
export type ServiceView = z.infer<typeof serviceViewSchema>;

export const needsInputSchema = z.object({
  stages: z.array(z.enum(SOP_STAGES)).max(SOP_STAGES.length),
  note: text(1000).nullable().optional(),
});
export type NeedsInput = z.infer<typeof needsInputSchema>;

export const servicePlanSchema = z.object({
  persons: z.array(
    z.object({
      personId: z.string(),
      initials: z.string(),
      name: z.string().nullable(),
      needs: z.array(z.enum(SOP_STAGES)),
      needsNote: z.string().nullable(),
    }),
  ),
  services: z.array(serviceViewSchema),
  abilities: z.object({ addService: z.boolean(), editNeeds: z.boolean(), refer: z.boolean() }),
});
export type ServicePlan = z.infer<typeof servicePlanSchema>;

export const referralCreateSchema = z.object({
  caseId: uuid,
  toAgencyId: uuid,
  personIds: z.array(uuid).min(1).max(20),
  services: z.array(z.enum(SERVICE_TYPE_IDS)).min(1).max(10),
  reason: z.enum(REFERRAL_REASONS),
  urgency: z.enum(REFERRAL_URGENCIES).default('normal'),
  details: text(2000).nullable().optional(),
  /** A coordinator's override of the consent gate (for example a child in danger): the reason is required. */
  consentOverrideReason: text(1000).nullable().optional(),
});
export type ReferralCreate = z.infer<typeof referralCreateSchema>;

export const referralActionSchema = z.object({
  version: z.number().int().min(1),
  /** accept: the worker assigned (default the caller). */
  assignedUserId: uuid.optional(),
  /** decline and revoke: why. */
  reason: text(1000).nullable().optional(),
  /** complete: what came of it. */
  outcome: text(2000).nullable().optional(),
});
export type ReferralActionInput = z.infer<typeof referralActionSchema>;

export const referralListQuerySchema = z.object({
  box: z.enum(['incoming', 'outgoing', 'overrides']).default('incoming'),
  status: z.enum(REFERRAL_STATUSES).optional(),
  caseId: uuid.optional(),
  page: queryInt({ min: 1, max: 100000 }).default(1),
  pageSize: queryInt({ min: 1, max: 100 }).default(25),
});
export type ReferralListQuery = z.infer<typeof referralListQuerySchema>;

export const referralPersonSchema = z.object({
  id: z.string(),
  initials: z.string(),
  /** Only while the referral is accepted, to the receiving agency's workers and the sender's team. */
  fullName: z.string().nullable(),
  sex: z.string(),
  ageYears: z.number().nullable(),
  isChild: z.boolean(),
  phone: z.string().nullable(),
});

export const referralViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  fromAgencyId: z.string(),
  fromAgency: z.string(),
  toAgencyId: z.string(),
  toAgency: z.string(),
  crossTaskForce: z.boolean(),
  status: z.enum(REFERRAL_STATUSES),
  services: z.array(z.enum(SERVICE_TYPE_IDS)),
  reason: z.enum(REFERRAL_REASONS),
  urgency: z.enum(REFERRAL_URGENCIES),
  details: z.string().nullable(),
  persons: z.array(referralPersonSchema),
  consentOverride: z.object({ reason: z.string().nullable(), by: z.string() }).nullable(),
  sentAt: z.string(),
  responseDueAt: z.string(),
  overdue: z.boolean(),
  respondedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  assignedUserId: z.string().nullable(),
  assignedUser: z.string().nullable(),
  answerReason: z.string().nullable(),
  outcome: z.string().nullable(),
  version: z.number(),
  side: z.enum(['sender', 'receiver', 'oversight']),
  abilities: z.object({
    accept: z.boolean(),
    decline: z.boolean(),
    complete: z.boolean(),
    revoke: z.boolean(),
    recordService: z.boolean(),
  }),
});
export type ReferralView = z.infer<typeof referralViewSchema>;

export const myWorkSchema = z.object({
  counts: z.object({
    referralsWaiting: z.number(),
    referralsOverdue: z.number(),
    servicesDue: z.number(),
    servicesOverdue: z.number(),
    casesWithoutResponse: z.number(),
    followUpsDue: z.number(),
    actionsOpen: z.number(),
    /** Follow-up actions of coordination meetings the agency owns. */
    meetingActionsOpen: z.number(),
    meetingActionsOverdue: z.number(),
    notificationsUnread: z.number(),
    /** Cases assigned to the caller's police or prosecution office, no police report yet. */
    legalAssigned: z.number(),
    /** RAD progress reports the agency owes (this period's, and overdue ones of the period before). */
    radReportsDue: z.number(),
    radReportsOverdue: z.number(),
    total: z.number(),
  }),
  referrals: z.array(referralViewSchema),
  services: z.array(serviceViewSchema.extend({ caseNumber: z.string() })),
  cases: z.array(
    z.object({
      id: z.string(),
      caseNumber: z.string(),
      dueAt: z.string(),
      overdue: z.boolean(),
      risk: z.string(),
    }),
  ),
  followUps: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      caseNumber: z.string(),
      month: z.number(),
      dueDate: z.string(),
      overdue: z.boolean(),
      version: z.number(),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      caseNumber: z.string(),
      description: z.string(),
      dueDate: z.string(),
      overdue: z.boolean(),
      version: z.number(),
    }),
  ),
  meetingActions: z.array(meetingActionSchema),
  legalAssigned: z.array(z.object({ caseId: z.string(), caseNumber: z.string(), assignedAt: z.string() })),
  radReports: z.array(
    z.object({
      planId: z.string(),
      activityId: z.string(),
      activityTitle: z.string(),
      year: z.number().int(),
      period: z.number().int(),
      overdue: z.boolean(),
    }),
  ),
});
export type MyWork = z.infer<typeof myWorkSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  referralId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationSchema>;
