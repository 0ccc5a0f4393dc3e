import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  DEFAULT_RESPONSE_LIMITS,
  deadlineState,
  describeDeadline,
  firstResponseDue,
} from './deadlines.js';

const WITA = 'Asia/Makassar';

describe('first-response deadlines', () => {
  const reported = new Date('2026-11-27T02:00:00Z'); // Friday 10.00 WITA
  it('gives one hour for high risk and six for medium', () => {
    expect(firstResponseDue(reported, 'high', DEFAULT_RESPONSE_LIMITS, WITA).toISOString()).toBe(
      '2026-11-27T03:00:00.000Z',
    );
    expect(firstResponseDue(reported, 'medium', DEFAULT_RESPONSE_LIMITS, WITA).toISOString()).toBe(
      '2026-11-27T08:00:00.000Z',
    );
  });
  it('gives one working day for low risk, skipping the weekend', () => {
    expect(firstResponseDue(reported, 'low', DEFAULT_RESPONSE_LIMITS, WITA).toISOString()).toBe(
      '2026-11-30T02:00:00.000Z',
    );
    expect(addWorkingDays(new Date('2026-11-24T02:00:00Z'), 1, WITA).toISOString()).toBe(
      '2026-11-25T02:00:00.000Z',
    );
  });
  it('honours limits set by the task force', () => {
    expect(
      firstResponseDue(reported, 'high', { ...DEFAULT_RESPONSE_LIMITS, highHours: 2 }, WITA).toISOString(),
    ).toBe('2026-11-27T04:00:00.000Z');
  });
  it('says due, overdue or met in words', () => {
    const due = new Date('2026-11-27T03:00:00Z');
    const late = deadlineState(due, null, new Date('2026-11-30T03:00:00Z'));
    expect(late.status).toBe('overdue');
    expect(describeDeadline(late, 'id')).toBe('terlambat 3 hari');
    expect(describeDeadline(late, 'en')).toBe('3 days overdue');
    const soon = deadlineState(due, null, new Date('2026-11-27T02:30:00Z'));
    expect(describeDeadline(soon, 'id')).toBe('jatuh tempo dalam 30 menit');
    expect(describeDeadline(deadlineState(due, new Date('2026-11-27T02:59:00Z'), new Date()), 'id')).toBe(
      'dipenuhi tepat waktu',
    );
  });
});
