import type { Actor } from '../../platform/context.js';

export interface TaskForceNode {
  id: string;
  level: 'national' | 'province' | 'regency';
  parent_id: string | null;
}

/** Which task forces a statistic covers, and whether the caller may see its exact counts. */
export interface StatsScope {
  taskForceIds: string[];
  /** More than the caller's own task force: a province or national roll-up. */
  rollUp: boolean;
  exact: boolean;
}

/**
 * The task forces whose aggregates the caller's task force may see: a regency its own; a
 * province itself and the task forces below it; a national task force every one. Nobody
 * receives records through statistics, only counts.
 */
export function visibleTaskForces(ownId: string, all: readonly TaskForceNode[]): string[] {
  const own = all.find((t) => t.id === ownId);
  if (!own) return [];
  if (own.level === 'national') return all.map((t) => t.id);
  const seen = new Set([own.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of all) {
      if (t.parent_id && seen.has(t.parent_id) && !seen.has(t.id)) {
        seen.add(t.id);
        grew = true;
      }
    }
  }
  return [...seen];
}

/**
 * The scope of one request: everything visible, or the one task force asked for when it is
 * visible (null when it is not: the caller gets 404). Exact counts only for a coordinator
 * looking at their own task force; leadership, analysts and any roll-up get protected counts.
 */
export function statsScope(
  actor: Pick<Actor, 'taskForceId' | 'permissions'>,
  all: readonly TaskForceNode[],
  requested: string | undefined,
): StatsScope | null {
  if (!actor.taskForceId) return null;
  const visible = visibleTaskForces(actor.taskForceId, all);
  if (requested !== undefined && !visible.includes(requested)) return null;
  const taskForceIds = requested ? [requested] : visible;
  const rollUp = taskForceIds.some((id) => id !== actor.taskForceId);
  return { taskForceIds, rollUp, exact: !rollUp && actor.permissions.has('stats.exact') };
}
