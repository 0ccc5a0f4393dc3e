import {
  childRequirementsOverdue,
  type LegalLimits,
  legalLimitsFrom,
  restitutionOverdue,
} from '@sinergi/core';
import type { AppDeps } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { deadlineSettingsOf } from '../services/deadline-settings.service.js';
import { todayIn } from '../taskforces/taskforce.service.js';
import {
  deliverPending,
  type NotificationInput,
  notifyUsers,
  serviceWorkersOf,
} from './notification.service.js';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What one pass found overdue and announced (each item once per user, ever). */
export interface DeadlineWatchResult {
  referrals: number;
  services: number;
  followUps: number;
  firstResponses: number;
  restitutions: number;
  childRequirements: number;
}

/** Active members of a case's team. */
async function caseTeam(db: Db, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_team')
    .innerJoin('users', 'users.id', 'case_team.user_id')
    .select('users.id')
    .where('case_team.case_id', '=', caseId)
    .where('users.active', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * One pass of the deadline watch: every referral not answered in time, service past its due date,
 * follow-up visit not made, case without a first response and restitution unpaid after the payment
 * deadline is announced to the people who must act, whether or not anyone opens a page. The
 * notification's key makes each announcement happen once per user, so several server instances
 * may run the watch at the same time without announcing twice.
 */
export async function watchDeadlines(deps: Deps): Promise<DeadlineWatchResult> {
  const { db } = deps;
  const now = deps.clock.now().toISOString();
  const workers = new Map<string, Promise<string[]>>();
  const workersOf = (agencyId: string) => {
    let found = workers.get(agencyId);
    if (!found) {
      found = serviceWorkersOf(db, agencyId);
      workers.set(agencyId, found);
    }
    return found;
  };
  const announce = (userIds: string[], n: NotificationInput) => notifyUsers(db, deps, userIds, n);

  const referrals = await db
    .selectFrom('referrals')
    .innerJoin('cases', 'cases.id', 'referrals.case_id')
    .select(['referrals.id', 'referrals.case_id', 'referrals.to_agency_id', 'cases.case_number'])
    .where('referrals.status', '=', 'pending')
    .where('referrals.response_due_at', '<', now)
    .execute();
  for (const r of referrals) {
    const n = {
      kind: 'referral_overdue',
      caseId: r.case_id,
      caseNumber: r.case_number,
      referralId: r.id,
      dedupeKey: `referral_overdue:${r.id}`,
    };
    // The receiver must answer; the sender's case team must chase it or refer elsewhere.
    await announce([...(await workersOf(r.to_agency_id)), ...(await caseTeam(db, r.case_id))], n);
  }

  const services = await db
    .selectFrom('services')
    .innerJoin('cases', 'cases.id', 'services.case_id')
    .leftJoin('referrals', 'referrals.id', 'services.referral_id')
    .select(['services.id', 'services.case_id', 'services.provider_agency_id', 'cases.case_number'])
    .where('services.status', 'in', ['accepted', 'in_progress'])
    .where('services.due_at', '<', now)
    .where((eb) => eb.or([eb('services.referral_id', 'is', null), eb('referrals.status', '=', 'accepted')]))
    .execute();
  for (const s of services) {
    await announce(await workersOf(s.provider_agency_id), {
      kind: 'service_overdue',
      caseId: s.case_id,
      caseNumber: s.case_number,
      referralId: null,
      dedupeKey: `service_overdue:${s.id}`,
    });
  }

  // Dates without a time fall due at the end of the task force's day.
  const todayByTaskForce = new Map<string, string>();
  const todayOf = async (taskForceId: string) => {
    let today = todayByTaskForce.get(taskForceId);
    if (!today) {
      today = await todayIn(deps, taskForceId);
      todayByTaskForce.set(taskForceId, today);
    }
    return today;
  };

  const visits = await db
    .selectFrom('follow_up_visits')
    .innerJoin('cases', 'cases.id', 'follow_up_visits.case_id')
    .select([
      'follow_up_visits.id',
      'follow_up_visits.case_id',
      'follow_up_visits.provider_agency_id',
      'follow_up_visits.due_date',
      'cases.case_number',
      'cases.task_force_id',
    ])
    .where('follow_up_visits.visited_on', 'is', null)
    .where('follow_up_visits.due_date', '<', now.slice(0, 10))
    .execute();
  let followUps = 0;
  for (const f of visits) {
    if (f.due_date >= (await todayOf(f.task_force_id))) continue;
    followUps += 1;
    await announce(await workersOf(f.provider_agency_id), {
      kind: 'follow_up_overdue',
      caseId: f.case_id,
      caseNumber: f.case_number,
      referralId: null,
      dedupeKey: `follow_up_overdue:${f.id}`,
    });
  }

  const waiting = await db
    .selectFrom('cases')
    .select(['id', 'case_number'])
    .where('first_response_at', 'is', null)
    .where('stage', '!=', 'closed')
    .where('first_response_due_at', '<', now)
    .execute();
  for (const c of waiting) {
    await announce(await caseTeam(db, c.id), {
      kind: 'first_response_overdue',
      caseId: c.id,
      caseNumber: c.case_number,
      referralId: null,
      dedupeKey: `first_response_overdue:${c.id}`,
    });
  }

  const granted = await db
    .selectFrom('legal_restitutions')
    .innerJoin('cases', 'cases.id', 'legal_restitutions.case_id')
    .select([
      'legal_restitutions.id',
      'legal_restitutions.case_id',
      'legal_restitutions.lpsk_amount',
      'legal_restitutions.indictment_amount',
      'legal_restitutions.granted_amount',
      'legal_restitutions.served_on',
      'legal_restitutions.replaced_by_detention',
      'cases.case_number',
      'cases.task_force_id',
    ])
    .where('legal_restitutions.granted_amount', 'is not', null)
    .where('legal_restitutions.served_on', 'is not', null)
    .where('legal_restitutions.replaced_by_detention', '=', 0)
    .execute();
  const limitsByTaskForce = new Map<string, LegalLimits>();
  const limitsOf = async (taskForceId: string) => {
    let limits = limitsByTaskForce.get(taskForceId);
    if (!limits) {
      limits = legalLimitsFrom(await deadlineSettingsOf(db, taskForceId));
      limitsByTaskForce.set(taskForceId, limits);
    }
    return limits;
  };
  let restitutions = 0;
  for (const r of granted) {
    const payments = await db
      .selectFrom('legal_restitution_payments')
      .select('amount')
      .where('restitution_id', '=', r.id)
      .execute();
    const facts = {
      lpskAmount: r.lpsk_amount === null ? null : Number(r.lpsk_amount),
      indictmentAmount: r.indictment_amount === null ? null : Number(r.indictment_amount),
      grantedAmount: Number(r.granted_amount),
      replacedByDetention: false,
      servedOn: r.served_on,
      payments: payments.map((p) => ({ amount: Number(p.amount) })),
    };
    if (!restitutionOverdue(facts, await todayOf(r.task_force_id), await limitsOf(r.task_force_id))) continue;
    restitutions += 1;
    await announce(await caseTeam(db, r.case_id), {
      kind: 'restitution_overdue',
      caseId: r.case_id,
      caseNumber: r.case_number,
      referralId: null,
      dedupeKey: `restitution_overdue:${r.id}`,
    });
  }

  // A child victim's applicant told what is missing must complete it in time (PP 43/2017).
  const applications = await db
    .selectFrom('legal_restitutions')
    .innerJoin('cases', 'cases.id', 'legal_restitutions.case_id')
    .innerJoin('persons', 'persons.id', 'legal_restitutions.victim_person_id')
    .select([
      'legal_restitutions.id',
      'legal_restitutions.case_id',
      'legal_restitutions.requirements_notice_on',
      'cases.case_number',
      'cases.task_force_id',
    ])
    .where('legal_restitutions.requirements_notice_on', 'is not', null)
    .where('legal_restitutions.requirements_completed_on', 'is', null)
    .where('persons.is_child', '=', 1)
    .execute();
  let childRequirements = 0;
  for (const a of applications) {
    const late = childRequirementsOverdue(
      { noticeOn: a.requirements_notice_on, completedOn: null },
      await todayOf(a.task_force_id),
      await limitsOf(a.task_force_id),
    );
    if (!late) continue;
    childRequirements += 1;
    await announce(await caseTeam(db, a.case_id), {
      kind: 'restitution_requirements_overdue',
      caseId: a.case_id,
      caseNumber: a.case_number,
      referralId: null,
      dedupeKey: `restitution_requirements_overdue:${a.id}`,
    });
  }

  await deliverPending(deps);
  return {
    referrals: referrals.length,
    services: services.length,
    followUps,
    firstResponses: waiting.length,
    restitutions,
    childRequirements,
  };
}

/** Runs the watch every DEADLINE_WATCH_MINUTES (first pass shortly after start); answers a stop function. */
export function scheduleDeadlineWatch(deps: Deps, log: Log): () => void {
  const minutes = deps.config.DEADLINE_WATCH_MINUTES;
  if (minutes === 0) return () => {};
  const tick = () =>
    void watchDeadlines(deps).then(
      (found) => log.info(found, 'deadline watch'),
      (err: unknown) =>
        log.error({ err: err instanceof Error ? err.message : String(err) }, 'deadline watch failed'),
    );
  const first = setTimeout(tick, 30_000);
  const every = setInterval(tick, minutes * 60_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
