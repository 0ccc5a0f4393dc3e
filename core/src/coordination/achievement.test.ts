import { describe, expect, it } from 'vitest';
import { achievementPercent, achievementStatus, groupAchievement } from './achievement.js';
import { decreesInForce } from './membership.js';

describe('achievement', () => {
  it('computes percent of target, with a zero target counted as met', () => {
    expect(achievementPercent(6, 12)).toBe(50);
    expect(achievementPercent(1, 3)).toBe(33.3);
    expect(achievementPercent(0, 0)).toBe(100);
  });

  it('judges status against the share of the year elapsed', () => {
    const q = { periodsPerYear: 4 };
    expect(achievementStatus({ ...q, realised: 6, target: 12, periodsElapsed: 2 })).toBe('on_track');
    expect(achievementStatus({ ...q, realised: 4, target: 12, periodsElapsed: 2 })).toBe('at_risk');
    expect(achievementStatus({ ...q, realised: 2, target: 12, periodsElapsed: 2 })).toBe('behind');
    expect(achievementStatus({ ...q, realised: null, target: 12, periodsElapsed: 2 })).toBe('no_report');
    expect(achievementStatus({ ...q, realised: 0, target: 12, periodsElapsed: 0 })).toBe('on_track');
    expect(achievementStatus({ ...q, realised: 12, target: 12, periodsElapsed: 9 })).toBe('on_track');
  });

  it('averages a group with each indicator capped at 100%', () => {
    expect(groupAchievement([150, 50])).toBe(75);
    expect(groupAchievement([])).toBeNull();
  });
});

describe('decrees in force', () => {
  it('keeps only decrees no later decree replaces', () => {
    const set = decreesInForce([
      { id: 'a', replacesId: null },
      { id: 'b', replacesId: 'a' },
      { id: 'c', replacesId: null },
    ]);
    expect([...set].sort()).toEqual(['b', 'c']);
  });
});
