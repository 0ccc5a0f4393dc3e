import { type AuditEventInput, appendAuditEvents } from './audit.js';
import type { AppDeps, RequestMeta } from './context.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock'>;

interface Pending {
  actor: { userId: string | null; agencyId: string | null };
  meta: Pick<RequestMeta, 'requestId' | 'ip'>;
  event: AuditEventInput;
  at: Date;
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface Writer {
  queue: Pending[];
  draining: boolean;
}

/** At most this many events per transaction, so one commit never holds the chain for long. */
const BATCH = 100;

const writers = new WeakMap<object, Writer>();

/**
 * Records the audit event of a read (a case opened, a search, a statistics table) and resolves once
 * it is committed, so the answer never leaves before its record exists. Reads that arrive while
 * another batch is being committed wait and go together in the next transaction (group commit):
 * one hold of the audit chain's lock and one log flush for many concurrent readers, where each used
 * to take its own. Changes keep recording their events in their own transaction (`inTransaction`).
 */
export function recordRead(
  deps: Deps,
  actor: { userId: string | null; agencyId: string | null },
  meta: Pick<RequestMeta, 'requestId' | 'ip'>,
  event: AuditEventInput,
): Promise<void> {
  let writer = writers.get(deps.db);
  if (!writer) {
    writer = { queue: [], draining: false };
    writers.set(deps.db, writer);
  }
  const w = writer;
  return new Promise<void>((resolve, reject) => {
    w.queue.push({
      actor: { userId: actor.userId, agencyId: actor.agencyId },
      meta: { requestId: meta.requestId, ip: meta.ip },
      event,
      at: deps.clock.now(),
      resolve,
      reject,
    });
    if (!w.draining) void drain(deps, w);
  });
}

async function drain(deps: Deps, w: Writer): Promise<void> {
  w.draining = true;
  try {
    while (w.queue.length) {
      const batch = w.queue.splice(0, BATCH);
      try {
        await write(deps, batch);
        for (const p of batch) p.resolve();
      } catch {
        // One event that cannot be written must not sink the others: each again on its own.
        for (const p of batch) {
          try {
            await write(deps, [p]);
            p.resolve();
          } catch (err) {
            p.reject(err);
          }
        }
      }
    }
  } finally {
    w.draining = false;
  }
}

function write(deps: Deps, batch: Pending[]): Promise<void> {
  const events = batch.map((p) => ({ actor: p.actor, ctx: p.meta, event: p.event, at: p.at }));
  // On PostgreSQL the append is one statement, a transaction of its own.
  if (deps.dbKind === 'postgres') return appendAuditEvents(deps.db, deps.dbKind, events);
  return deps.db.transaction().execute((trx) => appendAuditEvents(trx, deps.dbKind, events));
}
