import { hasPermission, isRole, type Role } from '@sinergi/core';
import type { Actor, AppDeps } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';

export interface TeamCandidate {
  id: string;
  displayName: string;
  roles: Role[];
}

/**
 * Who may be put on the team of a case led by `agencyId`: the agency's active users whose role
 * handles cases. Asked by its own staff, by the coordinators of its task force; any other agency
 * answers 404, as if it did not exist. Names and roles only: no contact data.
 */
export async function teamCandidates(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  agencyId: string,
): Promise<{ items: TeamCandidate[] }> {
  const agency = await deps.db
    .selectFrom('agencies')
    .select(['id', 'task_force_id', 'active'])
    .where('id', '=', agencyId)
    .executeTakeFirst();
  const mayAsk =
    agency?.active &&
    (agency.id === actor.agencyId ||
      (actor.roles.includes('coordinator') &&
        !!actor.taskForceId &&
        agency.task_force_id === actor.taskForceId));
  if (!mayAsk) throw errors.notFound();
  const rows = await deps.db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'user_roles.role'])
    .where('users.agency_id', '=', agencyId)
    .where('users.active', '=', 1)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
  const byId = new Map<string, TeamCandidate>();
  for (const r of rows) {
    if (!isRole(r.role)) continue;
    const c = byId.get(r.id) ?? { id: r.id, displayName: r.display_name, roles: [] };
    c.roles.push(r.role);
    byId.set(r.id, c);
  }
  return { items: [...byId.values()].filter((c) => hasPermission(c.roles, 'case.create')) };
}
