import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRupiah, formatTime } from './format.js';

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
