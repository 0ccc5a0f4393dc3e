import { randomUUID } from 'node:crypto';
import {
  type AlertInput,
  type AlertStatus,
  type AlertStatusInput,
  nextAlertStatuses,
  type PreventionActivity,
  type PreventionActivityInput,
  type RecruitmentAlert,
  type WatchGroup,
  type WatchGroupInput,
} from '@sinergi/core';
import { type Actor, type AppDeps, inTransaction, type RequestMeta } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import {
  alertTransitionAllowed,
  canChangeAlert,
  canEditPrevention,
  canRecordPrevention,
} from './prevention.policy.js';
import * as repo from './prevention.repository.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'reference' | 'cipher'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

export function names(deps: Pick<AppDeps, 'reference'>, villageCode: string | null) {
  if (!villageCode) return { villageName: null, districtName: '' };
  const village = deps.reference.region(villageCode);
  const district = deps.reference.region(villageCode.split('.').slice(0, 3).join('.'));
  return { villageName: village?.name ?? villageCode, districtName: district?.name ?? '' };
}

/** The village must be a Kemendagri village inside the task force's region. */
export async function checkVillage(
  deps: Deps,
  taskForceId: string,
  code: string | null,
  field = 'villageCode',
) {
  if (!code) return {};
  const region = await repo.taskForceRegion(deps.db, taskForceId);
  const village = deps.reference.region(code);
  if (village?.level !== 'village') return { [field]: 'region_unknown' };
  if (region && !code.startsWith(`${region}.`)) return { [field]: 'village_outside_task_force' };
  return {};
}

function taskForceOf(actor: Actor): string {
  if (!actor.taskForceId) throw errors.notFound();
  return actor.taskForceId;
}

export async function listPreventionActivities(
  deps: Pick<AppDeps, 'db' | 'reference'>,
  actor: Actor,
  filter: { villageCode?: string; year?: number },
): Promise<PreventionActivity[]> {
  if (!actor.taskForceId) return [];
  const rows = await repo.listActivities(deps.db, actor.taskForceId, filter);
  return rows.map((r) => presentActivity(deps, actor, r));
}

type ActivityRow = NonNullable<Awaited<ReturnType<typeof repo.findActivity>>>;

export function presentActivity(
  deps: Pick<AppDeps, 'reference'>,
  actor: Actor,
  r: ActivityRow,
): PreventionActivity {
  const n = names(deps, r.village_code);
  return {
    id: r.id,
    heldOn: r.held_on,
    villageCode: r.village_code,
    villageName: n.villageName ?? r.village_code,
    districtName: n.districtName,
    targetGroup: r.target_group as PreventionActivity['targetGroup'],
    topic: r.topic,
    materials: r.materials,
    participants: {
      adultMale: r.adult_male,
      adultFemale: r.adult_female,
      childMale: r.child_male,
      childFemale: r.child_female,
    },
    participantsTotal: r.adult_male + r.adult_female + r.child_male + r.child_female,
    activityId: r.activity_id,
    activityTitle: r.activity_title ?? null,
    agencyId: r.agency_id,
    agencyShortName: r.short_name,
    can: { edit: canEditPrevention(actor, r) },
    version: r.version,
  };
}

/** An agency records its own outreach session. */
export async function recordPreventionActivity(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  input: PreventionActivityInput,
): Promise<PreventionActivity> {
  const tf = taskForceOf(actor);
  if (!canRecordPrevention(actor)) throw errors.forbidden();
  const fields: Record<string, string> = { ...(await checkVillage(deps, tf, input.villageCode)) };
  if (input.activityId && !(await repo.knownActivity(deps.db, tf, input.activityId)))
    fields.activityId = 'activity_unknown';
  if (Object.keys(fields).length) throw errors.validation(fields);
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await repo.insertActivity(trx, {
      id,
      task_force_id: tf,
      agency_id: actor.agencyId,
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
      created_by: actor.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await audit({
      action: 'prevention.activity_recorded',
      entityType: 'prevention_activity',
      entityId: id,
      details: { villageCode: input.villageCode, heldOn: input.heldOn },
    });
  });
  return presentActivity(deps, actor, (await repo.findActivity(deps.db, id))!);
}

export async function listWatchGroups(
  deps: Pick<AppDeps, 'db' | 'reference'>,
  actor: Actor,
): Promise<WatchGroup[]> {
  if (!actor.taskForceId) return [];
  const rows = await repo.listWatchGroups(deps.db, actor.taskForceId);
  return rows.map((r) => presentWatchGroup(deps, actor, r));
}

type WatchGroupRow = NonNullable<Awaited<ReturnType<typeof repo.findWatchGroup>>>;

export function presentWatchGroup(
  deps: Pick<AppDeps, 'reference'>,
  actor: Actor,
  r: WatchGroupRow,
): WatchGroup {
  const n = names(deps, r.village_code);
  return {
    id: r.id,
    villageCode: r.village_code,
    villageName: n.villageName ?? r.village_code,
    districtName: n.districtName,
    name: r.name,
    formedOn: r.formed_on,
    membersCount: r.members_count,
    contact: r.contact,
    can: {
      edit: canEditPrevention(actor, { task_force_id: r.task_force_id, agency_id: r.recorder_agency_id }),
    },
    version: r.version,
  };
}

export async function recordWatchGroup(deps: Deps, actor: Actor, meta: Meta, input: WatchGroupInput) {
  const tf = taskForceOf(actor);
  if (!canRecordPrevention(actor)) throw errors.forbidden();
  const fields = await checkVillage(deps, tf, input.villageCode);
  if (Object.keys(fields).length) throw errors.validation(fields);
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await repo.insertWatchGroup(trx, {
      id,
      task_force_id: tf,
      village_code: input.villageCode,
      name: input.name,
      formed_on: input.formedOn,
      members_count: input.membersCount,
      contact: input.contact,
      created_by: actor.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await audit({
      action: 'prevention.watch_group_recorded',
      entityType: 'watch_group',
      entityId: id,
      details: { villageCode: input.villageCode },
    });
  });
  return presentWatchGroup(deps, actor, (await repo.findWatchGroup(deps.db, id))!);
}

type AlertRow = NonNullable<Awaited<ReturnType<typeof repo.findAlert>>>;

/** An alert as its task force sees it; its description and notes are decrypted here. */
export function presentAlert(
  deps: Pick<AppDeps, 'reference' | 'cipher'>,
  actor: Actor,
  r: AlertRow,
): RecruitmentAlert {
  const can = canChangeAlert(actor, r);
  return {
    id: r.id,
    channel: r.channel as RecruitmentAlert['channel'],
    description: deps.cipher.decrypt(r.description_enc),
    link: r.link,
    villageCode: r.village_code,
    villageName: names(deps, r.village_code).villageName,
    placeNote: deps.cipher.decrypt(r.place_note_enc),
    reportedBy: r.reported_by,
    seenOn: r.seen_on,
    agencyId: r.agency_id,
    agencyShortName: r.short_name,
    status: r.status,
    statusNote: deps.cipher.decrypt(r.status_note_enc),
    caseNumber: r.case_number,
    next: can ? [...nextAlertStatuses(r.status)] : [],
    can: { changeStatus: can, edit: can },
    version: r.version,
    createdAt: r.created_at,
  };
}

export async function listAlerts(
  deps: Pick<AppDeps, 'db' | 'reference' | 'cipher'>,
  actor: Actor,
  status: AlertStatus | undefined,
): Promise<RecruitmentAlert[]> {
  if (!actor.taskForceId) return [];
  return (await repo.listAlerts(deps.db, actor.taskForceId, status)).map((r) => presentAlert(deps, actor, r));
}

export async function reportAlert(deps: Deps, actor: Actor, meta: Meta, input: AlertInput) {
  const tf = taskForceOf(actor);
  if (!canRecordPrevention(actor)) throw errors.forbidden();
  const fields = await checkVillage(deps, tf, input.villageCode);
  if (Object.keys(fields).length) throw errors.validation(fields);
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await inTransaction(deps, actor, meta, async (trx, audit) => {
    await repo.insertAlert(trx, {
      id,
      task_force_id: tf,
      agency_id: actor.agencyId,
      channel: input.channel,
      // What an alert says can name a recruiter or a person approached: encrypted, like its notes.
      description_enc: deps.cipher.encrypt(input.description),
      link: input.link,
      village_code: input.villageCode,
      place_note_enc: deps.cipher.encrypt(input.placeNote),
      reported_by: input.reportedBy,
      seen_on: input.seenOn,
      status: 'reported',
      status_note_enc: deps.cipher.encrypt(''),
      case_number: null,
      created_by: actor.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await audit({
      action: 'prevention.alert_reported',
      entityType: 'recruitment_alert',
      entityId: id,
      details: { channel: input.channel },
    });
  });
  return presentAlert(deps, actor, (await repo.findAlert(deps.db, id))!);
}

/** Moves an alert along reported -> verified -> forwarded (police or BP3MI) -> closed. */
export async function changeAlertStatus(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  id: string,
  input: AlertStatusInput,
) {
  const row = await repo.findAlert(deps.db, id);
  if (!row || row.task_force_id !== actor.taskForceId) throw errors.notFound();
  if (!canChangeAlert(actor, row)) throw errors.forbidden();
  if (row.version !== input.version) throw errors.versionConflict(presentAlert(deps, actor, row));
  const fields: Record<string, string> = {};
  if (!alertTransitionAllowed(row.status, input.status)) fields.status = 'status_change_not_allowed';
  if (input.caseNumber && !(await repo.caseNumberExists(deps.db, row.task_force_id, input.caseNumber)))
    fields.caseNumber = 'case_number_unknown';
  if (Object.keys(fields).length) throw errors.validation(fields);
  const ok = await inTransaction(deps, actor, meta, async (trx, audit) => {
    const done = await repo.updateAlert(trx, id, input.version, {
      status: input.status,
      status_note_enc: deps.cipher.encrypt(input.note),
      case_number: input.caseNumber ?? row.case_number,
      updated_at: deps.clock.now().toISOString(),
    });
    if (!done) return false;
    await audit({
      action: 'prevention.alert_status_changed',
      entityType: 'recruitment_alert',
      entityId: id,
      details: { from: row.status, to: input.status, caseNumber: input.caseNumber },
    });
    return true;
  });
  const fresh = (await repo.findAlert(deps.db, id))!;
  if (!ok) throw errors.versionConflict(presentAlert(deps, actor, fresh));
  return presentAlert(deps, actor, fresh);
}
