import { randomUUID } from 'node:crypto';
import type { Role, User, UserCreate, UserPatch } from '@sinergi/core';
import { checkNewPassword } from '../../platform/auth/password-policy.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { revokeUserSessions } from '../../platform/auth/sessions.js';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { errors } from '../../platform/errors.js';
import { sameTaskForce } from '../../platform/tenancy.js';
import { userRepository as repo, type UserFilter, type UserWithAgency } from './user.repository.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock'>;
/** Setting a password also needs the regions, which a password must not name. */
type PasswordDeps = Deps & Pick<AppDeps, 'reference'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;
/**
 * Who acts: an administrator (scoped to its task force) or null for the command line and the
 * seeding, which act for the whole deployment.
 */
type ActorRef = Pick<Actor, 'userId' | 'agencyId' | 'taskForceId'> | null;

export function presentUser(row: UserWithAgency): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    agencyShortName: row.agency_short_name,
    roles: row.roles,
    active: row.active === 1,
    language: row.language,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    mfaEnabled: row.mfa_enabled_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The agency exists, is active and, for an administrator, belongs to its task force: another task
 * force's agency is unknown, like one that does not exist.
 */
async function requireActiveAgency(db: Db, agencyId: string, actor: ActorRef): Promise<void> {
  const agency = await db
    .selectFrom('agencies')
    .select(['id', 'active', 'task_force_id'])
    .where('id', '=', agencyId)
    .executeTakeFirst();
  if (!agency || (actor && !sameTaskForce(actor.taskForceId, agency.task_force_id)))
    throw errors.validation({ agencyId: 'agency_unknown' });
  if (!agency.active) throw errors.validation({ agencyId: 'agency_inactive' });
}

/** Users of the administrator's own task force. */
export async function listUsers(
  deps: Deps,
  actor: Pick<Actor, 'taskForceId'>,
  filter: Omit<UserFilter, 'taskForceId'>,
) {
  const { rows, total } = await repo.list(deps.db, { ...filter, taskForceId: actor.taskForceId });
  return { items: rows.map(presentUser), total, page: filter.page, pageSize: filter.pageSize };
}

/** One user of the administrator's own task force; any other is not found. */
export async function getUser(deps: Deps, actor: Pick<Actor, 'taskForceId'>, id: string): Promise<User> {
  const row = await repo.byId(deps.db, id, actor.taskForceId);
  if (!row) throw errors.notFound();
  return presentUser(row);
}

/** Creates a user (administrators, the CLI and the demo seeding). */
export async function createUser(
  deps: PasswordDeps,
  actor: ActorRef,
  meta: Meta,
  input: UserCreate & { language?: 'id' | 'en' },
): Promise<User> {
  await checkNewPassword(deps, input.password, input, 'password');
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now().toISOString();
  const id = randomUUID();
  return inTransaction(
    deps,
    { userId: actor?.userId ?? null, agencyId: actor?.agencyId ?? null },
    meta,
    async (trx, audit) => {
      await requireActiveAgency(trx, input.agencyId, actor);
      if (await repo.byUsername(trx, input.username)) throw errors.conflict({ username: 'username_taken' });
      await trx
        .insertInto('users')
        .values({
          id,
          username: input.username,
          display_name: input.displayName,
          email: input.email ?? null,
          agency_id: input.agencyId,
          password_hash: passwordHash,
          active: 1,
          language: input.language ?? 'id',
          failed_attempts: 0,
          locked_until: null,
          last_login_at: null,
          password_changed_at: now,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await repo.setRoles(trx, id, [...new Set(input.roles)]);
      await audit({
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        details: { roles: input.roles, agencyId: input.agencyId },
      });
      return presentUser((await repo.byId(trx, id))!);
    },
  );
}

/** Changes a user; disabling ends their sessions at once. */
export async function updateUser(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  id: string,
  patch: UserPatch,
): Promise<User> {
  const selfEdit = actor.userId === id;
  if (selfEdit && patch.active === false) throw errors.validation({ active: 'cannot_disable_self' });
  if (selfEdit && patch.roles && actor.roles.includes('admin') && !patch.roles.includes('admin')) {
    throw errors.validation({ roles: 'cannot_remove_own_admin' });
  }
  const now = deps.clock.now();
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const current = await repo.byId(trx, id, actor.taskForceId);
    if (!current) throw errors.notFound();
    if (current.version !== patch.version) throw errors.versionConflict(presentUser(current));
    if (patch.agencyId !== undefined && patch.agencyId !== current.agency_id)
      await requireActiveAgency(trx, patch.agencyId, actor);
    const res = await trx
      .updateTable('users')
      .set({
        ...(patch.displayName !== undefined && { display_name: patch.displayName }),
        ...(patch.email !== undefined && { email: patch.email }),
        ...(patch.agencyId !== undefined && { agency_id: patch.agencyId }),
        ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
        ...(patch.active === true && { failed_attempts: 0, locked_until: null }),
        ...(patch.language !== undefined && { language: patch.language }),
        version: current.version + 1,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw errors.versionConflict(presentUser((await repo.byId(trx, id))!));
    if (patch.roles) await repo.setRoles(trx, id, [...new Set(patch.roles)] as Role[]);
    const fields = Object.keys(patch).filter((k) => k !== 'version');
    if (patch.active === false && current.active === 1) {
      await revokeUserSessions(trx, id, 'user_disabled', now);
      await audit({ action: 'user.disabled', entityType: 'user', entityId: id });
    } else if (patch.active === true && current.active === 0) {
      await audit({ action: 'user.enabled', entityType: 'user', entityId: id });
    }
    const other = fields.filter((f) => f !== 'active');
    if (other.length) {
      await audit({
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        details: { fields: other, ...(patch.roles && { roles: patch.roles }) },
      });
    }
    return presentUser((await repo.byId(trx, id))!);
  });
}

/** An administrator sets a new password; every session of that user ends and any lock is lifted. */
export async function resetPassword(
  deps: PasswordDeps,
  actor: ActorRef,
  meta: Meta,
  id: string,
  password: string,
): Promise<User> {
  const current = await repo.byId(deps.db, id, actor ? actor.taskForceId : undefined);
  if (!current) throw errors.notFound();
  await checkNewPassword(
    deps,
    password,
    { username: current.username, agencyId: current.agency_id },
    'password',
  );
  const hash = await hashPassword(password);
  const now = deps.clock.now();
  return inTransaction(
    deps,
    { userId: actor?.userId ?? null, agencyId: actor?.agencyId ?? null },
    meta,
    async (trx, audit) => {
      await trx
        .updateTable('users')
        .set({
          password_hash: hash,
          password_changed_at: now.toISOString(),
          failed_attempts: 0,
          locked_until: null,
          version: current.version + 1,
          updated_at: now.toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await revokeUserSessions(trx, id, 'password_reset', now);
      await audit({ action: 'user.password_reset', entityType: 'user', entityId: id });
      return presentUser((await repo.byId(trx, id))!);
    },
  );
}

/** Disables a user by username (the CLI). */
export async function disableUserByUsername(deps: Deps, meta: Meta, username: string): Promise<User> {
  const row = await repo.byUsername(deps.db, username);
  if (!row) throw errors.notFound();
  const now = deps.clock.now();
  return inTransaction(deps, { userId: null, agencyId: null }, meta, async (trx, audit) => {
    await trx
      .updateTable('users')
      .set({ active: 0, version: row.version + 1, updated_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
    await revokeUserSessions(trx, row.id, 'user_disabled', now);
    await audit({ action: 'user.disabled', entityType: 'user', entityId: row.id, details: { via: 'cli' } });
    return presentUser((await repo.byId(trx, row.id))!);
  });
}
