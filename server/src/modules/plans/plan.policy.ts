import type { Actor } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';

/** A plan belongs to one task force; to anyone else it does not exist. */
export function assertSeesPlan(actor: Pick<Actor, 'taskForceId'>, plan: { task_force_id: string }): void {
  if (actor.taskForceId !== plan.task_force_id) throw errors.notFound();
}

/** The secretariat (coordinators) builds and changes the plan. */
export function canManagePlan(
  actor: Pick<Actor, 'taskForceId' | 'permissions'>,
  plan: { task_force_id: string },
) {
  return actor.taskForceId === plan.task_force_id && actor.permissions.has('taskforce.manage');
}

/** An agency reports only the activities it is responsible for. */
export function canReport(
  actor: Pick<Actor, 'agencyId' | 'permissions'>,
  activity: { responsible_agency_id: string },
) {
  return actor.permissions.has('plan.report') && actor.agencyId === activity.responsible_agency_id;
}
