import { describe, expect, it } from 'vitest';
import {
  calendarDateIn,
  formatDate,
  formatDateTime,
  formatRupiah,
  formatTime,
  startOfDayIn,
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
