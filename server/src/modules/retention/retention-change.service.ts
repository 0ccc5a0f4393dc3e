import { randomUUID } from 'node:crypto';
import {
  RETENTION_GRACE_DAYS,
  type RetentionChange,
  type RetentionChangeList,
  type RetentionPreview,
} from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { errors } from '../../platform/errors.js';
import { assertManagesRetention, assertMayConfirm, confirmRefusal } from './retention.policy.js';
import { insertRule, personCounts, ruleOf, updateRule } from './retention.repository.js';
import {
  type ChangeRow,
  caseNumbers,
  changesDue,
  findChange,
  insertChange,
  listChanges,
  pendingChange,
  resolveChange,
} from './retention-change.repository.js';
import { dueCasesUnder } from './retention-due.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

const DAY_MS = 86_400_000;

/**
 * What the first daily run under `years` would replace: at once for a period as long as the rule
 * in force or longer, else when the grace period ends (or at `at`, a pending change's date).
 */
export async function previewRetentionChange(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  taskForceId: string,
  years: number,
  at?: Date,
): Promise<RetentionPreview> {
  assertManagesRetention(actor, taskForceId);
  const current = (await ruleOf(deps.db, taskForceId)).closedCaseYears;
  const now = deps.clock.now();
  const destructive = years < current;
  const effective = at ?? (destructive ? new Date(now.getTime() + RETENTION_GRACE_DAYS * DAY_MS) : now);
  // A pending change whose date passed takes effect at the next run: count from now on.
  const when = new Date(Math.max(effective.getTime(), now.getTime()));
  const due = await dueCasesUnder(deps.db, taskForceId, years, when);
  const anyway = new Set((await dueCasesUnder(deps.db, taskForceId, current, when)).map((c) => c.id));
  const ids = due.map((c) => c.id);
  return {
    closedCaseYears: years,
    currentYears: current,
    destructive,
    effectiveAt: effective.toISOString(),
    cases: ids.length,
    ...(await personCounts(deps.db, ids)),
    dueAnyway: ids.filter((id) => anyway.has(id)).length,
    // Case numbers are for the secretariat, who work with cases; an administrator sees the counts.
    caseNumbers: actor.permissions.has('case.read') ? await caseNumbers(deps.db, ids) : null,
  };
}

async function present(deps: Deps, actor: Actor, row: ChangeRow): Promise<RetentionChange> {
  const pending = row.status === 'pending';
  return {
    id: row.id,
    taskForceId: row.task_force_id,
    fromYears: Number(JSON.parse(row.from_value)),
    toYears: Number(JSON.parse(row.to_value)),
    status: row.status,
    proposedAt: row.proposed_at,
    proposedBy: { id: row.proposed_by, displayName: row.proposer_name },
    effectiveAt: row.effective_at,
    resolvedAt: row.resolved_at,
    resolvedBy:
      row.resolved_by && row.resolver_name ? { id: row.resolved_by, displayName: row.resolver_name } : null,
    resolution: row.resolution,
    impact: pending
      ? await previewRetentionChange(
          deps,
          actor,
          row.task_force_id,
          Number(JSON.parse(row.to_value)),
          new Date(row.effective_at),
        )
      : null,
    abilities: { cancel: pending, confirm: pending && confirmRefusal(actor, row) === null },
  };
}

/** The task force's pending change of the retention period, if any. */
export async function pendingRetentionChange(
  deps: Deps,
  actor: Actor,
  taskForceId: string,
): Promise<RetentionChange | null> {
  assertManagesRetention(actor, taskForceId);
  const row = await pendingChange(deps.db, taskForceId);
  return row ? present(deps, actor, row) : null;
}

/** The pending change and the history of changes of the retention period (newest first). */
export async function listRetentionChanges(
  deps: Deps,
  actor: Actor,
  taskForceId: string,
  onlyPending: boolean,
): Promise<RetentionChangeList> {
  assertManagesRetention(actor, taskForceId);
  const rows = await listChanges(deps.db, taskForceId, onlyPending);
  const items: RetentionChange[] = [];
  for (const row of rows) items.push(await present(deps, actor, row));
  return { items };
}

/**
 * Records a shorter retention period that the daily run uses only after the grace period (or a
 * second administrator's confirmation); the caller has checked the version and that it is shorter.
 */
export async function proposeRetentionChange(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  taskForceId: string,
  fromYears: number,
  toYears: number,
): Promise<void> {
  const now = deps.clock.now();
  const preview = await previewRetentionChange(deps, actor, taskForceId, toYears);
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    if (await pendingChange(trx, taskForceId)) throw errors.conflict({ _: 'retention_change_pending' });
    const id = randomUUID();
    await insertChange(trx, {
      id,
      task_force_id: taskForceId,
      from_value: JSON.stringify(fromYears),
      to_value: JSON.stringify(toYears),
      proposed_by: actor.userId,
      proposed_at: now.toISOString(),
      effective_at: preview.effectiveAt,
    });
    await audit({
      action: 'retention.change_proposed',
      entityType: 'task_force',
      entityId: taskForceId,
      details: {
        change: id,
        from: fromYears,
        to: toYears,
        effectiveAt: preview.effectiveAt,
        cases: preview.cases,
        persons: preview.persons,
        documents: preview.documents,
      },
    });
  });
}

/** Sets the rule in force (inside the caller's transaction). */
export async function putRule(trx: Db, taskForceId: string, years: number, userId: string, nowIso: string) {
  const current = await ruleOf(trx, taskForceId);
  if (current.version === 0) await insertRule(trx, taskForceId, years, userId, nowIso);
  else if (!(await updateRule(trx, taskForceId, years, current.version, userId, nowIso)))
    throw errors.versionConflict(current);
  return current.closedCaseYears;
}

async function openChange(deps: Deps, actor: Actor, taskForceId: string, changeId: string) {
  assertManagesRetention(actor, taskForceId);
  const row = await findChange(deps.db, taskForceId, changeId);
  if (!row) throw errors.notFound();
  if (row.status !== 'pending') throw errors.conflict({ _: 'retention_change_closed' });
  return row;
}

async function reread(deps: Deps, actor: Actor, taskForceId: string, changeId: string) {
  const row = await findChange(deps.db, taskForceId, changeId);
  if (!row) throw errors.notFound();
  return present(deps, actor, row);
}

/** Cancels a pending change (the task force's administrators and coordinators); audited. */
export async function cancelRetentionChange(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  taskForceId: string,
  changeId: string,
): Promise<RetentionChange> {
  const row = await openChange(deps, actor, taskForceId, changeId);
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    const nowIso = deps.clock.now().toISOString();
    if (!(await resolveChange(trx, row.id, 'cancelled', 'cancelled', actor.userId, nowIso)))
      throw errors.conflict({ _: 'retention_change_closed' });
    await audit({
      action: 'retention.change_cancelled',
      entityType: 'task_force',
      entityId: taskForceId,
      details: {
        change: row.id,
        from: Number(JSON.parse(row.from_value)),
        to: Number(JSON.parse(row.to_value)),
      },
    });
  });
  return reread(deps, actor, taskForceId, changeId);
}

/**
 * A second administrator of the task force (not the proposer) confirms a pending change: it takes
 * effect at once, so the next daily run uses it. Audited.
 */
export async function confirmRetentionChange(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  taskForceId: string,
  changeId: string,
): Promise<RetentionChange> {
  const row = await openChange(deps, actor, taskForceId, changeId);
  assertMayConfirm(actor, row);
  const to = Number(JSON.parse(row.to_value));
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    const nowIso = deps.clock.now().toISOString();
    if (!(await resolveChange(trx, row.id, 'applied', 'confirmed', actor.userId, nowIso)))
      throw errors.conflict({ _: 'retention_change_closed' });
    const from = await putRule(trx, taskForceId, to, row.proposed_by, nowIso);
    await audit({
      action: 'retention.change_confirmed',
      entityType: 'task_force',
      entityId: taskForceId,
      details: { change: row.id, proposedBy: row.proposed_by },
    });
    await audit({
      action: 'retention.rule_changed',
      entityType: 'task_force',
      entityId: taskForceId,
      details: { from, to, change: row.id, by: 'confirmed' },
    });
  });
  return reread(deps, actor, taskForceId, changeId);
}

/**
 * Puts into force every pending change whose grace period has ended (the daily job, before it
 * replaces anything). Each in its own transaction; one another instance already applied is skipped.
 */
export async function applyDueRetentionChanges(deps: Deps): Promise<number> {
  const nowIso = deps.clock.now().toISOString();
  let applied = 0;
  for (const row of await changesDue(deps.db, nowIso)) {
    const to = Number(JSON.parse(row.to_value));
    const done = await inTransaction(
      deps,
      { userId: null, agencyId: null },
      { requestId: 'retention', ip: null },
      async (trx, audit) => {
        if (!(await resolveChange(trx, row.id, 'applied', 'grace_period', null, nowIso))) return false;
        const from = await putRule(trx, row.task_force_id, to, row.proposed_by, nowIso);
        await audit({
          action: 'retention.rule_changed',
          entityType: 'task_force',
          entityId: row.task_force_id,
          details: { from, to, change: row.id, by: 'grace_period' },
        });
        return true;
      },
    );
    if (done) applied++;
  }
  return applied;
}
