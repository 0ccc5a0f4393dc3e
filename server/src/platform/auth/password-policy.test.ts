import { type PasswordContext, passwordProblems } from '@sinergi/core';
import { describe, expect, it } from 'vitest';
import { ReferenceData } from '../reference.js';
import { commonPasswords, isLeakedPassword } from './common-passwords.js';
import { regionNames } from './password-policy.js';

const reference = new ReferenceData();
// A user of the Manggarai task force, as passwordContext builds it from the database.
const context: PasswordContext = {
  username: 'penyidik.polres',
  agencyName: 'Kepolisian Resor Manggarai',
  agencyShortName: 'Polres Manggarai',
  regionNames: regionNames(reference, '53.10', true),
  isBreached: isLeakedPassword,
};

describe('the leaked-password list', () => {
  it('holds at least 100,000 lower-cased passwords', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThanOrEqual(100_000);
    expect([...list].every((p) => p === p.toLowerCase() && p.length >= 4)).toBe(true);
    for (const p of ['password', 'iloveyou', 'qwertyuiop123', 'sunshine', 'bismillah', 'rahasia'])
      expect(list.has(p), p).toBe(true);
  });
});

describe('new passwords for the Manggarai task force', () => {
  it('names the region, its districts and the province', () => {
    const names = context.regionNames!;
    for (const n of ['Kabupaten Manggarai', 'Ruteng', 'Langke Rembong', 'Nusa Tenggara Timur', 'NTT'])
      expect(names).toContain(n);
  });

  it.each([
    ['password123456', 'password_breached_base'],
    ['qwertyuiop123', 'password_breached'],
    ['iloveyou1234', 'password_breached'],
    ['sinergi12345', 'password_contains_app_name'],
    ['manggarai2026', 'password_contains_region'],
    ['Sunshine2026!', 'password_breached_base'],
    ['football12345', 'password_breached_base'],
    ['Bismillah2026', 'password_breached_base'],
    ['Ruteng-Demo-2026', 'password_contains_region'],
    ['LangkeRembong88', 'password_contains_region'],
    ['Flores-NTT-2026', 'password_contains_region'],
    ['Polres-Hebat-2026', 'password_contains_agency'],
    ['Penyidik-2026-Ok', 'password_contains_username'],
  ])('refuses %s (%s, maybe among others)', (password, problem) => {
    expect(passwordProblems(password, context)).toContain(problem);
  });

  it('accepts a strong passphrase', () => {
    expect(passwordProblems('Kopi-Lingko-Pagi-7', context)).toEqual([]);
    expect(passwordProblems('sawah hujan lodok kerbau', context)).toEqual([]);
  });
});
