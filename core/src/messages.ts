import type { z } from 'zod';
import type { ErrorCode } from './errors.js';
import type { Language } from './user.js';

type Dict = Record<string, { id: string; en: string }>;

/** Messages for API error codes. */
export const ERROR_MESSAGES: Record<ErrorCode, { id: string; en: string }> = {
  validation_failed: {
    id: 'Data yang dikirim belum benar. Periksa isian yang ditandai.',
    en: 'Some fields are not valid. Check the marked fields.',
  },
  unauthenticated: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  session_expired: {
    id: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
    en: 'Your session has ended. Please sign in again.',
  },
  invalid_credentials: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  account_locked: {
    id: 'Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi nanti.',
    en: 'The account is locked for a while after too many failed attempts. Try again later.',
  },
  mfa_required: {
    id: 'Selesaikan verifikasi dua langkah terlebih dahulu.',
    en: 'Finish two-step verification first.',
  },
  csrf_failed: {
    id: 'Permintaan ditolak (token keamanan tidak cocok). Muat ulang halaman.',
    en: 'Request refused (security token mismatch). Reload the page.',
  },
  forbidden: { id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  not_found: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  conflict: { id: 'Data bertentangan dengan data yang sudah ada.', en: 'This conflicts with existing data.' },
  version_conflict: {
    id: 'Data ini sudah diubah orang lain sejak Anda membukanya. Periksa versi terbaru.',
    en: 'Someone else changed this record since you opened it. Review the latest version.',
  },
  payload_too_large: { id: 'Data yang dikirim terlalu besar.', en: 'The request is too large.' },
  rate_limited: {
    id: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.',
    en: 'Too many requests. Wait a moment and try again.',
  },
  internal: {
    id: 'Terjadi kesalahan pada server. Coba lagi; jika berulang, hubungi administrator.',
    en: 'Something went wrong on the server. Try again; if it persists, contact the administrator.',
  },
};

/** Messages for field problems: zod issue codes and the custom keys schemas use as messages. */
export const FIELD_MESSAGES: Dict = {
  required: { id: 'Wajib diisi.', en: 'Required.' },
  invalid_type: { id: 'Isian tidak valid.', en: 'Invalid value.' },
  invalid_value: { id: 'Pilih salah satu nilai yang tersedia.', en: 'Choose one of the available values.' },
  too_short: { id: 'Terlalu pendek: minimal {min} karakter.', en: 'Too short: at least {min} characters.' },
  too_long: { id: 'Terlalu panjang: maksimal {max} karakter.', en: 'Too long: at most {max} characters.' },
  too_few: { id: 'Pilih minimal {min}.', en: 'Choose at least {min}.' },
  too_many: { id: 'Terlalu banyak: maksimal {max}.', en: 'Too many: at most {max}.' },
  too_small_number: { id: 'Minimal {min}.', en: 'At least {min}.' },
  too_big_number: { id: 'Maksimal {max}.', en: 'At most {max}.' },
  retention_years_whole: {
    id: 'Isi jumlah tahun dengan bilangan bulat, misalnya 10.',
    en: 'Enter a whole number of years, for example 10.',
  },
  retention_change_pending: {
    id: 'Sudah ada perubahan masa simpan yang menunggu. Batalkan dulu sebelum mengajukan yang lain.',
    en: 'A change of the retention period is already pending. Cancel it before proposing another.',
  },
  retention_change_closed: {
    id: 'Perubahan ini sudah dibatalkan atau sudah berlaku.',
    en: 'This change was already cancelled or has taken effect.',
  },
  retention_confirm_own: {
    id: 'Perubahan harus disetujui oleh administrator lain, bukan yang mengajukannya.',
    en: 'The change must be confirmed by another administrator, not the one who proposed it.',
  },
  retention_confirm_admin: {
    id: 'Hanya administrator gugus tugas yang dapat menyetujui perubahan lebih awal.',
    en: 'Only an administrator of the task force can confirm a change early.',
  },
  invalid_email: { id: 'Alamat email tidak valid.', en: 'Invalid email address.' },
  invalid_uuid: { id: 'Pilihan tidak valid.', en: 'Invalid selection.' },
  invalid_format: { id: 'Format tidak valid.', en: 'Invalid format.' },
  unrecognized_keys: { id: 'Ada isian yang tidak dikenal.', en: 'Unknown fields were sent.' },
  password_too_short: {
    id: 'Kata sandi minimal 10 karakter.',
    en: 'The password needs at least 10 characters.',
  },
  password_too_long: { id: 'Kata sandi terlalu panjang.', en: 'The password is too long.' },
  password_common: {
    id: 'Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain.',
    en: 'This password is too common and easy to guess. Choose another.',
  },
  password_contains_username: {
    id: 'Kata sandi tidak boleh memuat nama pengguna.',
    en: 'The password must not contain the username.',
  },
  password_breached: {
    id: 'Kata sandi ini ada dalam daftar kata sandi yang pernah bocor; penyerang mencobanya lebih dulu. Pilih yang lain.',
    en: 'This password is on a list of leaked passwords, which attackers try first. Choose another.',
  },
  password_breached_base: {
    id: 'Kata sandi ini hanya kata sandi yang pernah bocor ditambah angka atau simbol di awal/akhir (mis. "iloveyou" + "1234"); penyerang mencoba pola ini lebih dulu. Pilih yang lain.',
    en: 'This password is a leaked password with digits or symbols added at the start or end (e.g. "iloveyou" + "1234"), which attackers try first. Choose another.',
  },
  password_contains_agency: {
    id: 'Kata sandi tidak boleh memuat nama atau singkatan instansi.',
    en: 'The password must not contain the name or short name of the agency.',
  },
  password_contains_region: {
    id: 'Kata sandi tidak boleh memuat nama wilayah gugus tugas (kabupaten/kota, kecamatan, provinsi atau singkatannya, mis. Manggarai, Ruteng, NTT).',
    en: "The password must not contain a place name of the task force's region (regency or city, district, province or its short name, e.g. Manggarai, Ruteng, NTT).",
  },
  password_contains_app_name: {
    id: 'Kata sandi tidak boleh memuat nama aplikasi atau gugus tugas (Sinergi, Gugus Tugas, TPPO).',
    en: 'The password must not contain the name of the application or the task force (Sinergi, Gugus Tugas, TPPO).',
  },
  password_wrong: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  case_number_unknown: {
    id: 'Tidak ada kasus dengan nomor ini.',
    en: 'There is no case with this number.',
  },
  search_identity_not_allowed: {
    id: 'Peran Anda tidak dapat mencari berdasarkan NIK atau nama orang. Cari dengan nomor kasus.',
    en: 'Your role cannot search by NIK or by the name of a person. Search by case number.',
  },
  review_own_grant: {
    id: 'Akses darurat Anda sendiri ditinjau oleh orang lain.',
    en: 'Your own emergency access is reviewed by someone else.',
  },
  mfa_code_invalid: {
    id: 'Kode salah atau sudah kedaluwarsa. Masukkan kode terbaru dari aplikasi autentikator.',
    en: 'The code is wrong or expired. Enter the latest code from the authenticator app.',
  },
  mfa_not_started: {
    id: 'Mulai pendaftaran verifikasi dua langkah terlebih dahulu.',
    en: 'Start setting up two-step verification first.',
  },
  mfa_already_enabled: {
    id: 'Verifikasi dua langkah sudah aktif.',
    en: 'Two-step verification is already on.',
  },
  mfa_mandatory: {
    id: 'Verifikasi dua langkah wajib untuk peran Anda dan tidak dapat dimatikan.',
    en: 'Two-step verification is required for your role and cannot be turned off.',
  },
  password_reused: {
    id: 'Kata sandi baru harus berbeda dari yang lama.',
    en: 'The new password must differ from the old one.',
  },
  username_format: {
    id: 'Nama pengguna 3-50 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.',
    en: 'Username: 3-50 characters of lower-case letters, digits, dot, underscore or hyphen.',
  },
  username_taken: { id: 'Nama pengguna sudah dipakai.', en: 'This username is already taken.' },
  short_name_format: {
    id: 'Singkatan hanya boleh huruf, angka, spasi dan . & ( ) / -',
    en: 'Short name may contain letters, digits, spaces and . & ( ) / - only.',
  },
  short_name_taken: {
    id: 'Singkatan ini sudah dipakai instansi lain.',
    en: 'Another agency already uses this short name.',
  },
  region_code_format: {
    id: 'Kode wilayah tidak valid (contoh: 53.10).',
    en: 'Invalid region code (for example 53.10).',
  },
  region_unknown: { id: 'Wilayah tidak ditemukan.', en: 'Unknown region.' },
  agency_unknown: { id: 'Instansi tidak ditemukan.', en: 'Unknown agency.' },
  agency_inactive: { id: 'Instansi ini tidak aktif.', en: 'This agency is inactive.' },
  task_force_unknown: { id: 'Gugus tugas tidak ditemukan.', en: 'Unknown task force.' },
  agency_not_member: {
    id: 'Instansi ini bukan anggota gugus tugas.',
    en: 'This agency is not a member of the task force.',
  },
  position_taken: {
    id: 'Jabatan ini sudah dipegang instansi lain; ubah dulu instansi tersebut.',
    en: 'Another agency holds this position; change that agency first.',
  },
  decree_unknown: { id: 'SK tidak ditemukan.', en: 'Unknown decree.' },
  decree_already_replaced: {
    id: 'SK ini sudah diubah oleh SK lain.',
    en: 'This decree has already been changed by another decree.',
  },
  plan_years: {
    id: 'Tahun akhir harus sama atau setelah tahun awal (paling lama 10 tahun).',
    en: 'The end year must be the start year or later (at most 10 years).',
  },
  budget_negative: { id: 'Anggaran tidak boleh negatif.', en: 'The budget cannot be negative.' },
  year_outside_plan: {
    id: 'Tahun di luar periode rencana aksi.',
    en: 'The year is outside the action plan period.',
  },
  programme_unknown: { id: 'Program tidak ditemukan.', en: 'Unknown programme.' },
  period_outside_plan: {
    id: 'Periode tidak ada dalam rencana aksi ini.',
    en: 'This period does not exist in the action plan.',
  },
  period_already_reported: {
    id: 'Periode ini sudah dilaporkan; perbaiki laporan yang ada.',
    en: 'This period is already reported; correct the existing report.',
  },
  sub_task_force_unknown: { id: 'Sub gugus tugas tidak ditemukan.', en: 'Unknown sub-task force.' },
  xlsx_unreadable: {
    id: 'Berkas tidak dapat dibaca sebagai XLSX. Simpan ulang sebagai Excel Workbook (.xlsx).',
    en: 'The file cannot be read as XLSX. Save it again as an Excel Workbook (.xlsx).',
  },
  rad_layout: {
    id: 'Berkas harus memiliki lembar "RAD" dan "Rencana" seperti hasil unduhan RAD dari Sinergi.',
    en: 'The file needs the sheets "RAD" and "Rencana", as in a RAD downloaded from Sinergi.',
  },
  column_missing: {
    id: 'Kolom ini tidak ada di baris judul.',
    en: 'This column is missing from the header row.',
  },
  budget_source_unknown: {
    id: 'Sumber anggaran tidak dikenal (APBD, APBN, Dana Desa, Donor, Lainnya).',
    en: 'Unknown budget source (APBD, APBN, Dana Desa, Donor, Lainnya).',
  },
  horizon_unknown: {
    id: 'Isi "Jangka pendek" atau "Jangka panjang".',
    en: 'Use "Jangka pendek" (short term) or "Jangka panjang" (long term).',
  },
  agency_not_member_named: {
    id: 'Instansi "{name}" bukan anggota gugus tugas.',
    en: 'The agency "{name}" is not a member of the task force.',
  },
  plan_unknown: { id: 'Rencana aksi tidak ditemukan.', en: 'Unknown action plan.' },
  months_repeated: { id: 'Setiap bulan cukup dipilih sekali.', en: 'Choose each month once.' },
  activity_not_in_plan: {
    id: 'Kegiatan ini bukan bagian dari rencana aksi yang dipilih.',
    en: 'This activity is not part of the chosen action plan.',
  },
  activity_repeated: {
    id: 'Kegiatan ini sudah ada dalam program kerja.',
    en: 'This activity is already in the work programme.',
  },
  rad_no_rows: { id: 'Tidak ada kegiatan di lembar RAD.', en: 'There are no activities on the RAD sheet.' },
  case_number_format: {
    id: 'Nomor kasus tidak valid (contoh: TPPO/53.10/2026/0001). Rapat hanya memakai nomor kasus, bukan nama.',
    en: 'Invalid case number (e.g. TPPO/53.10/2026/0001). Meetings use case numbers only, never names.',
  },
  url_format: {
    id: 'Tautan harus diawali http:// atau https://.',
    en: 'The link must start with http:// or https://.',
  },
  place_or_link: {
    id: 'Isi tempat rapat atau tautan rapat daring.',
    en: 'Enter the meeting place or an online meeting link.',
  },
  ends_before_start: {
    id: 'Waktu selesai harus setelah waktu mulai.',
    en: 'The end time must be after the start time.',
  },
  drop_needs_note: {
    id: 'Tulis alasan mengapa tindak lanjut dibatalkan.',
    en: 'Say why the action is dropped.',
  },
  village_code_format: {
    id: 'Pilih desa/kelurahan (kode wilayah desa, contoh 53.10.01.2001).',
    en: 'Choose a village (village region code, e.g. 53.10.01.2001).',
  },
  village_outside_task_force: {
    id: 'Desa ini tidak ada di wilayah gugus tugas.',
    en: 'This village is outside the task force area.',
  },
  status_change_not_allowed: {
    id: 'Perubahan status ini tidak diperbolehkan.',
    en: 'This status change is not allowed.',
  },
  activity_unknown: {
    id: 'Kegiatan RAD tidak ditemukan.',
    en: 'Unknown action-plan activity.',
  },
  cannot_disable_self: {
    id: 'Anda tidak dapat menonaktifkan akun sendiri.',
    en: 'You cannot disable your own account.',
  },
  cannot_remove_own_admin: {
    id: 'Anda tidak dapat mencabut peran administrator dari akun sendiri.',
    en: 'You cannot remove the administrator role from your own account.',
  },
  period_mixed: {
    id: 'Pilih satu jenis periode saja: tahun (dengan triwulan atau bulan) atau rentang tanggal.',
    en: 'Choose one kind of period: a year (with a quarter or a month) or a date range.',
  },
  year_required: { id: 'Pilih tahunnya juga.', en: 'Choose the year too.' },
  range_order: {
    id: 'Tanggal akhir tidak boleh sebelum tanggal awal.',
    en: 'The end date cannot be before the start date.',
  },
  dimension_not_allowed: {
    id: 'Indikator ini tidak dapat dirinci menurut dimensi tersebut.',
    en: 'This indicator cannot be broken down by that dimension.',
  },
  district_not_applicable: {
    id: 'Indikator ini tidak dapat disaring menurut kecamatan asal.',
    en: 'This indicator cannot be filtered by kecamatan of origin.',
  },
  year_only: {
    id: 'Capaian RAD dihitung per tahun: pilih satu tahun utuh.',
    en: 'RAD achievement is per year: choose one whole year.',
  },
  series_same_as_dimension: {
    id: 'Pilih dimensi pembanding yang berbeda dari dimensi utama.',
    en: 'Choose a series different from the main dimension.',
  },
  district_code_format: {
    id: 'Kode kecamatan tidak valid (format 53.10.01).',
    en: 'Invalid district code (format 53.10.01).',
  },
  date_format: { id: 'Tanggal tidak valid (format TTTT-BB-HH).', en: 'Invalid date (YYYY-MM-DD).' },
  datetime_format: { id: 'Tanggal dan waktu tidak valid.', en: 'Invalid date and time.' },
  date_in_future: { id: 'Tanggal tidak boleh di masa depan.', en: 'The date cannot be in the future.' },
  incident_after_report: {
    id: 'Tanggal kejadian tidak boleh setelah tanggal laporan.',
    en: 'The incident cannot be after the report.',
  },
  country_code_format: { id: 'Kode negara tidak valid.', en: 'Invalid country code.' },
  country_unknown: { id: 'Negara tidak ditemukan.', en: 'Unknown country.' },
  place_format: {
    id: 'Pilih negara atau wilayah Indonesia dari daftar (ketik namanya, misalnya Nunukan).',
    en: 'Choose a country or an Indonesian region from the list (type its name, for example Nunukan).',
  },
  nik_format: {
    id: 'NIK harus 16 angka dengan tanggal lahir yang masuk akal.',
    en: 'The NIK must be 16 digits with a plausible birth date.',
  },
  phone_format: {
    id: 'Nomor telepon tidak valid (contoh: +6281234567890).',
    en: 'Invalid phone number (e.g. +6281234567890).',
  },
  user_unknown: { id: 'Pengguna tidak ditemukan.', en: 'Unknown user.' },
  team_user_other_agency: {
    id: 'Anggota tim kasus harus dari instansi penanggung jawab.',
    en: 'Case team members must belong to the lead agency.',
  },
  person_unknown: { id: 'Orang tersebut tidak ada dalam kasus ini.', en: 'That person is not in this case.' },
  guardian_must_be_guardian: {
    id: 'Wali harus orang dengan peran wali dalam kasus ini.',
    en: 'The guardian must be a person with the guardian role in this case.',
  },
  indicator_unknown: {
    id: 'Indikator tidak dikenal pada daftar periksa.',
    en: 'Unknown indicator for the checklist.',
  },
  person_already_erased: {
    id: 'Data identitas orang ini sudah dihapus.',
    en: "This person's identifying data has already been erased.",
  },
  alert_already_acknowledged: {
    id: 'Peringatan ini sudah ditandai ditinjau oleh administrator lain.',
    en: 'This alert has already been acknowledged by another administrator.',
  },
  transition_not_allowed: {
    id: 'Perpindahan tahap ini tidak diperbolehkan.',
    en: 'This stage change is not allowed.',
  },
  screening_required: { id: 'Lakukan penapisan terlebih dahulu.', en: 'Record a screening first.' },
  screening_not_identified: {
    id: 'Hasil penapisan terakhir belum menyatakan korban TPPO.',
    en: 'The latest screening does not identify trafficking.',
  },
  screening_not_negative: {
    id: 'Hasil penapisan terakhir bukan "bukan TPPO".',
    en: 'The latest screening is not "not trafficking".',
  },
  screening_not_potential: {
    id: 'Langsung ke asesmen hanya untuk kasus dengan hasil penapisan "potensial".',
    en: 'Straight to assessment only for a case screened as "potential".',
  },
  reason_required: { id: 'Alasan wajib diisi.', en: 'A reason is required.' },
  guardian_required: {
    id: 'Korban anak harus memiliki wali yang dicatat.',
    en: 'A child victim needs a recorded guardian.',
  },
  victim_required: {
    id: 'Catat minimal satu korban terlebih dahulu.',
    en: 'Record at least one victim first.',
  },
  document_unknown: {
    id: 'Dokumen itu tidak ada pada kasus ini.',
    en: 'That document is not in this case.',
  },
  file_type_pdf_or_image: {
    id: 'Unggah SK sebagai PDF atau gambar (JPG, PNG).',
    en: 'Upload the decree as a PDF or an image (JPG, PNG).',
  },
  file_type_logo: {
    id: 'Logo harus berupa gambar PNG atau JPG.',
    en: 'The logo must be a PNG or JPG image.',
  },
  letter_pattern_needs_seq: {
    id: 'Pola nomor surat harus memuat nomor urut: seq atau seq3 dalam kurung kurawal.',
    en: 'The letter-number pattern must contain the sequence number: seq or seq3 in curly brackets.',
  },
  letter_pattern_unknown_token: {
    id: 'Pola hanya boleh memakai penanda seq, seq3, roman_month, month dan year dalam kurung kurawal.',
    en: 'The pattern may only use the markers seq, seq3, roman_month, month and year in curly brackets.',
  },
  consent_sharing_agencies: {
    id: 'Pilih instansi yang boleh menerima data orang ini.',
    en: 'Choose the agencies that may receive this person’s data.',
  },
  consent_social_worker_reason: {
    id: 'Tulis alasan persetujuan diberikan oleh pekerja sosial (mis. wali tidak dapat dihubungi atau diduga terlibat).',
    en: 'Write why the social worker gives the consent (e.g. the guardian cannot be reached or may be involved).',
  },
  consent_child_self: {
    id: 'Korban anak tidak dapat memberi persetujuan sendiri: persetujuan diberikan oleh orang tua/wali, atau oleh pekerja sosial dengan alasan tertulis.',
    en: 'A child cannot consent alone: the consent is given by a parent or guardian, or by the social worker with a written reason.',
  },
  upload_incomplete: {
    id: 'Berkas tidak terkirim utuh (sambungan terputus?). Coba unggah lagi.',
    en: 'The file did not arrive in full (was the connection cut?). Try uploading it again.',
  },
  upload_too_many_fields: {
    id: 'Unggahan memuat terlalu banyak isian. Kirim hanya berkas dan isian formulirnya.',
    en: 'The upload holds too many fields. Send only the file and the form’s own fields.',
  },
  file_type_not_allowed: {
    id: 'Jenis berkas tidak diizinkan. Unggah PDF, gambar (JPG, PNG) atau dokumen kantor.',
    en: 'This file type is not allowed. Upload a PDF, an image (JPG, PNG) or an office document.',
  },
  date_range: { id: 'Tanggal akhir harus setelah tanggal awal.', en: 'The end must be after the start.' },
  legal_track_ended: {
    id: 'Proses hukum sudah berakhir (SP3 atau eksekusi).',
    en: 'The legal process has ended (SP3 or execution).',
  },
  verdict_before_prosecution: {
    id: 'Putusan hanya dapat dicatat setelah penuntutan.',
    en: 'A verdict can only be recorded after prosecution.',
  },
  p21_twice: {
    id: 'P21 tidak dapat dicatat dua kali tanpa P19 di antaranya.',
    en: 'P21 cannot be recorded twice without a P19 in between.',
  },
  legal_date_before_previous: {
    id: 'Tanggal tidak boleh sebelum tahap sebelumnya.',
    en: 'The date cannot be before the previous stage.',
  },
  charges_required: {
    id: 'Cantumkan minimal satu pasal dakwaan.',
    en: 'List at least one article charged.',
  },
  police_report_required: {
    id: 'Catat laporan polisi terlebih dahulu.',
    en: 'Record the police report first.',
  },
  restitution_not_child: {
    id: 'Batas kelengkapan syarat restitusi (PP 43/2017) hanya untuk korban anak.',
    en: 'The restitution requirements deadline (PP 43/2017) applies to child victims only.',
  },
  requirements_before_notice: {
    id: 'Tanggal lengkap tidak boleh sebelum tanggal pemberitahuan kekurangan syarat.',
    en: 'The completion date cannot be before the date the applicant was told what was missing.',
  },
  restitution_not_granted: {
    id: 'Pembayaran hanya untuk restitusi yang sudah dikabulkan.',
    en: 'Payments are only for granted restitution.',
  },
  victim_unknown: {
    id: 'Korban tersebut tidak ada dalam kasus ini.',
    en: 'That victim is not in this case.',
  },
  prosecution_agency_unknown: {
    id: 'Pilih kejaksaan dari gugus tugas ini.',
    en: 'Choose a prosecution office of this task force.',
  },
  consent_missing_for_referral: {
    id: 'Rujukan belum dapat dikirim: orang ini belum memiliki persetujuan yang berlaku untuk layanan dan berbagi data dengan instansi tujuan. Catat persetujuan dulu, atau koordinator mencatat pengecualian dengan alasan.',
    en: 'The referral cannot be sent yet: this person has no current consent covering services and sharing data with the receiving agency. Record the consent first, or a coordinator records an override with a reason.',
  },
  override_coordinator_only: {
    id: 'Hanya koordinator yang dapat mencatat pengecualian persetujuan.',
    en: 'Only a coordinator can record a consent override.',
  },
  referral_to_own_agency: {
    id: 'Rujukan harus ke instansi lain. Layanan oleh instansi sendiri dicatat langsung.',
    en: 'A referral goes to another agency. Record services by your own agency directly.',
  },
  outcome_required: { id: 'Hasil layanan wajib diisi.', en: 'The outcome is required.' },
  provider_needs_referral: {
    id: 'Layanan oleh instansi lain harus melalui rujukan.',
    en: "Another agency's service goes through a referral.",
  },
  stage_required: { id: 'Pilih tahap layanan.', en: 'Choose the service stage.' },
  worker_other_agency: {
    id: 'Petugas harus dari instansi penerima.',
    en: 'The worker must belong to the receiving agency.',
  },
  k_too_low: {
    id: 'Nilai k minimal 5: kelompok lebih kecil dapat mengenali korban.',
    en: 'k must be at least 5: smaller groups could identify a victim.',
  },
  k_too_high: {
    id: 'Nilai k paling besar 1000.',
    en: 'k can be at most 1000.',
  },
  import_file_type: {
    id: 'Berkas harus XLSX atau CSV.',
    en: 'The file must be XLSX or CSV.',
  },
  import_file_unreadable: {
    id: 'Berkas tidak dapat dibaca. Simpan ulang sebagai XLSX atau CSV (UTF-8) lalu unggah lagi.',
    en: 'The file cannot be read. Save it again as XLSX or CSV (UTF-8) and upload it again.',
  },
  import_empty: {
    id: 'Berkas tidak berisi baris data di bawah baris judul.',
    en: 'The file has no data rows below the header row.',
  },
  import_too_many_rows: {
    id: 'Terlalu banyak baris: maksimal 5.000 baris per impor. Bagi register menjadi beberapa berkas.',
    en: 'Too many rows: at most 5,000 rows per import. Split the register into several files.',
  },
  import_mapping_missing: {
    id: 'Petakan kolom wajib ini ke salah satu kolom berkas.',
    en: "Map this required field to one of the file's columns.",
  },
  import_column_unknown: {
    id: 'Kolom ini tidak ada di berkas.',
    en: 'This column is not in the file.',
  },
  import_key_repeated: {
    id: 'Kunci impor yang sama sudah muncul di baris sebelumnya.',
    en: 'The same import key already appears on an earlier row.',
  },
  import_already_imported: {
    id: 'Baris dengan kunci impor ini sudah diimpor sebelumnya; dilewati.',
    en: 'A row with this import key was imported before; skipped.',
  },
  import_not_validated: {
    id: 'Jalankan uji coba (dry run) terlebih dahulu.',
    en: 'Run the dry run first.',
  },
  report_not_ready: {
    id: 'Laporan belum selesai dibuat; tunggu sampai proses selesai.',
    en: 'The report is not ready yet; wait until generation has finished.',
  },
  report_failed: {
    id: 'Pembuatan laporan gagal; buat ulang laporan.',
    en: 'Generating the report failed; generate it again.',
  },
  import_already_running: {
    id: 'Impor ini sudah dijalankan.',
    en: 'This import has already been run.',
  },
  value_unknown: {
    id: 'Nilai "{value}" tidak dikenal.',
    en: 'Unknown value "{value}".',
  },
  number_format: { id: 'Harus berupa angka.', en: 'Must be a number.' },
};

function fill(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** A field message by key, in the language asked for; unknown keys fall back to a generic message. */
export function fieldMessage(key: string, lang: Language, params: Record<string, unknown> = {}): string {
  const entry = FIELD_MESSAGES[key] ?? FIELD_MESSAGES.invalid_format!;
  return fill(entry[lang], params);
}

/** The message key for one zod issue. Custom issues carry their key as the message. */
export function issueKey(issue: z.core.$ZodIssue): { key: string; params: Record<string, unknown> } {
  if (
    issue.code !== 'custom' &&
    'input' in issue &&
    (issue.input === undefined || issue.input === null || issue.input === '')
  ) {
    return { key: 'required', params: {} };
  }
  // A schema may name its own message (e.g. `.min(0, { message: 'budget_negative' })`).
  if (issue.message && issue.message in FIELD_MESSAGES) return { key: issue.message, params: {} };
  switch (issue.code) {
    case 'custom':
      return { key: issue.message in FIELD_MESSAGES ? issue.message : 'invalid_format', params: {} };
    case 'invalid_type':
      return {
        key: issue.input === undefined || issue.input === null ? 'required' : 'invalid_type',
        params: {},
      };
    case 'invalid_value':
      return { key: 'invalid_value', params: {} };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return { key: min <= 1 ? 'required' : 'too_short', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'too_few', params: { min } };
      return { key: 'too_small_number', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'too_long', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'too_many', params: { max } };
      return { key: 'too_big_number', params: { max } };
    }
    case 'invalid_format': {
      if (issue.message && issue.message in FIELD_MESSAGES) return { key: issue.message, params: {} };
      if (issue.format === 'email') return { key: 'invalid_email', params: {} };
      if (issue.format === 'uuid') return { key: 'invalid_uuid', params: {} };
      return { key: 'invalid_format', params: {} };
    }
    case 'unrecognized_keys':
      return { key: 'unrecognized_keys', params: {} };
    default:
      return { key: 'invalid_format', params: {} };
  }
}

/**
 * Field path -> message, the first problem of each field, in the language asked for. Parse with
 * `{ reportInput: true }` so that an empty or missing field reads "required".
 */
export function localizeIssues(issues: readonly z.core.$ZodIssue[], lang: Language): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (fields[path]) continue;
    const { key, params } = issueKey(issue);
    fields[path] = fieldMessage(key, lang, params);
  }
  return fields;
}
