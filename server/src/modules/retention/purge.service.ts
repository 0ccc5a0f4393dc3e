import type { AppDeps } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { removeDocumentFile } from '../documents/document.service.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher' | 'config'>;

/** How many soft-deleted records one transaction purges: a crash leaves each batch done or untouched. */
const PURGE_BATCH = 200;

/** The moment before which a soft delete has waited long enough to be purged. */
export function purgeCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

/**
 * Purges records deleted with a reason more than `DELETED_PURGE_DAYS` ago: the document rows and
 * their encrypted files go for good, and a repatriation leg that named one as its hand-over report
 * forgets it. The audit keeps that each purge happened (the record's id and its case), not what it
 * held. With `dryRun` it only counts.
 */
export async function purgeDeleted(deps: Deps, opts: { dryRun: boolean }): Promise<{ documents: number }> {
  const cutoff = purgeCutoff(deps.clock.now(), deps.config.DELETED_PURGE_DAYS);
  const due = () =>
    deps.db
      .selectFrom('documents')
      .select(['id', 'case_id', 'storage_key'])
      .where('deleted_at', 'is not', null)
      .where('deleted_at', '<', cutoff)
      .orderBy('deleted_at')
      .limit(PURGE_BATCH);
  if (opts.dryRun) {
    const row = await deps.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('deleted_at', 'is not', null)
      .where('deleted_at', '<', cutoff)
      .executeTakeFirstOrThrow();
    return { documents: Number(row.n) };
  }
  let documents = 0;
  for (;;) {
    const batch = await due().execute();
    if (!batch.length) break;
    const ids = batch.map((d) => d.id);
    await inTransaction(
      deps,
      { userId: null, agencyId: null },
      { requestId: 'purge', ip: null },
      async (trx, audit) => {
        await trx
          .updateTable('repatriation_legs')
          .set({ handover_document_id: null })
          .where('handover_document_id', 'in', ids)
          .execute();
        await trx.deleteFrom('documents').where('id', 'in', ids).execute();
        for (const d of batch)
          await audit({
            action: 'document.purged',
            entityType: 'document',
            entityId: d.id,
            details: { caseId: d.case_id },
          });
      },
    );
    for (const d of batch) await removeDocumentFile(deps, d.storage_key);
    documents += batch.length;
  }
  return { documents };
}
