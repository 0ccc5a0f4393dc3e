import { formatDate, formatTime, type Meeting, type MeetingPdfKind } from '@sinergi/core';
import type { Content } from 'pdfmake/interfaces.js';
import { kopSurat, PDF_STYLES, type PdfLetterhead, renderPdf } from '../../platform/pdf.js';

/**
 * The meeting's printed documents, in Indonesian as the offices file them: the invitation letter
 * body, the attendance sheet (daftar hadir) with a signature column, and the minutes (notulen) with
 * decisions and follow-up actions. They are built from the meeting record alone, which holds case
 * numbers but never a victim's name.
 */

const TYPE_LABEL: Record<Meeting['type'], string> = {
  rakor: 'Rapat Koordinasi',
  evaluation: 'Rapat Evaluasi',
  planning: 'Rapat Perencanaan',
  case_conference: 'Konferensi Kasus',
  other: 'Rapat',
};
const STATUS_LABEL = { open: 'Terbuka', done: 'Selesai', dropped: 'Dibatalkan' } as const;

interface Letterhead {
  kop: PdfLetterhead;
  agencyNames: Map<string, string>;
  /** The invitation's letter number; null until the secretariat first issues it. */
  invitationNumber: string | null;
}

function dayName(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat('id-ID', { weekday: 'long', timeZone }).format(new Date(iso));
}

function when(m: Meeting) {
  const date = `${dayName(m.startsAt, m.timeZone)}, ${formatDate(m.startsAt, 'id', m.timeZone)}`;
  const time = m.endsAt
    ? `${formatTime(m.startsAt, 'id', m.timeZone)} - ${formatTime(m.endsAt, 'id', m.timeZone)}`
    : `${formatTime(m.startsAt, 'id', m.timeZone)} - selesai`;
  return { date, time };
}

function header(m: Meeting, head: Letterhead, title: string): Content[] {
  return [
    ...kopSurat(head.kop),
    { text: title, style: 'title' },
    { text: m.title, alignment: 'center', margin: [0, 0, 0, 12] },
  ];
}

function facts(m: Meeting): Content {
  const { date, time } = when(m);
  const rows: [string, string][] = [
    ['Hari, tanggal', date],
    ['Waktu', time],
    ['Tempat', [m.place, m.onlineLink].filter(Boolean).join(' / ') || '-'],
  ];
  return {
    layout: 'noBorders',
    table: { widths: [90, 8, '*'], body: rows.map(([k, v]) => [k, ':', v]) },
    margin: [0, 0, 0, 10],
  };
}

function agendaList(m: Meeting): Content {
  if (!m.agenda.length) return { text: '-' };
  return {
    ol: m.agenda.map((a) => (a.caseNumber ? `${a.title} (kasus ${a.caseNumber})` : a.title)),
  };
}

function signature(role: string, name: string): Content {
  return {
    stack: [
      { text: role },
      { text: ' ', margin: [0, 30, 0, 0] },
      { text: name || '(..............................)', bold: true },
    ],
    alignment: 'center',
  };
}

function invitation(m: Meeting, head: Letterhead): Content[] {
  const invited = m.invitedAgencyIds.map((id) => head.agencyNames.get(id) ?? '').filter(Boolean);
  return [
    ...header(m, head, 'UNDANGAN'),
    {
      layout: 'noBorders',
      table: {
        widths: [60, 8, '*'],
        body: [
          ['Nomor', ':', head.invitationNumber ?? '-'],
          ['Sifat', ':', 'Penting'],
          ['Perihal', ':', `Undangan ${TYPE_LABEL[m.type]}`],
        ],
      },
      margin: [0, 0, 0, 10],
    },
    { text: 'Kepada Yth.', margin: [0, 0, 0, 2] },
    invited.length ? { ol: invited, margin: [0, 0, 0, 4] } : { text: 'Anggota Gugus Tugas PP TPPO' },
    m.invitedPeople ? { text: m.invitedPeople, margin: [0, 0, 0, 4] } : { text: '' },
    { text: 'di tempat', margin: [0, 0, 0, 10] },
    {
      text: `Dengan hormat, dalam rangka ${TYPE_LABEL[m.type].toLowerCase()} Gugus Tugas Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang (PP TPPO), kami mengundang Bapak/Ibu untuk hadir pada:`,
      margin: [0, 0, 0, 8],
    },
    facts(m),
    { text: 'Acara:', bold: true },
    agendaList(m),
    {
      text: 'Mengingat pentingnya acara tersebut, kami mohon kehadiran Bapak/Ibu tepat waktu dan membawa capaian, kendala serta intervensi yang dibutuhkan dari instansi masing-masing. Atas perhatian dan kehadirannya kami ucapkan terima kasih.',
      margin: [0, 10, 0, 20],
    },
    { columns: [{ text: '' }, signature('Ketua / Pimpinan Rapat', m.chair)] },
  ];
}

function attendance(m: Meeting, head: Letterhead): Content[] {
  const body: Content[][] = [
    ['No', 'Nama', 'NIP', 'Jabatan', 'Instansi', 'Telepon', 'Tanda tangan'].map((t) => ({
      text: t,
      bold: true,
    })),
  ];
  m.attendees.forEach((a, i) => {
    body.push([
      String(i + 1),
      a.name,
      '',
      a.position,
      a.agencyShortName ?? a.organisation,
      '',
      { text: `${i + 1}. ...................`, alignment: i % 2 ? 'right' : 'left' },
    ]);
  });
  const blank = Math.max(5, 15 - m.attendees.length);
  for (let i = 0; i < blank; i++) {
    const n = m.attendees.length + i + 1;
    body.push([
      String(n),
      ' ',
      '',
      '',
      '',
      '',
      { text: `${n}. ...................`, alignment: n % 2 ? 'left' : 'right' },
    ]);
  }
  return [
    ...header(m, head, 'DAFTAR HADIR'),
    facts(m),
    ...(head.invitationNumber
      ? [{ text: `Undangan nomor ${head.invitationNumber}`, fontSize: 8, margin: [0, 0, 0, 6] } as Content]
      : []),
    {
      table: { headerRows: 1, widths: [18, '*', 50, 70, 70, 55, 80], body, heights: 22 },
      fontSize: 8,
    },
  ];
}

function minutes(m: Meeting, head: Letterhead): Content[] {
  const actionRows: Content[][] = [
    ['No', 'Tindak lanjut', 'Instansi', 'Batas waktu', 'Status'].map((t) => ({ text: t, bold: true })),
    ...m.actions.map((a, i) => [
      String(i + 1),
      a.description,
      a.ownerAgencyShortName,
      formatDate(`${a.dueDate}T00:00:00Z`, 'id', 'UTC'),
      a.statusNote ? `${STATUS_LABEL[a.status]}: ${a.statusNote}` : STATUS_LABEL[a.status],
    ]),
  ];
  const present = m.attendees.map(
    (a) => `${a.name}${a.position ? `, ${a.position}` : ''} (${a.agencyShortName ?? a.organisation})`,
  );
  return [
    ...header(m, head, 'NOTULEN RAPAT'),
    facts(m),
    {
      layout: 'noBorders',
      table: {
        widths: [90, 8, '*'],
        body: [
          ['Pimpinan rapat', ':', m.chair || '-'],
          ['Notulis', ':', m.minuteTaker || '-'],
          ['Peserta', ':', `${m.attendees.length} orang (daftar hadir terlampir)`],
          ['Undangan', ':', head.invitationNumber ? `nomor ${head.invitationNumber}` : '-'],
        ],
      },
      margin: [0, 0, 0, 8],
    },
    { text: 'Acara', style: 'section' },
    agendaList(m),
    { text: 'Jalannya rapat', style: 'section' },
    { text: m.minutes || '-' },
    { text: 'Keputusan / kesimpulan', style: 'section' },
    m.decisions.length ? { ol: m.decisions } : { text: '-' },
    { text: 'Tindak lanjut', style: 'section' },
    m.actions.length
      ? { table: { headerRows: 1, widths: [18, '*', 70, 70, 80], body: actionRows }, fontSize: 9 }
      : { text: '-' },
    { text: 'Peserta', style: 'section' },
    present.length ? { ol: present, fontSize: 9 } : { text: '-' },
    {
      columns: [signature('Pimpinan Rapat', m.chair), signature('Notulis', m.minuteTaker)],
      margin: [0, 24, 0, 0],
    },
  ];
}

/** Renders one of the meeting's documents as a PDF. */
export async function meetingPdf(kind: MeetingPdfKind, m: Meeting, head: Letterhead): Promise<Buffer> {
  const content =
    kind === 'invitation'
      ? invitation(m, head)
      : kind === 'attendance'
        ? attendance(m, head)
        : minutes(m, head);
  return renderPdf({
    info: { title: `${TYPE_LABEL[m.type]}: ${m.title}` },
    content,
    styles: PDF_STYLES,
  });
}
