/**
 * Legacy registers (one row per victim) mapped onto the case and person forms. Values are read
 * leniently (Indonesian words, codes, common date layouts), then checked with the very schemas the
 * forms use, so an imported case obeys the same rules as one typed in.
 */
import { z } from 'zod';
import { CASE_TYPES, EDUCATION_LEVELS, EXPLOITATION_TYPES, RISK_LEVELS } from '../cases/enums.js';
import { normalisePhone } from '../cases/person.js';
import {
  type CaseCreate,
  caseCreateSchema,
  type PersonCreate,
  personCreateSchema,
} from '../cases/schemas.js';
import { issueKey } from '../messages.js';

export const IMPORT_FIELDS = [
  'importKey',
  'reportedDate',
  'caseType',
  'risk',
  'incidentDate',
  'fullName',
  'sex',
  'nik',
  'birthDate',
  'estimatedAge',
  'nationality',
  'addressRegionCode',
  'phone',
  'education',
  'occupation',
  'destinationCountry',
  'exploitationTypes',
  'simfoniId',
  'narrative',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = [
  'importKey',
  'reportedDate',
  'caseType',
  'fullName',
  'sex',
];

/** At most this many rows per uploaded file; larger registers are split. */
export const IMPORT_MAX_ROWS = 5000;

/** Column headers that are recognised for each field when a file is first mapped. */
const HEADER_ALIASES: Record<ImportField, string[]> = {
  importKey: [
    'no register',
    'nomor register',
    'no reg',
    'kunci impor',
    'import key',
    'register number',
    'no registrasi',
  ],
  reportedDate: [
    'tanggal lapor',
    'tanggal laporan',
    'tgl lapor',
    'tanggal pengaduan',
    'report date',
    'reported date',
  ],
  caseType: ['jenis kasus', 'kategori kasus', 'case type'],
  risk: ['risiko', 'tingkat risiko', 'risk'],
  incidentDate: ['tanggal kejadian', 'tgl kejadian', 'incident date'],
  fullName: ['nama', 'nama korban', 'nama lengkap', 'full name', 'name'],
  sex: ['jenis kelamin', 'jk', 'l/p', 'sex', 'gender'],
  nik: ['nik', 'no ktp', 'nomor induk kependudukan'],
  birthDate: ['tanggal lahir', 'tgl lahir', 'birth date', 'date of birth'],
  estimatedAge: ['umur', 'usia', 'age'],
  nationality: ['kewarganegaraan', 'warga negara', 'nationality', 'citizenship'],
  addressRegionCode: ['kode wilayah', 'kode desa', 'kode kecamatan', 'region code'],
  phone: ['telepon', 'no hp', 'nomor hp', 'hp', 'phone'],
  education: ['pendidikan', 'pendidikan terakhir', 'education'],
  occupation: ['pekerjaan', 'occupation'],
  destinationCountry: ['negara tujuan', 'destination country', 'negara'],
  exploitationTypes: ['jenis eksploitasi', 'bentuk eksploitasi', 'exploitation'],
  simfoniId: ['nomor simfoni', 'no simfoni', 'simfoni', 'simfoni id'],
  narrative: ['kronologi', 'keterangan', 'uraian', 'narrative'],
};

const squash = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();

export const importMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1).max(200));
export type ImportMapping = z.infer<typeof importMappingSchema>;

/** A first mapping from the file's headers (exact matches of known header names). */
export function suggestMapping(columns: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS) {
    const names = [field.toLowerCase(), ...HEADER_ALIASES[field]].map(squash);
    const hit = columns.find((c) => names.includes(squash(c)));
    if (hit) mapping[field] = hit;
  }
  return mapping;
}

/** Problems of the mapping itself: a required field unmapped, a column the file lacks. */
export function mappingProblems(mapping: ImportMapping, columns: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const f of REQUIRED_IMPORT_FIELDS) if (!mapping[f]) fields[f] = 'import_mapping_missing';
  for (const [f, col] of Object.entries(mapping))
    if (col && !columns.includes(col)) fields[f] = 'import_column_unknown';
  return fields;
}

const WORDS: Record<string, Record<string, string>> = {
  sex: {
    l: 'Male',
    lk: 'Male',
    'laki laki': 'Male',
    laki: 'Male',
    pria: 'Male',
    male: 'Male',
    m: 'Male',
    p: 'Female',
    pr: 'Female',
    perempuan: 'Female',
    wanita: 'Female',
    female: 'Female',
    f: 'Female',
    'tidak diketahui': 'Unknown',
    unknown: 'Unknown',
  },
  caseType: {
    tppo: 'tppo',
    'perdagangan orang': 'tppo',
    'potensi tppo': 'potential_tppo',
    'dugaan tppo': 'potential_tppo',
    deportan: 'pmi_deportee',
    'pmi deportan': 'pmi_deportee',
    'pmi meninggal': 'pmi_deceased',
    jenazah: 'pmi_deceased',
    'pmi bermasalah': 'pmi_other',
    pmi: 'pmi_other',
    'kekerasan lain': 'other_violence',
    'kekerasan lainnya': 'other_violence',
  },
  risk: { tinggi: 'high', sedang: 'medium', rendah: 'low' },
  education: {
    'tidak sekolah': 'none',
    'belum sekolah': 'none',
    paud: 'early_childhood',
    tk: 'early_childhood',
    'paud/tk': 'early_childhood',
    sd: 'primary',
    smp: 'junior_secondary',
    sma: 'senior_secondary',
    smk: 'senior_secondary',
    'sma/smk': 'senior_secondary',
    d3: 'higher',
    s1: 'higher',
    'perguruan tinggi': 'higher',
    'tidak diketahui': 'unknown',
  },
  exploitationTypes: {
    'kerja paksa': 'forced_labour',
    'eksploitasi kerja': 'forced_labour',
    'eksploitasi tenaga kerja': 'forced_labour',
    'eksploitasi seksual': 'sexual_exploitation',
    'perkawinan paksa': 'forced_marriage',
    'kawin paksa': 'forced_marriage',
    perbudakan: 'slavery_and_practices',
    'pengambilan organ': 'organ_removal',
    'mengemis paksa': 'forced_begging',
    'kejahatan paksa': 'forced_criminality',
    lainnya: 'other',
  },
  country: {
    indonesia: 'ID',
    malaysia: 'MY',
    singapura: 'SG',
    singapore: 'SG',
    brunei: 'BN',
    'brunei darussalam': 'BN',
    'hong kong': 'HK',
    taiwan: 'TW',
    'arab saudi': 'SA',
    'saudi arabia': 'SA',
    'timor leste': 'TL',
    kamboja: 'KH',
    cambodia: 'KH',
    myanmar: 'MM',
    filipina: 'PH',
    philippines: 'PH',
  },
};

const CODES: Record<string, readonly string[]> = {
  caseType: CASE_TYPES,
  risk: RISK_LEVELS,
  education: EDUCATION_LEVELS,
  exploitationTypes: EXPLOITATION_TYPES,
  sex: ['Male', 'Female', 'TransgenderNonConforming', 'Unknown'],
};

export interface RowProblem {
  field: ImportField | '_';
  key: string;
  params?: Record<string, unknown>;
}

class NotNumber extends Error {}
class NotDate extends Error {}

const isoDate = z.iso.date();
/** A date cell read strictly: 31/02/2024 is not a date. */
function strictDate(raw: string): string {
  const d = readDate(raw);
  if (!isoDate.safeParse(d).success) throw new NotDate();
  return d;
}

class Unknown extends Error {
  constructor(readonly value: string) {
    super(value);
  }
}

function word(kind: string, raw: string): string {
  const codes = CODES[kind];
  if (codes?.includes(raw)) return raw;
  const hit = WORDS[kind]?.[squash(raw)];
  if (hit) return hit;
  const code = codes?.find((c) => c.toLowerCase() === squash(raw).replace(/ /g, '_'));
  if (code) return code;
  throw new Unknown(raw);
}

/** YYYY-MM-DD from the layouts registers use: 2024-05-10, 10/05/2024, 10-05-2024, 10.05.2024. */
export function readDate(raw: string): string {
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return s;
}

function country(raw: string): string {
  const s = raw.trim();
  if (/^[A-Za-z]{2}$/.test(s)) return s.toUpperCase();
  const hit = WORDS.country![squash(s)];
  if (hit) return hit;
  throw new Unknown(raw);
}

/** The field paths of the form schemas, said in the register's field names. */
const PATH_TO_FIELD: Record<string, ImportField> = {
  reportedAt: 'reportedDate',
  'profile.destinationCountry': 'destinationCountry',
  'profile.exploitationTypes': 'exploitationTypes',
  addressRegionCode: 'addressRegionCode',
};

export function fieldOfPath(path: string): ImportField | '_' {
  if (PATH_TO_FIELD[path]) return PATH_TO_FIELD[path]!;
  const first = path.split('.')[0]!;
  if ((IMPORT_FIELDS as readonly string[]).includes(first)) return first as ImportField;
  if (first.startsWith('profile')) return 'exploitationTypes';
  return '_';
}

export interface ParsedRow {
  key: string | null;
  caseInput: CaseCreate | null;
  personInput: PersonCreate | null;
  problems: RowProblem[];
}

/**
 * One register row (already mapped to field -> text) as the inputs of the case and person forms.
 * `reportedAt` is the start of the report date in the task force's zone offset given.
 */
export function parseRegisterRow(
  values: Partial<Record<ImportField, string>>,
  utcOffset = '+08:00',
): ParsedRow {
  const problems: RowProblem[] = [];
  const v = (f: ImportField) => {
    const s = values[f]?.trim();
    return s ? s : undefined;
  };
  const read = <T>(field: ImportField, fn: (raw: string) => T): T | undefined => {
    const raw = v(field);
    if (raw === undefined) return undefined;
    try {
      return fn(raw);
    } catch (e) {
      if (e instanceof Unknown)
        problems.push({ field, key: 'value_unknown', params: { value: e.value.slice(0, 60) } });
      else if (e instanceof NotNumber) problems.push({ field, key: 'number_format' });
      else if (e instanceof NotDate) problems.push({ field, key: 'date_format' });
      else problems.push({ field, key: 'invalid_format' });
      return undefined;
    }
  };
  const key = v('importKey') ?? null;
  if (!key) problems.push({ field: 'importKey', key: 'required' });
  const reportedDate = read('reportedDate', strictDate);
  const age = read('estimatedAge', (raw) => {
    const n = Number(raw.replace(',', '.'));
    if (!Number.isFinite(n)) throw new NotNumber();
    return Math.floor(n);
  });
  const exploitation = read('exploitationTypes', (raw) => [
    ...new Set(
      raw
        .split(/[;,]/)
        .map((x) => x.trim())
        .filter(Boolean)
        .map((x) => word('exploitationTypes', x)),
    ),
  ]);
  const destination = read('destinationCountry', country);
  const rawCase = {
    caseType: read('caseType', (x) => word('caseType', x)),
    reportedAt: reportedDate ? `${reportedDate}T00:00:00${utcOffset}` : undefined,
    incidentDate: read('incidentDate', strictDate) ?? null,
    channel: 'other',
    reportingParty: 'agency',
    risk: read('risk', (x) => word('risk', x)) ?? 'medium',
    simfoniId: v('simfoniId') ?? null,
    narrative: v('narrative') ?? null,
    profile:
      exploitation || destination
        ? { exploitationTypes: exploitation ?? [], destinationCountry: destination ?? null }
        : undefined,
  };
  const rawPerson = {
    role: 'victim',
    fullName: v('fullName'),
    sex: read('sex', (x) => word('sex', x)),
    nik: v('nik') ?? null,
    birthDate: read('birthDate', strictDate) ?? null,
    estimatedAge: age ?? null,
    nationality: read('nationality', country) ?? null,
    addressRegionCode: v('addressRegionCode') ?? null,
    phone: v('phone') ? (normalisePhone(v('phone')!) ?? v('phone')!) : null,
    education: read('education', (x) => word('education', x)) ?? null,
    occupation: v('occupation') ?? null,
  };
  const known = new Set(problems.map((p) => p.field));
  const addIssues = (issues: readonly z.core.$ZodIssue[]) => {
    for (const issue of issues) {
      const field = fieldOfPath(issue.path.map(String).join('.'));
      if (known.has(field)) continue;
      known.add(field);
      const { key: k, params } = issueKey(issue);
      problems.push({ field, key: k, params });
    }
  };
  const c = caseCreateSchema.safeParse(rawCase, { reportInput: true });
  const p = personCreateSchema.safeParse(rawPerson, { reportInput: true });
  if (!c.success) addIssues(c.error.issues);
  if (!p.success) addIssues(p.error.issues);
  return {
    key,
    caseInput: problems.length === 0 && c.success ? c.data : null,
    personInput: problems.length === 0 && p.success ? p.data : null,
    problems,
  };
}
