import {
  DEFAULT_FOLLOW_UP_MONTHS,
  type DeadlineRuleKey,
  type DeadlineSettings,
  dueByRule,
  effectiveRules,
} from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { errors } from '../../platform/errors.js';

/** A task force's deadline settings, completed with the defaults of domain §2. */
export async function deadlineSettingsOf(
  db: Db,
  taskForceId: string,
): Promise<DeadlineSettings & { version: number; timeZone: string }> {
  const tf = await db
    .selectFrom('task_forces')
    .leftJoin('deadline_settings', 'deadline_settings.task_force_id', 'task_forces.id')
    .select(['task_forces.time_zone', 'deadline_settings.settings', 'deadline_settings.version'])
    .where('task_forces.id', '=', taskForceId)
    .executeTakeFirst();
  if (!tf) throw errors.notFound();
  const stored = tf.settings ? (JSON.parse(tf.settings) as Partial<DeadlineSettings>) : {};
  return {
    rules: effectiveRules(stored.rules ?? []),
    holidays: stored.holidays ?? [],
    followUpMonths: stored.followUpMonths ?? DEFAULT_FOLLOW_UP_MONTHS,
    version: tf.version ?? 0,
    timeZone: tf.time_zone,
  };
}

/** When something of the task force triggered at `start` is due. */
export async function dueFor(db: Db, taskForceId: string, key: DeadlineRuleKey, start: Date): Promise<Date> {
  const s = await deadlineSettingsOf(db, taskForceId);
  return dueByRule(key, start, s, s.timeZone);
}

/**
 * Replaces the settings (administrators and coordinators of the task force); audited. Another task
 * force's rules are not found, for its administrators too.
 */
export async function updateDeadlineSettings(
  deps: Pick<AppDeps, 'db' | 'dbKind' | 'clock'>,
  actor: Actor,
  meta: Pick<RequestMeta, 'requestId' | 'ip'>,
  taskForceId: string,
  input: DeadlineSettings & { version: number },
) {
  if (actor.taskForceId !== taskForceId) throw errors.notFound();
  if (!actor.roles.includes('admin') && !actor.permissions.has('taskforce.manage')) throw errors.forbidden();
  const current = await deadlineSettingsOf(deps.db, taskForceId);
  if (current.version !== input.version) throw errors.versionConflict(current);
  const settings: DeadlineSettings = {
    rules: effectiveRules(input.rules),
    holidays: [...new Map(input.holidays.map((h) => [h.date, h])).values()].sort((a, b) =>
      a.date.localeCompare(b.date),
    ),
    followUpMonths: [...new Set(input.followUpMonths)].sort((a, b) => a - b),
  };
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    if (current.version === 0) {
      await trx
        .insertInto('deadline_settings')
        .values({
          task_force_id: taskForceId,
          settings: JSON.stringify(settings),
          version: 1,
          updated_by: actor.userId,
          updated_at: now,
        })
        .execute();
    } else {
      const res = await trx
        .updateTable('deadline_settings')
        .set({
          settings: JSON.stringify(settings),
          version: input.version + 1,
          updated_by: actor.userId,
          updated_at: now,
        })
        .where('task_force_id', '=', taskForceId)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw errors.versionConflict(current);
    }
    await audit({
      action: 'deadline.settings_changed',
      entityType: 'task_force',
      entityId: taskForceId,
      details: { rules: settings.rules.length, holidays: settings.holidays.length },
    });
  });
  return deadlineSettingsOf(deps.db, taskForceId);
}
