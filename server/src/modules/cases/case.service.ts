import { randomUUID } from 'node:crypto';
import {
  type CaseCreate,
  type CaseDetail,
  type CasePatch,
  type CaseStage,
  type CaseTransition,
  calendarDateIn,
  firstResponseDue,
  initials,
  type RiskLevel,
  reopenStage,
  type ScreeningResult,
  transitionProblem,
} from '@sinergi/core';
import type { AuditEventInput } from '../../platform/audit.js';
import { recordRead } from '../../platform/audit-reads.js';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { MIGRANT_TEXT_PATHS, PROFILE_TEXT_PATHS, sealJson } from '../../platform/db/json-free-texts.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { errors } from '../../platform/errors.js';
import { taskForceContext, taskForceZone } from '../taskforces/taskforce.service.js';
import { type CaseAccess, caseAccess } from './case.policy.js';
import { joinList, presentDetail } from './case.presenter.js';
import { caseRepository as repo } from './case.repository.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'reference' | 'cipher'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

const CLOCK_SKEW_MS = 5 * 60_000;

/** The case if the actor may see it, with their access level; 404 otherwise, exactly like a missing case. */
export async function loadCaseFor(
  deps: Pick<AppDeps, 'db'> & Partial<Pick<AppDeps, 'clock'>>,
  actor: Actor,
  id: string,
): Promise<{ row: CaseRow; access: CaseAccess }> {
  const row = await repo.byId(deps.db, id);
  if (!row) throw errors.notFound();
  const access = await caseAccess(deps.db, actor, row, deps.clock?.now());
  if (!access) throw errors.notFound();
  return { row, access };
}

/** Loads the case and requires the case team's access for a change. */
export async function loadCaseForWork(
  deps: Pick<AppDeps, 'db'> & Partial<Pick<AppDeps, 'clock'>>,
  actor: Actor,
  id: string,
): Promise<CaseRow> {
  const { row, access } = await loadCaseFor(deps, actor, id);
  if (access !== 'full') throw errors.forbidden();
  return row;
}

/** Appends to the case's timeline (inside the caller's transaction). */
export function caseEvent(
  trx: Db,
  deps: Pick<AppDeps, 'clock'>,
  actor: Pick<Actor, 'userId' | 'agencyId'>,
  caseId: string,
  kind: string,
  details: Record<string, unknown> = {},
) {
  return repo.addEvent(trx, {
    id: randomUUID(),
    case_id: caseId,
    at: deps.clock.now().toISOString(),
    actor_user_id: actor.userId,
    actor_agency_id: actor.agencyId,
    kind,
    details,
  });
}

/** Dates are checked against the task force's own calendar: at 07.00 WITA it is already tomorrow in UTC terms. */
function checkDates(
  deps: Deps,
  timeZone: string,
  reportedAt: string | undefined,
  incidentDate: string | null | undefined,
  fields: Record<string, string>,
) {
  const now = deps.clock.now();
  if (reportedAt && Date.parse(reportedAt) > now.getTime() + CLOCK_SKEW_MS)
    fields.reportedAt = 'date_in_future';
  if (incidentDate) {
    if (incidentDate > calendarDateIn(now, timeZone)) fields.incidentDate = 'date_in_future';
    else if (reportedAt && incidentDate > calendarDateIn(new Date(reportedAt), timeZone))
      fields.incidentDate = 'incident_after_report';
  }
}

function checkPlaces(
  deps: Deps,
  input: Partial<Pick<CaseCreate, 'occurrenceRegionCode' | 'profile'>>,
  fields: Record<string, string>,
) {
  if (input.occurrenceRegionCode && !deps.reference.region(input.occurrenceRegionCode))
    fields.occurrenceRegionCode = 'region_unknown';
  const p = input.profile;
  if (!p) return;
  if (p.destinationCountry && !deps.reference.country(p.destinationCountry))
    fields['profile.destinationCountry'] = 'country_unknown';
  if (p.destinationRegionCode && !deps.reference.region(p.destinationRegionCode))
    fields['profile.destinationRegionCode'] = 'region_unknown';
  p.events.forEach((e, i) => {
    if (e.regionCode && !deps.reference.region(e.regionCode))
      fields[`profile.events.${i}.regionCode`] = 'region_unknown';
    if (e.countryCode && !deps.reference.country(e.countryCode))
      fields[`profile.events.${i}.countryCode`] = 'country_unknown';
  });
}

/** Team members must be active users of the lead agency who can read cases. */
async function checkTeam(db: Db, leadAgencyId: string, userIds: string[]): Promise<Record<string, string>> {
  if (userIds.length === 0) return {};
  const rows = await db
    .selectFrom('users')
    .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.agency_id', 'users.active', 'user_roles.role'])
    .where('users.id', 'in', userIds)
    .execute();
  for (const id of userIds) {
    const mine = rows.filter((r) => r.id === id);
    if (mine.length === 0 || !mine[0]!.active) return { teamUserIds: 'user_unknown' };
    if (mine[0]!.agency_id !== leadAgencyId) return { teamUserIds: 'team_user_other_agency' };
  }
  return {};
}

/**
 * The profile and migrant-worker columns of a case. Their free texts (event descriptions; the
 * consulate reference, death and transport details) are stored apart, encrypted; the JSON keeps
 * the codes that statistics and exports read in SQL.
 */
function profileColumns(deps: Pick<Deps, 'cipher'>, input: Pick<CaseCreate, 'profile' | 'migrant'>) {
  const p = input.profile;
  const m = input.migrant;
  const profile = p && sealJson(deps.cipher, p, PROFILE_TEXT_PATHS);
  const migrant = m && sealJson(deps.cipher, m, MIGRANT_TEXT_PATHS);
  return {
    ...(p &&
      profile && {
        profile: profile.json,
        profile_texts_enc: profile.textsEnc,
        destination_country: p.destinationCountry ?? null,
        destination_region_code: p.destinationRegionCode ?? null,
        departure: p.departure ?? null,
        exploitation_types: joinList(p.exploitationTypes),
      }),
    ...(m &&
      migrant && {
        migrant: migrant.json,
        migrant_texts_enc: migrant.textsEnc,
        bp2mi_category: m.bp2miCategory ?? null,
      }),
  };
}

/** The checks of a new case that need the database; field path -> message key (empty when fine). */
export async function checkNewCase(
  deps: Deps,
  actor: Actor,
  input: CaseCreate,
): Promise<{ fields: Record<string, string>; leadAgencyId: string; taskForceId: string | null }> {
  const leadAgencyId = input.leadAgencyId ?? actor.agencyId;
  const fields: Record<string, string> = {};
  checkDates(
    deps,
    await taskForceZone(deps.db, actor.taskForceId),
    input.reportedAt,
    input.incidentDate,
    fields,
  );
  checkPlaces(deps, input, fields);
  const agency = await deps.db
    .selectFrom('agencies')
    .select(['id', 'active', 'task_force_id', 'short_name'])
    .where('id', '=', leadAgencyId)
    .executeTakeFirst();
  if (!agency?.active || !agency.task_force_id) fields.leadAgencyId = 'agency_unknown';
  else if (
    leadAgencyId !== actor.agencyId &&
    !(actor.roles.includes('coordinator') && agency.task_force_id === actor.taskForceId)
  ) {
    fields.leadAgencyId = 'agency_unknown';
  }
  if (agency && !fields.leadAgencyId)
    Object.assign(fields, await checkTeam(deps.db, leadAgencyId, input.teamUserIds));
  return { fields, leadAgencyId, taskForceId: agency?.task_force_id ?? null };
}

/**
 * Inserts a checked case inside the caller's transaction: number, row, team, timeline and audit.
 * Shared by the case form and the import of legacy registers, so both number and audit alike. A
 * case from a register (`origin.importJobId`) was answered before Sinergi: its first response is
 * taken as given at the import, so old cases do not arrive as hundreds of overdue first responses,
 * and the timing statistics leave imported cases out.
 */
export async function insertNewCase(
  deps: Deps,
  trx: Db,
  audit: (event: AuditEventInput) => Promise<void>,
  actor: Actor,
  input: CaseCreate,
  tf: NonNullable<Awaited<ReturnType<typeof taskForceContext>>>,
  leadAgencyId: string,
  origin: { importJobId?: string } = {},
): Promise<{ id: string; caseNumber: string }> {
  const team = [...new Set([actor.userId, ...input.teamUserIds])];
  const now = deps.clock.now().toISOString();
  const reportedAt = new Date(input.reportedAt);
  const year = Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: tf.row.time_zone }).format(reportedAt),
  );
  const id = randomUUID();
  const seq = await repo.nextNumber(trx, tf.row.id, year);
  const caseNumber = `${tf.settings.caseNumberPrefix}/${tf.row.region_code ?? 'NAS'}/${year}/${String(seq).padStart(4, '0')}`;
  await repo.insert(trx, {
    id,
    task_force_id: tf.row.id,
    case_number: caseNumber,
    case_type: input.caseType,
    stage: 'reported',
    stage_before_close: null,
    closure_reason: null,
    risk: input.risk,
    reported_at: reportedAt.toISOString(),
    report_year: year,
    incident_date: input.incidentDate ?? null,
    channel: input.channel,
    reporting_party: input.reportingParty,
    narrative_enc: deps.cipher.encryptNullable(input.narrative),
    place_enc: deps.cipher.encryptNullable(input.placeOfOccurrence),
    occurrence_region_code: input.occurrenceRegionCode ?? null,
    lead_agency_id: leadAgencyId,
    origin_district_code: null,
    destination_country: null,
    destination_region_code: null,
    departure: null,
    exploitation_types: '',
    bp2mi_category: null,
    // The SIMFONI number links the case to the victim's record in another system: encrypted.
    simfoni_id_enc: deps.cipher.encryptNullable(input.simfoniId),
    profile: JSON.stringify({
      recruitmentMethods: [],
      recruitmentPlatforms: [],
      events: [],
      exploitationTypes: [],
      labourSectors: [],
      methodsOfControl: [],
    }),
    profile_texts_enc: null,
    migrant: '{}',
    migrant_texts_enc: null,
    first_response_due_at: firstResponseDue(
      reportedAt,
      input.risk as RiskLevel,
      tf.settings.responseLimits,
      tf.row.time_zone,
    ).toISOString(),
    first_response_at: origin.importJobId ? now : null,
    victim_count: 0,
    child_victim_count: 0,
    latest_screening: null,
    created_by: actor.userId,
    version: 1,
    created_at: now,
    updated_at: now,
    ...profileColumns(deps, input),
  });
  await repo.setTeam(trx, id, team, now, reportedAt.toISOString());
  await caseEvent(trx, deps, actor, id, 'created', {
    caseType: input.caseType,
    risk: input.risk,
    channel: input.channel,
  });
  await audit({
    action: 'case.created',
    entityType: 'case',
    entityId: id,
    details: { caseNumber, ...origin },
  });
  return { id, caseNumber };
}

export async function createCase(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  input: CaseCreate,
): Promise<CaseDetail> {
  const { fields, leadAgencyId, taskForceId } = await checkNewCase(deps, actor, input);
  if (Object.keys(fields).length) throw errors.validation(fields);
  const tf = (await taskForceContext(deps.db, taskForceId!))!;
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const { id } = await insertNewCase(deps, trx, audit, actor, input, tf, leadAgencyId);
    return detailOf(deps, trx, actor, (await repo.byId(trx, id))!, 'full');
  });
}

export async function victimInitials(deps: Deps, db: Db, caseIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (caseIds.length === 0) return map;
  const rows = await db
    .selectFrom('persons')
    .select(['case_id', 'full_name_enc'])
    .where('case_id', 'in', caseIds)
    .where('role', '=', 'victim')
    // Erased people have no initials left to show.
    .where('erased_at', 'is', null)
    // The id breaks ties (people added together): the order must not follow where rows happen to lie.
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = map.get(r.case_id) ?? [];
    list.push(initials(deps.cipher.decrypt(r.full_name_enc)));
    map.set(r.case_id, list);
  }
  return map;
}

async function warningsOf(db: Db, caseId: string): Promise<CaseDetail['warnings']> {
  const persons = await db
    .selectFrom('persons')
    .select(['id', 'role', 'is_child', 'guardian_person_id'])
    .where('case_id', '=', caseId)
    .execute();
  const warnings: CaseDetail['warnings'] = [];
  const victims = persons.filter((p) => p.role === 'victim');
  if (victims.length === 0) warnings.push('no_victim');
  if (victims.some((v) => v.is_child && !v.guardian_person_id)) warnings.push('guardian_missing');
  if (victims.length) {
    const consented = await db
      .selectFrom('consents')
      .select('person_id')
      .where('case_id', '=', caseId)
      .where('withdrawn_on', 'is', null)
      .execute();
    const ids = new Set(consented.map((c) => c.person_id));
    if (victims.some((v) => !ids.has(v.id))) warnings.push('consent_missing');
  }
  return warnings;
}

async function detailOf(
  deps: Deps,
  db: Db,
  actor: Actor,
  row: CaseRow,
  access: CaseAccess,
): Promise<CaseDetail> {
  const agency = await db
    .selectFrom('agencies')
    .select('short_name')
    .where('id', '=', row.lead_agency_id)
    .executeTakeFirst();
  const initialsMap =
    access === 'full' ? await victimInitials(deps, db, [row.id]) : new Map<string, string[]>();
  return presentDetail(deps, actor, row, access, {
    agencyShortName: agency?.short_name ?? '',
    victimInitials: initialsMap.get(row.id) ?? [],
    team: await repo.team(db, row.id),
    warnings: await warningsOf(db, row.id),
    flags: await db
      .selectFrom('case_flags')
      .select(['flag', 'set_at'])
      .where('case_id', '=', row.id)
      .orderBy('set_at')
      .execute(),
  });
}

/** One case as the actor may see it; reading a case with identifying data is audited. */
export async function getCase(deps: Deps, actor: Actor, meta: Meta, id: string): Promise<CaseDetail> {
  const { row, access } = await loadCaseFor(deps, actor, id);
  const detail = await detailOf(deps, deps.db, actor, row, access);
  await recordRead(deps, actor, meta, {
    action: 'case.read',
    entityType: 'case',
    entityId: id,
    details: { access },
  });
  return detail;
}

export async function updateCase(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  id: string,
  patch: CasePatch,
): Promise<CaseDetail> {
  const current = await loadCaseForWork(deps, actor, id);
  if (current.stage === 'closed') throw errors.validation({ _: 'transition_not_allowed' });
  const fields: Record<string, string> = {};
  checkDates(
    deps,
    await taskForceZone(deps.db, current.task_force_id),
    patch.reportedAt ?? current.reported_at,
    patch.incidentDate === undefined ? current.incident_date : patch.incidentDate,
    fields,
  );
  checkPlaces(deps, patch, fields);
  if (patch.teamUserIds)
    Object.assign(fields, await checkTeam(deps.db, current.lead_agency_id, patch.teamUserIds));
  if (Object.keys(fields).length) throw errors.validation(fields);
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const row = (await repo.byId(trx, id))!;
    if (row.version !== patch.version)
      throw errors.versionConflict(await detailOf(deps, trx, actor, row, 'full'));
    const risk = patch.risk ?? row.risk;
    const reportedAt = patch.reportedAt ? new Date(patch.reportedAt).toISOString() : row.reported_at;
    let due = row.first_response_due_at;
    if (patch.risk !== undefined || patch.reportedAt !== undefined) {
      const tf = (await taskForceContext(trx, row.task_force_id))!;
      due = firstResponseDue(
        new Date(reportedAt),
        risk as RiskLevel,
        tf.settings.responseLimits,
        tf.row.time_zone,
      ).toISOString();
    }
    const changes = {
      ...(patch.caseType !== undefined && { case_type: patch.caseType }),
      reported_at: reportedAt,
      ...(patch.incidentDate !== undefined && { incident_date: patch.incidentDate }),
      ...(patch.channel !== undefined && { channel: patch.channel }),
      ...(patch.reportingParty !== undefined && { reporting_party: patch.reportingParty }),
      ...(patch.narrative !== undefined && { narrative_enc: deps.cipher.encryptNullable(patch.narrative) }),
      ...(patch.placeOfOccurrence !== undefined && {
        place_enc: deps.cipher.encryptNullable(patch.placeOfOccurrence),
      }),
      ...(patch.occurrenceRegionCode !== undefined && { occurrence_region_code: patch.occurrenceRegionCode }),
      risk,
      first_response_due_at: due,
      ...(patch.simfoniId !== undefined && { simfoni_id_enc: deps.cipher.encryptNullable(patch.simfoniId) }),
      ...(patch.firstResponseAt !== undefined && {
        first_response_at: patch.firstResponseAt ? new Date(patch.firstResponseAt).toISOString() : null,
      }),
      ...profileColumns(deps, patch),
      updated_at: deps.clock.now().toISOString(),
    };
    if (!(await repo.update(trx, id, patch.version, changes)))
      throw errors.versionConflict(await detailOf(deps, trx, actor, (await repo.byId(trx, id))!, 'full'));
    if (patch.teamUserIds) {
      await repo.setTeam(
        trx,
        id,
        [...new Set(patch.teamUserIds)],
        deps.clock.now().toISOString(),
        reportedAt,
      );
    }
    const changed = Object.keys(patch).filter((k) => k !== 'version');
    await caseEvent(trx, deps, actor, id, 'updated', { fields: changed });
    await audit({ action: 'case.updated', entityType: 'case', entityId: id, details: { fields: changed } });
    return detailOf(deps, trx, actor, (await repo.byId(trx, id))!, 'full');
  });
}

/** Moves the case along the service track; guards come from core's workflow. */
export async function transitionCase(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  id: string,
  input: CaseTransition,
): Promise<CaseDetail> {
  await loadCaseForWork(deps, actor, id);
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const row = (await repo.byId(trx, id))!;
    if (row.version !== input.version)
      throw errors.versionConflict(await detailOf(deps, trx, actor, row, 'full'));
    const from = row.stage as CaseStage;
    const problem = transitionProblem(from, input.to, {
      latestScreening: row.latest_screening as ScreeningResult | null,
      reason: input.reason ?? null,
    });
    if (problem) throw errors.validation({ [problem === 'reason_required' ? 'reason' : 'to']: problem });
    if (input.to === 'assessment' || input.to === 'identified') {
      const warnings = await warningsOf(trx, id);
      if (warnings.includes('no_victim')) throw errors.validation({ to: 'victim_required' });
      if (warnings.includes('guardian_missing')) throw errors.validation({ to: 'guardian_required' });
    }
    const to: CaseStage =
      input.to === 'reopen' ? reopenStage(row.stage_before_close as CaseStage | null) : input.to;
    const now = deps.clock.now().toISOString();
    await repo.update(trx, id, row.version, {
      stage: to,
      stage_before_close: input.to === 'closed' ? from : null,
      closure_reason: input.to === 'closed' ? (input.closureReason ?? 'other') : null,
      // Leaving "reported" is the first response to the complaint.
      first_response_at: row.first_response_at ?? (from === 'reported' ? now : null),
      updated_at: now,
    });
    await caseEvent(trx, deps, actor, id, input.to === 'reopen' ? 'reopened' : 'stage_changed', {
      from,
      to,
      ...(input.closureReason && { closureReason: input.closureReason }),
      ...(input.reason && { reason: deps.cipher.encrypt(input.reason) }),
    });
    await audit({ action: 'case.stage_changed', entityType: 'case', entityId: id, details: { from, to } });
    return detailOf(deps, trx, actor, (await repo.byId(trx, id))!, 'full');
  });
}

/** The case's timeline: workflow moves and every other event, newest first. */
export async function caseTimeline(deps: Deps, actor: Actor, meta: Meta, id: string) {
  const { access } = await loadCaseFor(deps, actor, id);
  const events = await repo.events(deps.db, id);
  await recordRead(deps, actor, meta, { action: 'case.timeline_read', entityType: 'case', entityId: id });
  return {
    items: events.map((e) => {
      const details = JSON.parse(e.details) as Record<string, unknown>;
      if (typeof details.reason === 'string')
        details.reason = access === 'full' ? deps.cipher.decrypt(details.reason) : null;
      return { id: e.id, at: e.at, kind: e.kind, actor: e.display_name, agency: e.short_name, details };
    }),
  };
}
