import type { AccessLogEntry } from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { toNumber } from '../../platform/db/connect.js';
import { errors } from '../../platform/errors.js';
import { loadCaseFor } from './case.service.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock'>;

/** What kind of access an audited action is, for the reader of the log. */
function kindOf(action: string): AccessLogEntry['kind'] {
  if (action === 'case.search') return 'search';
  if (action.endsWith('.read') || action.endsWith('_read') || action === 'document.downloaded') return 'read';
  if (action.endsWith('.export')) return 'export';
  return 'change';
}

/**
 * Who saw or changed this case and its people and documents, from the audit trail: every read,
 * search hit, download and change, newest first. For the case team and the task force's
 * coordinators; others who may see the case get 403, everyone else 404. Reading it is audited too.
 */
export async function caseAccessLog(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  paging: { page: number; pageSize: number },
) {
  const { access } = await loadCaseFor(deps, actor, caseId);
  if (access !== 'full' && !actor.roles.includes('coordinator')) throw errors.forbidden();
  const base = deps.db.selectFrom('audit_events').where((eb) =>
    eb.or([
      eb.and([eb('audit_events.entity_type', '=', 'case'), eb('audit_events.entity_id', '=', caseId)]),
      eb.and([
        eb('audit_events.entity_type', '=', 'person'),
        eb(
          'audit_events.entity_id',
          'in',
          eb.selectFrom('persons').select('id').where('case_id', '=', caseId),
        ),
      ]),
      eb.and([
        eb('audit_events.entity_type', '=', 'document'),
        eb(
          'audit_events.entity_id',
          'in',
          eb.selectFrom('documents').select('id').where('case_id', '=', caseId),
        ),
      ]),
      // A search that listed the case names it among its results.
      eb.and([
        eb('audit_events.action', '=', 'case.search'),
        eb('audit_events.details', 'like', `%"${caseId}"%`),
      ]),
    ]),
  );
  const [total, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
    base
      .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
      .leftJoin('agencies', 'agencies.id', 'audit_events.actor_agency_id')
      .select([
        'audit_events.seq',
        'audit_events.occurred_at',
        'audit_events.action',
        'audit_events.outcome',
        'audit_events.entity_type',
        'users.display_name',
        'users.username',
        'agencies.short_name',
      ])
      .orderBy('audit_events.seq', 'desc')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute(),
  ]);
  await inTransaction(deps, actor, meta, (_trx, audit) =>
    audit({ action: 'case.access_log_read', entityType: 'case', entityId: caseId }),
  );
  const items: AccessLogEntry[] = rows.map((r) => ({
    seq: Number(r.seq),
    at: r.occurred_at,
    action: r.action,
    kind: kindOf(r.action),
    outcome: r.outcome as AccessLogEntry['outcome'],
    on: (r.entity_type ?? 'case') as AccessLogEntry['on'],
    userDisplayName: r.display_name ?? null,
    username: r.username ?? null,
    agencyShortName: r.short_name ?? null,
  }));
  return {
    items,
    total: toNumber(total?.n as string | number | undefined),
    page: paging.page,
    pageSize: paging.pageSize,
  };
}
