import type { StatDimension, StatIndicator } from './indicators.js';

/** Indonesian and English names of the statistics, for spreadsheets (the web has its own in i18n). */
type Labels = Record<string, { id: string; en: string }>;

export const STAT_INDICATOR_LABELS: Record<StatIndicator, { id: string; en: string }> = {
  cases: { id: 'Kasus', en: 'Cases' },
  victims: { id: 'Korban', en: 'Victims' },
  deportees: { id: 'PMI deportan diterima', en: 'Deportees received' },
  bodies_returned: { id: 'Jenazah PMI dipulangkan', en: 'Bodies returned' },
  service_delivery: { id: 'Layanan dibutuhkan dan diberikan', en: 'Services needed and delivered' },
  services: { id: 'Layanan', en: 'Services' },
  referrals: { id: 'Rujukan dikirim', en: 'Referrals sent' },
  legal_funnel: { id: 'Alur penegakan hukum', en: 'Law-enforcement funnel' },
};

export const STAT_DIMENSION_LABELS: Record<StatDimension, { id: string; en: string }> = {
  case_type: { id: 'Jenis kasus', en: 'Case type' },
  stage: { id: 'Tahap kasus', en: 'Case stage' },
  sex: { id: 'Jenis kelamin', en: 'Sex' },
  age_group: { id: 'Anak/dewasa', en: 'Child/adult' },
  age_simfoni: { id: 'Kelompok umur (SIMFONI)', en: 'Age band (SIMFONI)' },
  age_ctdc: { id: 'Kelompok umur (CTDC)', en: 'Age band (CTDC)' },
  origin_district: { id: 'Kecamatan asal', en: 'Origin district' },
  destination_country: { id: 'Negara tujuan', en: 'Destination country' },
  destination_province: { id: 'Provinsi tujuan', en: 'Destination province' },
  exploitation_type: { id: 'Jenis eksploitasi', en: 'Exploitation type' },
  labour_sector: { id: 'Sektor kerja', en: 'Labour sector' },
  recruitment_method: { id: 'Cara perekrutan', en: 'Recruitment method' },
  recruitment_platform: { id: 'Platform perekrutan', en: 'Recruitment platform' },
  departure: { id: 'Keberangkatan', en: 'Departure' },
  month: { id: 'Bulan', en: 'Month' },
  year: { id: 'Tahun', en: 'Year' },
  sop_stage: { id: 'Tahap SOP', en: 'SOP stage' },
  service_status: { id: 'Status layanan', en: 'Service status' },
  need_or_delivery: { id: 'Dibutuhkan/diberikan', en: 'Needed/delivered' },
  referral_status: { id: 'Status rujukan', en: 'Referral status' },
  legal_stage: { id: 'Tahap hukum', en: 'Legal stage' },
  task_force: { id: 'Gugus tugas', en: 'Task force' },
};

/** Labels of dimension values that are not case types or stages (those are in the case labels). */
export const STAT_VALUE_LABELS: Labels = {
  _unknown: { id: 'Tidak tercatat', en: 'Not recorded' },
  total: { id: 'Jumlah', en: 'Total' },
  Male: { id: 'Laki-laki', en: 'Male' },
  Female: { id: 'Perempuan', en: 'Female' },
  TransgenderNonConforming: { id: 'Transgender/nonkonform', en: 'Transgender/non-conforming' },
  Unknown: { id: 'Tidak diketahui', en: 'Unknown' },
  child: { id: 'Anak', en: 'Child' },
  adult: { id: 'Dewasa', en: 'Adult' },
  needed: { id: 'Dibutuhkan', en: 'Needed' },
  delivered: { id: 'Diberikan (selesai)', en: 'Delivered (completed)' },
  procedural: { id: 'Prosedural', en: 'Procedural' },
  non_procedural: { id: 'Nonprosedural', en: 'Non-procedural' },
  unknown: { id: 'Tidak diketahui', en: 'Unknown' },
  pengaduan_identifikasi: { id: 'Pengaduan dan identifikasi', en: 'Complaint and identification' },
  rehabilitasi_kesehatan: { id: 'Rehabilitasi kesehatan', en: 'Health rehabilitation' },
  rehabilitasi_sosial: { id: 'Rehabilitasi sosial', en: 'Social rehabilitation' },
  layanan_hukum: { id: 'Layanan hukum', en: 'Legal services' },
  pemulangan: { id: 'Pemulangan', en: 'Repatriation' },
  reintegrasi_sosial: { id: 'Reintegrasi sosial', en: 'Social reintegration' },
  requested: { id: 'Diminta', en: 'Requested' },
  accepted: { id: 'Diterima', en: 'Accepted' },
  declined: { id: 'Ditolak', en: 'Declined' },
  in_progress: { id: 'Berjalan', en: 'In progress' },
  completed: { id: 'Selesai', en: 'Completed' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  pending: { id: 'Menunggu jawaban', en: 'Pending' },
  revoked: { id: 'Ditarik', en: 'Revoked' },
  laporan_polisi: { id: 'Laporan polisi (LP)', en: 'Police report' },
  penyidikan: { id: 'Penyidikan', en: 'Investigation' },
  p21: { id: 'P21 (berkas lengkap)', en: 'P21 (file complete)' },
  putusan: { id: 'Putusan', en: 'Verdict' },
  conviction: { id: 'Terbukti bersalah', en: 'Conviction' },
};

/**
 * A text cell a spreadsheet program would read as a formula (`=`, `+`, `-`, `@`, or a tab or
 * carriage return before one) is prefixed with an apostrophe so it stays text.
 */
export function neutraliseSpreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
