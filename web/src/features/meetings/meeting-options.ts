import type { Meeting, MeetingInput } from '@sinergi/core';
import { useSessionInfo } from '../../app/session';
import { usePlans, usePlanTree } from '../plans/plan.api';
import { useMembership } from '../taskforces/membership.api';

/** Member agencies and the current RAD's activities, as select options. */
export function useMeetingOptions() {
  const session = useSessionInfo();
  const membership = useMembership(session.taskForce?.id ?? null);
  const plans = usePlans();
  const tree = usePlanTree(plans.data?.[0]?.id ?? null, null);
  const agencies = (membership.data?.members ?? []).map((m) => ({
    value: m.agencyId,
    label: m.agencyShortName,
  }));
  const activities = (tree.data?.programmes ?? []).flatMap((p) =>
    p.activities.map((a) => ({ value: a.id, label: a.title })),
  );
  return { agencies, activities };
}

/** A meeting as the input that would write it again (to add to it and save). */
export function meetingToInput(m: Meeting): MeetingInput {
  return {
    type: m.type,
    title: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.place,
    onlineLink: m.onlineLink,
    chair: m.chair,
    minuteTaker: m.minuteTaker,
    invitedAgencyIds: m.invitedAgencyIds,
    invitedPeople: m.invitedPeople,
    agenda: m.agenda,
    attendees: m.attendees.map(({ agencyShortName: _name, ...a }) => a),
    minutes: m.minutes,
    decisions: m.decisions,
  };
}
