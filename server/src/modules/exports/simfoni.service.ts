import {
  type Language,
  neutraliseCell,
  SIMFONI_AGE_ROWS,
  SIMFONI_EDUCATION,
  SIMFONI_PLACES,
  SIMFONI_RELATIONS,
  SIMFONI_VIOLENCE_TYPES,
  type SimfoniQuery,
  SOP_STAGES,
  simfoniAgeBand,
  simfoniPlace,
  simfoniViolenceTypes,
} from '@sinergi/core';
import ExcelJS from 'exceljs';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { exportPeriod, parseProfile } from './export-scope.js';
import { exportsRepository as repo } from './exports.repository.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher'>;

const L: Record<string, { id: string; en: string }> = {
  physical: { id: 'Fisik', en: 'Physical' },
  psychological: { id: 'Psikis', en: 'Psychological' },
  sexual: { id: 'Seksual', en: 'Sexual' },
  exploitation: { id: 'Eksploitasi', en: 'Exploitation' },
  trafficking: { id: 'Perdagangan orang (TPPO)', en: 'Trafficking in persons' },
  neglect: { id: 'Penelantaran', en: 'Neglect' },
  other: { id: 'Lainnya', en: 'Other' },
  unknown: { id: 'Tidak diketahui', en: 'Unknown' },
  none: { id: 'Tidak sekolah', en: 'No schooling' },
  early_childhood: { id: 'PAUD/TK', en: 'Early childhood' },
  primary: { id: 'SD', en: 'Primary' },
  junior_secondary: { id: 'SMP', en: 'Junior secondary' },
  senior_secondary: { id: 'SMA/SMK', en: 'Senior secondary' },
  higher: { id: 'Perguruan tinggi', en: 'Higher education' },
  household: { id: 'Rumah tangga', en: 'Household' },
  public_facility: { id: 'Fasilitas umum', en: 'Public facility' },
  school: { id: 'Sekolah', en: 'School' },
  workplace: { id: 'Tempat kerja', en: 'Workplace' },
  IntimatePartner: { id: 'Pacar/pasangan', en: 'Intimate partner' },
  Friend: { id: 'Teman', en: 'Friend' },
  Family: { id: 'Keluarga/saudara', en: 'Family/relative' },
  Other: { id: 'Lainnya', en: 'Other' },
  Unknown: { id: 'Tidak diketahui', en: 'Unknown' },
  Male: { id: 'Laki-laki', en: 'Male' },
  Female: { id: 'Perempuan', en: 'Female' },
  pengaduan_identifikasi: { id: 'Pengaduan dan identifikasi', en: 'Complaint and identification' },
  rehabilitasi_kesehatan: { id: 'Rehabilitasi kesehatan', en: 'Health rehabilitation' },
  rehabilitasi_sosial: { id: 'Rehabilitasi sosial', en: 'Social rehabilitation' },
  layanan_hukum: { id: 'Bantuan hukum', en: 'Legal services' },
  pemulangan: { id: 'Pemulangan', en: 'Repatriation' },
  reintegrasi_sosial: { id: 'Reintegrasi sosial', en: 'Social reintegration' },
};
const label = (key: string, lang: Language) => L[key]?.[lang] ?? key;

const GIVEN = new Set(['accepted', 'in_progress', 'completed']);

/** The SIMFONI tables of the period: counts only, nothing that identifies a person. */
export async function simfoniTables(deps: Deps, actor: Actor, query: SimfoniQuery) {
  const period = await exportPeriod(deps, actor, query);
  const [victims, relations, services, ids] = await Promise.all([
    repo.victims(deps.db, period),
    repo.suspectRelations(deps.db, period),
    repo.services(deps.db, period),
    repo.simfoniIds(deps.db, period),
  ]);
  const count = <K extends string>(keys: readonly K[]) => new Map<string, number>(keys.map((k) => [k, 0]));
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const violence = count(SIMFONI_VIOLENCE_TYPES);
  const ageBySex = new Map<string, { Male: number; Female: number; other: number }>(
    SIMFONI_AGE_ROWS.map((b) => [b, { Male: 0, Female: 0, other: 0 }]),
  );
  const education = count(SIMFONI_EDUCATION);
  const places = count(SIMFONI_PLACES);
  const relation = count(SIMFONI_RELATIONS);
  const caseIds = new Set<string>();
  for (const v of victims) {
    caseIds.add(v.case_id);
    const p = parseProfile(v.profile);
    for (const t of simfoniViolenceTypes({
      caseType: v.case_type,
      exploitationTypes: p.exploitationTypes ?? [],
      methodsOfControl: p.methodsOfControl ?? [],
    }))
      add(violence, t);
    const band = ageBySex.get(simfoniAgeBand(v.age_at_incident))!;
    if (v.sex === 'Male') band.Male++;
    else if (v.sex === 'Female') band.Female++;
    else band.other++;
    add(education, v.education && education.has(v.education) ? v.education : 'unknown');
    add(places, simfoniPlace(p.labourSectors ?? []));
  }
  for (const r of relations) add(relation, r.relation_to_victims ?? 'Unknown');
  const serviceRows = SOP_STAGES.map((stage) => {
    const mine = services.filter((s) => s.stage === stage);
    return {
      stage,
      given: mine.filter((s) => GIVEN.has(s.status)).length,
      referred: mine.filter((s) => s.referral_id !== null).length,
    };
  });
  return {
    cases: caseIds.size,
    victims: victims.length,
    violence,
    ageBySex,
    education,
    places,
    relation,
    serviceRows,
    simfoniIds: ids,
  };
}

/** The SIMFONI tables as an XLSX workbook, one table per sheet; audited with the totals. */
export async function simfoniWorkbook(
  deps: Deps,
  actor: Actor,
  meta: Pick<RequestMeta, 'requestId' | 'ip' | 'lang'>,
  query: SimfoniQuery,
): Promise<Buffer> {
  const t = await simfoniTables(deps, actor, query);
  const lang = meta.lang;
  const id = lang === 'id';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sinergi';
  const sheet = (name: string, header: string[], rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([id ? `Periode ${query.from} s.d. ${query.to}` : `Period ${query.from} to ${query.to}`]);
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'string' ? neutraliseCell(v) : v)));
    ws.columns.forEach((c) => {
      c.width = 28;
    });
  };
  const counts = (m: Map<string, number>) => [...m].map(([k, n]) => [label(k, lang), n]);
  sheet(
    id ? 'Ringkasan' : 'Summary',
    [id ? 'Ukuran' : 'Measure', id ? 'Jumlah' : 'Count'],
    [
      [id ? 'Kasus' : 'Cases', t.cases],
      [id ? 'Korban' : 'Victims', t.victims],
    ],
  );
  sheet(
    id ? 'Jenis kekerasan' : 'Violence type',
    [id ? 'Jenis kekerasan' : 'Violence type', id ? 'Korban' : 'Victims'],
    counts(t.violence),
  );
  sheet(
    id ? 'Umur korban' : 'Victim age',
    [
      id ? 'Kelompok umur' : 'Age band',
      label('Male', lang),
      label('Female', lang),
      id ? 'Lainnya/tidak diketahui' : 'Other/unknown',
      'Total',
    ],
    [...t.ageBySex].map(([band, c]) => [
      band === 'unknown' ? label('unknown', lang) : band,
      c.Male,
      c.Female,
      c.other,
      c.Male + c.Female + c.other,
    ]),
  );
  sheet(
    id ? 'Pendidikan' : 'Education',
    [id ? 'Pendidikan' : 'Education', id ? 'Korban' : 'Victims'],
    counts(t.education),
  );
  sheet(
    id ? 'Tempat kejadian' : 'Place',
    [id ? 'Tempat kejadian' : 'Place of occurrence', id ? 'Korban' : 'Victims'],
    counts(t.places),
  );
  sheet(
    id ? 'Hubungan pelaku' : 'Perpetrator relation',
    [
      id ? 'Hubungan pelaku dengan korban' : "Perpetrator's relation to victim",
      id ? 'Pelaku' : 'Perpetrators',
    ],
    counts(t.relation),
  );
  sheet(
    id ? 'Layanan' : 'Services',
    [id ? 'Layanan' : 'Service', id ? 'Diberikan' : 'Given', id ? 'Dirujuk' : 'Referred'],
    t.serviceRows.map((s) => [label(s.stage, lang), s.given, s.referred]),
  );
  sheet(
    id ? 'Nomor SIMFONI' : 'SIMFONI numbers',
    [id ? 'Nomor kasus' : 'Case number', id ? 'Nomor SIMFONI' : 'SIMFONI number'],
    t.simfoniIds.map((r) => [r.case_number, deps.cipher.decryptNullable(r.simfoni_id_enc)]),
  );
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await inTransaction(deps, actor, meta, (_t, audit) =>
    audit({
      action: 'export.simfoni',
      details: { from: query.from, to: query.to, cases: t.cases, victims: t.victims },
    }),
  );
  return buffer;
}
