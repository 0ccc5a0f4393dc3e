/** The service track of a case (domain §7): stages, allowed moves and their guards. Used by server and web. */

export const CASE_STAGES = [
  'reported',
  'screening',
  'not_tppo',
  'referred_elsewhere',
  'identified',
  'assessment',
  'service_plan',
  'in_services',
  'repatriation',
  'reintegration',
  'monitoring',
  'closed',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Moves a case manager may declare, besides closing (any open stage) and reopening (closed). */
const TRANSITIONS: Record<CaseStage, readonly CaseStage[]> = {
  reported: ['screening'],
  screening: ['identified', 'not_tppo', 'assessment'],
  // A migrant worker in trouble who is not a trafficking victim still receives the task force's services.
  not_tppo: ['referred_elsewhere', 'screening', 'assessment'],
  referred_elsewhere: [],
  identified: ['assessment'],
  assessment: ['service_plan', 'screening'],
  service_plan: ['in_services', 'assessment'],
  in_services: ['repatriation', 'reintegration', 'monitoring', 'service_plan'],
  repatriation: ['reintegration', 'in_services'],
  reintegration: ['monitoring', 'in_services'],
  monitoring: ['reintegration'],
  closed: [],
};

export type ScreeningResult = 'identified' | 'potential' | 'not_tppo';

export interface TransitionContext {
  /** The result of the latest confirmed screening, if any. */
  latestScreening: ScreeningResult | null;
  reason?: string | null;
  /** The stage a closed case was in before closing. */
  stageBeforeClose?: CaseStage | null;
}

export type TransitionProblem =
  | 'transition_not_allowed'
  | 'screening_required'
  | 'screening_not_identified'
  | 'screening_not_negative'
  | 'screening_not_potential'
  | 'reason_required';

/** Stages a case may move to from `from` (closing and reopening included). */
export function nextStages(from: CaseStage): (CaseStage | 'reopen')[] {
  if (from === 'closed') return ['reopen'];
  return [...TRANSITIONS[from], 'closed'];
}

/** Why a move is refused, or null when it is allowed. */
export function transitionProblem(
  from: CaseStage,
  to: CaseStage | 'reopen',
  ctx: TransitionContext,
): TransitionProblem | null {
  const hasReason = !!ctx.reason && ctx.reason.trim().length >= 3;
  if (to === 'reopen') {
    if (from !== 'closed') return 'transition_not_allowed';
    return hasReason ? null : 'reason_required';
  }
  if (to === 'closed') {
    if (from === 'closed') return 'transition_not_allowed';
    return hasReason ? null : 'reason_required';
  }
  if (!TRANSITIONS[from].includes(to)) return 'transition_not_allowed';
  if (to === 'identified') {
    if (!ctx.latestScreening) return 'screening_required';
    if (ctx.latestScreening !== 'identified') return 'screening_not_identified';
  }
  // From screening straight to assessment only to keep assessing a potential case.
  if (from === 'screening' && to === 'assessment') {
    if (!ctx.latestScreening) return 'screening_required';
    if (ctx.latestScreening !== 'potential') return 'screening_not_potential';
  }
  if (to === 'not_tppo') {
    if (!ctx.latestScreening) return 'screening_required';
    if (ctx.latestScreening !== 'not_tppo') return 'screening_not_negative';
  }
  return null;
}

/** Where a reopened case goes: back to where it was closed from, or to screening. */
export function reopenStage(stageBeforeClose: CaseStage | null | undefined): CaseStage {
  return stageBeforeClose && stageBeforeClose !== 'closed' ? stageBeforeClose : 'screening';
}

/** HTCDS case status for exports. */
export function htcdsCaseStatus(
  stage: CaseStage,
  closedAsReferred = false,
): 'Active' | 'FollowUp' | 'Closed' | 'ClosedReferred' {
  if (stage === 'closed') return closedAsReferred ? 'ClosedReferred' : 'Closed';
  if (stage === 'referred_elsewhere') return 'ClosedReferred';
  if (stage === 'monitoring') return 'FollowUp';
  return 'Active';
}
