import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AppDeps } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { getSetting, setSetting } from '../../platform/settings.js';
import {
  alertSince,
  failedLoginsFrom,
  identifyingReadsOf,
  insertAlert,
  lastAuditSeq,
  type WatchedEvent,
  watchedEventsAfter,
} from './alert.repository.js';

const CURSOR_SETTING = 'security_alerts.checked_seq';
const ALERT_LOCK_KEY = 71_110_003;
const HOUR_MS = 3_600_000;
const BATCH = 2_000;

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'config'>;

function details(e: WatchedEvent): Record<string, unknown> {
  try {
    return JSON.parse(e.details) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** A read that showed identifying data: every listed action, except a case read with limited access. */
function isIdentifyingRead(e: WatchedEvent): boolean {
  if (e.outcome !== 'success') return false;
  if (e.action === 'case.read') return details(e).access !== 'limited';
  return e.action !== 'auth.login_failed' && !/\.export(ed)?$/.test(e.action);
}

function isIdentifyingExport(e: WatchedEvent): boolean {
  return /\.export(ed)?$/.test(e.action) && e.outcome === 'success' && details(e).identifying === true;
}

/** Distinct records a user opened with identifying data in the hour before `endIso`. */
async function distinctRecordsOpened(db: Db, userId: string, endIso: string) {
  const start = new Date(Date.parse(endIso) - HOUR_MS).toISOString();
  const reads = (await identifyingReadsOf(db, userId, start, endIso)).filter(isIdentifyingRead);
  const keys = new Set<string>();
  for (const r of reads) {
    const ids = details(r).personIds;
    if (Array.isArray(ids)) for (const id of ids) keys.add(`person:${String(id)}`);
    else keys.add(`${r.entity_type}:${r.entity_id}`);
  }
  const first = reads.map((r) => r.occurred_at).sort()[0] ?? endIso;
  return { count: keys.size, first };
}

async function examine(trx: Db, deps: Deps, events: WatchedEvent[], nowIso: string): Promise<number> {
  let raised = 0;
  const raise = async (a: Omit<Parameters<typeof insertAlert>[1], 'id' | 'detected_at'>) => {
    await insertAlert(trx, { ...a, id: randomUUID(), detected_at: nowIso });
    raised++;
  };
  // The newest relevant event per user and per address: the hour before it is what is counted.
  const lastReadBy = new Map<string, WatchedEvent>();
  const lastFailureFrom = new Map<string, WatchedEvent>();
  for (const e of events) {
    if (e.action === 'auth.login_failed') {
      if (e.ip) lastFailureFrom.set(e.ip, e);
    } else if (isIdentifyingExport(e)) {
      const rows = Number(details(e).rows ?? 0);
      await raise({
        kind: 'identifying_export',
        window_start: e.occurred_at,
        window_end: e.occurred_at,
        count: Number.isFinite(rows) ? rows : 0,
        subject_user_id: e.actor_user_id,
        subject_ip: e.ip,
        audit_seq: e.seq,
      });
    } else if (e.actor_user_id && isIdentifyingRead(e)) lastReadBy.set(e.actor_user_id, e);
  }
  for (const [userId, e] of lastReadBy) {
    const { count, first } = await distinctRecordsOpened(trx, userId, e.occurred_at);
    if (count <= deps.config.ALERT_READS_PER_HOUR) continue;
    // One alert per user and hour: a longer spree does not flood the list.
    if (
      await alertSince(
        trx,
        'bulk_identifying_reads',
        { userId },
        new Date(Date.parse(e.occurred_at) - HOUR_MS).toISOString(),
      )
    )
      continue;
    await raise({
      kind: 'bulk_identifying_reads',
      window_start: first,
      window_end: e.occurred_at,
      count,
      subject_user_id: userId,
      subject_ip: e.ip,
      audit_seq: e.seq,
    });
  }
  for (const [ip, e] of lastFailureFrom) {
    const start = new Date(Date.parse(e.occurred_at) - HOUR_MS).toISOString();
    const { count, first } = await failedLoginsFrom(trx, ip, start, e.occurred_at);
    if (count < deps.config.ALERT_FAILED_LOGINS_PER_HOUR) continue;
    if (await alertSince(trx, 'failed_logins_from_ip', { ip }, start)) continue;
    await raise({
      kind: 'failed_logins_from_ip',
      window_start: first,
      window_end: e.occurred_at,
      count,
      subject_user_id: null,
      subject_ip: ip,
      audit_seq: e.seq,
    });
  }
  return raised;
}

/**
 * Looks at the audit events written since the last check and raises alerts. Runs inside one
 * transaction that also moves the checked position, so an event is examined once; with several
 * instances on one PostgreSQL an advisory lock lets one of them do it and the others skip.
 * Answers how many alerts were raised.
 */
export async function detectAlerts(deps: Deps): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    if (deps.dbKind === 'postgres') {
      const got = await sql<{
        ok: boolean;
      }>`select pg_try_advisory_xact_lock(${ALERT_LOCK_KEY}) as ok`.execute(trx);
      if (!got.rows[0]?.ok) return 0;
    }
    const checked = Number((await getSetting(trx, CURSOR_SETTING)) ?? 0);
    const until = await lastAuditSeq(trx);
    if (until <= checked) return 0;
    const nowIso = deps.clock.now().toISOString();
    let raised = 0;
    let after = checked;
    for (;;) {
      const events = await watchedEventsAfter(trx, after, until, BATCH);
      if (events.length === 0) break;
      raised += await examine(trx, deps, events, nowIso);
      after = events[events.length - 1]!.seq;
      if (events.length < BATCH) break;
    }
    await setSetting(trx, CURSOR_SETTING, String(until), deps.clock.now());
    return raised;
  });
}

interface Log {
  error(obj: object, msg: string): void;
}

/** Checks for alerts every ALERT_CHECK_SECONDS; answers a function that stops it. */
export function scheduleAlertChecks(deps: Deps, log: Log): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    void detectAlerts(deps)
      .catch((err: unknown) =>
        log.error({ err: err instanceof Error ? err.message : String(err) }, 'alert check failed'),
      )
      .finally(() => {
        running = false;
      });
  };
  const every = setInterval(tick, deps.config.ALERT_CHECK_SECONDS * 1000);
  every.unref();
  return () => clearInterval(every);
}
