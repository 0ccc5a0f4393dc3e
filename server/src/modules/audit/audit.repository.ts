import type { AuditFilter } from '@sinergi/core';
import type { Db } from '../../platform/db/connect.js';
import { toNumber } from '../../platform/db/connect.js';

/** The audit trail joined with who acted, narrowed by the administrator's filters. */
function filtered(db: Db, f: AuditFilter) {
  let q = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .leftJoin('agencies', 'agencies.id', 'audit_events.actor_agency_id');
  if (f.actor) q = q.where('audit_events.actor_user_id', '=', f.actor);
  if (f.agency) q = q.where('audit_events.actor_agency_id', '=', f.agency);
  if (f.action)
    q = f.action.endsWith('.')
      ? q.where('audit_events.action', 'like', `${f.action}%`)
      : q.where('audit_events.action', '=', f.action);
  if (f.entityType) q = q.where('audit_events.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('audit_events.entity_id', '=', f.entityId);
  if (f.outcome) q = q.where('audit_events.outcome', '=', f.outcome);
  if (f.from) q = q.where('audit_events.occurred_at', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('audit_events.occurred_at', '<', new Date(f.to).toISOString());
  return q;
}

export async function countAuditEvents(db: Db, f: AuditFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return toNumber(row?.n as string | number | undefined);
}

/** One page of events, newest first; `beforeSeq` pages by key for long exports. */
export async function findAuditEvents(
  db: Db,
  f: AuditFilter,
  page: { limit: number; offset?: number; beforeSeq?: number },
) {
  let q = filtered(db, f);
  if (page.beforeSeq !== undefined) q = q.where('audit_events.seq', '<', page.beforeSeq);
  const rows = await q
    .selectAll('audit_events')
    .select(['users.username', 'agencies.short_name as agency_short_name'])
    .orderBy('audit_events.seq', 'desc')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    id: r.id,
    occurredAt: r.occurred_at,
    actorUserId: r.actor_user_id,
    actorUsername: r.username,
    actorAgencyId: r.actor_agency_id,
    actorAgencyShortName: r.agency_short_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    requestId: r.request_id,
    ip: r.ip,
    outcome: r.outcome,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}
export type AuditRow = Awaited<ReturnType<typeof findAuditEvents>>[number];
