import type { ScreeningResult } from './workflow.js';

/** The three elements of trafficking in UU 21/2007 art. 1 (domain §3). */
export const SCREENING_ELEMENTS = ['process', 'means', 'purpose'] as const;
export type ScreeningElement = (typeof SCREENING_ELEMENTS)[number];

export interface ElementFindings {
  process: boolean;
  means: boolean;
  purpose: boolean;
}

/**
 * The result the law implies: all three elements present (for a child, process and purpose
 * suffice: the means element is not required) -> identified; some present -> potential (keep
 * assessing); none -> not_tppo.
 */
export function screeningResult(found: ElementFindings, isChild: boolean): ScreeningResult {
  const required = isChild ? found.process && found.purpose : found.process && found.means && found.purpose;
  if (required) return 'identified';
  if (found.process || found.means || found.purpose) return 'potential';
  return 'not_tppo';
}

export interface ChecklistIndicator {
  id: string;
  element: ScreeningElement;
  labelId: string;
  labelEn: string;
}

/** Which elements a set of checked indicators establishes. */
export function elementsFromIndicators(
  indicators: readonly ChecklistIndicator[],
  checked: readonly string[],
): ElementFindings {
  const set = new Set(checked);
  const found: ElementFindings = { process: false, means: false, purpose: false };
  for (const ind of indicators) if (set.has(ind.id)) found[ind.element] = true;
  return found;
}
