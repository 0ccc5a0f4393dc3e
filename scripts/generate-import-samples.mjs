#!/usr/bin/env node
// Writes the synthetic sample register and the empty template for the import of legacy registers
// (docs/import/). Deterministic: the same script always writes the same rows. Every person is
// invented: names are random combinations, NIKs end in serial 0000, which no real NIK has.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, '..', 'docs', 'import');
const FIXED = new Date('2026-11-01T00:00:00Z');

const HEADERS = [
  'No. Register',
  'Tanggal Lapor',
  'Jenis Kasus',
  'Risiko',
  'Tanggal Kejadian',
  'Nama Korban',
  'L/P',
  'NIK',
  'Tanggal Lahir',
  'Umur',
  'Kewarganegaraan',
  'Kode Wilayah',
  'No HP',
  'Pendidikan',
  'Pekerjaan',
  'Negara Tujuan',
  'Jenis Eksploitasi',
  'Nomor SIMFONI',
  'Keterangan',
];

const HELP = [
  [
    'No. Register',
    'Wajib. Nomor register lama; kunci impor (baris dengan kunci yang sama tidak diimpor dua kali).',
  ],
  ['Tanggal Lapor', 'Wajib. HH/BB/TTTT atau TTTT-BB-HH.'],
  ['Jenis Kasus', 'Wajib. TPPO, Potensi TPPO, PMI deportan, PMI meninggal, PMI bermasalah, Kekerasan lain.'],
  ['Risiko', 'Tinggi, Sedang atau Rendah (kosong: Sedang).'],
  ['Nama Korban', 'Wajib. Disimpan terenkripsi.'],
  ['L/P', 'Wajib. L (laki-laki) atau P (perempuan).'],
  ['NIK', '16 angka; disimpan terenkripsi.'],
  ['Umur', 'Umur saat melapor, bila tanggal lahir tidak diketahui.'],
  ['Kewarganegaraan', 'Kode negara dua huruf (ID) atau nama negara.'],
  ['Kode Wilayah', 'Kode Kemendagri kecamatan atau desa, mis. 53.10.03.'],
  ['Pendidikan', 'Tidak sekolah, PAUD/TK, SD, SMP, SMA/SMK, Perguruan tinggi.'],
  ['Negara Tujuan', 'Kode dua huruf (MY) atau nama negara (Malaysia).'],
  [
    'Jenis Eksploitasi',
    'Kerja paksa, Eksploitasi seksual, Perkawinan paksa, ...; pisahkan dengan titik koma.',
  ],
];

// A small seeded generator (mulberry32) so the file is the same on every run.
function rand(seed) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const r = rand(20261101);
const pick = (list) => list[Math.floor(r() * list.length)];
const MALE = [
  'Agustinus',
  'Fransiskus',
  'Yohanes',
  'Petrus',
  'Hendrikus',
  'Benediktus',
  'Gregorius',
  'Arnoldus',
];
const FEMALE = ['Maria', 'Yosefina', 'Agustina', 'Theresia', 'Veronika', 'Margareta', 'Katarina', 'Yuliana'];
const FAMILY = [
  'Jelahu',
  'Ndoa',
  'Wunggu',
  'Nggarang',
  'Dagur',
  'Sumang',
  'Nambung',
  'Jehadu',
  'Ganggut',
  'Teba',
];
const DISTRICTS = ['53.10.01', '53.10.03', '53.10.05', '53.10.06', '53.10.12'];
const pad = (n) => String(n).padStart(2, '0');

function row(i) {
  const female = r() < 0.4;
  const year = 2021 + Math.floor(r() * 4);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const age = 15 + Math.floor(r() * 25);
  const knowsBirth = r() < 0.6;
  const birth = `${pad(day)}/${pad(month)}/${year - age}`;
  const district = pick(DISTRICTS);
  const nik = knowsBirth
    ? `${district.replace(/\./g, '')}${pad(day + (female ? 40 : 0))}${pad(month)}${String(year - age).slice(2)}0000`
    : '';
  const type = pick(['TPPO', 'TPPO', 'Potensi TPPO', 'PMI bermasalah', 'PMI deportan']);
  const country = pick(['Malaysia', 'Malaysia', 'MY', 'Indonesia', 'Singapura']);
  return [
    `REG-${year}-${String(i + 1).padStart(3, '0')}`,
    `${pad(day)}/${pad(month)}/${year}`,
    type,
    pick(['Tinggi', 'Sedang', 'Rendah']),
    '',
    `${pick(female ? FEMALE : MALE)} ${pick(FAMILY)}`,
    female ? 'P' : 'L',
    nik,
    knowsBirth ? birth : '',
    knowsBirth ? '' : age,
    'ID',
    district,
    r() < 0.3 ? `0812${String(Math.floor(r() * 1e7)).padStart(7, '0')}` : '',
    pick(['SD', 'SMP', 'SMA/SMK', 'Tidak sekolah', '']),
    pick(['Petani', 'Buruh', 'Belum bekerja', '']),
    country,
    country === 'Indonesia'
      ? 'Kerja paksa'
      : pick(['Kerja paksa', 'Eksploitasi seksual', 'Kerja paksa; Perbudakan']),
    r() < 0.2 ? `SIMFONI-5310-${year}-${String(i + 1).padStart(4, '0')}` : '',
    'Data sintetis untuk uji impor.',
  ];
}

const rows = Array.from({ length: 36 }, (_, i) => row(i));
// Four rows with mistakes a register really has, so the dry run shows its report.
rows.push([
  'REG-2024-901',
  '31/02/2024',
  'TPPO',
  'Sedang',
  '',
  'Yohanes Latu',
  'X',
  '',
  '',
  30,
  'ID',
  '53.10.03',
  '',
  'SD',
  '',
  'Malaysia',
  'Kerja paksa',
  '',
  '',
]);
rows.push([
  'REG-2024-902',
  '10/05/2024',
  'Penipuan',
  'Sedang',
  '',
  'Maria Sarong',
  'P',
  '123',
  '',
  24,
  'ID',
  '53.10.03',
  '',
  '',
  '',
  'Malaysia',
  '',
  '',
  '',
]);
rows.push([
  'REG-2024-903',
  '12/06/2024',
  'TPPO',
  'Tinggi',
  '',
  '',
  'L',
  '',
  '',
  19,
  'ID',
  '99.99.99',
  '',
  '',
  '',
  'Atlantis',
  '',
  '',
  '',
]);
rows.push([
  rows[0][0],
  rows[0][1],
  'TPPO',
  'Sedang',
  '',
  'Petrus Dagur',
  'L',
  '',
  '',
  33,
  'ID',
  '53.10.01',
  '',
  '',
  '',
  'Malaysia',
  '',
  '',
  'Nomor register ganda.',
]);

async function write(file, dataRows, withHelp) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sinergi';
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('Register');
  ws.addRow(HEADERS).font = { bold: true };
  for (const d of dataRows) ws.addRow(d);
  ws.columns.forEach((c) => {
    c.width = 18;
  });
  // NIK and phone as text so a spreadsheet program keeps every digit.
  ws.getColumn(8).numFmt = '@';
  ws.getColumn(13).numFmt = '@';
  if (withHelp) {
    const help = wb.addWorksheet('Petunjuk');
    help.addRow(['Kolom', 'Cara mengisi']).font = { bold: true };
    for (const h of HELP) help.addRow(h);
    help.getColumn(1).width = 22;
    help.getColumn(2).width = 100;
  }
  await wb.xlsx.writeFile(path.join(outDir, file));
}

fs.mkdirSync(outDir, { recursive: true });
await write('contoh-register.xlsx', rows, false);
await write('template-register.xlsx', [], true);
const csv = [HEADERS, ...rows]
  .map((cells) =>
    cells
      .map((c) => (/[",;\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c)))
      .join(','),
  )
  .join('\n');
fs.writeFileSync(path.join(outDir, 'contoh-register.csv'), `${csv}\n`);
console.log(
  `wrote ${rows.length} rows to docs/import/contoh-register.xlsx and .csv, and docs/import/template-register.xlsx`,
);
