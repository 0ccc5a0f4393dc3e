/** Achievement of RAD indicators and the status the secretariat reads at a glance. */

export const ACHIEVEMENT_STATUSES = ['on_track', 'at_risk', 'behind', 'no_report'] as const;
export type AchievementStatus = (typeof ACHIEVEMENT_STATUSES)[number];

/** Thresholds on achievement relative to the share of the year already elapsed. */
export const AT_RISK_RATIO = 0.85;
export const BEHIND_RATIO = 0.6;

/**
 * Achievement in percent of a target (0..100 and beyond; a target of 0 counts as met once
 * reported). Rounded to one decimal.
 */
export function achievementPercent(realised: number, target: number): number {
  if (target <= 0) return 100;
  return Math.round((realised / target) * 1000) / 10;
}

/**
 * Status of an indicator for a year: compares achievement with the share of the year elapsed
 * (after the second of four quarters, 50% is on track). Nothing reported yet is its own status.
 */
export function achievementStatus(input: {
  realised: number | null;
  target: number;
  periodsElapsed: number;
  periodsPerYear: number;
}): AchievementStatus {
  if (input.realised === null) return 'no_report';
  const expectedShare = Math.min(1, Math.max(0, input.periodsElapsed / input.periodsPerYear));
  if (expectedShare === 0) return 'on_track';
  const achieved = achievementPercent(input.realised, input.target) / 100;
  const ratio = achieved / expectedShare;
  if (ratio >= AT_RISK_RATIO) return 'on_track';
  if (ratio >= BEHIND_RATIO) return 'at_risk';
  return 'behind';
}

/** Mean achievement over a group (programme, sub-task force), each indicator capped at 100%. */
export function groupAchievement(percents: number[]): number | null {
  if (!percents.length) return null;
  const sum = percents.reduce((acc, p) => acc + Math.min(100, p), 0);
  return Math.round((sum / percents.length) * 10) / 10;
}
