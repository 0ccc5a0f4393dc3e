import { ACHIEVEMENT_STATUS_LABELS, comparison, countText, percentText, rupiah } from './report-labels.js';
import type { Count, Row, YearlyReportData } from './yearly-report.data.js';

/**
 * The yearly report as a list of blocks in Indonesian, written once and drawn by both the DOCX
 * and the PDF renderer, so the two documents always say the same thing.
 */
export type Block =
  | { kind: 'cover'; title: string; subtitle: string; taskForce: string; year: number; note: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'bullets'; items: string[] }
  /** Lines set to the right, where the chair signs (the secretariat completes it in the DOCX). */
  | { kind: 'signature'; lines: string[] }
  | { kind: 'table'; header: string[]; rows: string[][]; total?: boolean }
  | { kind: 'bars'; header: [string, string]; rows: { label: string; text: string; value: number | null }[] };

const fmt = new Intl.NumberFormat('id-ID');
/** The mark of a count hidden to protect a small one (the statistics pages use the same). */
const MASK = '•';

/** The longer narrative of a typed summary: one paragraph per line, bullets for "- " lines. */
function typedText(text: string, empty: string): Block[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return [{ kind: 'note', text: empty }];
  const blocks: Block[] = [];
  let bullets: string[] = [];
  const flush = () => {
    if (bullets.length) blocks.push({ kind: 'bullets', items: bullets });
    bullets = [];
  };
  for (const l of lines) {
    if (/^[-*•]\s+/.test(l)) bullets.push(l.replace(/^[-*•]\s+/, ''));
    else {
      flush();
      blocks.push({ kind: 'paragraph', text: l });
    }
  }
  flush();
  return blocks;
}

export function buildYearlyReport(d: YearlyReportData): Block[] {
  const t = d.threshold;
  const c = (v: Count) => countText(v, t);
  const cell = (r: Row) => (r.masked ? MASK : c(r.value));
  // A category nobody falls in says nothing to the reader; months are kept for the calendar.
  const bars = (header: [string, string], rows: Row[], keepZeros = false): Block => ({
    kind: 'bars',
    header,
    rows: rows
      .filter((r) => keepZeros || r.value !== 0 || r.masked)
      .map((r) => ({ label: r.label, text: cell(r), value: r.value })),
  });
  const orEmpty = (rows: Row[], block: Block, empty: string): Block =>
    rows.length === 0 || rows.every((r) => r.value === 0) ? { kind: 'note', text: empty } : block;
  const y = d.year;
  const prev = y - 1;
  const h = d.headline;
  const p = d.prevention;
  const reach =
    p.participants.adultMale +
    p.participants.adultFemale +
    p.participants.childMale +
    p.participants.childFemale;
  const blocks: Block[] = [];

  blocks.push({
    kind: 'cover',
    title: 'LAPORAN TAHUNAN',
    subtitle: 'Gugus Tugas Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang',
    taskForce: d.taskForce.name,
    year: y,
    note: `Disusun oleh Sekretariat Gugus Tugas pada ${d.generatedOn}`,
  });

  blocks.push({ kind: 'heading', level: 1, text: 'I. Pendahuluan' });
  blocks.push({
    kind: 'paragraph',
    text: `Laporan ini menyajikan pelaksanaan tugas ${d.taskForce.name} selama tahun ${y}: susunan gugus tugas, kasus dan korban tindak pidana perdagangan orang (TPPO) yang ditangani, layanan yang diberikan kepada korban, penegakan hukum dan restitusi, penanganan pekerja migran, kegiatan pencegahan, capaian Rencana Aksi Daerah (RAD), evaluasi akhir tahun, serta rekomendasi kepada pimpinan daerah.`,
  });
  blocks.push({
    kind: 'note',
    text: `Perlindungan data: laporan ini tidak memuat nama atau identitas korban. Angka diambil dari sistem informasi gugus tugas. Jumlah antara 1 dan ${t - 1} ditampilkan sebagai "< ${t}", dan angka yang dapat dipakai untuk menghitungnya ditandai "${MASK}", agar korban tidak dapat dikenali.`,
  });

  blocks.push({ kind: 'heading', level: 1, text: 'II. Ringkasan Angka Utama' });
  blocks.push({
    kind: 'paragraph',
    text: `Pada tahun ${y} gugus tugas menerima ${c(h.cases[0])} kasus dengan ${c(h.victims[0])} korban, di antaranya ${c(h.childVictims[0])} korban anak. Jumlah kasus ${comparison(h.cases[0], h.cases[1], t)}.`,
  });
  blocks.push({
    kind: 'table',
    header: ['Uraian', `Tahun ${prev}`, `Tahun ${y}`],
    rows: [
      ['Kasus diterima', c(h.cases[1]), c(h.cases[0])],
      ['Korban', c(h.victims[1]), c(h.victims[0])],
      ['Korban anak', c(h.childVictims[1]), c(h.childVictims[0])],
      ['PMI deportan diterima', c(h.deportees[1]), c(h.deportees[0])],
      ['Jenazah PMI dipulangkan', c(h.bodiesReturned[1]), c(h.bodiesReturned[0])],
      [
        'Restitusi dikabulkan pengadilan',
        rupiah(d.law.previousRestitution.granted),
        rupiah(d.law.restitution.granted),
      ],
      ['Restitusi telah dibayarkan', rupiah(d.law.previousRestitution.paid), rupiah(d.law.restitution.paid)],
      ['Peserta kegiatan pencegahan', fmt.format(p.previousReach), fmt.format(reach)],
    ],
  });

  blocks.push({ kind: 'heading', level: 1, text: 'III. Susunan Gugus Tugas' });
  const comp = d.composition;
  blocks.push(
    comp.decree
      ? {
          kind: 'paragraph',
          text: `Gugus tugas bekerja berdasarkan keputusan Nomor ${comp.decree.number} tanggal ${longDate(comp.decree.signedOn)} (${comp.decree.title}).`,
        }
      : { kind: 'note', text: 'Belum ada surat keputusan pembentukan gugus tugas yang tercatat di sistem.' },
  );
  if (comp.leaders.length)
    blocks.push({
      kind: 'table',
      header: ['Jabatan', 'Instansi'],
      rows: comp.leaders.map((l) => [l.position, l.agency]),
    });
  blocks.push({ kind: 'heading', level: 2, text: 'Sub gugus tugas' });
  blocks.push(
    comp.subTaskForces.length
      ? {
          kind: 'table',
          header: ['Sub gugus tugas', 'Instansi koordinator', 'Instansi anggota'],
          rows: comp.subTaskForces.map((s) => [s.name, s.lead ?? 'Belum ditetapkan', fmt.format(s.members)]),
        }
      : { kind: 'note', text: 'Belum ada sub gugus tugas yang tercatat.' },
  );
  blocks.push({
    kind: 'paragraph',
    text: `Gugus tugas beranggotakan ${fmt.format(comp.members.length)} instansi: ${comp.members.map((m) => m.agency).join(', ') || '-'}.`,
  });

  blocks.push({ kind: 'heading', level: 1, text: 'IV. Kasus dan Korban' });
  blocks.push({
    kind: 'paragraph',
    text: `Sepanjang tahun ${y} tercatat ${c(h.cases[0])} kasus (tahun ${prev}: ${c(h.cases[1])}) dan ${c(h.victims[0])} korban (tahun ${prev}: ${c(h.victims[1])}). Satu kasus dapat melibatkan lebih dari satu korban.`,
  });
  blocks.push({ kind: 'heading', level: 2, text: 'Kasus per bulan' });
  blocks.push(
    orEmpty(
      d.cases.byMonth,
      bars(['Bulan', 'Kasus'], d.cases.byMonth, true),
      `Tidak ada kasus yang dilaporkan pada tahun ${y}.`,
    ),
  );
  const caseSections: [string, [string, string], Row[]][] = [
    ['Kasus menurut jenis', ['Jenis kasus', 'Kasus'], d.cases.byType],
    ['Korban menurut jenis kelamin', ['Jenis kelamin', 'Korban'], d.cases.victimsBySex],
    ['Korban anak dan dewasa', ['Kelompok', 'Korban'], d.cases.victimsByAge],
    ['Korban menurut kecamatan asal', ['Kecamatan', 'Korban'], d.cases.byOrigin],
    ['Korban menurut negara tujuan', ['Negara tujuan', 'Korban'], d.cases.byCountry],
  ];
  for (const [title, header, rows] of caseSections) {
    blocks.push({ kind: 'heading', level: 2, text: title });
    blocks.push(orEmpty(rows, bars(header, rows), `Tidak ada korban yang tercatat pada tahun ${y}.`));
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Korban menurut jenis eksploitasi' });
  blocks.push(
    orEmpty(
      d.cases.byExploitation,
      bars(['Jenis eksploitasi', 'Korban'], d.cases.byExploitation),
      `Jenis eksploitasi belum tercatat untuk kasus tahun ${y}.`,
    ),
  );
  if (d.cases.byExploitation.length)
    blocks.push({
      kind: 'note',
      text: 'Satu korban dapat mengalami lebih dari satu jenis eksploitasi, sehingga jumlahnya tidak dijumlahkan.',
    });

  blocks.push({ kind: 'heading', level: 1, text: 'V. Layanan bagi Korban' });
  const sv = d.services;
  blocks.push(
    sv.byStage.length
      ? {
          kind: 'table',
          header: ['Tahap layanan (SOP)', 'Korban membutuhkan', 'Layanan diberikan (selesai)'],
          rows: sv.byStage.map((s) => [s.label, c(s.needed), c(s.delivered)]),
        }
      : {
          kind: 'note',
          text: `Belum ada kebutuhan atau layanan korban yang tercatat untuk kasus tahun ${y}.`,
        },
  );
  blocks.push({ kind: 'heading', level: 2, text: 'Layanan menurut status' });
  blocks.push(
    orEmpty(
      sv.byStatus,
      bars(['Status layanan', 'Layanan'], sv.byStatus),
      `Belum ada layanan yang diminta untuk kasus tahun ${y}.`,
    ),
  );
  blocks.push({
    kind: 'bullets',
    items: [
      `Respons pertama tepat waktu: ${percentText(sv.firstResponseOnTimePercent)} dari kasus yang telah jatuh tempo.`,
      `Tenggat layanan terpenuhi: ${percentText(sv.serviceDeadlinesMetPercent)}.`,
      `Median waktu dari laporan sampai layanan pertama: ${sv.medianDaysToFirstService === null ? '-' : `${fmt.format(sv.medianDaysToFirstService)} hari`}.`,
      `Rujukan antarinstansi: ${c(sv.referrals.sent)} dikirim, ${c(sv.referrals.accepted)} diterima, ${c(sv.referrals.declined)} ditolak, ${c(sv.referrals.pending)} menunggu jawaban.`,
    ],
  });
  blocks.push({
    kind: 'note',
    text: `Tanda "-" berarti jumlah data belum cukup untuk dihitung tanpa membuka identitas korban.`,
  });

  blocks.push({ kind: 'heading', level: 1, text: 'VI. Penegakan Hukum dan Restitusi' });
  blocks.push(
    orEmpty(
      d.law.funnel,
      bars(['Tahap proses hukum', 'Kasus'], d.law.funnel),
      `Belum ada kasus tahun ${y} yang masuk proses hukum.`,
    ),
  );
  blocks.push({
    kind: 'paragraph',
    text: `Untuk kasus yang dilaporkan tahun ${y}, pengadilan mengabulkan restitusi sebesar ${rupiah(d.law.restitution.granted)}, dan yang telah dibayarkan kepada korban ${rupiah(d.law.restitution.paid)}${d.law.restitution.granted > 0 ? ` (${percentText((d.law.restitution.paid / d.law.restitution.granted) * 100)})` : ''}.`,
  });

  blocks.push({ kind: 'heading', level: 1, text: 'VII. Pekerja Migran Indonesia' });
  blocks.push({
    kind: 'paragraph',
    text: `Gugus tugas menerima ${c(h.deportees[0])} PMI deportan (tahun ${prev}: ${c(h.deportees[1])}) dan memulangkan ${c(h.bodiesReturned[0])} jenazah PMI (tahun ${prev}: ${c(h.bodiesReturned[1])}).`,
  });
  blocks.push({ kind: 'heading', level: 2, text: 'Korban menurut cara keberangkatan' });
  blocks.push(
    orEmpty(
      d.migrants.byDeparture,
      bars(['Keberangkatan', 'Korban'], d.migrants.byDeparture),
      `Tidak ada data keberangkatan untuk tahun ${y}.`,
    ),
  );
  blocks.push({ kind: 'heading', level: 2, text: 'PMI deportan menurut jenis kelamin' });
  blocks.push(
    orEmpty(
      d.migrants.deporteesBySex,
      bars(['Jenis kelamin', 'Orang'], d.migrants.deporteesBySex),
      `Tidak ada PMI deportan yang diterima pada tahun ${y}.`,
    ),
  );
  blocks.push({ kind: 'heading', level: 2, text: 'Jenazah PMI menurut negara tujuan' });
  blocks.push(
    orEmpty(
      d.migrants.bodiesByCountry,
      bars(['Negara', 'Jenazah'], d.migrants.bodiesByCountry),
      `Tidak ada jenazah PMI yang dipulangkan pada tahun ${y}.`,
    ),
  );

  blocks.push({ kind: 'heading', level: 1, text: 'VIII. Pencegahan' });
  blocks.push(
    p.activities
      ? {
          kind: 'paragraph',
          text: `Instansi anggota menyelenggarakan ${fmt.format(p.activities)} kegiatan sosialisasi dan KIE di ${fmt.format(p.villages)} desa/kelurahan dengan ${fmt.format(reach)} peserta: ${fmt.format(p.participants.adultMale)} laki-laki dewasa, ${fmt.format(p.participants.adultFemale)} perempuan dewasa, ${fmt.format(p.participants.childMale)} anak laki-laki dan ${fmt.format(p.participants.childFemale)} anak perempuan.`,
        }
      : { kind: 'note', text: `Belum ada kegiatan sosialisasi yang dicatat untuk tahun ${y}.` },
  );
  if (p.byTargetGroup.length)
    blocks.push({
      kind: 'table',
      header: ['Sasaran', 'Kegiatan', 'Peserta'],
      rows: p.byTargetGroup.map((g) => [g.label, fmt.format(g.activities), fmt.format(g.participants)]),
    });
  blocks.push({
    kind: 'paragraph',
    text: p.watchGroups.total
      ? `Sampai akhir tahun ${y} terdapat ${fmt.format(p.watchGroups.total)} kelompok masyarakat peduli (pengawas desa) dengan ${fmt.format(p.watchGroups.members)} anggota; ${fmt.format(p.watchGroups.formedThisYear)} di antaranya dibentuk pada tahun ${y}.`
      : `Belum ada kelompok masyarakat peduli di desa yang tercatat sampai akhir tahun ${y}.`,
  });
  blocks.push({ kind: 'heading', level: 2, text: 'Peringatan dini perekrutan mencurigakan' });
  if (p.alerts.total) {
    blocks.push({
      kind: 'paragraph',
      text: `Masyarakat dan instansi melaporkan ${fmt.format(p.alerts.total)} dugaan perekrutan mencurigakan.`,
    });
    blocks.push(bars(['Status tindak lanjut', 'Laporan'], p.alerts.byStatus));
    blocks.push(bars(['Saluran', 'Laporan'], p.alerts.byChannel));
  } else blocks.push({ kind: 'note', text: `Tidak ada laporan perekrutan mencurigakan pada tahun ${y}.` });
  blocks.push({ kind: 'heading', level: 2, text: 'Rapat koordinasi' });
  blocks.push({
    kind: 'paragraph',
    text: p.meetings.held
      ? `Gugus tugas menyelenggarakan ${fmt.format(p.meetings.held)} rapat dengan ${fmt.format(p.meetings.actionsDone + p.meetings.actionsOpen)} tindak lanjut: ${fmt.format(p.meetings.actionsDone)} selesai dan ${fmt.format(p.meetings.actionsOpen)} masih berjalan.`
      : `Tidak ada rapat koordinasi yang tercatat pada tahun ${y}.`,
  });

  blocks.push({ kind: 'heading', level: 1, text: 'IX. Capaian Rencana Aksi Daerah' });
  const plan = d.plan;
  if (!plan.title)
    blocks.push({ kind: 'note', text: `Belum ada Rencana Aksi Daerah yang mencakup tahun ${y}.` });
  else {
    blocks.push({
      kind: 'paragraph',
      text: `${plan.title}: rata-rata capaian kegiatan yang telah dilaporkan ${percentText(plan.overallPercent)} dari target tahun ${y}.`,
    });
    if (plan.subTaskForces.length)
      blocks.push({
        kind: 'table',
        header: ['Sub gugus tugas', 'Capaian', 'Kegiatan', 'Tertinggal', 'Belum lapor'],
        rows: plan.subTaskForces.map((s) => [
          s.name,
          percentText(s.percent),
          fmt.format(s.activities),
          fmt.format(s.behind),
          fmt.format(s.notReported),
        ]),
      });
    blocks.push(
      plan.activities.length
        ? {
            kind: 'table',
            header: ['Kegiatan', 'Penanggung jawab', 'Realisasi / target', 'Status'],
            rows: plan.activities.map((a) => [
              a.title,
              a.agency,
              `${a.realised === null ? '-' : fmt.format(a.realised)} / ${fmt.format(a.target)} ${a.unit}`,
              ACHIEVEMENT_STATUS_LABELS[a.status],
            ]),
          }
        : { kind: 'note', text: 'Rencana aksi belum memuat kegiatan.' },
    );
  }

  blocks.push({ kind: 'heading', level: 1, text: 'X. Evaluasi Akhir Tahun' });
  const none = 'Sekretariat belum mengisi bagian ini pada evaluasi akhir tahun.';
  blocks.push({ kind: 'heading', level: 2, text: 'Capaian' });
  blocks.push(...typedText(d.evaluation.achievements, none));
  blocks.push({ kind: 'heading', level: 2, text: 'Kendala' });
  blocks.push(...typedText(d.evaluation.obstacles, none));
  blocks.push({ kind: 'heading', level: 2, text: 'Intervensi yang dibutuhkan' });
  blocks.push(...typedText(d.evaluation.interventions, none));

  blocks.push({ kind: 'heading', level: 1, text: 'XI. Rekomendasi' });
  blocks.push(
    ...typedText(d.evaluation.recommendations, 'Sekretariat belum menuliskan rekomendasi untuk tahun ini.'),
  );

  blocks.push({ kind: 'heading', level: 1, text: 'XII. Penutup' });
  blocks.push({
    kind: 'paragraph',
    text: `Demikian laporan tahunan ${d.taskForce.name} tahun ${y} ini disampaikan sebagai bahan pertimbangan pimpinan daerah dalam pencegahan dan penanganan tindak pidana perdagangan orang.`,
  });
  blocks.push({
    kind: 'signature',
    lines: [
      d.generatedOn,
      `Ketua ${d.taskForce.name}`,
      '',
      '',
      '',
      '(..............................................)',
    ],
  });
  return blocks;
}

const longDateFmt = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

function longDate(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : longDateFmt.format(d);
}
