import type { AuditFilter } from '@sinergi/core';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { toNumber } from '../../platform/db/connect.js';

/**
 * The task force an event belongs to: the acting agency's; for an event without an agency, the
 * acting user's; for an event without an actor, the user or task force it is about. Null: the
 * deployment's own (its administrators, the command line, sign-ins to unknown accounts).
 */
const eventTaskForce = sql<string | null>`case
  when audit_events.actor_agency_id is not null then agencies.task_force_id
  when audit_events.actor_user_id is not null then actor_home.task_force_id
  when audit_events.entity_type = 'user' then subject_home.task_force_id
  when audit_events.entity_type = 'task_force' then audit_events.entity_id
  else null end`;

/**
 * The audit trail of one task force (of none when `taskForceId` is null) joined with who acted,
 * narrowed by the administrator's filters. Events about the task force's cases by users of
 * another task force (a case team member from elsewhere) belong to it too.
 */
function filtered(db: Db, taskForceId: string | null, f: AuditFilter) {
  let q = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
    .leftJoin('agencies', 'agencies.id', 'audit_events.actor_agency_id')
    .leftJoin('agencies as actor_home', 'actor_home.id', 'users.agency_id')
    .leftJoin('users as subject', (join) =>
      join.onRef('subject.id', '=', 'audit_events.entity_id').on('audit_events.entity_type', '=', 'user'),
    )
    .leftJoin('agencies as subject_home', 'subject_home.id', 'subject.agency_id')
    .where((eb) =>
      taskForceId === null
        ? eb(eventTaskForce, 'is', null)
        : eb.or([
            eb(eventTaskForce, '=', taskForceId),
            eb.and([
              eb('audit_events.entity_type', '=', 'case'),
              eb(
                'audit_events.entity_id',
                'in',
                eb.selectFrom('cases').select('cases.id').where('cases.task_force_id', '=', taskForceId),
              ),
            ]),
          ]),
    );
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

export async function countAuditEvents(db: Db, taskForceId: string | null, f: AuditFilter): Promise<number> {
  const row = await filtered(db, taskForceId, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return toNumber(row?.n as string | number | undefined);
}

/** One page of events, newest first; `beforeSeq` pages by key for long exports. */
export async function findAuditEvents(
  db: Db,
  taskForceId: string | null,
  f: AuditFilter,
  page: { limit: number; offset?: number; beforeSeq?: number },
) {
  let q = filtered(db, taskForceId, f);
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
