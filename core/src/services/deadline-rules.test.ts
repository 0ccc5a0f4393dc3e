import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDate,
  dueAt,
  dueByRule,
  followUpDates,
  isWorkingDay,
  localDay,
} from './deadline-rules.js';

const WITA = 'Asia/Makassar';

describe('deadline rules', () => {
  it('counts calendar days to the end of the local day in WITA', () => {
    // 28 Nov 2026 10.00 WITA + 7 days = end of 5 Dec 2026 WITA = 5 Dec 15.59.59.999 UTC
    const due = dueAt(new Date('2026-11-28T02:00:00Z'), { amount: 7, unit: 'calendar_days' }, WITA);
    expect(due.toISOString()).toBe('2026-12-05T15:59:59.999Z');
  });

  it('uses the local date around WITA midnight, not the UTC one', () => {
    // 16.30 UTC on 30 Nov is 00.30 WITA on 1 Dec: the count starts on 1 December.
    const due = dueAt(new Date('2026-11-30T16:30:00Z'), { amount: 1, unit: 'calendar_days' }, WITA);
    expect(due.toISOString()).toBe('2026-12-02T15:59:59.999Z');
    expect(localDay(new Date('2026-11-30T15:59:59Z'), WITA).date).toBe('2026-11-30');
    expect(localDay(new Date('2026-11-30T16:00:00Z'), WITA).date).toBe('2026-12-01');
  });

  it('crosses month and year ends', () => {
    expect(addCalendarDate('2026-01-31', 1)).toBe('2026-02-01');
    expect(addCalendarDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDate('2026-12-31', 1)).toBe('2027-01-01');
    const due = dueAt(new Date('2026-12-30T02:00:00Z'), { amount: 14, unit: 'calendar_days' }, WITA);
    expect(due.toISOString()).toBe('2027-01-13T15:59:59.999Z');
  });

  it('skips weekends and the task force holidays for working days', () => {
    // Friday 25 Dec 2026 is Christmas; a referral sent Thursday 24 Dec with 2 working days is due Tuesday 29 Dec.
    const holidays = ['2026-12-25'];
    const due = dueAt(new Date('2026-12-24T03:00:00Z'), { amount: 2, unit: 'working_days' }, WITA, holidays);
    expect(due.toISOString()).toBe('2026-12-29T15:59:59.999Z');
    expect(isWorkingDay('2026-12-25', new Set(holidays))).toBe(false);
    expect(isWorkingDay('2026-12-26', new Set())).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-28', new Set())).toBe(true);
  });

  it('zero working days on a Saturday means the end of Monday', () => {
    const due = dueAt(new Date('2026-11-28T02:00:00Z'), { amount: 0, unit: 'working_days' }, WITA);
    expect(due.toISOString()).toBe('2026-11-30T15:59:59.999Z');
  });

  it('hours stay exact', () => {
    const due = dueAt(new Date('2026-11-28T02:00:00Z'), { amount: 6, unit: 'hours' }, WITA);
    expect(due.toISOString()).toBe('2026-11-28T08:00:00.000Z');
  });

  it('falls back to the default rule when a task force never set one', () => {
    const due = dueByRule(
      'referral_response',
      new Date('2026-11-30T01:00:00Z'),
      { rules: [], holidays: [] },
      WITA,
    );
    expect(due.toISOString()).toBe('2026-12-02T15:59:59.999Z');
  });

  it('schedules follow-ups at 1, 3, 6 and 12 months with month ends clamped', () => {
    expect(followUpDates('2026-01-31', [1, 3, 6, 12])).toEqual([
      '2026-02-28',
      '2026-04-30',
      '2026-07-31',
      '2027-01-31',
    ]);
    expect(followUpDates('2027-11-30', [3])).toEqual(['2028-02-29']);
  });

  it('a due date is never before its start and never on a holiday for working-day rules', () => {
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addCalendarDate('2026-01-01', n));
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2026-01-01T00:00:00Z'),
          max: new Date('2028-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom('hours', 'calendar_days', 'working_days') as fc.Arbitrary<
          'hours' | 'calendar_days' | 'working_days'
        >,
        fc.array(day, { maxLength: 60 }),
        fc.constantFrom('Asia/Makassar', 'Asia/Jakarta', 'Asia/Jayapura'),
        (start, amount, unit, holidays, zone) => {
          const due = dueAt(start, { amount, unit }, zone, holidays);
          expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
          if (unit === 'working_days') {
            const local = localDay(due, zone);
            expect(holidays).not.toContain(local.date);
            expect([0, 6]).not.toContain(local.weekday);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
