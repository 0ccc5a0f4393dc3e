import {
  initials,
  type ReferralStatus,
  type ReferralView,
  referralActionProblem,
  type ServiceType,
} from '@sinergi/core';
import type { Actor, AppDeps } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { ReferralRow } from '../../platform/db/schema.js';
import { caseAccess } from '../cases/case.policy.js';

type Deps = Pick<AppDeps, 'cipher' | 'clock'>;
export type ReferralSide = ReferralView['side'];

/** Who the actor is to this referral, or null (then it answers 404). */
export async function referralSide(
  db: Db,
  actor: Actor,
  r: Pick<ReferralRow, 'case_id' | 'to_agency_id' | 'from_agency_id'>,
): Promise<ReferralSide | null> {
  if (
    r.to_agency_id === actor.agencyId &&
    (actor.permissions.has('service.manage') || actor.permissions.has('referral.manage'))
  )
    return 'receiver';
  const c = await db
    .selectFrom('cases')
    .select(['id', 'task_force_id'])
    .where('id', '=', r.case_id)
    .executeTakeFirst();
  if (!c) return null;
  const access = await caseAccess(db, actor, c);
  if (access === 'full') return 'sender';
  // Coordinators and leadership of the case's task force oversee it without identifying data.
  return access === 'limited' ? 'oversight' : null;
}

/** May revoke: the case team, or a coordinator of the case's task force. */
function senderMay(actor: Actor, side: ReferralSide): boolean {
  return side === 'sender' || (side === 'oversight' && actor.roles.includes('coordinator'));
}

/**
 * The referral as this side may see it. Identifying fields of the referred persons go to the case
 * team, and to the receiving agency only while the referral is accepted; after it ends the
 * receiver sees no persons at all.
 */
export async function presentReferrals(
  deps: Deps,
  db: Db,
  actor: Actor,
  rows: ReferralRow[],
  sides: Map<string, ReferralSide>,
  opts: { identity: boolean },
): Promise<ReferralView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const agencyIds = [...new Set(rows.flatMap((r) => [r.from_agency_id, r.to_agency_id]))];
  const userIds = [
    ...new Set(rows.flatMap((r) => [r.assigned_user_id, r.consent_override_by]).filter((v) => v !== null)),
  ];
  const [agencies, cases, persons, users] = await Promise.all([
    db
      .selectFrom('agencies')
      .select(['id', 'short_name', 'task_force_id'])
      .where('id', 'in', agencyIds)
      .execute(),
    db
      .selectFrom('cases')
      .select(['id', 'case_number'])
      .where(
        'id',
        'in',
        rows.map((r) => r.case_id),
      )
      .execute(),
    db
      .selectFrom('referral_persons')
      .innerJoin('persons', 'persons.id', 'referral_persons.person_id')
      .select([
        'referral_persons.referral_id',
        'persons.id',
        'persons.full_name_enc',
        'persons.sex',
        'persons.age_at_incident',
        'persons.estimated_age',
        'persons.is_child',
        'persons.phone_enc',
      ])
      .where('referral_persons.referral_id', 'in', ids)
      .execute(),
    userIds.length
      ? db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()
      : Promise.resolve([]),
  ]);
  const now = deps.clock.now().toISOString();
  return rows.map((r) => {
    const side = sides.get(r.id)!;
    const status = r.status as ReferralStatus;
    const open = status === 'pending' || status === 'accepted';
    const showPersons = side !== 'receiver' || open;
    const names =
      opts.identity &&
      actor.permissions.has('person.identity.read') &&
      (side === 'sender' || (side === 'receiver' && status === 'accepted'));
    const from = agencies.find((a) => a.id === r.from_agency_id);
    const to = agencies.find((a) => a.id === r.to_agency_id);
    const seesText = side !== 'oversight' || actor.roles.includes('coordinator');
    const may = (a: 'accept' | 'decline' | 'complete' | 'revoke') =>
      referralActionProblem(
        status,
        a,
        side === 'receiver' ? 'receiver' : senderMay(actor, side) ? 'sender' : 'other',
      ) === null;
    return {
      id: r.id,
      caseId: r.case_id,
      caseNumber: cases.find((c) => c.id === r.case_id)?.case_number ?? '',
      fromAgencyId: r.from_agency_id,
      fromAgency: from?.short_name ?? '',
      toAgencyId: r.to_agency_id,
      toAgency: to?.short_name ?? '',
      crossTaskForce: r.from_task_force_id !== r.to_task_force_id,
      status,
      services: r.services.split(',').filter(Boolean) as ServiceType[],
      reason: r.reason as ReferralView['reason'],
      urgency: r.urgency as ReferralView['urgency'],
      details: seesText && showPersons ? deps.cipher.decryptNullable(r.details_enc) : null,
      persons: showPersons
        ? persons
            .filter((p) => p.referral_id === r.id)
            .map((p) => {
              const name = deps.cipher.decrypt(p.full_name_enc);
              return {
                id: p.id,
                initials: initials(name),
                fullName: names ? name : null,
                sex: p.sex,
                ageYears: p.age_at_incident ?? p.estimated_age ?? null,
                isChild: p.is_child === 1,
                phone: names ? deps.cipher.decryptNullable(p.phone_enc) : null,
              };
            })
        : [],
      consentOverride: r.consent_override_by
        ? {
            reason:
              side !== 'receiver' && seesText ? deps.cipher.decryptNullable(r.consent_override_enc) : null,
            by: users.find((u) => u.id === r.consent_override_by)?.display_name ?? '',
          }
        : null,
      sentAt: r.sent_at,
      responseDueAt: r.response_due_at,
      overdue: status === 'pending' && r.response_due_at < now,
      respondedAt: r.responded_at,
      closedAt: r.closed_at,
      assignedUserId: r.assigned_user_id,
      assignedUser: users.find((u) => u.id === r.assigned_user_id)?.display_name ?? null,
      answerReason: seesText ? deps.cipher.decryptNullable(r.answer_reason_enc) : null,
      outcome: seesText ? deps.cipher.decryptNullable(r.outcome_enc) : null,
      version: r.version,
      side,
      abilities: {
        accept: may('accept'),
        decline: may('decline'),
        complete: may('complete'),
        revoke: may('revoke'),
        recordService:
          side === 'receiver' && status === 'accepted' && actor.permissions.has('service.manage'),
      },
    };
  });
}
