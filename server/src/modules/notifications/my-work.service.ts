import type { MyWork } from '@sinergi/core';
import type { Actor, AppDeps } from '../../platform/context.js';
import type { ReferralRow } from '../../platform/db/schema.js';
import { agencyOpenActions } from '../meetings/meeting.service.js';
import { presentReferrals, type ReferralSide } from '../referrals/referral.presenter.js';
import { documentsOfServices, presentService } from '../services/service.presenter.js';
import { todayIn } from '../taskforces/taskforce.service.js';
import { legalAssignedTo, radReportsDue } from './my-work-offices.js';
import { deliverPending, notifyUsers } from './notification.service.js';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'cipher' | 'config'>;

/**
 * "Tugas saya": referrals waiting for the agency's answer (and its own referrals not answered in
 * time), open services the agency provides, and the caller's cases without a first response.
 * Overdue referrals are announced once per user as they are found.
 */
export async function myWork(deps: Deps, actor: Actor): Promise<MyWork> {
  const now = deps.clock.now().toISOString();
  const receives = actor.permissions.has('service.manage') || actor.permissions.has('referral.manage');
  const incoming: ReferralRow[] = receives
    ? await deps.db
        .selectFrom('referrals')
        .selectAll()
        .where('to_agency_id', '=', actor.agencyId)
        .where('status', '=', 'pending')
        .orderBy('response_due_at')
        .limit(100)
        .execute()
    : [];
  const outgoingLate: ReferralRow[] = actor.permissions.has('referral.manage')
    ? await deps.db
        .selectFrom('referrals')
        .selectAll()
        .where('from_agency_id', '=', actor.agencyId)
        .where('status', '=', 'pending')
        .where('response_due_at', '<', now)
        .where('case_id', 'in', (eb) =>
          eb.selectFrom('case_team').select('case_id').where('user_id', '=', actor.userId),
        )
        .orderBy('response_due_at')
        .limit(100)
        .execute()
    : [];
  const sides = new Map<string, ReferralSide>([
    ...incoming.map((r) => [r.id, 'receiver'] as const),
    ...outgoingLate.map((r) => [r.id, 'sender'] as const),
  ]);
  const referrals = await presentReferrals(deps, deps.db, actor, [...incoming, ...outgoingLate], sides, {
    identity: false,
  });
  const overdue = referrals.filter((r) => r.overdue);
  for (const r of overdue) {
    await notifyUsers(deps.db, deps, [actor.userId], {
      kind: 'referral_overdue',
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      referralId: r.id,
      dedupeKey: `referral_overdue:${r.id}`,
    });
  }
  if (overdue.length) await deliverPending(deps);

  const services = actor.permissions.has('service.manage')
    ? await deps.db
        .selectFrom('services')
        .innerJoin('agencies', 'agencies.id', 'services.provider_agency_id')
        .innerJoin('persons', 'persons.id', 'services.person_id')
        .innerJoin('cases', 'cases.id', 'services.case_id')
        .leftJoin('referrals', 'referrals.id', 'services.referral_id')
        .selectAll('services')
        .select(['agencies.short_name', 'persons.full_name_enc', 'cases.case_number'])
        .where('services.provider_agency_id', '=', actor.agencyId)
        .where('services.status', 'in', ['accepted', 'in_progress'])
        .where((eb) =>
          eb.or([eb('services.referral_id', 'is', null), eb('referrals.status', '=', 'accepted')]),
        )
        .orderBy('services.due_at')
        .limit(100)
        .execute()
    : [];
  const serviceDocuments = await documentsOfServices(
    deps.db,
    services.map((s) => s.id),
  );
  const serviceViews = services.map((s) => ({
    ...presentService(deps, s, {
      personName: deps.cipher.decrypt(s.full_name_enc),
      providerAgency: s.short_name,
      showText: false,
      changeStatus: true,
      documents: serviceDocuments,
    }),
    caseNumber: s.case_number,
  }));
  const cases = await deps.db
    .selectFrom('cases')
    .innerJoin('case_team', 'case_team.case_id', 'cases.id')
    .select(['cases.id', 'cases.case_number', 'cases.first_response_due_at', 'cases.risk'])
    .where('case_team.user_id', '=', actor.userId)
    .where('cases.first_response_at', 'is', null)
    .where('cases.stage', '!=', 'closed')
    .orderBy('cases.first_response_due_at')
    .limit(100)
    .execute();
  const unread = await deps.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  const today = now.slice(0, 10);
  const soon = new Date(deps.clock.now().getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
  const followUps = actor.permissions.has('service.manage')
    ? await deps.db
        .selectFrom('follow_up_visits')
        .innerJoin('cases', 'cases.id', 'follow_up_visits.case_id')
        .select([
          'follow_up_visits.id',
          'follow_up_visits.case_id',
          'cases.case_number',
          'follow_up_visits.month',
          'follow_up_visits.due_date',
          'follow_up_visits.version',
        ])
        .where('follow_up_visits.provider_agency_id', '=', actor.agencyId)
        .where('follow_up_visits.visited_on', 'is', null)
        .where('follow_up_visits.due_date', '<=', soon)
        .orderBy('follow_up_visits.due_date')
        .limit(100)
        .execute()
    : [];
  const actions = await deps.db
    .selectFrom('conference_actions')
    .innerJoin('cases', 'cases.id', 'conference_actions.case_id')
    .select([
      'conference_actions.id',
      'conference_actions.case_id',
      'cases.case_number',
      'conference_actions.description_enc',
      'conference_actions.due_date',
      'conference_actions.version',
    ])
    .where('conference_actions.owner_agency_id', '=', actor.agencyId)
    .where('conference_actions.done_at', 'is', null)
    .orderBy('conference_actions.due_date')
    .limit(100)
    .execute();
  // Overdue services and follow-up visits are announced once per user, like overdue referrals.
  const lateItems = [
    ...serviceViews
      .filter((v) => v.overdue)
      .map((v) => ({ kind: 'service_overdue', caseId: v.caseId, caseNumber: v.caseNumber, key: v.id })),
    ...followUps
      .filter((f) => f.due_date < today)
      .map((f) => ({ kind: 'follow_up_overdue', caseId: f.case_id, caseNumber: f.case_number, key: f.id })),
  ];
  for (const l of lateItems) {
    await notifyUsers(deps.db, deps, [actor.userId], {
      kind: l.kind,
      caseId: l.caseId,
      caseNumber: l.caseNumber,
      referralId: null,
      dedupeKey: `${l.kind}:${l.key}`,
    });
  }
  if (lateItems.length) await deliverPending(deps);
  const meetingActions = actor.permissions.has('plan.report') ? await agencyOpenActions(deps, actor) : [];
  const legalAssigned = await legalAssignedTo(deps, actor);
  const radReports = await radReportsDue(deps, actor, await todayIn(deps, actor.taskForceId));
  const counts = {
    referralsWaiting: incoming.length,
    referralsOverdue: overdue.length,
    servicesDue: serviceViews.length,
    servicesOverdue: serviceViews.filter((s) => s.overdue).length,
    casesWithoutResponse: cases.length,
    followUpsDue: followUps.length,
    actionsOpen: actions.length,
    meetingActionsOpen: meetingActions.length,
    meetingActionsOverdue: meetingActions.filter((a) => a.overdue).length,
    notificationsUnread: Number(unread?.n ?? 0),
    legalAssigned: legalAssigned.length,
    radReportsDue: radReports.length,
    radReportsOverdue: radReports.filter((r) => r.overdue).length,
    total: 0,
  };
  counts.total =
    incoming.length +
    outgoingLate.length +
    serviceViews.length +
    cases.length +
    followUps.length +
    actions.length +
    meetingActions.length +
    legalAssigned.length +
    radReports.length;
  return {
    counts,
    referrals,
    services: serviceViews,
    cases: cases.map((c) => ({
      id: c.id,
      caseNumber: c.case_number,
      dueAt: c.first_response_due_at,
      overdue: c.first_response_due_at < now,
      risk: c.risk,
    })),
    followUps: followUps.map((f) => ({
      id: f.id,
      caseId: f.case_id,
      caseNumber: f.case_number,
      month: f.month,
      dueDate: f.due_date,
      overdue: f.due_date < today,
      version: f.version,
    })),
    actions: actions.map((a) => ({
      id: a.id,
      caseId: a.case_id,
      caseNumber: a.case_number,
      description: deps.cipher.decrypt(a.description_enc),
      dueDate: a.due_date,
      overdue: a.due_date < today,
      version: a.version,
    })),
    meetingActions,
    legalAssigned,
    radReports,
  };
}
