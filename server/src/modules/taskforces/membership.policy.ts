import type { Actor } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';

/**
 * A task force's membership, settings and files are visible to its own users (its administrators
 * included); to anyone else, another task force's administrators too, it does not exist.
 */
export function assertSeesTaskForce(actor: Pick<Actor, 'taskForceId'>, taskForceId: string): void {
  if (actor.taskForceId !== taskForceId) throw errors.notFound();
}

/** Only the task force's coordinators (secretariat) change its membership. */
export function assertManagesTaskForce(
  actor: Pick<Actor, 'taskForceId' | 'roles' | 'permissions'>,
  taskForceId: string,
): void {
  assertSeesTaskForce(actor, taskForceId);
  if (actor.taskForceId !== taskForceId || !actor.permissions.has('taskforce.manage'))
    throw errors.forbidden();
}

/** Officials' contact details are for those who work with them, not for analysts. */
export function seesContacts(actor: Pick<Actor, 'permissions'>): boolean {
  return (
    actor.permissions.has('taskforce.manage') ||
    actor.permissions.has('plan.report') ||
    actor.permissions.has('dashboard.leadership')
  );
}
