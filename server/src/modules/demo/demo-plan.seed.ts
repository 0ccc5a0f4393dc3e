import { randomUUID } from 'node:crypto';
import { type AppDeps, inTransaction } from '../../platform/context.js';

interface DemoActivity {
  title: string;
  indicator: string;
  unit: string;
  agency: string;
  support: string[];
  target: number;
  budget: number;
}

const a = (
  title: string,
  indicator: string,
  unit: string,
  agency: string,
  target: number,
  budget: number,
  support: string[] = [],
): DemoActivity => ({ title, indicator, unit, agency, support, target, budget });

/** RAD 2025-2029 programmes by sub-task force position (1-6), with their activities. */
const PROGRAMMES: {
  sub: number;
  horizon: 'short_term' | 'long_term';
  title: string;
  activities: DemoActivity[];
}[] = [
  {
    sub: 1,
    horizon: 'short_term',
    title: 'Pencegahan TPPO melalui informasi migrasi aman',
    activities: [
      a(
        'Sosialisasi migrasi aman di desa',
        'Desa yang menerima sosialisasi',
        'desa',
        'disnakertrans',
        12,
        60_000_000,
        ['bappeda'],
      ),
      a('KIE di sekolah menengah', 'Sekolah yang menerima KIE', 'sekolah', 'dp3a', 20, 35_000_000, ['jpic']),
      a(
        'Pelatihan aparat desa tentang modus perekrutan',
        'Aparat desa terlatih',
        'orang',
        'dp3a',
        80,
        40_000_000,
      ),
      a(
        'Pembentukan kelompok masyarakat peduli (pokmas)',
        'Kelompok terbentuk',
        'kelompok',
        'dp3a',
        6,
        30_000_000,
        ['jpic'],
      ),
      a(
        'Pemeriksaan dokumen di pelabuhan Reo',
        'Hari operasi pemeriksaan',
        'hari',
        'imigrasi',
        24,
        25_000_000,
        ['polres'],
      ),
      a(
        'Layanan informasi calon pekerja migran',
        'Calon PMI yang dilayani',
        'orang',
        'bp3mi',
        300,
        20_000_000,
        ['disnakertrans'],
      ),
      a(
        'Kampanye media sosial anti-perekrutan ilegal',
        'Unggahan kampanye',
        'unggahan',
        'dp3a',
        48,
        10_000_000,
      ),
      a(
        'Pelayanan KTP dan akta bagi warga rentan',
        'Dokumen kependudukan diterbitkan',
        'dokumen',
        'dukcapil',
        500,
        15_000_000,
      ),
      a('Sosialisasi di gereja paroki', 'Paroki yang dikunjungi', 'paroki', 'jpic', 10, 12_000_000, ['dp3a']),
    ],
  },
  {
    sub: 2,
    horizon: 'short_term',
    title: 'Rehabilitasi kesehatan korban',
    activities: [
      a('Pemeriksaan kesehatan korban TPPO', 'Korban yang diperiksa', '%', 'rsud', 100, 50_000_000, [
        'dinkes',
      ]),
      a(
        'Pelatihan tenaga kesehatan puskesmas',
        'Puskesmas dengan petugas terlatih',
        'puskesmas',
        'dinkes',
        10,
        30_000_000,
      ),
      a('Layanan psikologis di RSUD', 'Sesi konseling', 'sesi', 'rsud', 60, 25_000_000),
      a('Rujukan kesehatan jiwa', 'Korban yang dirujuk', 'orang', 'dinkes', 12, 10_000_000),
      a('Penyediaan obat dan alat kesehatan darurat', 'Paket tersedia', 'paket', 'dinkes', 20, 15_000_000),
    ],
  },
  {
    sub: 3,
    horizon: 'long_term',
    title: 'Rehabilitasi sosial, pemulangan dan reintegrasi',
    activities: [
      a('Pendampingan korban di rumah aman', 'Korban didampingi', 'orang', 'dinsos', 30, 80_000_000, [
        'uptdppa',
      ]),
      a('Pemulangan korban ke desa asal', 'Korban dipulangkan', 'orang', 'dinsos', 25, 70_000_000, ['bp3mi']),
      a(
        'Bantuan usaha ekonomi produktif',
        'Korban menerima bantuan usaha',
        'orang',
        'dinsos',
        20,
        100_000_000,
        ['bappeda'],
      ),
      a('Kunjungan tindak lanjut reintegrasi', 'Kunjungan dilakukan', 'kunjungan', 'uptdppa', 80, 30_000_000),
      a('Pelatihan keterampilan kerja', 'Korban dilatih', 'orang', 'disnakertrans', 30, 60_000_000),
      a(
        'Penanganan jenazah pekerja migran',
        'Jenazah dipulangkan dengan layak',
        '%',
        'bp3mi',
        100,
        40_000_000,
        ['dinsos'],
      ),
      a('Konseling keluarga korban', 'Keluarga dikonseling', 'keluarga', 'uptdppa', 40, 20_000_000),
      a('Pendampingan anak korban kembali sekolah', 'Anak kembali sekolah', 'anak', 'dp3a', 10, 15_000_000),
    ],
  },
  {
    sub: 4,
    horizon: 'short_term',
    title: 'Pengembangan norma hukum',
    activities: [
      a('Penyusunan Perda pencegahan TPPO', 'Rancangan Perda diajukan', 'dokumen', 'setda', 1, 75_000_000, [
        'dp3a',
      ]),
      a('Peraturan desa tentang migrasi aman', 'Desa dengan perdes', 'desa', 'setda', 10, 30_000_000),
      a('Penyuluhan hukum bagi masyarakat', 'Kegiatan penyuluhan', 'kegiatan', 'lbh', 12, 20_000_000),
      a('Bantuan hukum bagi korban', 'Korban didampingi hukum', 'orang', 'lbh', 20, 30_000_000),
      a('Kajian kebijakan penempatan PMI', 'Kajian selesai', 'dokumen', 'bappeda', 1, 25_000_000),
    ],
  },
  {
    sub: 5,
    horizon: 'short_term',
    title: 'Penegakan hukum',
    activities: [
      a('Penyidikan perkara TPPO', 'Perkara yang naik ke penyidikan', 'perkara', 'polres', 6, 90_000_000),
      a('Patroli perekrutan ilegal', 'Patroli dilakukan', 'patroli', 'polres', 24, 40_000_000, ['imigrasi']),
      a('Penuntutan dengan restitusi', 'Tuntutan memuat restitusi', '%', 'kejari', 100, 20_000_000),
      a('Pelatihan penyidik tentang TPPO', 'Penyidik terlatih', 'orang', 'polres', 15, 25_000_000),
      a(
        'Pengawasan perusahaan penempatan',
        'Perusahaan diawasi',
        'perusahaan',
        'disnakertrans',
        8,
        15_000_000,
        ['bp3mi'],
      ),
      a('Penundaan paspor berisiko', 'Permohonan berisiko ditunda', '%', 'imigrasi', 100, 10_000_000),
    ],
  },
  {
    sub: 6,
    horizon: 'long_term',
    title: 'Koordinasi, kerja sama dan pengentasan kemiskinan',
    activities: [
      a('Rapat koordinasi gugus tugas', 'Rapat koordinasi', 'rapat', 'dp3a', 4, 30_000_000, ['setda']),
      a('Pengumpulan data kasus terpadu', 'Laporan data triwulan', 'laporan', 'dp3a', 4, 15_000_000),
      a('Perencanaan anggaran pencegahan TPPO', 'OPD dengan anggaran TPPO', 'OPD', 'bappeda', 8, 5_000_000),
      a('Kerja sama dengan IOM', 'Kegiatan bersama', 'kegiatan', 'iom', 3, 0, ['dp3a']),
      a('Program padat karya desa asal PMI', 'Desa penerima program', 'desa', 'bappeda', 5, 150_000_000, [
        'disnakertrans',
      ]),
      a('Laporan tahunan gugus tugas', 'Laporan tahunan', 'laporan', 'dp3a', 1, 10_000_000),
      a('Evaluasi pelaksanaan RAD', 'Evaluasi dilakukan', 'kali', 'bappeda', 1, 10_000_000, ['dp3a']),
    ],
  },
];

/** Share of the yearly target reached per quarter, by activity index: some keep pace, some lag. */
function share(i: number, quarter: number): number | null {
  if (i % 9 === 4) return null; // never reports
  if (i % 7 === 3 && quarter >= 2) return null; // stopped reporting
  const pace = i % 5 === 2 ? 0.12 : i % 4 === 1 ? 0.18 : 0.3;
  return Math.min(1.1, pace * quarter);
}

/**
 * RAD 2025-2029 with about 40 activities and progress reports for 2025 and 2026 up to the third
 * quarter (some activities never report, some stop, some lag behind).
 */
export async function seedDemoPlan(
  deps: Pick<AppDeps, 'db' | 'dbKind' | 'clock'>,
  taskForceId: string,
  agencyIds: Map<string, string>,
  reporterByAgency: Map<string, string>,
  fallbackReporter: string,
): Promise<number> {
  const now = deps.clock.now().toISOString();
  const meta = { requestId: null as unknown as string, ip: null };
  const planId = randomUUID();
  let count = 0;
  await inTransaction(deps, { userId: null, agencyId: null }, meta, async (trx, audit) => {
    await trx
      .insertInto('plans')
      .values({
        id: planId,
        task_force_id: taskForceId,
        title: 'Rencana Aksi Daerah PP TPPO dan Pekerja Migran Bermasalah 2025-2029',
        start_year: 2025,
        end_year: 2029,
        period_kind: 'quarter',
        decree_id: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const subs = await trx
      .selectFrom('sub_task_forces')
      .select(['id', 'position'])
      .where('task_force_id', '=', taskForceId)
      .execute();
    let index = 0;
    for (const [pi, p] of PROGRAMMES.entries()) {
      const programmeId = randomUUID();
      await trx
        .insertInto('plan_programmes')
        .values({
          id: programmeId,
          plan_id: planId,
          title: p.title,
          sub_task_force_id: subs.find((s) => s.position === p.sub)?.id ?? null,
          horizon: p.horizon,
          position: pi + 1,
          version: 1,
        })
        .execute();
      for (const act of p.activities) {
        index += 1;
        const id = randomUUID();
        const agencyId = agencyIds.get(act.agency)!;
        const years = [2025, 2026, 2027, 2028, 2029];
        await trx
          .insertInto('plan_activities')
          .values({
            id,
            plan_id: planId,
            programme_id: programmeId,
            title: act.title,
            indicator: act.indicator,
            unit: act.unit,
            baseline: 0,
            targets: JSON.stringify(years.map((year) => ({ year, value: act.target }))),
            responsible_agency_id: agencyId,
            supporting_agency_ids: JSON.stringify(act.support.map((s) => agencyIds.get(s)!)),
            budgets: JSON.stringify(years.map((year) => ({ year, amount: act.budget, source: 'apbd' }))),
            position: index,
            version: 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        for (const [year, quarters] of [
          [2025, 4],
          [2026, 3],
        ] as const) {
          for (let q = 1; q <= quarters; q++) {
            const s = share(index + (year - 2025), q);
            if (s === null) continue;
            const realised = Math.round(act.target * s * 10) / 10;
            const lagging = s < 0.2 * q;
            await trx
              .insertInto('progress_reports')
              .values({
                id: randomUUID(),
                plan_id: planId,
                activity_id: id,
                agency_id: agencyId,
                year,
                period: q,
                revision: 1,
                realised,
                budget_spent: Math.round(act.budget * Math.min(1, s)),
                achievement: `${realised} ${act.unit}: ${act.indicator.toLowerCase()} sampai triwulan ${q}.`,
                obstacles: lagging ? 'Anggaran dipotong pada perubahan APBD; kegiatan ditunda.' : '',
                intervention: lagging ? 'Bappeda diminta memulihkan anggaran pada APBD perubahan.' : '',
                intervention_agency_id: lagging ? (agencyIds.get('bappeda') ?? null) : null,
                created_by: reporterByAgency.get(act.agency) ?? fallbackReporter,
                created_at: `${year}-${String(q * 3).padStart(2, '0')}-28T02:00:00.000Z`,
              })
              .execute();
          }
        }
        count += 1;
      }
    }
    await audit({
      action: 'plan.created',
      entityType: 'plan',
      entityId: planId,
      details: { demo: true, activities: count },
    });
  });
  return count;
}
