import { type Attendee, daysOverdue, type Meeting, type MeetingAction } from '@sinergi/core';
import type { Actor } from '../../platform/context.js';
import { canManageMeeting, canUpdateAction } from './meeting.policy.js';
import type { ActionRow, MeetingRow } from './meeting.repository.js';

/** What a meeting action looks like to the caller, with what the caller may do with it. */
export function presentAction(actor: Actor, a: ActionRow, today: string): MeetingAction {
  const late = daysOverdue(a.status, a.due_date, today);
  return {
    id: a.id,
    meetingId: a.meeting_id,
    meetingTitle: a.meeting_title,
    meetingStartsAt: a.meeting_starts_at,
    description: a.description,
    ownerAgencyId: a.owner_agency_id,
    ownerAgencyShortName: a.owner_short_name,
    dueDate: a.due_date,
    activityId: a.activity_id,
    status: a.status,
    statusNote: a.status_note,
    overdue: late > 0,
    daysOverdue: late,
    can: { update: canUpdateAction(actor, a) },
    version: a.version,
  };
}

/** The whole meeting record. Lists only the fields named here; nothing else leaves. */
export function presentMeeting(
  actor: Actor,
  m: MeetingRow,
  ctx: { timeZone: string; actions: ActionRow[]; agencyNames: Map<string, string>; today: string },
): Meeting {
  const attendees = JSON.parse(m.attendees) as Attendee[];
  return {
    id: m.id,
    type: m.type,
    title: m.title,
    startsAt: m.starts_at,
    endsAt: m.ends_at,
    timeZone: ctx.timeZone,
    place: m.place,
    onlineLink: m.online_link,
    chair: m.chair,
    minuteTaker: m.minute_taker,
    invitedAgencyIds: JSON.parse(m.invited_agency_ids) as string[],
    invitedPeople: m.invited_people,
    agenda: JSON.parse(m.agenda),
    attendees: attendees.map((a) => ({
      ...a,
      agencyShortName: a.agencyId ? (ctx.agencyNames.get(a.agencyId) ?? null) : null,
    })),
    minutes: m.minutes,
    decisions: JSON.parse(m.decisions) as string[],
    actions: ctx.actions.map((a) => presentAction(actor, a, ctx.today)),
    invitationNumber: m.invitation_number ?? null,
    can: { manage: canManageMeeting(actor, m) },
    version: m.version,
  };
}
