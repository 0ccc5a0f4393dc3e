import type { Role } from '@sinergi/core';
import type { Db } from '../../platform/db/connect.js';
import { toNumber } from '../../platform/db/connect.js';
import type { UserRow } from '../../platform/db/schema.js';

export interface UserWithAgency extends UserRow {
  agency_name: string;
  agency_short_name: string;
  roles: Role[];
}

export const USER_SORTS = [
  'username',
  '-username',
  'displayName',
  '-displayName',
  'lastLoginAt',
  '-lastLoginAt',
] as const;
export type UserSort = (typeof USER_SORTS)[number];
const USER_SORT_COLUMNS = {
  username: 'users.username',
  displayName: 'users.display_name',
  lastLoginAt: 'users.last_login_at',
} as const;

export interface UserFilter {
  /** The administrator's task force (null: outside any); a user of another one is never listed. */
  taskForceId: string | null;
  q?: string;
  agencyId?: string;
  role?: Role;
  active?: boolean;
  sort?: UserSort;
  page: number;
  pageSize: number;
}

async function attachRoles(
  db: Db,
  rows: (UserRow & { agency_name: string; agency_short_name: string })[],
): Promise<UserWithAgency[]> {
  if (rows.length === 0) return [];
  const roles = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where(
      'user_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('role')
    .execute();
  return rows.map((r) => ({
    ...r,
    roles: roles.filter((x) => x.user_id === r.id).map((x) => x.role as Role),
  }));
}

function base(db: Db) {
  return db.selectFrom('users').innerJoin('agencies', 'agencies.id', 'users.agency_id');
}

/** Users whose agency belongs to the task force `taskForceId` (to none when null). */
function scoped(db: Db, taskForceId: string | null) {
  return base(db).where((eb) =>
    taskForceId === null
      ? eb('agencies.task_force_id', 'is', null)
      : eb('agencies.task_force_id', '=', taskForceId),
  );
}

export const userRepository = {
  async list(db: Db, f: UserFilter): Promise<{ rows: UserWithAgency[]; total: number }> {
    let q = scoped(db, f.taskForceId);
    if (f.q) {
      const like = `%${f.q.toLowerCase()}%`;
      q = q.where((eb) =>
        eb.or([eb('users.username', 'like', like), eb(eb.fn('lower', ['users.display_name']), 'like', like)]),
      );
    }
    if (f.agencyId) q = q.where('users.agency_id', '=', f.agencyId);
    if (f.active !== undefined) q = q.where('users.active', '=', f.active ? 1 : 0);
    if (f.role) {
      const role = f.role;
      q = q.where('users.id', 'in', (eb) =>
        eb.selectFrom('user_roles').select('user_id').where('role', '=', role),
      );
    }
    const totalRow = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const rows = await q
      .selectAll('users')
      .select(['agencies.name as agency_name', 'agencies.short_name as agency_short_name'])
      .orderBy(
        USER_SORT_COLUMNS[(f.sort ?? 'username').replace('-', '') as keyof typeof USER_SORT_COLUMNS],
        f.sort?.startsWith('-') ? 'desc' : 'asc',
      )
      .orderBy('users.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return { rows: await attachRoles(db, rows), total: toNumber(totalRow?.n as string | number | undefined) };
  },

  /** One user; with `taskForceId`, only if the user's agency belongs to that task force (or none). */
  async byId(db: Db, id: string, taskForceId?: string | null): Promise<UserWithAgency | undefined> {
    const row = await (taskForceId === undefined ? base(db) : scoped(db, taskForceId))
      .selectAll('users')
      .select(['agencies.name as agency_name', 'agencies.short_name as agency_short_name'])
      .where('users.id', '=', id)
      .executeTakeFirst();
    return row ? (await attachRoles(db, [row]))[0] : undefined;
  },

  byUsername(db: Db, username: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username.toLowerCase())
      .executeTakeFirst();
  },

  async setRoles(db: Db, userId: string, roles: readonly Role[]): Promise<void> {
    await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (roles.length)
      await db
        .insertInto('user_roles')
        .values(roles.map((role) => ({ user_id: userId, role })))
        .execute();
  },
};
