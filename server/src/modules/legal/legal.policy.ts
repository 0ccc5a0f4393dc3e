import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { errors } from '../../platform/errors.js';
import { caseAccess } from '../cases/case.policy.js';
import { caseRepository } from '../cases/case.repository.js';
import type { LegalTrackRow } from './legal.tables.js';
import './legal.tables.js';

/**
 * Access to a case's legal track, built on the case access check. Law enforcement (holders of
 * `legal.manage`) edit the tracks of cases their agency leads, filed the police report for, or
 * received at tahap II, or that were referred to it (accepted referral), and of cases whose team
 * they sit on; the case team reads it with
 * identities; coordinators and leadership of the task force read stages and counts without
 * suspects' identities; anyone else gets 404.
 */
export interface LegalAccess {
  edit: boolean;
  viewIdentity: boolean;
  /** The case team names the police agency that handles the case (until referrals carry it). */
  assignPolice: boolean;
}

export function legalAccessOf(
  actor: Actor,
  c: Pick<CaseRow, 'lead_agency_id'>,
  track: Pick<LegalTrackRow, 'police_agency_id' | 'prosecution_agency_id'> | undefined,
  caseLevel: 'full' | 'limited' | null,
  referredAccepted = false,
): LegalAccess | null {
  const lawEnforcement = actor.permissions.has('legal.manage');
  const identity = actor.permissions.has('person.identity.read');
  const agencyInvolved =
    referredAccepted ||
    [c.lead_agency_id, track?.police_agency_id, track?.prosecution_agency_id].includes(actor.agencyId);
  const assignPolice = caseLevel === 'full' && (actor.permissions.has('case.create') || lawEnforcement);
  if (lawEnforcement && agencyInvolved) return { edit: true, viewIdentity: identity, assignPolice };
  if (caseLevel === 'full') return { edit: lawEnforcement, viewIdentity: true, assignPolice };
  if (caseLevel === 'limited') return { edit: false, viewIdentity: false, assignPolice: false };
  return null;
}

/** Whether the case was referred to the actor's agency and the referral accepted (the police taking a case on). */
async function referredAccepted(db: Db, actor: Actor, caseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('referrals')
    .select('id')
    .where('case_id', '=', caseId)
    .where('to_agency_id', '=', actor.agencyId)
    .where('status', '=', 'accepted')
    .executeTakeFirst();
  return !!row;
}

export function trackOf(db: Db, caseId: string) {
  return db.selectFrom('legal_tracks').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

/** The case and its track if the actor may see the track; 404 otherwise, like a missing case. */
export async function loadLegalFor(db: Db, actor: Actor, caseId: string) {
  const row = await caseRepository.byId(db, caseId);
  if (!row) throw errors.notFound();
  const track = await trackOf(db, caseId);
  const access = legalAccessOf(
    actor,
    row,
    track,
    await caseAccess(db, actor, row),
    actor.permissions.has('legal.manage') && (await referredAccepted(db, actor, caseId)),
  );
  if (!access) throw errors.notFound();
  return { row, track, access };
}

/** As `loadLegalFor`, and the actor must be allowed to change the track. */
export async function loadLegalForWork(db: Db, actor: Actor, caseId: string) {
  const loaded = await loadLegalFor(db, actor, caseId);
  if (!loaded.access.edit) throw errors.forbidden();
  return loaded;
}
