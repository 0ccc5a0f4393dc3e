import type { ChecklistIndicator } from './screening.js';

/**
 * The first screening checklist, from UU 21/2007 art. 1 and the indicator lists in domain §3.
 * Administrators replace it with a new version; each screening keeps the version it used.
 */
export const DEFAULT_SCREENING_CHECKLIST: ChecklistIndicator[] = [
  {
    id: 'process_recruitment',
    element: 'process',
    labelId: 'Direkrut (ditawari pekerjaan, diajak, dibujuk)',
    labelEn: 'Recruited (offered a job, invited, persuaded)',
  },
  {
    id: 'process_transport',
    element: 'process',
    labelId: 'Diangkut atau diberangkatkan ke tempat lain',
    labelEn: 'Transported or sent to another place',
  },
  {
    id: 'process_harbouring',
    element: 'process',
    labelId: 'Ditampung (di rumah, mes, penampungan)',
    labelEn: 'Harboured (in a house, dormitory, holding place)',
  },
  {
    id: 'process_transfer',
    element: 'process',
    labelId: 'Dipindahtangankan atau diserahkan kepada pihak lain',
    labelEn: 'Transferred or handed over to another party',
  },
  {
    id: 'process_receipt',
    element: 'process',
    labelId: 'Diterima oleh pihak yang mempekerjakan atau menguasai',
    labelEn: 'Received by those who employ or control the person',
  },
  {
    id: 'means_force',
    element: 'means',
    labelId: 'Ancaman atau penggunaan kekerasan',
    labelEn: 'Threat or use of force',
  },
  {
    id: 'means_abduction',
    element: 'means',
    labelId: 'Penculikan atau penyekapan',
    labelEn: 'Abduction or confinement',
  },
  {
    id: 'means_deception',
    element: 'means',
    labelId: 'Penipuan (pekerjaan, gaji atau tempat tidak sesuai janji)',
    labelEn: 'Deception (job, pay or place not as promised)',
  },
  {
    id: 'means_forgery',
    element: 'means',
    labelId: 'Pemalsuan dokumen (umur, identitas, izin kerja)',
    labelEn: 'Forged documents (age, identity, work permit)',
  },
  {
    id: 'means_abuse_of_power',
    element: 'means',
    labelId: 'Penyalahgunaan kekuasaan atau posisi rentan',
    labelEn: 'Abuse of power or of a position of vulnerability',
  },
  { id: 'means_debt_bondage', element: 'means', labelId: 'Jeratan utang', labelEn: 'Debt bondage' },
  {
    id: 'means_payment',
    element: 'means',
    labelId: 'Memberi bayaran atau manfaat kepada orang yang memegang kendali (misalnya orang tua)',
    labelEn: 'Payments or benefits to a person in control (e.g. a parent)',
  },
  {
    id: 'purpose_forced_labour',
    element: 'purpose',
    labelId: 'Kerja paksa atau pelayanan paksa',
    labelEn: 'Forced labour or services',
  },
  {
    id: 'purpose_sexual',
    element: 'purpose',
    labelId: 'Eksploitasi seksual atau pelacuran',
    labelEn: 'Sexual exploitation or prostitution',
  },
  {
    id: 'purpose_slavery',
    element: 'purpose',
    labelId: 'Perbudakan atau praktik serupa perbudakan',
    labelEn: 'Slavery or practices similar to slavery',
  },
  {
    id: 'purpose_wages',
    element: 'purpose',
    labelId: 'Upah tidak dibayar atau ditahan',
    labelEn: 'Wages unpaid or withheld',
  },
  {
    id: 'purpose_organ',
    element: 'purpose',
    labelId: 'Pengambilan organ atau jaringan tubuh',
    labelEn: 'Removal of organs or tissue',
  },
  {
    id: 'purpose_other',
    element: 'purpose',
    labelId: 'Pemanfaatan tenaga atau kemampuan untuk keuntungan orang lain',
    labelEn: "Use of the person's labour or abilities for another's gain",
  },
];
