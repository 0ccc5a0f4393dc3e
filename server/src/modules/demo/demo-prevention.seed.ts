import { randomUUID } from 'node:crypto';
import { type AppDeps, inTransaction } from '../../platform/context.js';

/** Demo prevention work in several Manggarai villages: outreach, watch groups and recruitment alerts. */
export async function seedDemoPrevention(
  deps: Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher'>,
  taskForceId: string,
  agencyIds: Map<string, string>,
  createdBy: string,
): Promise<number> {
  const now = deps.clock.now().toISOString();
  const ag = (key: string) => agencyIds.get(key)!;
  const sosialisasi = (
    await deps.db
      .selectFrom('plan_activities as a')
      .innerJoin('plans as p', 'p.id', 'a.plan_id')
      .select('a.id')
      .where('p.task_force_id', '=', taskForceId)
      .where('a.title', '=', 'Sosialisasi migrasi aman di desa')
      .executeTakeFirst()
  )?.id;
  const sessions: [
    string,
    string,
    string,
    string,
    string,
    [number, number, number, number],
    string | null,
  ][] = [
    [
      '2026-02-12',
      '53.10.01.2006',
      'disnakertrans',
      'prospective_migrants',
      'Migrasi aman dan prosedur resmi bekerja ke luar daerah',
      [34, 12, 0, 0],
      'x',
    ],
    [
      '2026-03-05',
      '53.10.06.2001',
      'dp3a',
      'students',
      'Mengenali tawaran kerja palsu di media sosial',
      [0, 0, 48, 52],
      null,
    ],
    [
      '2026-04-18',
      '53.10.11.1017',
      'jpic',
      'church_congregation',
      'Gereja peduli korban perdagangan orang',
      [40, 55, 6, 9],
      null,
    ],
    [
      '2026-05-22',
      '53.10.12.1001',
      'disnakertrans',
      'village_officials',
      'Peran desa dalam pencegahan pekerja migran nonprosedural',
      [18, 7, 0, 0],
      'x',
    ],
    [
      '2026-07-09',
      '53.10.03.2002',
      'dp3a',
      'parents',
      'Orang tua menjaga anak dari perekrutan',
      [15, 31, 0, 0],
      null,
    ],
    [
      '2026-08-27',
      '53.10.05.2003',
      'bp3mi',
      'prospective_migrants',
      'Dokumen dan kontrak kerja yang sah',
      [27, 19, 2, 1],
      'x',
    ],
    [
      '2026-10-03',
      '53.10.01.2002',
      'disnakertrans',
      'prospective_migrants',
      'Modus perekrutan ke kebun sawit Kalimantan',
      [31, 8, 3, 0],
      'x',
    ],
  ];
  const groups: [string, string, string, number, string][] = [
    ['53.10.01.2006', 'Pokmas Golo Cador Peduli Migran', '2025-09-14', 14, 'Sekretaris desa Golo Cador'],
    ['53.10.11.1017', 'Kelompok Jaga Pelabuhan Reo', '2026-02-20', 9, 'Ketua RW pelabuhan'],
    ['53.10.06.2001', 'Forum Anak Desa Nenu', '2026-06-01', 21, 'Pendamping forum anak'],
  ];
  const alerts: [string, string, string, string | null, string, string, string, string][] = [
    [
      'Facebook',
      'Lowongan kerja kebun sawit di Kalimantan Timur, tanpa biaya dan tanpa dokumen, berangkat rombongan minggu ini.',
      'https://facebook.com/groups/contoh-lowongan',
      '53.10.01.2002',
      'Kepala Desa',
      '2026-11-18',
      'reported',
      '',
    ],
    [
      'WhatsApp',
      'Pesan berantai menawarkan kerja restoran di Malaysia dengan gaji tinggi, paspor diurus agen.',
      '',
      '53.10.12.1001',
      'Guru SMA',
      '2026-10-30',
      'verified',
      'Nomor agen tidak terdaftar di BP3MI.',
    ],
    [
      'Offline',
      'Sekelompok pemuda berangkat bersama seorang perekrut melalui Pelabuhan Reo tanpa dokumen kerja.',
      '',
      '53.10.11.1017',
      'Kelompok Jaga Pelabuhan Reo',
      '2026-09-12',
      'forwarded_police',
      'Diteruskan ke Polres; keberangkatan dicegah.',
    ],
    [
      'TikTok',
      'Video ajakan kerja di luar negeri dengan biaya ditanggung agen, tautan pendaftaran lewat pesan pribadi.',
      'https://www.tiktok.com/@contoh',
      null,
      'Staf Disnakertrans',
      '2026-07-02',
      'closed',
      'Akun dilaporkan dan ditutup platform.',
    ],
  ];
  const meta = { requestId: null as unknown as string, ip: null };
  await inTransaction(deps, { userId: null, agencyId: null }, meta, async (trx, audit) => {
    for (const [heldOn, village, agency, group, topic, [am, af, cm, cf], rad] of sessions) {
      await trx
        .insertInto('prevention_activities')
        .values({
          id: randomUUID(),
          task_force_id: taskForceId,
          agency_id: ag(agency),
          held_on: heldOn,
          village_code: village,
          target_group: group,
          topic,
          materials: 'Leaflet, poster dan video KIE migrasi aman',
          adult_male: am,
          adult_female: af,
          child_male: cm,
          child_female: cf,
          activity_id: rad && sosialisasi ? sosialisasi : null,
          created_by: createdBy,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (const [village, name, formedOn, members, contact] of groups) {
      await trx
        .insertInto('watch_groups')
        .values({
          id: randomUUID(),
          task_force_id: taskForceId,
          village_code: village,
          name,
          formed_on: formedOn,
          members_count: members,
          contact,
          created_by: createdBy,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (const [channel, description, link, village, reportedBy, seenOn, status, note] of alerts) {
      await trx
        .insertInto('recruitment_alerts')
        .values({
          id: randomUUID(),
          task_force_id: taskForceId,
          agency_id: ag('disnakertrans'),
          channel,
          description_enc: deps.cipher.encrypt(description),
          link,
          village_code: village,
          place_note_enc: deps.cipher.encrypt(''),
          reported_by: reportedBy,
          seen_on: seenOn,
          status: status as 'reported',
          status_note_enc: deps.cipher.encrypt(note),
          case_number: null,
          created_by: createdBy,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await audit({
      action: 'prevention.activity_recorded',
      details: { demo: true, sessions: sessions.length, groups: groups.length, alerts: alerts.length },
    });
  });
  return sessions.length;
}
