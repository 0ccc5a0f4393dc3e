import type { AlertStatus, MemberPosition } from '@sinergi/core';

/** Indonesian words of the report for values stored as keys (the report goes to the regent). */

export const POSITION_LABELS: Record<MemberPosition, string> = {
  chair: 'Ketua',
  vice_chair: 'Wakil Ketua',
  secretariat: 'Sekretariat',
  member: 'Anggota',
};

export const TARGET_GROUP_LABELS: Record<string, string> = {
  students: 'Pelajar',
  prospective_migrants: 'Calon pekerja migran',
  village_officials: 'Aparat desa',
  parents: 'Orang tua',
  church_congregation: 'Jemaat gereja',
  other: 'Kelompok lain',
};

export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
  reported: 'Dilaporkan',
  verified: 'Terverifikasi',
  forwarded_police: 'Diteruskan ke kepolisian',
  forwarded_bp3mi: 'Diteruskan ke BP3MI',
  closed: 'Ditutup',
};

export const ALERT_CHANNEL_LABELS: Record<string, string> = {
  Offline: 'Luring (calo, keberangkatan di pelabuhan)',
  FacebookMessenger: 'Facebook Messenger',
  Other: 'Lainnya',
};

export const ACHIEVEMENT_STATUS_LABELS = {
  on_track: 'Sesuai target',
  at_risk: 'Berisiko',
  behind: 'Tertinggal',
  no_report: 'Belum ada laporan',
} as const;

const number = new Intl.NumberFormat('id-ID');

/** A released count as the report prints it: hidden counts as "< 3". */
export function countText(value: number | null, threshold: number): string {
  return value === null ? `< ${threshold}` : number.format(value);
}

export function rupiah(value: number): string {
  return `Rp ${number.format(Math.round(value))}`;
}

export function percentText(value: number | null): string {
  return value === null ? '-' : `${number.format(Math.round(value * 10) / 10)}%`;
}

/** "naik 12 dari 40" / "turun 5" / "sama" against the previous year; empty when either is hidden. */
export function comparison(current: number | null, previous: number | null, threshold: number): string {
  if (current === null || previous === null)
    return previous === null ? `tahun sebelumnya < ${threshold}` : '';
  const diff = current - previous;
  if (diff === 0) return `sama dengan tahun sebelumnya (${number.format(previous)})`;
  const pct =
    previous > 0
      ? ` (${diff > 0 ? '+' : '-'}${number.format(Math.round((Math.abs(diff) / previous) * 100))}%)`
      : '';
  return `${diff > 0 ? 'naik' : 'turun'} ${number.format(Math.abs(diff))} dari ${number.format(previous)} pada tahun sebelumnya${pct}`;
}
