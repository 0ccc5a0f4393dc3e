import { randomUUID } from 'node:crypto';
import {
  type LegalStage,
  type LegalStageCreate,
  type LegalTrack,
  legalLimitsFrom,
  legalStageProblem,
  type PoliceReportCreate,
} from '@sinergi/core';
import type { AuditEventInput } from '../../platform/audit.js';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { errors } from '../../platform/errors.js';
import { caseEvent } from '../cases/case.service.js';
import { investigatorsOf, notifyUsers } from '../notifications/notification.service.js';
import { deadlineSettingsOf } from '../services/deadline-settings.service.js';
import { todayIn } from '../taskforces/taskforce.service.js';
import { type LegalAccess, loadLegalFor, loadLegalForWork, trackOf } from './legal.policy.js';
import { presentTrack } from './legal.presenter.js';

export type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'reference' | 'cipher'>;
export type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

/** Reads the track inside a transaction and audits the read of suspects' identities. */
export async function trackFor(
  deps: Deps,
  trx: Db,
  row: CaseRow,
  access: LegalAccess,
  audit: (e: AuditEventInput) => Promise<void>,
): Promise<LegalTrack> {
  const track = await trackOf(trx, row.id);
  const view = await presentTrack(
    deps,
    trx,
    row,
    track,
    access,
    await todayIn(deps, row.task_force_id),
    legalLimitsFrom(await deadlineSettingsOf(trx, row.task_force_id)),
  );
  if (access.viewIdentity && view.suspects.length)
    await audit({
      action: 'legal.suspects_read',
      entityType: 'case',
      entityId: row.id,
      details: { suspects: view.suspects.length },
    });
  return view;
}

export async function getLegalTrack(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
): Promise<LegalTrack> {
  const { row, access } = await loadLegalFor(deps.db, actor, caseId);
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    await audit({ action: 'legal.read', entityType: 'case', entityId: caseId });
    return trackFor(deps, trx, row, access, audit);
  });
}

/** Makes sure the case has its track row, and returns it. */
async function ensureTrack(trx: Db, row: CaseRow, now: string) {
  await trx
    .insertInto('legal_tracks')
    .values({
      case_id: row.id,
      task_force_id: row.task_force_id,
      stage: null,
      stage_on: null,
      police_agency_id: null,
      prosecution_agency_id: null,
      version: 0,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();
  return (await trackOf(trx, row.id))!;
}

async function checkVictims(db: Db, caseId: string, ids: string[], field: string, roles = ['victim']) {
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('persons')
    .select(['id', 'role'])
    .where('case_id', '=', caseId)
    .where('id', 'in', ids)
    .execute();
  if (ids.some((id) => !found.some((f) => f.id === id && roles.includes(f.role))))
    throw errors.validation({ [field]: 'victim_unknown' });
}

/** Moves the track to a stage, inside the caller's transaction, after the rules allow it. */
async function appendStage(
  deps: Deps,
  trx: Db,
  actor: Actor,
  row: CaseRow,
  input: Omit<LegalStageCreate, 'version'>,
  now: string,
) {
  const track = await ensureTrack(trx, row, now);
  const last = await trx
    .selectFrom('legal_stages')
    .select(['on_date', 'seq'])
    .where('case_id', '=', row.id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const problem = legalStageProblem(
    track.stage as LegalStage | null,
    input.stage,
    {
      on: input.on,
      documentNumber: input.documentNumber,
      reason: input.reason,
      charges: input.charges,
      verdictOutcome: input.verdict?.outcome ?? null,
      prosecutionAgencyId: input.prosecutionAgencyId,
    },
    last?.on_date ?? null,
  );
  if (problem) throw errors.validation({ [problem.field]: problem.key });
  if (input.stage === 'tahap_ii') {
    const agency = await trx
      .selectFrom('agencies')
      .select(['id', 'sector', 'task_force_id', 'active'])
      .where('id', '=', input.prosecutionAgencyId!)
      .executeTakeFirst();
    if (!agency?.active || agency.sector !== 'prosecution' || agency.task_force_id !== row.task_force_id)
      throw errors.validation({ prosecutionAgencyId: 'prosecution_agency_unknown' });
  }
  await trx
    .insertInto('legal_stages')
    .values({
      id: randomUUID(),
      case_id: row.id,
      seq: (last?.seq ?? 0) + 1,
      stage: input.stage,
      on_date: input.on,
      document_number: input.documentNumber?.trim() || null,
      details: JSON.stringify({
        ...(input.charges && { charges: input.charges }),
        ...(input.verdict && { verdict: input.verdict }),
        ...(input.prosecutionAgencyId && { prosecutionAgencyId: input.prosecutionAgencyId }),
      }),
      reason_enc: deps.cipher.encryptNullable(input.reason ?? null),
      note_enc: deps.cipher.encryptNullable(input.note ?? null),
      created_by: actor.userId,
      created_agency_id: actor.agencyId,
      created_at: now,
    })
    .execute();
  await trx
    .updateTable('legal_tracks')
    .set({
      stage: input.stage,
      stage_on: input.on,
      version: track.version + 1,
      updated_at: now,
      ...(input.stage === 'tahap_ii' && { prosecution_agency_id: input.prosecutionAgencyId! }),
    })
    .where('case_id', '=', row.id)
    .execute();
  await caseEvent(trx, deps, actor, row.id, 'legal_stage_recorded', { stage: input.stage, on: input.on });
}

function checkNotFuture(today: string, date: string, field: string) {
  if (date > today) throw errors.validation({ [field]: 'date_in_future' });
}

/** The case team names the police agency handling the case (an agency of the police sector in its task force). */
export async function assignPoliceAgency(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  input: { version: number; policeAgencyId: string },
): Promise<LegalTrack> {
  const { row, access } = await loadLegalFor(deps.db, actor, caseId);
  if (!access.assignPolice) throw errors.forbidden();
  const agency = await deps.db
    .selectFrom('agencies')
    .select(['sector', 'task_force_id', 'active'])
    .where('id', '=', input.policeAgencyId)
    .executeTakeFirst();
  if (!agency?.active || agency.sector !== 'police' || agency.task_force_id !== row.task_force_id)
    throw errors.validation({ policeAgencyId: 'agency_unknown' });
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const now = deps.clock.now().toISOString();
    const track = await ensureTrack(trx, row, now);
    if (track.version !== input.version)
      throw errors.versionConflict(await trackFor(deps, trx, row, access, audit));
    await trx
      .updateTable('legal_tracks')
      .set({ police_agency_id: input.policeAgencyId, version: track.version + 1, updated_at: now })
      .where('case_id', '=', caseId)
      .execute();
    await caseEvent(trx, deps, actor, caseId, 'legal_police_assigned', {});
    // The investigators of the office are told (in the app and by email) the case is theirs now.
    if (track.police_agency_id !== input.policeAgencyId)
      await notifyUsers(trx, deps, await investigatorsOf(trx, input.policeAgencyId), {
        kind: 'legal_police_assigned',
        caseId,
        caseNumber: row.case_number,
        referralId: null,
        dedupeKey: `legal_police_assigned:${caseId}:${input.policeAgencyId}`,
      });
    await audit({
      action: 'legal.police_assigned',
      entityType: 'case',
      entityId: caseId,
      details: { agencyId: input.policeAgencyId },
    });
    return trackFor(deps, trx, row, access, audit);
  });
}

/** Records a police report; the first one opens the track at `laporan_polisi`. */
export async function recordPoliceReport(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  input: PoliceReportCreate,
): Promise<LegalTrack> {
  const { row, access } = await loadLegalForWork(deps.db, actor, caseId);
  checkNotFuture(await todayIn(deps, row.task_force_id), input.reportDate, 'reportDate');
  await checkVictims(deps.db, caseId, input.victimIds, 'victimIds');
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const now = deps.clock.now().toISOString();
    const track = await ensureTrack(trx, row, now);
    const id = randomUUID();
    await trx
      .insertInto('legal_police_reports')
      .values({
        id,
        case_id: caseId,
        number: input.number,
        report_date: input.reportDate,
        unit: input.unit,
        type: input.type,
        victim_ids: JSON.stringify(input.victimIds),
        created_by: actor.userId,
        created_at: now,
      })
      .execute();
    if (!track.police_agency_id)
      await trx
        .updateTable('legal_tracks')
        .set({ police_agency_id: actor.agencyId })
        .where('case_id', '=', caseId)
        .execute();
    if (track.stage === null)
      await appendStage(
        deps,
        trx,
        actor,
        row,
        { stage: 'laporan_polisi', on: input.reportDate, documentNumber: input.number },
        now,
      );
    await audit({
      action: 'legal.report_recorded',
      entityType: 'case',
      entityId: caseId,
      details: { reportId: id },
    });
    return trackFor(deps, trx, row, access, audit);
  });
}

/** Records the next stage, checked against the stage machine and the track's version. */
export async function recordLegalStage(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  caseId: string,
  input: LegalStageCreate,
): Promise<LegalTrack> {
  const { row, access } = await loadLegalForWork(deps.db, actor, caseId);
  checkNotFuture(await todayIn(deps, row.task_force_id), input.on, 'on');
  if (input.verdict?.servedOn)
    checkNotFuture(await todayIn(deps, row.task_force_id), input.verdict.servedOn, 'verdict.servedOn');
  return inTransaction(deps, actor, meta, async (trx, audit) => {
    const track = await trackOf(trx, caseId);
    if ((track?.version ?? 0) !== input.version)
      throw errors.versionConflict(await trackFor(deps, trx, row, access, audit));
    if (!track?.stage && input.stage === 'laporan_polisi')
      throw errors.validation({ stage: 'police_report_required' });
    const { version: _v, ...stage } = input;
    await appendStage(deps, trx, actor, row, stage, deps.clock.now().toISOString());
    await audit({
      action: 'legal.stage_recorded',
      entityType: 'case',
      entityId: caseId,
      details: { from: track?.stage ?? null, to: input.stage },
    });
    return trackFor(deps, trx, row, access, audit);
  });
}
