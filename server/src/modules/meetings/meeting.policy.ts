import type { Actor } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';

type Who = Pick<Actor, 'taskForceId' | 'agencyId' | 'permissions'>;

/** A meeting belongs to one task force; to anyone else it does not exist. */
export function assertSeesMeeting(
  actor: Pick<Actor, 'taskForceId'>,
  meeting: { task_force_id: string },
): void {
  if (!actor.taskForceId || actor.taskForceId !== meeting.task_force_id) throw errors.notFound();
}

/** The secretariat (coordinators) records meetings and assigns their actions. */
export function canManageMeeting(actor: Who, meeting: { task_force_id: string }): boolean {
  return actor.taskForceId === meeting.task_force_id && actor.permissions.has('meeting.manage');
}

/**
 * An action's status is changed by the secretariat or by the agency that owns it (its staff who
 * report on the plan); leadership and analysts only read.
 */
export function canUpdateAction(
  actor: Who,
  action: { task_force_id: string; owner_agency_id: string },
): boolean {
  if (actor.taskForceId !== action.task_force_id) return false;
  if (actor.permissions.has('meeting.manage')) return true;
  return actor.agencyId === action.owner_agency_id && actor.permissions.has('plan.report');
}
