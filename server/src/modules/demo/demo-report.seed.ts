import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/context.js';

/**
 * The demo's year 2025 as the secretariat closed it: outreach held during the year and the
 * year-end evaluation with its recommendations, so the yearly report of 2025 reads complete.
 */
export async function seedDemoYear2025(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  taskForceId: string,
  agencyIds: Map<string, string>,
  createdBy: string,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const sessions: [string, string, string, string, string, [number, number, number, number]][] = [
    [
      '2025-03-20',
      '53.10.03.2002',
      'disnakertrans',
      'prospective_migrants',
      'Bekerja ke luar daerah secara prosedural',
      [41, 17, 0, 0],
    ],
    [
      '2025-05-15',
      '53.10.06.2001',
      'dp3a',
      'students',
      'Waspada ajakan kerja melalui media sosial',
      [0, 0, 63, 71],
    ],
    [
      '2025-08-07',
      '53.10.01.2006',
      'jpic',
      'church_congregation',
      'Keluarga dan gereja mencegah perdagangan orang',
      [36, 48, 4, 6],
    ],
    [
      '2025-10-23',
      '53.10.12.1001',
      'bp3mi',
      'village_officials',
      'Pendataan warga yang akan bekerja ke luar negeri',
      [22, 9, 0, 0],
    ],
  ];
  for (const [heldOn, village, agency, group, topic, [am, af, cm, cf]] of sessions)
    await deps.db
      .insertInto('prevention_activities')
      .values({
        id: randomUUID(),
        task_force_id: taskForceId,
        agency_id: agencyIds.get(agency)!,
        held_on: heldOn,
        village_code: village,
        target_group: group,
        topic,
        materials: 'Leaflet dan video KIE migrasi aman',
        adult_male: am,
        adult_female: af,
        child_male: cm,
        child_female: cf,
        activity_id: null,
        created_by: createdBy,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  await deps.db
    .insertInto('year_evaluations')
    .values({
      task_force_id: taskForceId,
      year: 2025,
      version: 1,
      achievements: [
        'Tahun 2025 adalah tahun pertama pelaksanaan RAD PP TPPO 2025-2029. Layanan bagi korban berjalan melalui UPTD PPA dengan dukungan Dinas Sosial dan RSUD dr. Ben Mboi.',
        '- Pemulangan korban ke desa asal dan pendampingan di rumah aman melampaui target.',
        '- Pelayanan KTP dan akta bagi warga rentan melampaui target berkat layanan jemput bola Dukcapil.',
        '- Polres Manggarai menyelesaikan penyidikan perkara TPPO sesuai target dan Kejaksaan menuntut restitusi pada setiap perkara.',
      ].join('\n'),
      obstacles: [
        '- Sebagian besar korban berangkat secara nonprosedural melalui calo, sehingga sulit dilacak sebelum terjadi eksploitasi.',
        '- Anggaran transportasi penyuluh ke desa terpencil terbatas; KIE di sekolah dan pelatihan aparat desa tertinggal dari target.',
        '- Layanan psikologis terkendala jumlah psikolog di RSUD.',
      ].join('\n'),
      interventions: [
        '- Dinas Tenaga Kerja dan Transmigrasi bersama BP3MI memperkuat pengawasan perekrutan di desa asal.',
        '- Dinas Kesehatan menambah tenaga konselor terlatih di puskesmas.',
      ].join('\n'),
      recommendations: [
        'Gugus tugas menyampaikan rekomendasi berikut kepada Bupati Manggarai:',
        '- Menetapkan Peraturan Daerah tentang pencegahan dan penanganan TPPO serta mendorong setiap desa asal pekerja migran menyusun peraturan desa tentang migrasi aman.',
        '- Mengalokasikan anggaran sosialisasi ke desa terpencil dan sekolah menengah dalam APBD 2026.',
        '- Menambah psikolog klinis di RSUD dr. Ben Mboi dan melatih konselor di puskesmas.',
        '- Memperkuat kerja sama dengan BP3MI NTT dan Imigrasi Labuan Bajo untuk mencegah keberangkatan nonprosedural melalui pelabuhan.',
      ].join('\n'),
      updated_by: createdBy,
      updated_at: now,
    })
    .execute();
}
