/** Indonesian and English labels of case values, for exports and reports (the web shares them). */
type Labels = Record<string, { id: string; en: string }>;

export const CASE_TYPE_LABELS: Labels = {
  tppo: { id: 'TPPO', en: 'Trafficking (TPPO)' },
  potential_tppo: { id: 'Potensi TPPO', en: 'Potential trafficking' },
  pmi_deportee: { id: 'PMI deportan', en: 'Deported migrant worker' },
  pmi_deceased: { id: 'Pemulangan jenazah PMI', en: 'Repatriation of a deceased migrant worker' },
  pmi_other: { id: 'PMI bermasalah lainnya', en: 'Migrant worker in trouble (other)' },
  other_violence: { id: 'Kekerasan lain', en: 'Other violence' },
};

export const CASE_STAGE_LABELS: Labels = {
  reported: { id: 'Dilaporkan', en: 'Reported' },
  screening: { id: 'Penapisan', en: 'Screening' },
  not_tppo: { id: 'Bukan TPPO', en: 'Not trafficking' },
  referred_elsewhere: { id: 'Dirujuk ke luar', en: 'Referred elsewhere' },
  identified: { id: 'Teridentifikasi korban TPPO', en: 'Identified as trafficking' },
  assessment: { id: 'Asesmen', en: 'Assessment' },
  service_plan: { id: 'Rencana layanan', en: 'Service plan' },
  in_services: { id: 'Dalam layanan', en: 'In services' },
  repatriation: { id: 'Pemulangan', en: 'Repatriation' },
  reintegration: { id: 'Reintegrasi sosial', en: 'Social reintegration' },
  monitoring: { id: 'Pemantauan', en: 'Monitoring' },
  closed: { id: 'Ditutup', en: 'Closed' },
};

export const RISK_LABELS: Labels = {
  high: { id: 'Tinggi', en: 'High' },
  medium: { id: 'Sedang', en: 'Medium' },
  low: { id: 'Rendah', en: 'Low' },
};

export const EXPLOITATION_TYPE_LABELS: Labels = {
  forced_labour: { id: 'Kerja paksa', en: 'Forced labour' },
  sexual_exploitation: { id: 'Eksploitasi seksual', en: 'Sexual exploitation' },
  forced_marriage: { id: 'Perkawinan paksa', en: 'Forced marriage' },
  slavery_and_practices: { id: 'Perbudakan', en: 'Slavery and similar practices' },
  organ_removal: { id: 'Pengambilan organ', en: 'Organ removal' },
  forced_begging: { id: 'Dipaksa mengemis', en: 'Forced begging' },
  forced_criminality: { id: 'Dipaksa melakukan kejahatan', en: 'Forced criminality' },
  other: { id: 'Lainnya', en: 'Other' },
};

export const DEADLINE_STATUS_LABELS: Labels = {
  met: { id: 'Dipenuhi', en: 'Met' },
  due: { id: 'Belum jatuh tempo', en: 'Due' },
  overdue: { id: 'Terlambat', en: 'Overdue' },
};

/** The label in the language, or the value itself when it has none. */
export function labelOf(labels: Labels, value: string | null | undefined, lang: 'id' | 'en'): string {
  if (!value) return '';
  return labels[value]?.[lang] ?? value;
}
