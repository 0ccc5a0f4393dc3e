/**
 * Small-cell protection of a table of counts (domain §9, issue 7). A count between 1 and
 * `threshold - 1` is never shown (primary suppression); and no row, column or total may be left
 * with exactly one hidden cell, because it could be recovered by subtracting the shown cells from
 * the shown total (secondary suppression). Zeros are shown: a zero reveals no one, and hiding it
 * would claim "1 or 2" where there is nobody.
 */

export const DEFAULT_SUPPRESSION_THRESHOLD = 3;

/** A count as released: the number, or null where it is hidden ("< threshold" or a masking cell). */
export type ReleasedCount = number | null;

export interface SuppressedTable {
  cells: ReleasedCount[][];
  /** Row and column totals and the grand total; null where hidden, or when totals are not released. */
  rowTotals: ReleasedCount[];
  columnTotals: ReleasedCount[];
  grandTotal: ReleasedCount;
  /** How many cells were hidden because they were small, and how many to protect them. */
  primary: number;
  secondary: number;
  /** Where a hidden value is not itself small but hides another (shown as "•", not "< threshold"). */
  masked: { cells: boolean[][]; rowTotals: boolean[]; columnTotals: boolean[]; grandTotal: boolean };
}

/** Whether a count must be hidden on its own. */
export function isSmallCount(value: number, threshold: number): boolean {
  return value > 0 && value < threshold;
}

interface Cell {
  value: number;
  hidden: boolean;
  /** Totals are hidden for masking only when no inner cell can do it. */
  isTotal: boolean;
  masking: boolean;
}

/**
 * Suppresses a table of counts (rows x columns) with its margins. `withTotals: false` is for
 * tables whose cells do not add up (a victim counted under several exploitation types): they get
 * primary suppression only and no totals, since there is no sum to subtract from.
 */
export function suppressTable(
  counts: readonly (readonly number[])[],
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
  options: { withTotals?: boolean } = {},
): SuppressedTable {
  const withTotals = options.withTotals ?? true;
  const rows = counts.length;
  const cols = rows ? counts[0]!.length : 0;
  const cell = (value: number, isTotal: boolean): Cell => ({
    value,
    hidden: isSmallCount(value, threshold),
    isTotal,
    masking: false,
  });
  const grid: Cell[][] = counts.map((r) => r.map((v) => cell(v, false)));
  const rowTotals = counts.map((r) => cell(sum(r), true));
  const columnTotals = Array.from({ length: cols }, (_, j) => cell(sum(counts.map((r) => r[j]!)), true));
  const grand = cell(sum(rowTotals.map((c) => c.value)), true);
  const primary = [...grid.flat(), ...(withTotals ? [...rowTotals, ...columnTotals, grand] : [])].filter(
    (c) => c.hidden,
  ).length;

  let secondary = 0;
  if (withTotals) {
    // Each line is a set of cells whose inner cells add up to its total.
    const lines: Cell[][] = [
      ...grid.map((r, i) => [...r, rowTotals[i]!]),
      ...Array.from({ length: cols }, (_, j) => [...grid.map((r) => r[j]!), columnTotals[j]!]),
      [...rowTotals, grand],
      [...columnTotals, grand],
    ];
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of lines) {
        if (line.filter((c) => c.hidden).length !== 1) continue;
        const mask = pickMask(line);
        if (!mask) continue;
        mask.hidden = true;
        mask.masking = true;
        secondary++;
        changed = true;
      }
    }
  }
  const out = (c: Cell): ReleasedCount => (c.hidden ? null : c.value);
  return {
    cells: grid.map((r) => r.map(out)),
    rowTotals: withTotals ? rowTotals.map(out) : rowTotals.map(() => null),
    columnTotals: withTotals ? columnTotals.map(out) : columnTotals.map(() => null),
    grandTotal: withTotals ? out(grand) : null,
    primary,
    secondary,
    masked: {
      cells: grid.map((r) => r.map((c) => c.masking)),
      rowTotals: rowTotals.map((c) => withTotals && c.masking),
      columnTotals: columnTotals.map((c) => withTotals && c.masking),
      grandTotal: withTotals && grand.masking,
    },
  };
}

/** The smallest shown non-zero inner cell of the line, else its total when that is shown and non-zero. */
function pickMask(line: Cell[]): Cell | undefined {
  const candidates = line.filter((c) => !c.hidden && c.value > 0);
  const inner = candidates.filter((c) => !c.isTotal).sort((a, b) => a.value - b.value);
  return inner[0] ?? candidates.find((c) => c.isTotal);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
