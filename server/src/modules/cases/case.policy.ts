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

/** A WHERE condition selecting the cases the actor may see at all (for lists and searches). */
export function visibleCases(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    const onTeam = eb.exists(
      eb
        .selectFrom('case_team')
        .select('case_team.case_id')
        .whereRef('case_team.case_id', '=', 'cases.id')
        .where('case_team.user_id', '=', actor.userId),
    );
    return hasOversight(actor) ? eb.or([onTeam, eb('cases.task_force_id', '=', actor.taskForceId!)]) : onTeam;
  };
}

/** A WHERE condition selecting the cases whose identifying data the actor may see. */
export function fullAccessCases(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'cases'>) =>
    eb.exists(
      eb
        .selectFrom('case_team')
        .select('case_team.case_id')
        .whereRef('case_team.case_id', '=', 'cases.id')
        .where('case_team.user_id', '=', actor.userId),
    );
}

/** The actor's access to one case, or null. */
export async function caseAccess(
  db: Db,
  actor: Actor,
  c: { id: string; task_force_id: string },
): Promise<CaseAccess | null> {
  if (!actor.permissions.has('case.read')) return null;
  const onTeam = await db
    .selectFrom('case_team')
    .select('case_id')
    .where('case_id', '=', c.id)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (onTeam) return actor.permissions.has('person.identity.read') ? 'full' : 'limited';
  if (hasOversight(actor) && c.task_force_id === actor.taskForceId) return 'limited';
  return null;
}

/** What the actor may do with a case they can see; sent with the record so the web never re-implements rules. */
export interface CaseAbilities {
  viewIdentity: boolean;
  edit: boolean;
  transition: boolean;
  addPerson: boolean;
  screen: boolean;
  uploadDocument: boolean;
}

export function caseAbilities(actor: Actor, access: CaseAccess, stage: string): CaseAbilities {
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
  };
}
