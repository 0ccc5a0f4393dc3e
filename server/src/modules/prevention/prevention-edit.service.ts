import type {
  AlertInput,
  PreventionActivity,
  PreventionActivityInput,
  RecruitmentAlert,
  WatchGroup,
  WatchGroupInput,
} from '@sinergi/core';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { canEditPrevention } from './prevention.policy.js';
import * as repo from './prevention.repository.js';
import { checkVillage, presentActivity, presentAlert, presentWatchGroup } from './prevention.service.js';

/**
 * Corrections and removals of prevention records: each carries the version read (409 with the
 * current record when stale), each is audited, and a removal keeps the row with its reason, hidden
 * from every list.
 */

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'reference' | 'cipher'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;
type Removal = { reason: string; version: number };

function checkAllowed(actor: Actor, row: { task_force_id: string; agency_id: string } | undefined) {
  if (!row || row.task_force_id !== actor.taskForceId) throw errors.notFound();
  if (!canEditPrevention(actor, row)) throw errors.forbidden();
}

async function loadActivity(deps: Deps, actor: Actor, id: string) {
  const row = await repo.findActivity(deps.db, id);
  checkAllowed(actor, row);
  return row!;
}

export async function updatePreventionActivity(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  id: string,
  input: PreventionActivityInput & { version: number },
): Promise<PreventionActivity> {
  const row = await loadActivity(deps, actor, id);
  if (row.version !== input.version) throw errors.versionConflict(presentActivity(deps, actor, row));
  const fields: Record<string, string> = {
    ...(await checkVillage(deps, row.task_force_id, input.villageCode)),
  };
  if (input.activityId && !(await repo.knownActivity(deps.db, row.task_force_id, input.activityId)))
    fields.activityId = 'activity_unknown';
  if (Object.keys(fields).length) throw errors.validation(fields);
  const ok = await inTransaction(deps, actor, meta, async (trx, audit) => {
    const done = await repo.updateVersioned(trx, 'prevention_activities', id, input.version, {
      held_on: input.heldOn,
      village_code: input.villageCode,
      target_group: input.targetGroup,
      topic: input.topic,
      materials: input.materials,
      adult_male: input.participants.adultMale,
      adult_female: input.participants.adultFemale,
      child_male: input.participants.childMale,
      child_female: input.participants.childFemale,
      activity_id: input.activityId,
      updated_at: deps.clock.now().toISOString(),
    });
    if (done)
      await audit({
        action: 'prevention.activity_changed',
        entityType: 'prevention_activity',
        entityId: id,
        details: { villageCode: input.villageCode, heldOn: input.heldOn },
      });
    return done;
  });
  const fresh = await repo.findActivity(deps.db, id);
  if (!fresh) throw errors.notFound();
  if (!ok) throw errors.versionConflict(presentActivity(deps, actor, fresh));
  return presentActivity(deps, actor, fresh);
}

async function loadWatchGroup(deps: Deps, actor: Actor, id: string) {
  const row = await repo.findWatchGroup(deps.db, id);
  checkAllowed(actor, row && { task_force_id: row.task_force_id, agency_id: row.recorder_agency_id });
  return row!;
}

export async function updateWatchGroup(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  id: string,
  input: WatchGroupInput & { version: number },
): Promise<WatchGroup> {
  const row = await loadWatchGroup(deps, actor, id);
  if (row.version !== input.version) throw errors.versionConflict(presentWatchGroup(deps, actor, row));
  const fields = await checkVillage(deps, row.task_force_id, input.villageCode);
  if (Object.keys(fields).length) throw errors.validation(fields);
  const ok = await inTransaction(deps, actor, meta, async (trx, audit) => {
    const done = await repo.updateVersioned(trx, 'watch_groups', id, input.version, {
      village_code: input.villageCode,
      name: input.name,
      formed_on: input.formedOn,
      members_count: input.membersCount,
      contact: input.contact,
      updated_at: deps.clock.now().toISOString(),
    });
    if (done)
      await audit({
        action: 'prevention.watch_group_changed',
        entityType: 'watch_group',
        entityId: id,
        details: { villageCode: input.villageCode },
      });
    return done;
  });
  const fresh = await repo.findWatchGroup(deps.db, id);
  if (!fresh) throw errors.notFound();
  if (!ok) throw errors.versionConflict(presentWatchGroup(deps, actor, fresh));
  return presentWatchGroup(deps, actor, fresh);
}

async function loadAlert(deps: Deps, actor: Actor, id: string) {
  const row = await repo.findAlert(deps.db, id);
  checkAllowed(actor, row);
  return row!;
}

/** Corrects what an alert says (channel, description, place, date); its status moves separately. */
export async function updateAlert(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  id: string,
  input: AlertInput & { version: number },
): Promise<RecruitmentAlert> {
  const row = await loadAlert(deps, actor, id);
  if (row.version !== input.version) throw errors.versionConflict(presentAlert(deps, actor, row));
  const fields = await checkVillage(deps, row.task_force_id, input.villageCode);
  if (Object.keys(fields).length) throw errors.validation(fields);
  const ok = await inTransaction(deps, actor, meta, async (trx, audit) => {
    const done = await repo.updateVersioned(trx, 'recruitment_alerts', id, input.version, {
      channel: input.channel,
      description_enc: deps.cipher.encrypt(input.description),
      link: input.link,
      village_code: input.villageCode,
      place_note_enc: deps.cipher.encrypt(input.placeNote),
      reported_by: input.reportedBy,
      seen_on: input.seenOn,
      updated_at: deps.clock.now().toISOString(),
    });
    if (done)
      await audit({
        action: 'prevention.alert_changed',
        entityType: 'recruitment_alert',
        entityId: id,
        details: { channel: input.channel },
      });
    return done;
  });
  const fresh = await repo.findAlert(deps.db, id);
  if (!fresh) throw errors.notFound();
  if (!ok) throw errors.versionConflict(presentAlert(deps, actor, fresh));
  return presentAlert(deps, actor, fresh);
}

const REMOVAL = {
  prevention_activities: ['prevention.activity_deleted', 'prevention_activity'],
  watch_groups: ['prevention.watch_group_deleted', 'watch_group'],
  recruitment_alerts: ['prevention.alert_deleted', 'recruitment_alert'],
} as const;

/** Removes a record entered by mistake: kept with the reason, hidden from every list. */
export async function removePreventionRecord(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  table: keyof typeof REMOVAL,
  id: string,
  input: Removal,
): Promise<void> {
  const current =
    table === 'prevention_activities'
      ? presentActivity(deps, actor, await loadActivity(deps, actor, id))
      : table === 'watch_groups'
        ? presentWatchGroup(deps, actor, await loadWatchGroup(deps, actor, id))
        : presentAlert(deps, actor, await loadAlert(deps, actor, id));
  if (current.version !== input.version) throw errors.versionConflict(current);
  const [action, entityType] = REMOVAL[table];
  const ok = await inTransaction(deps, actor, meta, async (trx, audit) => {
    const now = deps.clock.now().toISOString();
    const done = await repo.updateVersioned(trx, table, id, input.version, {
      deleted_at: now,
      deleted_reason: input.reason,
      deleted_by: actor.userId,
      updated_at: now,
    });
    // The reason stays on the row; it may describe the mistake, so it is not copied into the trail.
    if (done) await audit({ action, entityType, entityId: id, details: {} });
    return done;
  });
  if (!ok) {
    // Changed or removed in between: answer with what is there now, like any stale update.
    const fresh =
      table === 'prevention_activities'
        ? await repo.findActivity(deps.db, id).then((r) => r && presentActivity(deps, actor, r))
        : table === 'watch_groups'
          ? await repo.findWatchGroup(deps.db, id).then((r) => r && presentWatchGroup(deps, actor, r))
          : await repo.findAlert(deps.db, id).then((r) => r && presentAlert(deps, actor, r));
    if (!fresh) throw errors.notFound();
    throw errors.versionConflict(fresh);
  }
}
