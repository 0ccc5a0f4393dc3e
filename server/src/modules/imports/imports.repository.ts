import type { Updateable } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { ImportJobTable, ImportMappingTable } from './imports.tables.js';
import './imports.tables.js';

/** The only SQL of the import module. */
export const importsRepository = {
  insertJob(db: Db, row: ImportJobTable) {
    return db.insertInto('import_jobs').values(row).execute();
  },

  /** A job of its uploader; nobody else sees the rows of someone's register. */
  jobOf(db: Db, id: string, userId: string) {
    return db
      .selectFrom('import_jobs')
      .selectAll()
      .where('id', '=', id)
      .where('created_by', '=', userId)
      .executeTakeFirst();
  },

  jobsOf(db: Db, userId: string) {
    return db
      .selectFrom('import_jobs')
      .selectAll()
      .where('created_by', '=', userId)
      .orderBy('created_at', 'desc')
      .limit(20)
      .execute();
  },

  updateJob(db: Db, id: string, set: Updateable<ImportJobTable>) {
    return db.updateTable('import_jobs').set(set).where('id', '=', id).execute();
  },

  /** Moves a job from one status to another only if it is still in the first (one run at a time). */
  async claimJob(db: Db, id: string, from: ImportJobTable['status'], set: Updateable<ImportJobTable>) {
    const res = await db
      .updateTable('import_jobs')
      .set(set)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  /**
   * Takes over a run that stopped part-way: failed, or still marked running by a server that has
   * not written a heartbeat since `staleBefore`. One caller wins.
   */
  async claimStopped(db: Db, id: string, staleBefore: string, set: Updateable<ImportJobTable>) {
    const res = await db
      .updateTable('import_jobs')
      .set(set)
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'failed'),
          eb.and([
            eb('status', '=', 'running'),
            eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', staleBefore)]),
          ]),
        ]),
      )
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  /** Import keys this job has already imported (a resumed run counts them as its own). */
  async keysOfJob(db: Db, jobId: string): Promise<Set<string>> {
    const rows = await db.selectFrom('import_keys').select('key_hash').where('job_id', '=', jobId).execute();
    return new Set(rows.map((r) => r.key_hash));
  },

  mappingsOf(db: Db, taskForceId: string) {
    return db
      .selectFrom('import_mappings')
      .selectAll()
      .where('task_force_id', '=', taskForceId)
      .orderBy('name')
      .execute();
  },

  async saveMapping(db: Db, row: ImportMappingTable) {
    const existing = await db
      .selectFrom('import_mappings')
      .select('id')
      .where('task_force_id', '=', row.task_force_id)
      .where('name', '=', row.name)
      .executeTakeFirst();
    if (existing)
      await db
        .updateTable('import_mappings')
        .set({ mapping: row.mapping, updated_at: row.updated_at })
        .where('id', '=', existing.id)
        .execute();
    else await db.insertInto('import_mappings').values(row).execute();
  },

  /** Which of these key hashes the task force has imported already. */
  async takenKeys(db: Db, taskForceId: string, hashes: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < hashes.length; i += 500) {
      const chunk = hashes.slice(i, i + 500);
      if (chunk.length === 0) continue;
      const rows = await db
        .selectFrom('import_keys')
        .select('key_hash')
        .where('task_force_id', '=', taskForceId)
        .where('key_hash', 'in', chunk)
        .execute();
      for (const r of rows) out.add(r.key_hash);
    }
    return out;
  },

  insertKey(
    db: Db,
    row: { task_force_id: string; key_hash: string; case_id: string; job_id: string; created_at: string },
  ) {
    return db.insertInto('import_keys').values(row).execute();
  },
};
