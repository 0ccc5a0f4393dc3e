import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password.js';

describe('passwordProblems', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblems('Kopi-Ruteng-Pagi-7')).toEqual([]);
  });
  it('refuses fewer than 10 characters', () => {
    expect(passwordProblems('Ab3$efgh9')).toContain('password_too_short');
    expect(passwordProblems('Ab3$efgh9x')).not.toContain('password_too_short');
  });
  it('refuses common passwords whatever their case', () => {
    expect(passwordProblems('Password123')).toContain('password_common');
    expect(passwordProblems('BISMILLAH123')).toContain('password_common');
    expect(passwordProblems('1234567890')).toContain('password_common');
  });
  it('refuses trivial runs and repeats', () => {
    expect(passwordProblems('aaaaaaaaaaaa')).toContain('password_common');
    expect(passwordProblems('3456789012')).toContain('password_common');
    expect(passwordProblems('mlkjihgfedcb')).toContain('password_common');
  });
  it('refuses a password containing the username', () => {
    expect(passwordProblems('xx-kasus.uptd-2026', { username: 'kasus.uptd' })).toContain(
      'password_contains_username',
    );
  });
  it('refuses absurdly long input', () => {
    expect(passwordProblems('x'.repeat(300))).toContain('password_too_long');
  });
});
