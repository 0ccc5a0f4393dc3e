import { z } from 'zod';

/** One event of the audit trail as the API returns it. */
export const auditEventSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorAgencyId: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** One line of a record's access log ("who saw what"), from the audit trail. */
export const accessLogEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  kind: z.enum(['read', 'search', 'export', 'change']),
  outcome: z.enum(['success', 'failure', 'denied']),
  /** What was touched: the case itself, one of its people, one of its documents. */
  on: z.enum(['case', 'person', 'document']),
  userDisplayName: z.string().nullable(),
  username: z.string().nullable(),
  agencyShortName: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

/** The filters of the administrator's audit view (and of its CSV export). */
export const auditFilterSchema = z.object({
  /** The user who acted. */
  actor: z.string().uuid().optional(),
  /** The agency the acting user belonged to at the time. */
  agency: z.string().uuid().optional(),
  /** An exact action, or a prefix ending in a dot ("case.") for a whole family. */
  action: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z_.]*$/)
    .optional(),
  entityType: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z_]*$/)
    .optional(),
  entityId: z.string().trim().max(100).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  /** Exclusive. */
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Kinds of unusual pattern the system raises an alert for. */
export const SECURITY_ALERT_KINDS = [
  'bulk_identifying_reads',
  'failed_logins_from_ip',
  'identifying_export',
] as const;
export type SecurityAlertKind = (typeof SECURITY_ALERT_KINDS)[number];

/** An alert for administrators, raised from the audit trail. */
export const securityAlertSchema = z.object({
  id: z.string(),
  kind: z.enum(SECURITY_ALERT_KINDS),
  detectedAt: z.string(),
  /** When the pattern was seen: the first and last event counted. */
  windowStart: z.string(),
  windowEnd: z.string(),
  /** How many records, failed sign-ins or exported rows. */
  count: z.number().int(),
  subjectUserId: z.string().nullable(),
  subjectUsername: z.string().nullable(),
  subjectAgencyShortName: z.string().nullable(),
  subjectIp: z.string().nullable(),
  /** The audit event that raised it, to look it up in the audit view. */
  auditSeq: z.number().int(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgeNote: z.string().nullable(),
});
export type SecurityAlert = z.infer<typeof securityAlertSchema>;

export const acknowledgeAlertSchema = z.object({
  note: z.string().trim().min(3).max(1000),
});
