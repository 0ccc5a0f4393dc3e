import type { Actor } from '../../platform/context.js';
import { AppError, errors } from '../../platform/errors.js';

/**
 * A task force's retention is managed by its own administrators and coordinators. Any other task
 * force's (or no task force's) users find nothing there, as if it did not exist.
 */
export function assertManagesRetention(
  actor: Pick<Actor, 'taskForceId' | 'roles' | 'permissions'>,
  taskForceId: string,
): void {
  if (actor.taskForceId !== taskForceId) throw errors.notFound();
  if (!actor.roles.includes('admin') && !actor.permissions.has('taskforce.manage')) throw errors.forbidden();
}

/** Why the actor may not confirm a change early, or null when they may (the two-person rule). */
export function confirmRefusal(
  actor: Pick<Actor, 'userId' | 'roles'>,
  change: { proposed_by: string },
): string | null {
  if (!actor.roles.includes('admin')) return 'retention_confirm_admin';
  if (actor.userId === change.proposed_by) return 'retention_confirm_own';
  return null;
}

export function assertMayConfirm(actor: Pick<Actor, 'userId' | 'roles'>, change: { proposed_by: string }) {
  const refusal = confirmRefusal(actor, change);
  if (refusal) throw new AppError(403, 'forbidden', { _: refusal });
}
