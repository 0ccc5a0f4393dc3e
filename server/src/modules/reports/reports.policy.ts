import type { Actor } from '../../platform/context.js';

type Who = Pick<Actor, 'taskForceId' | 'permissions'>;

/**
 * The yearly report holds only the task force's aggregates (protected as for leadership), so
 * whoever may read those statistics may generate it: the secretariat, leadership and analysts of
 * the task force. Case workers get 403.
 */
export function canGenerate(actor: Who): boolean {
  return actor.taskForceId !== null && actor.permissions.has('stats.read');
}

/** The secretariat writes the recommendations, as it writes the year-end evaluation. */
export function canEditRecommendations(actor: Who): boolean {
  return actor.taskForceId !== null && actor.permissions.has('taskforce.manage');
}
