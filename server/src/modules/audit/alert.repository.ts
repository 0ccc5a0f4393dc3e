import type { SecurityAlertKind } from '@sinergi/core';
import type { Db } from '../../platform/db/connect.js';
import { toNumber } from '../../platform/db/connect.js';

/** Audit actions that open identifying data of one record (a case read counts unless limited). */
export const IDENTIFYING_READ_ACTIONS = [
  'case.read',
  'person.read',
  'document.downloaded',
  'legal.suspects_read',
] as const;

export interface WatchedEvent {
  seq: number;
  occurred_at: string;
  actor_user_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  ip: string | null;
  outcome: string;
  details: string;
}

const WATCHED_COLUMNS = [
  'seq',
  'occurred_at',
  'actor_user_id',
  'action',
  'entity_type',
  'entity_id',
  'ip',
  'outcome',
  'details',
] as const;

export async function lastAuditSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('seq').as('s'))
    .executeTakeFirst();
  return toNumber(row?.s as number | string | null | undefined);
}

/** Events after `afterSeq` (up to `untilSeq`) that can raise an alert, oldest first. */
export async function watchedEventsAfter(db: Db, afterSeq: number, untilSeq: number, limit: number) {
  const rows = await db
    .selectFrom('audit_events')
    .select(WATCHED_COLUMNS)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', untilSeq)
    .where((eb) =>
      eb.or([
        eb('action', 'in', [...IDENTIFYING_READ_ACTIONS, 'auth.login_failed']),
        eb('action', 'like', '%.export'),
        eb('action', 'like', '%.exported'),
      ]),
    )
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) })) as WatchedEvent[];
}

/** A user's identifying reads in a time window, for counting distinct records. */
export async function identifyingReadsOf(db: Db, userId: string, fromIso: string, toIso: string) {
  const rows = await db
    .selectFrom('audit_events')
    .select(WATCHED_COLUMNS)
    .where('actor_user_id', '=', userId)
    .where('occurred_at', '>', fromIso)
    .where('occurred_at', '<=', toIso)
    .where('action', 'in', [...IDENTIFYING_READ_ACTIONS])
    .where('outcome', '=', 'success')
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) })) as WatchedEvent[];
}

export async function failedLoginsFrom(db: Db, ip: string, fromIso: string, toIso: string) {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('occurred_at').as('first')])
    .where('ip', '=', ip)
    .where('action', '=', 'auth.login_failed')
    .where('occurred_at', '>', fromIso)
    .where('occurred_at', '<=', toIso)
    .executeTakeFirst();
  return {
    count: toNumber(row?.n as number | string | undefined),
    first: (row?.first as string | null) ?? toIso,
  };
}

/** Whether an alert of this kind about this user or address already covers the time `sinceIso`. */
export async function alertSince(
  db: Db,
  kind: SecurityAlertKind,
  subject: { userId?: string | null; ip?: string | null },
  sinceIso: string,
): Promise<boolean> {
  let q = db
    .selectFrom('security_alerts')
    .select('id')
    .where('kind', '=', kind)
    .where('window_end', '>', sinceIso);
  if (subject.userId) q = q.where('subject_user_id', '=', subject.userId);
  if (subject.ip) q = q.where('subject_ip', '=', subject.ip);
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

export async function insertAlert(
  db: Db,
  alert: {
    id: string;
    kind: SecurityAlertKind;
    detected_at: string;
    window_start: string;
    window_end: string;
    count: number;
    subject_user_id: string | null;
    subject_ip: string | null;
    audit_seq: number;
  },
): Promise<void> {
  await db.insertInto('security_alerts').values(alert).execute();
}

/**
 * Alerts an administrator of `taskForceId` sees: those about users of its task force (of none when
 * null), and those about no user (failed sign-ins from one address), which concern the whole
 * deployment and name only an address and a count.
 */
function alertQuery(db: Db, taskForceId: string | null, open: boolean) {
  let q = db
    .selectFrom('security_alerts as a')
    .leftJoin('users as u', 'u.id', 'a.subject_user_id')
    .leftJoin('agencies as g', 'g.id', 'u.agency_id')
    .leftJoin('users as ack', 'ack.id', 'a.acknowledged_by')
    .where((eb) =>
      eb.or([
        eb('a.subject_user_id', 'is', null),
        taskForceId === null
          ? eb.and([eb('g.id', 'is not', null), eb('g.task_force_id', 'is', null)])
          : eb('g.task_force_id', '=', taskForceId),
      ]),
    );
  if (open) q = q.where('a.acknowledged_at', 'is', null);
  return q;
}

export async function countAlerts(db: Db, taskForceId: string | null, open: boolean): Promise<number> {
  const row = await alertQuery(db, taskForceId, open)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return toNumber(row?.n as number | string | undefined);
}

export async function findAlerts(
  db: Db,
  taskForceId: string | null,
  open: boolean,
  limit: number,
  offset: number,
  id?: string,
) {
  let q = alertQuery(db, taskForceId, open);
  if (id) q = q.where('a.id', '=', id);
  return q
    .selectAll('a')
    .select([
      'u.username as subject_username',
      'g.short_name as subject_agency',
      'ack.username as ack_username',
    ])
    .orderBy('a.detected_at', 'desc')
    .orderBy('a.audit_seq', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}
export type AlertRow = Awaited<ReturnType<typeof findAlerts>>[number];

export async function markAcknowledged(db: Db, id: string, userId: string, note: string, atIso: string) {
  const r = await db
    .updateTable('security_alerts')
    .set({ acknowledged_at: atIso, acknowledged_by: userId, acknowledge_note: note })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
