import { type AgendaPack, periodOfMonth, type SecretariatOverview } from '@sinergi/core';
import type { Actor, AppDeps } from '../../platform/context.js';
import { errors } from '../../platform/errors.js';
import { missingReports } from '../plans/progress.service.js';
import { presentAction } from './meeting.presenter.js';
import * as repo from './meeting.repository.js';
import { meetingFor, todayFor } from './meeting.service.js';

/** Without an earlier meeting the pack looks this far back. */
const DEFAULT_LOOKBACK_DAYS = 90;

/**
 * What the members bring to a meeting: progress reports filed since the previous meeting (their
 * achievements, obstacles and the interventions asked for) and the actions of earlier meetings
 * still open. Built from plan and meeting data only: it never reads a case or a person.
 */
export async function agendaPack(
  deps: Pick<AppDeps, 'db' | 'clock' | 'cipher'>,
  actor: Actor,
  meetingId: string,
): Promise<AgendaPack> {
  const m = await meetingFor(deps, actor, meetingId);
  const { today } = await todayFor(deps, m.task_force_id);
  const previous = await repo.previousMeeting(deps.db, deps.cipher, m.task_force_id, m.starts_at);
  const from =
    previous?.starts_at ??
    new Date(Date.parse(m.starts_at) - DEFAULT_LOOKBACK_DAYS * 86_400_000).toISOString();
  const [reports, open] = await Promise.all([
    repo.reportsFiledBetween(deps.db, m.task_force_id, from, m.starts_at),
    repo.openActions(deps.db, deps.cipher, m.task_force_id, { meetingsBefore: m.starts_at }),
  ]);
  return {
    meetingId: m.id,
    from,
    to: m.starts_at,
    previousMeeting: previous
      ? { id: previous.id, title: previous.title, startsAt: previous.starts_at }
      : null,
    reports: reports.map((r) => ({
      activityId: r.activity_id,
      activityTitle: r.title,
      agencyShortName: r.short_name,
      year: r.year,
      period: r.period,
      periodKind: r.period_kind,
      achievement: r.achievement,
      obstacles: r.obstacles,
      intervention: r.intervention,
      interventionAgencyShortName: r.intervention_short_name ?? null,
      filedAt: r.created_at,
    })),
    openActions: open.map((a) => presentAction(actor, a, today)),
  };
}

/** The secretariat's overview: reports missing for the period under way, overdue actions, next meeting. */
export async function secretariatOverview(
  deps: Pick<AppDeps, 'db' | 'clock' | 'cipher'>,
  actor: Actor,
): Promise<SecretariatOverview> {
  const tf = actor.taskForceId;
  if (!tf || !actor.permissions.has('meeting.manage')) throw errors.forbidden();
  const { today } = await todayFor(deps, tf);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const plan = await deps.db
    .selectFrom('plans')
    .selectAll()
    .where('task_force_id', '=', tf)
    .where('start_year', '<=', year)
    .where('end_year', '>=', year)
    .orderBy('start_year', 'desc')
    .executeTakeFirst();
  const period = plan ? periodOfMonth(plan.period_kind, month) : 0;
  const missing = plan ? await missingReports(deps, actor, plan.id, year, period) : [];
  const overdue = await repo.openActions(deps.db, deps.cipher, tf, { dueBefore: today });
  const next = await repo.nextMeeting(deps.db, deps.cipher, tf, deps.clock.now().toISOString());
  let nextSummary: SecretariatOverview['nextMeeting'] = null;
  if (next) {
    const open = await repo.openActions(deps.db, deps.cipher, tf, {});
    const mine = open.filter((a) => a.meeting_id === next.id);
    nextSummary = {
      id: next.id,
      type: next.type,
      title: next.title,
      startsAt: next.starts_at,
      place: next.place,
      onlineLink: next.online_link,
      actionsOpen: mine.length,
      actionsOverdue: mine.filter((a) => a.due_date < today).length,
    };
  }
  return {
    plan: plan ? { id: plan.id, title: plan.title, year, period, periodKind: plan.period_kind } : null,
    missingReports: missing,
    overdueActions: overdue.map((a) => presentAction(actor, a, today)),
    nextMeeting: nextSummary,
  };
}
