import { describe, expect, it } from 'vitest';
import {
  ageAtIncident,
  initials,
  isChildAt,
  isPlausibleNik,
  normalisePhone,
  simfoniAgeBand,
} from './person.js';

describe('people in a case', () => {
  it('accepts a NIK of 16 digits with a plausible birth date, for men and women', () => {
    expect(isPlausibleNik('5310031507080000')).toBe(true);
    expect(isPlausibleNik('5310035507080000')).toBe(true); // day 15 + 40: a woman
    expect(isPlausibleNik('531003150708000')).toBe(false);
    expect(isPlausibleNik('5310033207080000')).toBe(false); // day 32
    expect(isPlausibleNik('5310031513080000')).toBe(false); // month 13
    expect(isPlausibleNik('53100315070800AB')).toBe(false);
  });
  it('computes the age at the incident from the birth date or the estimated age', () => {
    expect(
      ageAtIncident({ birthDate: '2008-07-15', incidentDate: '2026-02-10', reportDate: '2026-11-01' }),
    ).toBe(17);
    expect(
      ageAtIncident({ birthDate: '2008-07-15', incidentDate: '2026-07-15', reportDate: '2026-11-01' }),
    ).toBe(18);
    expect(ageAtIncident({ estimatedAge: 19, incidentDate: '2024-05-01', reportDate: '2026-11-01' })).toBe(
      17,
    );
    expect(ageAtIncident({ reportDate: '2026-11-01' })).toBeNull();
  });
  it('treats under 18 as a child and unknown age as not a child', () => {
    expect(isChildAt(17)).toBe(true);
    expect(isChildAt(18)).toBe(false);
    expect(isChildAt(null)).toBe(false);
  });
  it('puts ages in the SIMFONI bands', () => {
    expect([0, 5, 6, 12, 13, 17, 18, 24, 25, 44, 45, 59, 60].map(simfoniAgeBand)).toEqual([
      '0-5',
      '0-5',
      '6-12',
      '6-12',
      '13-17',
      '13-17',
      '18-24',
      '18-24',
      '25-44',
      '25-44',
      '45-59',
      '45-59',
      '60+',
    ]);
  });
  it('shows initials instead of a name', () => {
    expect(initials('Maria Goreti  jelahu')).toBe('M.G.J.');
  });
  it('normalises Indonesian phone numbers to E.164', () => {
    expect(normalisePhone('0812-3456-7890')).toBe('+6281234567890');
    expect(normalisePhone('+60 12 345 6789')).toBe('+60123456789');
    expect(normalisePhone('12345')).toBeNull();
  });
});
