import {
  DEFAULT_LEGAL_LIMITS,
  daysBetween,
  type LegalStage,
  legalLimitsFrom,
  type legalListQuerySchema,
  legalTrackEnded,
  restitutionOverdue,
  restitutionOwed,
} from '@sinergi/core';
import type { z } from 'zod';
import type { Actor } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { legalAssignedTo } from '../notifications/my-work-offices.js';
import { deadlineSettingsOf } from '../services/deadline-settings.service.js';
import { todayIn } from '../taskforces/taskforce.service.js';
import { money } from './legal.tables.js';
import type { Deps, Meta } from './legal-track.service.js';

const MAX_ROWS = 1000;

/**
 * Legal tracks the actor may see, by stage; `stalled`: no stage change for `stalledDays` (default
 * 60) on a track not ended; `unpaid`: granted restitution still owed past its payment deadline.
 * Stages and counts only, never identities, so oversight roles see the same list.
 */
export async function listLegalTracks(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  query: z.infer<typeof legalListQuerySchema>,
) {
  const lawEnforcement = actor.permissions.has('legal.manage');
  const oversight =
    (actor.roles.includes('coordinator') || actor.roles.includes('leadership')) && actor.taskForceId;
  const tracks = await deps.db
    .selectFrom('legal_tracks')
    .innerJoin('cases', 'cases.id', 'legal_tracks.case_id')
    .select([
      'legal_tracks.case_id',
      'legal_tracks.stage',
      'legal_tracks.stage_on',
      'legal_tracks.task_force_id',
      'cases.case_number',
    ])
    .where('legal_tracks.stage', 'is not', null)
    .where((eb) => {
      const team = eb(
        'legal_tracks.case_id',
        'in',
        eb.selectFrom('case_team').select('case_team.case_id').where('case_team.user_id', '=', actor.userId),
      );
      const ors = [team];
      if (lawEnforcement)
        ors.push(
          eb('cases.lead_agency_id', '=', actor.agencyId),
          eb('legal_tracks.police_agency_id', '=', actor.agencyId),
          eb('legal_tracks.prosecution_agency_id', '=', actor.agencyId),
        );
      if (oversight) ors.push(eb('legal_tracks.task_force_id', '=', actor.taskForceId!));
      return eb.or(ors);
    })
    .$if(!!query.stage, (q) => q.where('legal_tracks.stage', '=', query.stage!))
    .orderBy('legal_tracks.stage_on')
    .limit(MAX_ROWS)
    .execute();
  const ids = tracks.map((t) => t.case_id);
  const [suspects, restitutions] = ids.length
    ? await Promise.all([
        deps.db.selectFrom('legal_suspects').select('case_id').where('case_id', 'in', ids).execute(),
        deps.db
          .selectFrom('legal_restitutions')
          .leftJoin(
            'legal_restitution_payments',
            'legal_restitution_payments.restitution_id',
            'legal_restitutions.id',
          )
          .select([
            'legal_restitutions.id',
            'legal_restitutions.case_id',
            'legal_restitutions.granted_amount',
            'legal_restitutions.served_on',
            'legal_restitutions.replaced_by_detention',
            'legal_restitution_payments.amount',
          ])
          .where('legal_restitutions.case_id', 'in', ids)
          .execute(),
      ])
    : [[], []];
  const today = await todayIn(deps, actor.taskForceId);
  const limits = actor.taskForceId
    ? legalLimitsFrom(await deadlineSettingsOf(deps.db, actor.taskForceId))
    : DEFAULT_LEGAL_LIMITS;
  const stalledDays = query.stalledDays ?? limits.stalledDays;
  const byRestitution = new Map<
    string,
    {
      caseId: string;
      granted: number | null;
      servedOn: string | null;
      detention: boolean;
      payments: { amount: number }[];
    }
  >();
  for (const r of restitutions) {
    const entry = byRestitution.get(r.id) ?? {
      caseId: r.case_id,
      granted: money(r.granted_amount),
      servedOn: r.served_on,
      detention: r.replaced_by_detention === 1,
      payments: [],
    };
    if (r.amount !== null) entry.payments.push({ amount: money(r.amount) });
    byRestitution.set(r.id, entry);
  }
  const items = tracks.map((t) => {
    const mine = [...byRestitution.values()].filter((r) => r.caseId === t.case_id);
    return {
      caseId: t.case_id,
      caseNumber: t.case_number,
      stage: t.stage as LegalStage,
      stageOn: t.stage_on!,
      daysInStage: daysBetween(t.stage_on!, today),
      suspects: suspects.filter((s) => s.case_id === t.case_id).length,
      owed: mine.reduce((sum, r) => sum + restitutionOwed(r.granted, r.payments), 0),
      overdueRestitutions: mine.filter((r) =>
        restitutionOverdue(
          {
            grantedAmount: r.granted,
            servedOn: r.servedOn,
            payments: r.payments,
            replacedByDetention: r.detention,
            lpskAmount: null,
            indictmentAmount: null,
          },
          today,
          limits,
        ),
      ).length,
    };
  });
  const filtered =
    query.view === 'stalled'
      ? items.filter((i) => !legalTrackEnded(i.stage) && i.daysInStage >= stalledDays)
      : query.view === 'unpaid'
        ? items.filter((i) => i.overdueRestitutions > 0)
        : items;
  const byStage: Record<string, number> = {};
  for (const i of items) byStage[i.stage] = (byStage[i.stage] ?? 0) + 1;
  // Cases handed to the actor's office that have no police report yet: no stage, but its work.
  const awaiting = await legalAssignedTo(deps, actor);
  await inTransaction(deps, actor, meta, (_trx, audit) =>
    audit({ action: 'legal.list', details: { view: query.view, rows: filtered.length } }),
  );
  return { items: filtered, total: filtered.length, byStage, stalledDays, awaiting };
}
