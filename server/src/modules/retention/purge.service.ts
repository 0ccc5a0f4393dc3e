import type { AppDeps } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { removeStoredFile } from '../../platform/file-store.js';

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
 * Purges records deleted with a reason more than `DELETED_PURGE_DAYS` ago: documents of cases and
 * services, files of decrees, progress reports and letterheads that were removed or replaced, and
 * prevention records removed with a reason. Rows and encrypted files go for good; the audit keeps
 * that each purge happened (the record's id and its parent), not what it held. With `dryRun` it
 * only counts.
 */
export async function purgeDeleted(deps: Deps, opts: { dryRun: boolean }): Promise<PurgeCounts> {
  const counts: PurgeCounts = { documents: 0, attachments: 0, prevention: 0 };
  for (const kind of kinds(purgeCutoff(deps.clock.now(), deps.config.DELETED_PURGE_DAYS))) {
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
