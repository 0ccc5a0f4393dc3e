import type { Db } from '../../platform/db/connect.js';
import { toNumber } from '../../platform/db/connect.js';
import type { AgencyRow, AgencyUpdate, NewAgency } from '../../platform/db/schema.js';

export interface AgencyFilter {
  q?: string;
  sector?: string;
  active?: boolean;
  taskForceId?: string;
  sort?: AgencySort;
  page: number;
  pageSize: number;
}

export const AGENCY_SORTS = ['name', '-name', 'shortName', '-shortName', 'updatedAt', '-updatedAt'] as const;
export type AgencySort = (typeof AGENCY_SORTS)[number];
const AGENCY_SORT_COLUMNS = { name: 'name', shortName: 'short_name_key', updatedAt: 'updated_at' } as const;

export function shortNameKey(shortName: string): string {
  return shortName.trim().toLowerCase().replace(/\s+/g, ' ');
}

export const agencyRepository = {
  async list(db: Db, f: AgencyFilter): Promise<{ rows: AgencyRow[]; total: number }> {
    let q = db.selectFrom('agencies');
    if (f.q) {
      const like = `%${f.q.toLowerCase()}%`;
      q = q.where((eb) =>
        eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb('short_name_key', 'like', like)]),
      );
    }
    if (f.sector) q = q.where('sector', '=', f.sector);
    if (f.active !== undefined) q = q.where('active', '=', f.active ? 1 : 0);
    if (f.taskForceId) q = q.where('task_force_id', '=', f.taskForceId);
    const totalRow = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const rows = await q
      .selectAll()
      .orderBy(
        AGENCY_SORT_COLUMNS[(f.sort ?? 'name').replace('-', '') as keyof typeof AGENCY_SORT_COLUMNS],
        f.sort?.startsWith('-') ? 'desc' : 'asc',
      )
      .orderBy('id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return { rows, total: toNumber(totalRow?.n as string | number | undefined) };
  },

  byId(db: Db, id: string): Promise<AgencyRow | undefined> {
    return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  },

  byShortName(db: Db, shortName: string): Promise<AgencyRow | undefined> {
    return db
      .selectFrom('agencies')
      .selectAll()
      .where('short_name_key', '=', shortNameKey(shortName))
      .executeTakeFirst();
  },

  async insert(db: Db, row: NewAgency): Promise<void> {
    await db.insertInto('agencies').values(row).execute();
  },

  /** Updates when the version still matches; returns whether a row changed. */
  async update(db: Db, id: string, version: number, changes: AgencyUpdate): Promise<boolean> {
    const res = await db
      .updateTable('agencies')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
};
