import type { SecurityAlert } from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { type AlertRow, countAlerts, findAlerts, markAcknowledged } from './alert.repository.js';
import { detectAlerts } from './alert-detection.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'config'>;

function present(r: AlertRow): SecurityAlert {
  return {
    id: r.id,
    kind: r.kind,
    detectedAt: r.detected_at,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    count: Number(r.count),
    subjectUserId: r.subject_user_id,
    subjectUsername: r.subject_username,
    subjectAgencyShortName: r.subject_agency,
    subjectIp: r.subject_ip,
    auditSeq: Number(r.audit_seq),
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.ack_username,
    acknowledgeNote: r.acknowledge_note,
  };
}

/**
 * Alerts for an administrator (its task force's, and the deployment's address alerts), newest first. The check for new ones runs first, so the list is
 * current even between scheduled checks.
 */
export async function listAlerts(
  deps: Deps,
  actor: Actor,
  query: { open: boolean; page: number; pageSize: number },
) {
  await detectAlerts(deps);
  const total = await countAlerts(deps.db, actor.taskForceId, query.open);
  const rows = await findAlerts(
    deps.db,
    actor.taskForceId,
    query.open,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: rows.map(present), total, page: query.page, pageSize: query.pageSize };
}

/** How many alerts nobody has acknowledged yet (the badge in the navigation). */
export async function openAlertCount(deps: Deps, actor: Actor): Promise<{ open: number }> {
  await detectAlerts(deps);
  return { open: await countAlerts(deps.db, actor.taskForceId, true) };
}

/** Marks an alert as looked at, with a note of what was found; audited. */
export async function acknowledgeAlert(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: { note: string },
): Promise<SecurityAlert> {
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const [current] = await findAlerts(trx, actor.taskForceId, false, 1, 0, id);
    if (!current) throw errors.notFound();
    if (current.acknowledged_at) throw errors.conflict({ _: 'alert_already_acknowledged' });
    await markAcknowledged(trx, id, actor.userId, input.note, deps.clock.now().toISOString());
    await audit({
      action: 'security.alert_acknowledged',
      entityType: 'security_alert',
      entityId: id,
      details: { kind: current.kind },
    });
    const [after] = await findAlerts(trx, actor.taskForceId, false, 1, 0, id);
    return present(after!);
  });
}
