/**
 * k-anonymity for released data sets (CTDC bar, domain §6): quasi-identifying columns are
 * generalised step by step where a rule allows, then every row whose combination of quasi-identifiers
 * is shared by fewer than k rows is suppressed. Pure: no I/O.
 */

/** The lowest k a release may use; anything lower is refused. */
export const K_MIN = 5;
/** The largest k a release may ask for (every combination shared by this many people). */
export const K_MAX = 1000;
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
  /** For each released row, its position in the input. */
  indices: number[];
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

// Type-tagged values joined by a separator no code contains: "1" and 1 stay apart.
function keyOf(values: readonly Cell[]): string {
  let key = '';
  for (const v of values) key += `${typeof v === 'number' ? 'n' : 's'}${v}\u0000`;
  return key;
}

function countKeys(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

function suppressedCount(keys: readonly string[], k: number): number {
  let n = 0;
  for (const c of countKeys(keys).values()) if (c < k) n += c;
  return n;
}

function applyStep<R extends DataRow>(rows: readonly R[], step: GeneralisationStep): R[] {
  return rows.map((r) => (step.column in r ? { ...r, [step.column]: step.generalise(r[step.column]!) } : r));
}

/**
 * Releases only rows whose quasi-identifier combination occurs at least k times. Works on the
 * quasi-identifier values alone and copies only the released rows, so a large release stays fast.
 */
export function kAnonymise<R extends DataRow>(
  input: readonly R[],
  options: KAnonymityOptions,
): KAnonymityResult<R> {
  const { k, quasiIdentifiers } = options;
  if (!isAllowedK(k)) throw new KTooLowError(k);
  let qi: Cell[][] = input.map((r) => quasiIdentifiers.map((c) => r[c] ?? ''));
  let keys = qi.map(keyOf);
  const applied: string[] = [];
  let suppressed = suppressedCount(keys, k);
  for (const step of options.steps ?? []) {
    if (suppressed === 0) break;
    const at = quasiIdentifiers.indexOf(step.column);
    if (at < 0) continue;
    const next = qi.map((values) => {
      const copy = values.slice();
      copy[at] = step.generalise(values[at]!);
      return copy;
    });
    const nextKeys = next.map(keyOf);
    const nextSuppressed = suppressedCount(nextKeys, k);
    if (nextSuppressed < suppressed) {
      qi = next;
      keys = nextKeys;
      suppressed = nextSuppressed;
      applied.push(step.id);
    }
  }
  const counts = countKeys(keys);
  const released: R[] = [];
  const indices: number[] = [];
  input.forEach((row, i) => {
    if ((counts.get(keys[i]!) ?? 0) < k) return;
    indices.push(i);
    if (applied.length === 0) {
      released.push(row);
      return;
    }
    const out: DataRow = { ...row };
    quasiIdentifiers.forEach((c, j) => {
      if (c in row) out[c] = qi[i]![j]!;
    });
    released.push(out as R);
  });
  return {
    rows: released,
    indices,
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
