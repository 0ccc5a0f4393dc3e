import { describe, expect, it } from 'vitest';
import { type PasswordContext, passwordProblems } from './password.js';

// A stand-in for the server's leaked-password list.
const LEAKED = new Set(['password', 'iloveyou', 'qwertyuiop123', 'sunshine', 'dragon']);
const manggarai: PasswordContext = {
  username: 'manajer.uptdppa',
  agencyName: 'Unit Pelaksana Teknis Daerah Perlindungan Perempuan dan Anak',
  agencyShortName: 'UPTD PPA',
  regionNames: ['Ruteng', 'Cibal', 'Reok', 'Kabupaten Manggarai', 'Nusa Tenggara Timur', 'NTT'],
  isBreached: (p) => LEAKED.has(p),
};

describe('passwordProblems', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblems('Kopi-Lingko-Pagi-7')).toEqual([]);
    expect(passwordProblems('Kopi-Lingko-Pagi-7', manggarai)).toEqual([]);
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
    // one telling part of it is enough, also without the separators
    expect(passwordProblems('Manajer-Hebat-2026', manggarai)).toContain('password_contains_username');
    expect(passwordProblems('kasusuptd-hebat', { username: 'kasus.uptd' })).toContain(
      'password_contains_username',
    );
  });
  it('refuses absurdly long input', () => {
    expect(passwordProblems('x'.repeat(300))).toContain('password_too_long');
  });

  describe('against the leaked list', () => {
    it('refuses a leaked password, also written with digits for letters', () => {
      expect(passwordProblems('QwertyUIOP123', manggarai)).toEqual(['password_breached']);
      expect(passwordProblems('Qw3rtyu10p123', manggarai)).toEqual(['password_breached']);
    });
    it('refuses a leaked word with a short number or symbols before or after it', () => {
      expect(passwordProblems('password123456', manggarai)).toEqual(['password_breached_base']);
      expect(passwordProblems('iloveyou1234', manggarai)).toEqual(['password_breached_base']);
      expect(passwordProblems('P@ssw0rd2026!', manggarai)).toEqual(['password_breached_base']);
      expect(passwordProblems('2026!!Sunshine', manggarai)).toEqual(['password_breached_base']);
    });
    it('accepts a leaked word inside a longer passphrase, or with a long random number', () => {
      expect(passwordProblems('dragon-sawah-lodok-9', manggarai)).toEqual([]);
      expect(passwordProblems('dragon8302948571', manggarai)).toEqual([]);
    });
  });

  describe('against the task force and the agency', () => {
    it('refuses the product and the task force words', () => {
      expect(passwordProblems('sinergi12345')).toEqual(['password_contains_app_name']);
      expect(passwordProblems('S1nerg1-Kuat-77')).toEqual(['password_contains_app_name']);
      expect(passwordProblems('GugusTugas-2026')).toEqual(['password_contains_app_name']);
      expect(passwordProblems('Tppo-Kuat-2026!')).toEqual(['password_contains_app_name']);
    });
    it('refuses the region, its districts and the province, in any case, joined or de-leeted', () => {
      expect(passwordProblems('manggarai2026', manggarai)).toEqual(['password_contains_region']);
      expect(passwordProblems('M4ngg4r41-Kuat', manggarai)).toEqual(['password_contains_region']);
      expect(passwordProblems('Kopi-RUTENG-Pagi-7', manggarai)).toEqual(['password_contains_region']);
      expect(passwordProblems('NusaTenggaraTimur!', manggarai)).toEqual(['password_contains_region']);
      expect(passwordProblems('Nusa-Tenggara-Timur', manggarai)).toEqual(['password_contains_region']);
      expect(passwordProblems('Kuat-NTT2026-Sekali', manggarai)).toEqual(['password_contains_region']);
      expect(passwordProblems('Reok-Pagi-Hari-88', manggarai)).toEqual(['password_contains_region']);
    });
    it('takes a short place name only as a whole word', () => {
      // "reok", "ntt" and "cibal" inside other words are not the place
      expect(passwordProblems('Preokupasi-Lama-9', manggarai)).toEqual([]);
      expect(passwordProblems('Santtuy-Sekali-9', manggarai)).toEqual([]);
      // generic words of a place name are not refused on their own
      expect(passwordProblems('Matahari-Timur-Kuat-9', manggarai)).toEqual([]);
    });
    it('refuses the agency name and short name', () => {
      // (here also a part of the username)
      expect(passwordProblems('UptdPpa-Kuat-2026', manggarai)).toContain('password_contains_agency');
      expect(passwordProblems('Kuat-UPTD-2026-Sekali', manggarai)).toEqual(['password_contains_agency']);
      // the words of the full name are ordinary words: only the whole name is refused
      expect(passwordProblems('Perempuan-Kuat-Pagi-9', manggarai)).toEqual([]);
    });
  });
});
