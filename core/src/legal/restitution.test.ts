import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  DEFAULT_LEGAL_LIMITS,
  legalLimitsFrom,
  restitutionOverdue,
  restitutionOwed,
  restitutionPaymentDue,
  restitutionStatus,
} from './restitution.js';

const base = {
  lpskAmount: null,
  indictmentAmount: null,
  grantedAmount: null,
  replacedByDetention: false,
  payments: [],
};

describe('restitution arithmetic', () => {
  it('owes granted minus paid, with partial payments', () => {
    expect(restitutionOwed(25_000_000, [])).toBe(25_000_000);
    expect(restitutionOwed(25_000_000, [{ amount: 10_000_000 }, { amount: 5_000_000 }])).toBe(10_000_000);
    expect(restitutionOwed(null, [{ amount: 1 }])).toBe(0);
  });

  it('never owes a negative amount', () => {
    // A deterministic sweep of granted amounts against payment series, over and under the grant.
    for (let granted = 0; granted <= 30_000_000; granted += 2_500_000)
      for (let n = 0; n < 5; n++) {
        const payments = Array.from({ length: n }, (_, i) => ({ amount: (i + 1) * 3_000_000 }));
        const paid = payments.reduce((a, p) => a + p.amount, 0);
        expect(restitutionOwed(granted, payments)).toBe(Math.max(0, granted - paid));
      }
  });

  it('tells the status from what is recorded', () => {
    expect(restitutionStatus(base)).toBe('requested');
    expect(restitutionStatus({ ...base, lpskAmount: 1 })).toBe('calculated');
    expect(restitutionStatus({ ...base, lpskAmount: 1, indictmentAmount: 1 })).toBe('in_indictment');
    expect(restitutionStatus({ ...base, grantedAmount: 10 })).toBe('granted');
    expect(restitutionStatus({ ...base, grantedAmount: 10, payments: [{ amount: 4 }] })).toBe(
      'partially_paid',
    );
    expect(restitutionStatus({ ...base, grantedAmount: 10, payments: [{ amount: 10 }] })).toBe('paid');
    expect(restitutionStatus({ ...base, grantedAmount: 10, replacedByDetention: true })).toBe(
      'unpaid_detention',
    );
  });

  it('is due 14 days after the verdict is served and overdue after that while owed', () => {
    expect(addCalendarDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(restitutionPaymentDue('2026-03-01', DEFAULT_LEGAL_LIMITS)).toBe('2026-03-15');
    const r = { ...base, grantedAmount: 25_000_000, servedOn: '2026-03-01' };
    expect(restitutionOverdue(r, '2026-03-15', DEFAULT_LEGAL_LIMITS)).toBe(false);
    expect(restitutionOverdue(r, '2026-03-16', DEFAULT_LEGAL_LIMITS)).toBe(true);
    expect(
      restitutionOverdue({ ...r, payments: [{ amount: 25_000_000 }] }, '2026-04-01', DEFAULT_LEGAL_LIMITS),
    ).toBe(false);
    expect(restitutionOverdue({ ...r, servedOn: null }, '2027-01-01', DEFAULT_LEGAL_LIMITS)).toBe(false);
  });

  it('follows the task force’s rule: working days skip weekends and its holidays, hours stay on the day', () => {
    const limits = legalLimitsFrom({
      rules: [{ key: 'restitution_payment', amount: 3, unit: 'working_days' }],
      holidays: [{ date: '2026-06-08', name: 'Libur' }],
    });
    // Friday 5 June: Monday 8 is a holiday, so Tuesday, Wednesday, Thursday.
    expect(restitutionPaymentDue('2026-06-05', limits)).toBe('2026-06-11');
    const hours = legalLimitsFrom({
      rules: [{ key: 'restitution_payment', amount: 12, unit: 'hours' }],
      holidays: [],
    });
    expect(restitutionPaymentDue('2026-06-05', hours)).toBe('2026-06-05');
    expect(DEFAULT_LEGAL_LIMITS.childRestitutionRequirements).toEqual({
      key: 'child_restitution_requirements',
      amount: 3,
      unit: 'calendar_days',
    });
  });
});
