import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './db/connect.js';

/** Every kind of event the audit trail records. Modules add theirs here. */
export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.password_changed'
  | 'auth.session_expired'
  | 'auth.mfa_setup_started'
  | 'auth.mfa_enabled'
  | 'auth.mfa_verified'
  | 'auth.mfa_failed'
  | 'auth.mfa_disabled'
  | 'user.mfa_reset'
  | 'security.mfa_policy_changed'
  | 'auth.session_ended'
  | 'user.session_ended'
  | 'user.created'
  | 'user.updated'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.password_reset'
  | 'agency.created'
  | 'agency.updated'
  | 'access.denied'
  | 'audit.read'
  | 'audit.exported'
  | 'security.alert_acknowledged'
  | 'taskforce.created'
  | 'taskforce.decree_created'
  | 'taskforce.decree_changed'
  | 'taskforce.decree_file_uploaded'
  | 'taskforce.decree_file_downloaded'
  | 'taskforce.letterhead_changed'
  | 'taskforce.letterhead_logo_uploaded'
  | 'taskforce.letterhead_logo_downloaded'
  | 'plan.evidence_attached'
  | 'plan.evidence_downloaded'
  | 'plan.evidence_removed'
  | 'meeting.invitation_numbered'
  | 'prevention.activity_changed'
  | 'prevention.activity_deleted'
  | 'prevention.watch_group_changed'
  | 'prevention.watch_group_deleted'
  | 'prevention.alert_changed'
  | 'prevention.alert_deleted'
  | 'taskforce.sub_task_force_created'
  | 'taskforce.sub_task_force_changed'
  | 'taskforce.member_changed'
  | 'taskforce.focal_person_created'
  | 'taskforce.focal_person_changed'
  | 'stats.read'
  | 'stats.exported'
  | 'plan.created'
  | 'plan.exported'
  | 'plan.imported'
  | 'work_programme.saved'
  | 'evaluation.saved'
  | 'evaluation.pdf_exported'
  | 'report.recommendations_saved'
  | 'report.generation_started'
  | 'report.generated'
  | 'report.downloaded'
  | 'plan.programme_created'
  | 'plan.activity_created'
  | 'plan.progress_reported'
  | 'plan.progress_corrected'
  | 'meeting.created'
  | 'meeting.updated'
  | 'meeting.action_created'
  | 'meeting.action_status_changed'
  | 'meeting.pdf_exported'
  | 'prevention.activity_recorded'
  | 'prevention.watch_group_recorded'
  | 'prevention.alert_reported'
  | 'prevention.alert_status_changed'
  | 'taskforce.settings_changed'
  | 'case.created'
  | 'case.read'
  | 'case.updated'
  | 'case.stage_changed'
  | 'case.search'
  | 'case.export'
  | 'case.timeline_read'
  | 'case.access_log_read'
  | 'case.break_glass'
  | 'case.break_glass_reviewed'
  | 'person.created'
  | 'person.read'
  | 'person.updated'
  | 'person.erased'
  | 'case.retention_applied'
  | 'retention.rule_changed'
  | 'retention.run'
  | 'retention.change_proposed'
  | 'retention.change_cancelled'
  | 'retention.change_confirmed'
  | 'keys.rotation_started'
  | 'keys.rotation_finished'
  | 'keys.retired'
  | 'consent.recorded'
  | 'consent.withdrawn'
  | 'screening.recorded'
  | 'checklist.updated'
  | 'document.uploaded'
  | 'document.downloaded'
  | 'document.deleted'
  | 'document.purged'
  | 'attachment.purged'
  | 'prevention.purged'
  | 'demo.seeded'
  | 'legal.read'
  | 'legal.suspects_read'
  | 'legal.report_recorded'
  | 'legal.stage_recorded'
  | 'legal.suspect_created'
  | 'legal.suspect_updated'
  | 'legal.restitution_created'
  | 'legal.restitution_updated'
  | 'legal.payment_recorded'
  | 'legal.protection_created'
  | 'legal.protection_updated'
  | 'legal.list'
  | 'legal.police_assigned'
  | 'deadline.settings_changed'
  | 'service.created'
  | 'service.status_changed'
  | 'service.read'
  | 'needs.updated'
  | 'referral.sent'
  | 'referral.read'
  | 'referral.accepted'
  | 'referral.declined'
  | 'referral.completed'
  | 'referral.revoked'
  | 'referral.consent_override'
  | 'repatriation.leg_added'
  | 'repatriation.leg_updated'
  | 'reintegration.planned'
  | 'reintegration.follow_up_recorded'
  | 'case.flagged'
  | 'conference.recorded'
  | 'conference.action_done'
  | 'export.ctdc'
  | 'export.htcds'
  | 'export.simfoni'
  | 'import.uploaded'
  | 'import.mapping_saved'
  | 'import.validated'
  | 'import.started'
  | 'import.completed'
  | 'import.previewed'
  | 'import.report_read';

export interface AuditActor {
  userId: string | null;
  agencyId: string | null;
}

export interface AuditContext {
  requestId?: string | null;
  ip?: string | null;
}

export interface AuditEventInput {
  action: AuditAction;
  outcome?: 'success' | 'failure' | 'denied';
  entityType?: string | null;
  entityId?: string | null;
  /** Never personal data: ids, field names, counts, reasons. */
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

interface ChainFields {
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  request_id: string | null;
  ip: string | null;
  outcome: string;
  details: string;
  prev_hash: string;
}

/** The hash of one event: sha-256 over its fields in a fixed order, including the previous hash. */
export function eventHash(e: ChainFields): string {
  return createHash('sha256')
    .update(`${canonicalHead(e)}${JSON.stringify(e.prev_hash)}]`)
    .digest('hex');
}

/**
 * The canonical text of an event up to its previous hash: a JSON array of the fields in a fixed
 * order, left open where the previous hash (a hex string) and the closing bracket follow. The
 * PostgreSQL chain function appends those two under the chain's lock.
 */
export function canonicalHead(e: Omit<ChainFields, 'prev_hash'>): string {
  const open = JSON.stringify([
    e.id,
    e.occurred_at,
    e.actor_user_id,
    e.actor_agency_id,
    e.action,
    e.entity_type,
    e.entity_id,
    e.request_id,
    e.ip,
    e.outcome,
    e.details,
  ]);
  return `${open.slice(0, -1)},`;
}

/**
 * Appends an event to the hash chain. Call it with the transaction of the change it records; on
 * PostgreSQL an advisory lock held to the end of that transaction keeps concurrent writers in line.
 */
export function recordAudit(
  trx: Db,
  kind: 'sqlite' | 'postgres',
  actor: AuditActor,
  ctx: AuditContext,
  event: AuditEventInput,
  now: Date,
): Promise<void> {
  return appendAuditEvents(trx, kind, [{ actor, ctx, event, at: now }]);
}

export interface AuditAppend {
  actor: AuditActor;
  ctx: AuditContext;
  event: AuditEventInput;
  at: Date;
}

/**
 * Appends several events to the hash chain in order, in the caller's transaction: the chain's lock
 * is taken and its last hash read once, and the events go in one insert. Used for read records
 * committed together (group commit); one event is `recordAudit`.
 */
export async function appendAuditEvents(
  trx: Db,
  kind: 'sqlite' | 'postgres',
  events: readonly AuditAppend[],
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(({ actor, ctx, event, at }) => ({
    id: randomUUID(),
    occurred_at: at.toISOString(),
    actor_user_id: actor.userId,
    actor_agency_id: actor.agencyId,
    action: event.action,
    entity_type: event.entityType ?? null,
    entity_id: event.entityId ?? null,
    request_id: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
    outcome: event.outcome ?? 'success',
    details: JSON.stringify(event.details ?? {}),
  }));
  if (kind === 'postgres') {
    // One statement (migration 202612060100): the database takes the lock, reads the last hash and
    // chains the events over the canonical text sent here, in one round trip.
    const payload = rows.map((r) => ({ ...r, canonical_head: canonicalHead(r) }));
    await sql`select audit_append(${JSON.stringify(payload)}::jsonb)`.execute(trx);
    return;
  }
  const last = await trx
    .selectFrom('audit_events')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let prev = last?.hash ?? GENESIS_HASH;
  const chained = rows.map((r) => {
    const fields: ChainFields = { ...r, prev_hash: prev };
    prev = eventHash(fields);
    return { ...fields, outcome: fields.outcome as 'success', hash: prev };
  });
  // The rows keep their order: `seq` follows the insert's VALUES order.
  await trx.insertInto('audit_events').values(chained).execute();
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAt?: { seq: number; id: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' };
}

/** Walks the chain from the start and reports the first broken link. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let afterSeq = -1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      const seq = Number(row.seq);
      if (row.prev_hash !== prev)
        return { ok: false, checked, brokenAt: { seq, id: row.id, reason: 'prev_hash_mismatch' } };
      if (eventHash(row) !== row.hash)
        return { ok: false, checked, brokenAt: { seq, id: row.id, reason: 'hash_mismatch' } };
      prev = row.hash;
      afterSeq = seq;
      checked++;
    }
  }
}
