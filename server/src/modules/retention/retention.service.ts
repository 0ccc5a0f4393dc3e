import type { RetentionCounts, RetentionRuleInput, RetentionView } from '@sinergi/core';
import { sql } from 'kysely';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { dropExpiredReplies } from '../../platform/idempotency.js';
import { getSetting, setSetting } from '../../platform/settings.js';
import { removeDocumentFile } from '../documents/document.service.js';
import { anonymiseCase } from '../persons/anonymise.js';
import { purgeDeleted, purgedTotal } from './purge.service.js';
import {
  allRules,
  closedCasesNotRetained,
  countRetained,
  insertRule,
  personCounts,
  ruleOf,
  updateRule,
} from './retention.repository.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'config'>;

const LAST_RUN_SETTING = 'retention.last_run';
const RETENTION_LOCK_KEY = 71_110_004;
/** A daily job: an instance that finds a run younger than this leaves it. */
const RUN_EVERY_MS = 20 * 3_600_000;

/** The moment before which a case closed `years` ago has passed its retention. */
function cutoff(now: Date, years: number): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

async function dueCases(deps: Pick<AppDeps, 'db' | 'clock'>, taskForceId?: string, yearsIfSet?: number) {
  const rules = await allRules(deps.db);
  if (taskForceId && yearsIfSet !== undefined) rules.set(taskForceId, yearsIfSet);
  const now = deps.clock.now();
  return (await closedCasesNotRetained(deps.db, taskForceId)).filter((c) => {
    const years = rules.get(c.taskForceId);
    return years !== undefined && Date.parse(c.closedAt) <= cutoff(now, years).getTime();
  });
}

function mayManage(actor: Actor, taskForceId: string): boolean {
  return (
    actor.roles.includes('admin') ||
    (actor.permissions.has('taskforce.manage') && actor.taskForceId === taskForceId)
  );
}

async function taskForceExists(deps: Pick<AppDeps, 'db'>, id: string) {
  const tf = await deps.db.selectFrom('task_forces').select('id').where('id', '=', id).executeTakeFirst();
  if (!tf) throw errors.notFound();
}

/**
 * The task force's rule, what the next run would do and what the last one did. With `yearsIfSet`,
 * `dueNow` says what the next run would do under that rule instead (shown before a shorter rule is saved).
 */
export async function getRetention(
  deps: Deps,
  actor: Actor,
  taskForceId: string,
  yearsIfSet?: number,
): Promise<RetentionView> {
  await taskForceExists(deps, taskForceId);
  if (!mayManage(actor, taskForceId)) throw errors.forbidden();
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
    dueNow: (await dueCases(deps, taskForceId, yearsIfSet)).length,
    applied: await countRetained(deps.db, taskForceId),
    deletedPurgeDays: deps.config.DELETED_PURGE_DAYS,
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

/** Sets how long closed cases keep identifying data (administrators; coordinators of the task force). */
export async function updateRetention(
  deps: Deps,
  actor: Actor,
  meta: Pick<RequestMeta, 'requestId' | 'ip'>,
  taskForceId: string,
  input: RetentionRuleInput,
): Promise<RetentionView> {
  await taskForceExists(deps, taskForceId);
  if (!mayManage(actor, taskForceId)) throw errors.forbidden();
  const current = await ruleOf(deps.db, taskForceId);
  if (current.version !== input.version) throw errors.versionConflict(current);
  const nowIso = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    if (current.version === 0)
      await insertRule(trx, taskForceId, input.closedCaseYears, actor.userId, nowIso);
    else if (
      !(await updateRule(trx, taskForceId, input.closedCaseYears, input.version, actor.userId, nowIso))
    )
      throw errors.versionConflict(current);
    await audit({
      action: 'retention.rule_changed',
      entityType: 'task_force',
      entityId: taskForceId,
      details: { from: current.closedCaseYears, to: input.closedCaseYears },
    });
  });
  return getRetention(deps, actor, taskForceId);
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
