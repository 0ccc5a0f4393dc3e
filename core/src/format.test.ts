import { describe, expect, it } from 'vitest';
import {
  calendarDateIn,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatTime,
  parseTypedDate,
  startOfDayIn,
  zoneLabel,
} from './format.js';

describe('Indonesian display formats', () => {
  const iso = '2026-11-28T06:30:00.000Z'; // 14.30 in Makassar (UTC+8)
  it('formats a date in Indonesian', () => {
    expect(formatDate(iso, 'id', 'Asia/Makassar')).toBe('28 November 2026');
  });
  it('shows times in the task force zone with its abbreviation', () => {
    expect(formatTime(iso, 'id', 'Asia/Makassar')).toBe('14.30 WITA');
    expect(formatTime(iso, 'id', 'Asia/Jakarta')).toBe('13.30 WIB');
    expect(formatTime(iso, 'en', 'Asia/Makassar')).toBe('14:30 WITA');
  });
  it('rolls over to the next day in the local zone', () => {
    expect(formatDateTime('2026-11-28T17:00:00.000Z', 'id', 'Asia/Makassar')).toBe(
      '29 November 2026 01.00 WITA',
    );
  });
  it('formats money as rupiah with dot separators', () => {
    expect(formatRupiah(18195850)).toBe('Rp 18.195.850');
  });
});

describe('calendar days in the task force zone', () => {
  it('is already tomorrow in Makassar at 17.00 UTC', () => {
    expect(calendarDateIn(new Date('2026-11-28T17:00:00Z'), 'Asia/Makassar')).toBe('2026-11-29');
    expect(calendarDateIn(new Date('2026-11-28T17:00:00Z'), 'Asia/Jakarta')).toBe('2026-11-29');
    expect(calendarDateIn(new Date('2026-11-28T16:59:00Z'), 'Asia/Jakarta')).toBe('2026-11-28');
  });
  it('starts a day at local midnight', () => {
    expect(startOfDayIn('2026-01-01', 'Asia/Makassar').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(startOfDayIn('2026-01-01', 'Asia/Jayapura').toISOString()).toBe('2025-12-31T15:00:00.000Z');
    expect(startOfDayIn('2026-01-01', 'UTC').toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('today where the task force is', () => {
  it('is already the next day in WITA from 16.00 UTC', () => {
    expect(calendarDateIn(new Date('2026-12-08T23:30:00Z'), 'Asia/Makassar')).toBe('2026-12-09');
    expect(calendarDateIn(new Date('2026-12-08T16:00:00Z'), 'Asia/Makassar')).toBe('2026-12-09');
  });
  it('is still the same day in WITA until 15.59 UTC', () => {
    expect(calendarDateIn(new Date('2026-12-08T15:59:00Z'), 'Asia/Makassar')).toBe('2026-12-08');
    expect(calendarDateIn(new Date('2026-12-08T00:30:00Z'), 'Asia/Makassar')).toBe('2026-12-08');
  });
});

describe('zone names the offices use', () => {
  it('says WIB, WITA and WIT for the Indonesian zones', () => {
    expect(zoneLabel('Asia/Jakarta')).toBe('WIB');
    expect(zoneLabel('Asia/Pontianak')).toBe('WIB');
    expect(zoneLabel('Asia/Makassar')).toBe('WITA');
    expect(zoneLabel('Asia/Jayapura')).toBe('WIT');
  });
  it('keeps the IANA name for any other zone', () => {
    expect(zoneLabel('Asia/Dili')).toBe('Asia/Dili');
    expect(zoneLabel('UTC')).toBe('UTC');
  });
});

describe('figures in the reader language', () => {
  it('uses a decimal comma and thousands dots in Indonesian', () => {
    expect(formatNumber(4.3, 'id')).toBe('4,3');
    expect(formatNumber(18195850, 'id')).toBe('18.195.850');
    expect(formatPercent(52.4, 'id')).toBe('52,4%');
    expect(formatPercent(52.44, 'id')).toBe('52,4%');
    expect(formatRupiah(18195850)).toBe('Rp 18.195.850');
    expect(formatRupiah(18195850, 'id')).toBe('Rp 18.195.850');
  });
  it('uses a decimal point and thousands commas in English', () => {
    expect(formatNumber(4.3, 'en')).toBe('4.3');
    expect(formatNumber(18195850, 'en')).toBe('18,195,850');
    expect(formatPercent(52.4, 'en')).toBe('52.4%');
    expect(formatRupiah(18195850, 'en')).toBe('Rp 18,195,850');
  });
  it('rounds to one decimal unless told otherwise', () => {
    expect(formatNumber(2.25, 'id', 2)).toBe('2,25');
    expect(formatNumber(2.26, 'id')).toBe('2,3');
    expect(formatNumber(7, 'id')).toBe('7');
  });
});

describe('dates typed or pasted day first', () => {
  it('reads 28/11/2026, 28-11-2026 and 28.11.2026', () => {
    const expected = { day: 28, month: 11, year: 2026, hours: null, minutes: null };
    expect(parseTypedDate('28/11/2026')).toEqual(expected);
    expect(parseTypedDate('28-11-2026')).toEqual(expected);
    expect(parseTypedDate(' 28.11.2026 ')).toEqual(expected);
    expect(parseTypedDate('2026-11-28')).toEqual(expected);
  });
  it('reads a time after the date', () => {
    expect(parseTypedDate('8/1/2026 14.30')).toEqual({
      day: 8,
      month: 1,
      year: 2026,
      hours: 14,
      minutes: 30,
    });
    expect(parseTypedDate('2026-01-08T07:05')).toEqual({
      day: 8,
      month: 1,
      year: 2026,
      hours: 7,
      minutes: 5,
    });
  });
  it('refuses what is not a calendar day', () => {
    expect(parseTypedDate('31/02/2026').day).toBeNull();
    expect(parseTypedDate('11/28/2026').day).toBeNull();
    expect(parseTypedDate('28 November 2026').day).toBeNull();
    expect(parseTypedDate('28/11/2026 25.00').day).toBeNull();
  });
});
