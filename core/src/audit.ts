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
