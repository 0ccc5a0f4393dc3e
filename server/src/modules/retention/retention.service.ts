import {
  RETENTION_GRACE_DAYS,
  type RetentionCounts,
  type RetentionRuleInput,
  type RetentionView,
} from '@sinergi/core';
import { sql } from 'kysely';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { dropExpiredReplies } from '../../platform/idempotency.js';
import { getSetting, setSetting } from '../../platform/settings.js';
import { removeDocumentFile } from '../documents/document.service.js';
import { anonymiseCase } from '../persons/anonymise.js';
import { purgeDaysInForce, purgeDeleted, purgedTotal } from './purge.service.js';
import { assertManagesRetention } from './retention.policy.js';
import { allRules, countRetained, personCounts, ruleOf } from './retention.repository.js';
import { pendingChange } from './retention-change.repository.js';
import {
  applyDueRetentionChanges,
  pendingRetentionChange,
  proposeRetentionChange,
  putRule,
} from './retention-change.service.js';
import { dueCases, dueCasesUnder } from './retention-due.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'config'>;

const LAST_RUN_SETTING = 'retention.last_run';
const RETENTION_LOCK_KEY = 71_110_004;
/** A daily job: an instance that finds a run younger than this leaves it. */
const RUN_EVERY_MS = 20 * 3_600_000;

/**
 * The task force's rule in force, a pending change of it, what the next run would do and what the
 * last one did. With `yearsIfSet`, `dueNow` says what a run today would do under that rule instead.
 */
export async function getRetention(
  deps: Deps,
  actor: Actor,
  taskForceId: string,
  yearsIfSet?: number,
): Promise<RetentionView> {
  assertManagesRetention(actor, taskForceId);
  const rule = await ruleOf(deps.db, taskForceId);
  const last = await getSetting(deps.db, LAST_RUN_SETTING);
  const parsed = last
    ? (JSON.parse(last) as { at: string; purged?: number } & Omit<RetentionCounts, 'purged'> & {
          finished?: boolean;
        })
    : null;
  return {
    taskForceId,
    ...rule,
    dueNow: (await dueCasesUnder(deps.db, taskForceId, yearsIfSet ?? rule.closedCaseYears, deps.clock.now()))
      .length,
    applied: await countRetained(deps.db, taskForceId),
    ...(await purgeDaysView(deps)),
    graceDays: RETENTION_GRACE_DAYS,
    pending: await pendingRetentionChange(deps, actor, taskForceId),
    lastRun: parsed?.finished
      ? {
          at: parsed.at,
          cases: parsed.cases,
          persons: parsed.persons,
          documents: parsed.documents,
          purged: parsed.purged ?? 0,
        }
      : null,
  };
}

async function purgeDaysView(deps: Deps) {
  const { days, pending } = await purgeDaysInForce(deps, { record: false });
  return { deletedPurgeDays: days, deletedPurgeDaysPending: pending };
}

/**
 * Sets how long closed cases keep identifying data (the task force's administrators and
 * coordinators). A longer period (or the same) takes effect at once: it only delays replacement.
 * A shorter one destroys data sooner, so it is only proposed: it waits for the grace period,
 * shown to the secretariat and cancellable, unless a second administrator confirms it earlier.
 */
export async function updateRetention(
  deps: Deps,
  actor: Actor,
  meta: Pick<RequestMeta, 'requestId' | 'ip'>,
  taskForceId: string,
  input: RetentionRuleInput,
): Promise<{ proposed: boolean; view: RetentionView }> {
  assertManagesRetention(actor, taskForceId);
  const current = await ruleOf(deps.db, taskForceId);
  if (current.version !== input.version) throw errors.versionConflict(current);
  if (await pendingChange(deps.db, taskForceId)) throw errors.conflict({ _: 'retention_change_pending' });
  const to = input.closedCaseYears;
  if (to < current.closedCaseYears) {
    await proposeRetentionChange(deps, actor, meta, taskForceId, current.closedCaseYears, to);
    return { proposed: true, view: await getRetention(deps, actor, taskForceId) };
  }
  if (to !== current.closedCaseYears) {
    const nowIso = deps.clock.now().toISOString();
    await inTransaction(deps, actor, meta, async (trx, audit) => {
      // The version read by the caller, checked again inside the transaction.
      if ((await ruleOf(trx, taskForceId)).version !== input.version) throw errors.versionConflict(current);
      await putRule(trx, taskForceId, to, actor.userId, nowIso);
      await audit({
        action: 'retention.rule_changed',
        entityType: 'task_force',
        entityId: taskForceId,
        details: { from: current.closedCaseYears, to, by: 'longer' },
      });
    });
  }
  return { proposed: false, view: await getRetention(deps, actor, taskForceId) };
}

/**
 * Replaces the identifying data of every closed case past its task force's retention, one case
 * per transaction (a crash leaves each case either done or untouched; the next run continues).
 * With `dryRun` it only counts.
 */
export async function runRetention(
  deps: Deps,
  opts: { dryRun: boolean; taskForceId?: string },
): Promise<RetentionCounts> {
  const due = await dueCases(deps, opts.taskForceId);
  if (opts.dryRun)
    return {
      cases: due.length,
      ...(await personCounts(
        deps.db,
        due.map((c) => c.id),
      )),
      purged: opts.taskForceId ? 0 : purgedTotal(await purgeDeleted(deps, { dryRun: true })),
    };
  const rules = await allRules(deps.db);
  const totals: RetentionCounts = { cases: 0, persons: 0, documents: 0, purged: 0 };
  for (const c of due) {
    const nowIso = deps.clock.now().toISOString();
    const result = await inTransaction(
      deps,
      { userId: null, agencyId: null },
      { requestId: 'retention', ip: null },
      async (trx, audit) => {
        const done = await anonymiseCase(trx, deps, c.id, nowIso);
        await audit({
          action: 'case.retention_applied',
          entityType: 'case',
          entityId: c.id,
          details: { persons: done.persons, documents: done.documents, years: rules.get(c.taskForceId) },
        });
        return done;
      },
    );
    for (const key of result.storageKeys) await removeDocumentFile(deps, key);
    totals.cases++;
    totals.persons += result.persons;
    totals.documents += result.documents;
  }
  // Soft deletes are deployment-wide: only a run over every task force purges them.
  if (!opts.taskForceId) totals.purged = purgedTotal(await purgeDeleted(deps, { dryRun: false }));
  return totals;
}

/**
 * The daily run inside the server (and `sinergi retention run`, which forces it). Instances sharing one database claim the day's run in a short
 * transaction (on PostgreSQL under an advisory lock): whoever finds no run in the last 20 hours
 * writes its start and runs; the others see it and skip. Answers null when skipped.
 */
export async function runScheduledRetention(
  deps: Deps,
  opts: { force?: boolean } = {},
): Promise<RetentionCounts | null> {
  const now = deps.clock.now();
  // Changes whose grace period ended take effect first, so the run below uses them.
  await applyDueRetentionChanges(deps);
  const claimed = await deps.db.transaction().execute(async (trx) => {
    if (deps.dbKind === 'postgres')
      await sql`select pg_advisory_xact_lock(${RETENTION_LOCK_KEY})`.execute(trx);
    const last = await getSetting(trx, LAST_RUN_SETTING);
    if (
      !opts.force &&
      last &&
      now.getTime() - Date.parse((JSON.parse(last) as { at: string }).at) < RUN_EVERY_MS
    )
      return false;
    await setSetting(trx, LAST_RUN_SETTING, JSON.stringify({ at: now.toISOString(), finished: false }), now);
    return true;
  });
  if (!claimed) return null;
  const counts = await runRetention(deps, { dryRun: false });
  await dropExpiredReplies(deps);
  await setSetting(
    deps.db,
    LAST_RUN_SETTING,
    JSON.stringify({ at: now.toISOString(), finished: true, ...counts }),
    deps.clock.now(),
  );
  return counts;
}

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Looks every hour whether the day's retention run is due; answers a function that stops it. */
export function scheduleRetention(deps: Deps, log: Log): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    void runScheduledRetention(deps)
      .then((counts) => {
        if (counts) log.info({ ...counts }, 'retention run finished');
      })
      .catch((err: unknown) =>
        log.error({ err: err instanceof Error ? err.message : String(err) }, 'retention run failed'),
      )
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, 5 * 60_000);
  const every = setInterval(tick, 3_600_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
