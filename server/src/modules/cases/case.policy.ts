import type { ExpressionBuilder } from 'kysely';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';

/**
 * The one access check for case records. `full`: the case team (later also agencies with an
 * accepted referral), who see identifying data; `limited`: coordinators and leadership of the
 * case's task force, who see non-identifying fields. Anyone else gets nothing, and the API answers
 * 404 as if the case did not exist.
 */
export type CaseAccess = 'full' | 'limited';

const OVERSIGHT_ROLES = ['coordinator', 'leadership'] as const;

function hasOversight(actor: Actor): boolean {
  return (
    actor.roles.some((r) => (OVERSIGHT_ROLES as readonly string[]).includes(r)) && actor.taskForceId !== null
  );
}

/**
 * How an actor's visible cases are selected: through their case-team rows, through their task
 * force (oversight), or both when they also sit on a team of a case of another task force.
 * Deciding this once per request lets each list use an index instead of a per-row test.
 */
export type Visibility =
  | { mode: 'team'; userId: string }
  | { mode: 'taskforce'; taskForceId: string }
  | { mode: 'taskforce_or_team'; taskForceId: string; userId: string };

export async function visibilityOf(db: Db, actor: Actor): Promise<Visibility> {
  if (!hasOversight(actor)) return { mode: 'team', userId: actor.userId };
  const outside = await db
    .selectFrom('case_team')
    .innerJoin('cases', 'cases.id', 'case_team.case_id')
    .select('cases.id')
    .where('case_team.user_id', '=', actor.userId)
    .where('cases.task_force_id', '!=', actor.taskForceId!)
    .limit(1)
    .executeTakeFirst();
  return outside
    ? { mode: 'taskforce_or_team', taskForceId: actor.taskForceId!, userId: actor.userId }
    : { mode: 'taskforce', taskForceId: actor.taskForceId! };
}

/** A WHERE condition selecting the visible cases (for lists and searches). */
export function visibleCases(v: Visibility) {
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    const team = () =>
      eb(
        'cases.id',
        'in',
        eb
          .selectFrom('case_team')
          .select('case_team.case_id')
          .where('case_team.user_id', '=', v.mode === 'taskforce' ? '' : v.userId),
      );
    if (v.mode === 'team') return team();
    if (v.mode === 'taskforce') return eb('cases.task_force_id', '=', v.taskForceId);
    return eb.or([eb('cases.task_force_id', '=', v.taskForceId), team()]);
  };
}

/** The access level from team membership, for a case already known to be visible. */
export function accessFromTeam(actor: Actor, onTeam: boolean): CaseAccess {
  return onTeam && actor.permissions.has('person.identity.read') ? 'full' : 'limited';
}

/** The actor's access to one case, or null. */
export async function caseAccess(
  db: Db,
  actor: Actor,
  c: { id: string; task_force_id: string },
  now: Date = new Date(),
): Promise<CaseAccess | null> {
  if (!actor.permissions.has('case.read')) return null;
  const onTeam = await db
    .selectFrom('case_team')
    .select('case_id')
    .where('case_id', '=', c.id)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (onTeam) return actor.permissions.has('person.identity.read') ? 'full' : 'limited';
  // Break-glass: a coordinator who stated a reason sees the case in full until the grant expires.
  if (actor.permissions.has('case.break_glass')) {
    const grant = await db
      .selectFrom('case_access_grants')
      .select('id')
      .where('case_id', '=', c.id)
      .where('user_id', '=', actor.userId)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    if (grant) return 'full';
  }
  if (hasOversight(actor) && c.task_force_id === actor.taskForceId) return 'limited';
  return null;
}

/**
 * Access through referrals, the one extension of the case check for other agencies: a worker of the
 * receiving agency sees, while a referral is open (pending or accepted), only the persons it names
 * and never the rest of the case (which answers 404); after it is declined, completed or revoked
 * only the agency's own service records stay readable. Returns null when the actor has no
 * referral on the case.
 */
export interface ReferralScope {
  /** referrals to the actor's agency on this case, any status */
  referralIds: string[];
  /** persons named by an open referral to the actor's agency */
  openPersonIds: Set<string>;
  /** persons named by an accepted referral (identifying fields for the service) */
  acceptedPersonIds: Set<string>;
}

export async function referralScope(db: Db, actor: Actor, caseId: string): Promise<ReferralScope | null> {
  if (!actor.permissions.has('service.manage') && !actor.permissions.has('referral.manage')) return null;
  const rows = await db
    .selectFrom('referrals')
    .leftJoin('referral_persons', 'referral_persons.referral_id', 'referrals.id')
    .select(['referrals.id', 'referrals.status', 'referral_persons.person_id'])
    .where('referrals.case_id', '=', caseId)
    .where('referrals.to_agency_id', '=', actor.agencyId)
    .execute();
  if (rows.length === 0) return null;
  const scope: ReferralScope = {
    referralIds: [...new Set(rows.map((r) => r.id))],
    openPersonIds: new Set(),
    acceptedPersonIds: new Set(),
  };
  for (const r of rows) {
    if (!r.person_id) continue;
    if (r.status === 'pending' || r.status === 'accepted') scope.openPersonIds.add(r.person_id);
    if (r.status === 'accepted') scope.acceptedPersonIds.add(r.person_id);
  }
  return scope;
}

/** What the actor may do with a case they can see; sent with the record so the web never re-implements rules. */
export interface CaseAbilities {
  viewIdentity: boolean;
  edit: boolean;
  transition: boolean;
  addPerson: boolean;
  screen: boolean;
  uploadDocument: boolean;
  erasePerson: boolean;
}

export function caseAbilities(
  actor: Actor,
  access: CaseAccess,
  stage: string,
  /** on the case team (not in through an emergency opening) */
  onTeam = false,
): CaseAbilities {
  const full = access === 'full';
  const open = stage !== 'closed';
  const worker =
    actor.permissions.has('case.create') ||
    actor.permissions.has('service.manage') ||
    actor.permissions.has('legal.manage');
  return {
    viewIdentity: full,
    edit: full && worker && open,
    transition: full && worker,
    addPerson: full && worker && open,
    screen: full && worker && open,
    uploadDocument: full && worker && open,
    // Irreversible: for the team's coordinators, not for someone in through break-glass.
    erasePerson: full && onTeam && actor.permissions.has('person.erase'),
  };
}
