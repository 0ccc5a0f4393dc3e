import { RETENTION_GRACE_DAYS } from '@sinergi/core';
import type { AppDeps } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { removeStoredFile } from '../../platform/file-store.js';
import { getSetting, setSetting } from '../../platform/settings.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'config'>;

/** How many soft-deleted records one transaction purges: a crash leaves each batch done or untouched. */
const PURGE_BATCH = 200;

/** Prevention records removed with a reason (no file, no other record points at them). */
const PREVENTION_TABLES = ['prevention_activities', 'watch_groups', 'recruitment_alerts'] as const;

export interface PurgeCounts {
  documents: number;
  attachments: number;
  prevention: number;
}

const PURGE_DAYS_SETTING = 'retention.purge_days';
const DAY_MS = 86_400_000;

interface PurgeDaysState {
  /** The waiting period purges use. */
  days: number;
  /** A shorter DELETED_PURGE_DAYS, and when a run first saw it. */
  shorter?: { days: number; seenAt: string };
}

export interface PurgeDays {
  days: number;
  /** A shorter configured period that purges use only from `effectiveAt` on. */
  pending: { days: number; effectiveAt: string } | null;
}

/**
 * The waiting period purges use. DELETED_PURGE_DAYS destroys data when it is shortened (a typo of
 * 3 for 30 would purge a month of deletions at the next run), so a shorter value counts only
 * RETENTION_GRACE_DAYS after a run first saw it; until then the period before it stays in use, and
 * setting the value back cancels it. A longer one counts at once. With `record`, a run's view of
 * the setting is kept for the next.
 */
export async function purgeDaysInForce(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  opts: { record: boolean },
): Promise<PurgeDays> {
  const configured = deps.config.DELETED_PURGE_DAYS;
  const now = deps.clock.now();
  const raw = await getSetting(deps.db, PURGE_DAYS_SETTING);
  const state = raw ? (JSON.parse(raw) as PurgeDaysState) : null;
  const keep = async (next: PurgeDaysState) => {
    if (opts.record && JSON.stringify(next) !== raw)
      await setSetting(deps.db, PURGE_DAYS_SETTING, JSON.stringify(next), now);
  };
  if (!state || configured >= state.days) {
    await keep({ days: configured });
    return { days: configured, pending: null };
  }
  const seenAt = state.shorter?.days === configured ? state.shorter.seenAt : now.toISOString();
  const effectiveAt = new Date(Date.parse(seenAt) + RETENTION_GRACE_DAYS * DAY_MS);
  if (now >= effectiveAt) {
    await keep({ days: configured });
    return { days: configured, pending: null };
  }
  await keep({ days: state.days, shorter: { days: configured, seenAt } });
  return { days: state.days, pending: { days: configured, effectiveAt: effectiveAt.toISOString() } };
}

/** The moment before which a soft delete has waited long enough to be purged. */
export function purgeCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

interface Doomed {
  id: string;
  /** The record the audit names alongside (the case of a document, the owner of a file). */
  parent: string | null;
  storageKey: string | null;
}

/** What each kind of soft-deleted record is, how to find it past the cutoff and how to purge it. */
function kinds(cutoff: string) {
  return [
    {
      name: 'documents' as const,
      due: (db: Db, limit: number): Promise<Doomed[]> =>
        db
          .selectFrom('documents')
          .select(['id', 'case_id as parent', 'storage_key as storageKey'])
          .where('deleted_at', 'is not', null)
          .where('deleted_at', '<', cutoff)
          .limit(limit)
          .execute(),
      purge: async (trx: Db, ids: string[]) => {
        // Hand-over reports of repatriation legs point at documents without a foreign key.
        await trx
          .updateTable('repatriation_legs')
          .set({ handover_document_id: null })
          .where('handover_document_id', 'in', ids)
          .execute();
        await trx.deleteFrom('documents').where('id', 'in', ids).execute();
      },
      audit: { action: 'document.purged' as const, entityType: 'document', parentKey: 'caseId' },
    },
    {
      name: 'attachments' as const,
      due: (db: Db, limit: number): Promise<Doomed[]> =>
        db
          .selectFrom('attachments')
          .select(['id', 'owner_id as parent', 'storage_key as storageKey'])
          .where('removed_at', 'is not', null)
          .where('removed_at', '<', cutoff)
          .limit(limit)
          .execute(),
      purge: async (trx: Db, ids: string[]) => {
        await trx.deleteFrom('attachments').where('id', 'in', ids).execute();
      },
      audit: { action: 'attachment.purged' as const, entityType: 'attachment', parentKey: 'ownerId' },
    },
    ...PREVENTION_TABLES.map((table) => ({
      name: 'prevention' as const,
      due: async (db: Db, limit: number): Promise<Doomed[]> =>
        (
          await db
            .selectFrom(table)
            .select('id')
            .where('deleted_at', 'is not', null)
            .where('deleted_at', '<', cutoff)
            .limit(limit)
            .execute()
        ).map((r) => ({ id: r.id, parent: null, storageKey: null })),
      purge: async (trx: Db, ids: string[]) => {
        await trx.deleteFrom(table).where('id', 'in', ids).execute();
      },
      audit: { action: 'prevention.purged' as const, entityType: table, parentKey: null },
    })),
  ];
}

/**
 * Purges records deleted with a reason more than `DELETED_PURGE_DAYS` ago (a shorter value after its
 * grace period, see `purgeDaysInForce`): documents of cases and
 * services, files of decrees, progress reports and letterheads that were removed or replaced, and
 * prevention records removed with a reason. Rows and encrypted files go for good; the audit keeps
 * that each purge happened (the record's id and its parent), not what it held. With `dryRun` it
 * only counts.
 */
export async function purgeDeleted(deps: Deps, opts: { dryRun: boolean }): Promise<PurgeCounts> {
  const counts: PurgeCounts = { documents: 0, attachments: 0, prevention: 0 };
  const { days } = await purgeDaysInForce(deps, { record: !opts.dryRun });
  for (const kind of kinds(purgeCutoff(deps.clock.now(), days))) {
    if (opts.dryRun) {
      counts[kind.name] += (await kind.due(deps.db, Number.MAX_SAFE_INTEGER)).length;
      continue;
    }
    const purged = new Set<string>();
    for (;;) {
      const batch = await kind.due(deps.db, PURGE_BATCH);
      if (!batch.length) break;
      // A row that is still there after its purge committed would loop for ever: stop and say so.
      if (batch.some((d) => purged.has(d.id)))
        throw new Error(`${kind.name}: a purged record is still present`);
      for (const d of batch) purged.add(d.id);
      await inTransaction(
        deps,
        { userId: null, agencyId: null },
        { requestId: 'purge', ip: null },
        async (trx, audit) => {
          await kind.purge(
            trx,
            batch.map((d) => d.id),
          );
          for (const d of batch)
            await audit({
              action: kind.audit.action,
              entityType: kind.audit.entityType,
              entityId: d.id,
              details: kind.audit.parentKey ? { [kind.audit.parentKey]: d.parent } : {},
            });
        },
      );
      for (const d of batch) if (d.storageKey) await removeStoredFile(deps, d.storageKey);
      counts[kind.name] += batch.length;
    }
  }
  return counts;
}

/** All records a purge removed (or would remove). */
export function purgedTotal(c: PurgeCounts): number {
  return c.documents + c.attachments + c.prevention;
}
