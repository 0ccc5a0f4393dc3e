import type { AppDeps } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { allRules, closedCasesNotRetained } from './retention.repository.js';

/** The moment before which a case closed `years` ago has passed its retention. */
export function retentionCutoff(at: Date, years: number): Date {
  const d = new Date(at);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

/**
 * Closed cases the daily run replaces now, each under its task force's rule in force. Only rules in
 * force count: a change waiting for its grace period never does.
 */
export async function dueCases(deps: Pick<AppDeps, 'db' | 'clock'>, taskForceId?: string) {
  const rules = await allRules(deps.db);
  const now = deps.clock.now();
  return (await closedCasesNotRetained(deps.db, taskForceId)).filter((c) => {
    const years = rules.get(c.taskForceId);
    return years !== undefined && Date.parse(c.closedAt) <= retentionCutoff(now, years).getTime();
  });
}

/** Closed cases of one task force a run at `at` would replace if its rule were `years`. */
export async function dueCasesUnder(db: Db, taskForceId: string, years: number, at: Date) {
  const limit = retentionCutoff(at, years).getTime();
  return (await closedCasesNotRetained(db, taskForceId)).filter((c) => Date.parse(c.closedAt) <= limit);
}
