import type { Db } from './db/connect.js';

/**
 * Tenancy of administration. An administrator manages the records of its own task force (its
 * agency's task force) and nothing else: users, agencies, settings, the audit trail, alerts and
 * emergency-opening reviews of another task force do not exist for it (404). An administrator
 * whose agency belongs to no task force (the deployment's own agency) manages only the accounts
 * and agencies outside any task force; a task force's first administrator comes from the command
 * line, which acts for the deployment and is audited.
 */
export function sameTaskForce(actorTaskForceId: string | null, recordTaskForceId: string | null): boolean {
  return (actorTaskForceId ?? null) === (recordTaskForceId ?? null);
}

/** The task force of a user's agency; undefined when there is no such user. */
export async function taskForceOfUser(
  db: Db,
  userId: string,
): Promise<{ taskForceId: string | null } | undefined> {
  const row = await db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select('agencies.task_force_id')
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return row ? { taskForceId: row.task_force_id } : undefined;
}

/** Whether an administrator of `taskForceId` may manage the user `userId` (it exists and is theirs). */
export async function userInTaskForce(db: Db, taskForceId: string | null, userId: string): Promise<boolean> {
  const found = await taskForceOfUser(db, userId);
  return found !== undefined && sameTaskForce(taskForceId, found.taskForceId);
}
