import type { CaseCreate, CaseStage, PersonCreate } from '@sinergi/core';

/**
 * Synthetic cases with the spread of domain §9: plantation labour in Kalimantan and Malaysia,
 * domestic work, deportees through Nunukan, bodies returned, group interceptions, social-media
 * recruitment. Names are random combinations and NIKs end in serial 0000, which no real NIK has.
 * Deterministic for a seed, so demo and benchmark data are reproducible.
 */

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
function weighted<T>(r: Rand, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x < 0) return v;
  }
  return entries[entries.length - 1]![0];
}

const MALE = [
  'Yohanes',
  'Fransiskus',
  'Kornelis',
  'Stefanus',
  'Aloysius',
  'Paulus',
  'Petrus',
  'Hendrikus',
  'Benediktus',
  'Gregorius',
  'Yosef',
  'Arnoldus',
  'Viktor',
  'Marselinus',
  'Silvester',
];
const FEMALE = [
  'Maria',
  'Yosefina',
  'Agustina',
  'Theresia',
  'Veronika',
  'Margareta',
  'Elisabet',
  'Katarina',
  'Anastasia',
  'Skolastika',
  'Fransiska',
  'Yuliana',
  'Emerensiana',
  'Florida',
  'Kristina',
];
const FAMILY = [
  'Jelahu',
  'Ndoa',
  'Wunggu',
  'Nggarang',
  'Dagur',
  'Sumang',
  'Nambung',
  'Latu',
  'Rusmin',
  'Jehadu',
  'Ganggut',
  'Sarong',
  'Teba',
  'Mbejo',
  'Hamsi',
];
/** The 12 kecamatan of Kabupaten Manggarai with rough weights of where cases come from. */
export const MANGGARAI_DISTRICTS: readonly (readonly [string, number])[] = [
  ['53.10.01', 8],
  ['53.10.03', 14],
  ['53.10.05', 9],
  ['53.10.06', 12],
  ['53.10.11', 7],
  ['53.10.12', 14],
  ['53.10.13', 6],
  ['53.10.14', 5],
  ['53.10.15', 5],
  ['53.10.16', 4],
  ['53.10.17', 6],
  ['53.10.18', 5],
];
const KALIMANTAN = ['61', '62', '63', '64', '65'];

export interface SyntheticCase {
  lead: 'uptdppa' | 'polres';
  input: CaseCreate;
  persons: (PersonCreate & { guardianOf?: number[] })[];
  targetStage: CaseStage;
  screening: string[] | null;
}

function nik(district: string, birth: string, female: boolean): string {
  const [y, m, d] = birth.split('-') as [string, string, string];
  const day = String(Number(d) + (female ? 40 : 0)).padStart(2, '0');
  return `${district.replace(/\./g, '').slice(0, 6)}${day}${m}${y.slice(2)}0000`.slice(0, 16);
}

/** An invented name of the region's style. */
export function syntheticName(r: Rand, female: boolean): string {
  return `${pick(r, female ? FEMALE : MALE)} ${pick(r, FAMILY)}`;
}

function person(
  r: Rand,
  role: PersonCreate['role'],
  age: number,
  reportYear: number,
  district: string,
  village: string | null,
): PersonCreate {
  const female = r() < (role === 'guardian' ? 0.6 : 0.3);
  const birthYear = reportYear - age;
  const birth = `${birthYear}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  const knowsBirth = r() < 0.7;
  return {
    role,
    fullName: syntheticName(r, female),
    nik: knowsBirth && r() < 0.8 ? nik(district, birth, female) : null,
    birthDate: knowsBirth ? birth : null,
    estimatedAge: knowsBirth ? null : age,
    sex: female ? 'Female' : 'Male',
    nationality: 'ID',
    addressRegionCode: village ?? district,
    street:
      r() < 0.5
        ? `Kampung ${pick(r, ['Lao', 'Golo', 'Wae', 'Compang', 'Lempang'])} RT 0${1 + Math.floor(r() * 5)}`
        : null,
    phone: r() < 0.6 ? `+6281${String(Math.floor(r() * 1e9)).padStart(9, '0')}` : null,
    education: weighted(r, [
      ['primary', 4],
      ['junior_secondary', 4],
      ['senior_secondary', 3],
      ['none', 1],
    ] as const),
    occupation: pick(r, [
      'Petani',
      'Buruh harian',
      'Tidak bekerja',
      'Pelajar',
      'Nelayan',
      'Ibu rumah tangga',
    ]),
    maritalStatus:
      age < 20
        ? 'single'
        : weighted(r, [
            ['single', 5],
            ['married', 4],
            ['divorced', 1],
          ] as const),
  };
}

/** One synthetic case; `villages` maps a kecamatan to village codes (from the reference data). */
export function syntheticCase(
  r: Rand,
  opts: { from: Date; to: Date; villages?: (district: string) => string[] },
): SyntheticCase {
  const caseType = weighted(r, [
    ['tppo', 35],
    ['potential_tppo', 15],
    ['pmi_deportee', 25],
    ['pmi_deceased', 8],
    ['pmi_other', 12],
    ['other_violence', 5],
  ] as const);
  const reportedAt = new Date(opts.from.getTime() + r() * (opts.to.getTime() - opts.from.getTime()));
  reportedAt.setUTCHours(0 + Math.floor(r() * 9), Math.floor(r() * 60), 0, 0);
  const reportYear = reportedAt.getUTCFullYear();
  const incident = new Date(reportedAt.getTime() - Math.floor(r() * 60) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const district = weighted(r, MANGGARAI_DISTRICTS);
  const villageList = opts.villages?.(district) ?? [];
  const village = () => (villageList.length ? pick(r, villageList) : null);
  const toMalaysia = caseType === 'pmi_deportee' || (caseType !== 'other_violence' && r() < 0.4);
  const destinationCountry = toMalaysia ? 'MY' : null;
  const destinationRegionCode = toMalaysia ? null : pick(r, KALIMANTAN);
  const domestic = r() < 0.15;
  const social = r() < 0.35;
  const police = caseType === 'tppo' && r() < 0.3;
  const group = caseType === 'tppo' && r() < 0.08;
  const victimCount =
    caseType === 'pmi_deceased'
      ? 1
      : group
        ? 10
        : weighted(r, [
            [1, 70],
            [2, 15],
            [3, 10],
            [4, 5],
          ] as const);
  const persons: SyntheticCase['persons'] = [];
  const children: number[] = [];
  for (let i = 0; i < victimCount; i++) {
    const age = group && i === 0 ? 17 : 16 + Math.floor(r() * 28);
    if (age < 18) children.push(i);
    persons.push(person(r, 'victim', age, reportYear, district, village()));
  }
  if (children.length)
    persons.push({
      ...person(r, 'guardian', 40 + Math.floor(r() * 15), reportYear, district, village()),
      guardianOf: children,
    });
  if (r() < 0.3)
    persons.push(person(r, 'witness', 25 + Math.floor(r() * 30), reportYear, district, village()));
  const exploitation: NonNullable<CaseCreate['profile']>['exploitationTypes'] =
    caseType === 'other_violence'
      ? ['other']
      : domestic
        ? ['forced_labour']
        : r() < 0.1
          ? ['sexual_exploitation']
          : ['forced_labour'];
  const ageDays = (opts.to.getTime() - reportedAt.getTime()) / 86_400_000;
  const targetStage: CaseStage =
    caseType === 'pmi_deceased'
      ? ageDays > 60
        ? 'closed'
        : 'in_services'
      : ageDays > 540
        ? weighted(r, [
            ['closed', 7],
            ['monitoring', 2],
            ['reintegration', 1],
          ] as const)
        : ageDays > 120
          ? weighted(r, [
              ['in_services', 3],
              ['reintegration', 3],
              ['monitoring', 2],
              ['closed', 2],
            ] as const)
          : weighted(r, [
              ['reported', 2],
              ['screening', 3],
              ['identified', 2],
              ['assessment', 3],
              ['in_services', 2],
            ] as const);
  const trafficking = caseType === 'tppo' || caseType === 'potential_tppo';
  const screening = trafficking
    ? [
        'process_recruitment',
        'process_transport',
        'purpose_forced_labour',
        ...(caseType === 'tppo' ? ['means_deception'] : []),
      ]
    : caseType === 'pmi_deceased'
      ? null
      : [];
  const reportedIso = reportedAt.toISOString();
  return {
    lead: police ? 'polres' : 'uptdppa',
    targetStage,
    screening,
    persons,
    input: {
      caseType,
      reportedAt: reportedIso,
      incidentDate: incident,
      channel: police
        ? 'police'
        : caseType === 'pmi_deportee'
          ? 'deportation_handover'
          : social
            ? 'social_media'
            : weighted(r, [
                ['walk_in', 5],
                ['hotline', 3],
                ['referral', 2],
                ['outreach', 1],
              ] as const),
      reportingParty: police
        ? 'agency'
        : weighted(r, [
            ['family', 5],
            ['victim', 3],
            ['community', 1],
            ['agency', 1],
          ] as const),
      narrative: trafficking
        ? `Korban ditawari pekerjaan ${domestic ? 'sebagai pekerja rumah tangga' : 'di perkebunan sawit'} ${toMalaysia ? 'di Malaysia' : 'di Kalimantan'} oleh perekrut${social ? ' melalui media sosial' : ' dari kampung tetangga'}. Dokumen identitas ditahan perekrut.`
        : caseType === 'pmi_deceased'
          ? 'Jenazah pekerja migran dipulangkan dari Malaysia melalui Kupang.'
          : 'Pekerja migran dideportasi melalui Nunukan dan dipulangkan ke kampung asal.',
      placeOfOccurrence: toMalaysia ? 'Sabah, Malaysia' : 'Pelabuhan Labuan Bajo',
      occurrenceRegionCode: toMalaysia ? null : district,
      risk:
        group || children.length > 0
          ? 'high'
          : weighted(r, [
              ['medium', 5],
              ['low', 3],
              ['high', 2],
            ] as const),
      simfoniId: null,
      leadAgencyId: undefined,
      teamUserIds: [],
      profile: {
        recruitmentMethods: social
          ? ['Internet']
          : weighted(r, [
              [['JobOffer'], 5],
              [['Familial'], 3],
              [['PosingAsBenefactor'], 1],
            ] as const),
        recruitmentPlatforms: social
          ? [
              weighted(r, [
                ['Facebook', 5],
                ['WhatsApp', 3],
                ['TikTok', 2],
              ] as const),
            ]
          : [],
        recruiterRelation: weighted(r, [
          ['Friend', 3],
          ['Family', 2],
          ['Other', 4],
          ['Unknown', 1],
        ] as const),
        events: [
          { type: 'Recruitment', regionCode: district, date: incident },
          ...(toMalaysia ? [{ type: 'Transit' as const, regionCode: '65.03', date: null }] : []),
          {
            type: 'Exploitation',
            countryCode: destinationCountry,
            regionCode: destinationRegionCode,
            date: null,
          },
        ],
        exploitationTypes: trafficking || caseType === 'pmi_other' ? exploitation : [],
        labourSectors: trafficking ? [domestic ? 'DomesticWork' : 'Agriculture'] : [],
        methodsOfControl: trafficking
          ? [
              'WithholdsDocuments',
              ...(r() < 0.5 ? (['DebtBondage'] as const) : []),
              ...(r() < 0.3 ? (['FalsePromises'] as const) : []),
            ]
          : [],
        passportKind: toMalaysia
          ? weighted(r, [
              ['visit_passport', 4],
              ['none', 5],
              ['worker_passport', 1],
            ] as const)
          : 'none',
        forgedDocuments: r() < 0.2,
        documentsWithheld: trafficking,
        departure: weighted(r, [
          ['non_procedural', 9],
          ['procedural', 1],
        ] as const),
        destinationCountry,
        destinationRegionCode,
      },
      migrant: {
        bp2miCategory:
          caseType === 'pmi_deportee'
            ? 'deported'
            : caseType === 'pmi_deceased'
              ? 'died'
              : caseType === 'pmi_other'
                ? pick(r, ['unpaid_wages', 'wants_repatriation', 'sick', 'job_fraud'] as const)
                : null,
        deportee:
          caseType === 'pmi_deportee'
            ? {
                depot: pick(r, ['Papar', 'Sandakan', 'Kota Kinabalu', 'Tawau'] as const),
                reason: weighted(r, [
                  ['no_passport', 5],
                  ['overstay', 3],
                  ['illegal_entry', 2],
                ] as const),
                documentUsed: 'none',
                wish: 'go_home',
                consulateReference: `KJRI-KK/${reportYear}/${Math.floor(r() * 900 + 100)}`,
                arrivalDate: reportedIso.slice(0, 10),
              }
            : null,
        deceased:
          caseType === 'pmi_deceased'
            ? {
                placeOfDeath: 'Sabah, Malaysia',
                countryOfDeath: 'MY',
                dateOfDeath: incident,
                cause: pick(r, ['Sakit', 'Kecelakaan kerja', 'Tidak diketahui']),
                yearsAbroad: 1 + Math.floor(r() * 12),
                arrivalDate: reportedIso.slice(0, 10),
                arrivalFlight: 'via Kupang (El Tari)',
                onwardTransport: 'Pesawat Kupang - Ruteng, lalu ambulans',
                transportPaidBy: 'BP3MI NTT',
              }
            : null,
      },
    },
  };
}
