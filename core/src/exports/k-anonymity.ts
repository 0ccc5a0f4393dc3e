/**
 * k-anonymity for released data sets (CTDC bar, domain §6): quasi-identifying columns are
 * generalised step by step where a rule allows, then every row whose combination of quasi-identifiers
 * is shared by fewer than k rows is suppressed. Pure: no I/O.
 */

/** The lowest k a release may use; anything lower is refused. */
export const K_MIN = 5;
/** CTDC's own threshold. */
export const K_DEFAULT = 11;

export type Cell = string | number;
export type DataRow = Record<string, Cell>;

/** One generalisation rule: replaces a column's value by a coarser one, for every row at once. */
export interface GeneralisationStep {
  /** Stable name, reported with the release (e.g. `yearOfRegistration:two_year_period`). */
  id: string;
  column: string;
  generalise: (value: Cell) => Cell;
}

export interface KAnonymityOptions {
  k: number;
  /** Columns whose combination could single a person out. */
  quasiIdentifiers: readonly string[];
  /** Tried in this order; a step is kept only when it lowers the number of suppressed rows. */
  steps?: readonly GeneralisationStep[];
}

export interface KAnonymityResult<R extends DataRow> {
  rows: R[];
  k: number;
  inputRows: number;
  suppressed: number;
  /** Ids of the steps applied, in the order they were applied. */
  generalisations: string[];
}

export class KTooLowError extends Error {
  constructor(k: number) {
    super(`k must be a whole number of at least ${K_MIN} (was ${k})`);
  }
}

/** Whether a k may be used for a release. */
export function isAllowedK(k: number): boolean {
  return Number.isInteger(k) && k >= K_MIN;
}

function keyOf(row: DataRow, columns: readonly string[]): string {
  // JSON keeps "1" and 1 apart and cannot be confused by separators inside values.
  return JSON.stringify(columns.map((c) => row[c] ?? null));
}

function countCombinations(rows: readonly DataRow[], columns: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row, columns);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function suppressedCount(rows: readonly DataRow[], columns: readonly string[], k: number): number {
  let n = 0;
  for (const c of countCombinations(rows, columns).values()) if (c < k) n += c;
  return n;
}

function applyStep<R extends DataRow>(rows: readonly R[], step: GeneralisationStep): R[] {
  return rows.map((r) => (step.column in r ? { ...r, [step.column]: step.generalise(r[step.column]!) } : r));
}

/** Releases only rows whose quasi-identifier combination occurs at least k times. */
export function kAnonymise<R extends DataRow>(
  input: readonly R[],
  options: KAnonymityOptions,
): KAnonymityResult<R> {
  const { k, quasiIdentifiers } = options;
  if (!isAllowedK(k)) throw new KTooLowError(k);
  let rows: R[] = [...input];
  const applied: string[] = [];
  let suppressed = suppressedCount(rows, quasiIdentifiers, k);
  for (const step of options.steps ?? []) {
    if (suppressed === 0) break;
    const next = applyStep(rows, step);
    const nextSuppressed = suppressedCount(next, quasiIdentifiers, k);
    if (nextSuppressed < suppressed) {
      rows = next;
      suppressed = nextSuppressed;
      applied.push(step.id);
    }
  }
  const counts = countCombinations(rows, quasiIdentifiers);
  const released = rows.filter((r) => (counts.get(keyOf(r, quasiIdentifiers)) ?? 0) >= k);
  return {
    rows: released,
    k,
    inputRows: input.length,
    suppressed: input.length - released.length,
    generalisations: applied,
  };
}

/** Applies the named steps, in order, to rows (the same recoding a release used). */
export function applyGeneralisations<R extends DataRow>(
  rows: readonly R[],
  steps: readonly GeneralisationStep[],
  ids: readonly string[],
): R[] {
  let out: R[] = [...rows];
  for (const id of ids) {
    const step = steps.find((s) => s.id === id);
    if (step) out = applyStep(out, step);
  }
  return out;
}
