import { type AlertStatus, nextAlertStatuses } from '@sinergi/core';
import type { Actor } from '../../platform/context.js';

type Who = Pick<Actor, 'taskForceId' | 'agencyId' | 'permissions'>;

/** Agencies record their own outreach, watch groups and alerts: staff who report on the plan. */
export function canRecordPrevention(actor: Who): boolean {
  return actor.taskForceId !== null && actor.permissions.has('plan.report');
}

/** The secretariat, or the agency that recorded the alert, moves it along; others read. */
export function canChangeAlert(actor: Who, alert: { task_force_id: string; agency_id: string }): boolean {
  if (actor.taskForceId !== alert.task_force_id) return false;
  if (actor.permissions.has('meeting.manage')) return true;
  return actor.agencyId === alert.agency_id && actor.permissions.has('plan.report');
}

/**
 * Who corrects or removes a record: the secretariat, or staff of the agency that recorded it (for a
 * watch group, the agency of the user who recorded it).
 */
export function canEditPrevention(actor: Who, record: { task_force_id: string; agency_id: string }): boolean {
  return canChangeAlert(actor, record);
}

export function alertTransitionAllowed(from: AlertStatus, to: AlertStatus): boolean {
  return nextAlertStatuses(from).includes(to);
}
