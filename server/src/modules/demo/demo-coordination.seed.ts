import { randomUUID } from 'node:crypto';
import { type AppDeps, inTransaction } from '../../platform/context.js';

/** Which sub-task forces (by position, 1-6 as seeded) each demo agency sits in, and its place. */
const MEMBERS: Record<
  string,
  { position: 'chair' | 'vice_chair' | 'secretariat' | 'member'; subs: number[] }
> = {
  setda: { position: 'chair', subs: [6] },
  dp3a: { position: 'secretariat', subs: [1, 3, 6] },
  uptdppa: { position: 'member', subs: [3] },
  polres: { position: 'member', subs: [5] },
  kejari: { position: 'member', subs: [5] },
  dinsos: { position: 'member', subs: [3] },
  dinkes: { position: 'member', subs: [2] },
  rsud: { position: 'member', subs: [2] },
  disnakertrans: { position: 'member', subs: [1, 3] },
  bp3mi: { position: 'member', subs: [1, 3] },
  imigrasi: { position: 'member', subs: [1, 5] },
  bappeda: { position: 'member', subs: [6] },
  dukcapil: { position: 'member', subs: [1] },
  lbh: { position: 'member', subs: [4, 5] },
  jpic: { position: 'member', subs: [1, 3] },
  iom: { position: 'member', subs: [6] },
};

/** Lead agency of each sub-task force, by position. */
const LEADS: Record<number, string> = {
  1: 'dp3a',
  2: 'dinkes',
  3: 'dinsos',
  4: 'setda',
  5: 'polres',
  6: 'bappeda',
};

/** Invented officials, marked as demo data. */
const FOCAL_PERSONS: { agency: string; name: string; position: string }[] = [
  { agency: 'dp3a', name: 'Maria Goreti (demo)', position: 'Kepala Bidang Perlindungan Perempuan' },
  { agency: 'disnakertrans', name: 'Yuliana Dhiu (demo)', position: 'Kepala Seksi Penempatan Tenaga Kerja' },
  { agency: 'dinsos', name: 'Theresia Nggoro (demo)', position: 'Kepala Bidang Rehabilitasi Sosial' },
  {
    agency: 'bappeda',
    name: 'Kornelis Jehalu (demo)',
    position: 'Kepala Bidang Pemerintahan dan Pembangunan Manusia',
  },
  { agency: 'polres', name: 'Ipda Stefanus Ruma (demo)', position: 'Kanit PPA Satreskrim' },
];

/**
 * The Manggarai task force's decrees as the news report names them (HK/269/2018 changed by
 * HK/41/2022), its positions, sub-task force leads and a few focal persons.
 */
export async function seedDemoMembership(
  deps: Pick<AppDeps, 'db' | 'dbKind' | 'clock'>,
  taskForceId: string,
  agencyIds: Map<string, string>,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const meta = { requestId: null as unknown as string, ip: null };
  await inTransaction(deps, { userId: null, agencyId: null }, meta, async (trx, audit) => {
    const first = randomUUID();
    await trx
      .insertInto('taskforce_decrees')
      .values([
        {
          id: first,
          task_force_id: taskForceId,
          number: 'HK/269/2018',
          title:
            'Pembentukan Gugus Tugas Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang dan Pekerja Migran Bermasalah Kabupaten Manggarai',
          signed_on: '2018-08-01',
          replaces_id: null,
          version: 1,
          created_at: now,
          updated_at: now,
        },
        {
          id: randomUUID(),
          task_force_id: taskForceId,
          number: 'HK/41/2022',
          title: 'Perubahan atas Keputusan Bupati Manggarai Nomor HK/269/2018',
          signed_on: '2022-01-14',
          replaces_id: first,
          version: 1,
          created_at: now,
          updated_at: now,
        },
      ])
      .execute();
    const subs = await trx
      .selectFrom('sub_task_forces')
      .select(['id', 'position'])
      .where('task_force_id', '=', taskForceId)
      .execute();
    const subId = new Map(subs.map((s) => [s.position, s.id]));
    for (const [position, agency] of Object.entries(LEADS)) {
      await trx
        .updateTable('sub_task_forces')
        .set({ lead_agency_id: agencyIds.get(agency) ?? null })
        .where('id', '=', subId.get(Number(position)) ?? '')
        .execute();
    }
    for (const [agency, m] of Object.entries(MEMBERS)) {
      const agencyId = agencyIds.get(agency);
      if (!agencyId) continue;
      await trx
        .insertInto('taskforce_members')
        .values({
          task_force_id: taskForceId,
          agency_id: agencyId,
          position: m.position,
          sub_task_force_ids: JSON.stringify(m.subs.map((p) => subId.get(p)).filter(Boolean)),
          version: 1,
          updated_at: now,
        })
        .execute();
    }
    for (const f of FOCAL_PERSONS) {
      await trx
        .insertInto('focal_persons')
        .values({
          id: randomUUID(),
          task_force_id: taskForceId,
          agency_id: agencyIds.get(f.agency)!,
          name: f.name,
          position: f.position,
          phone: null,
          email: null,
          active: 1,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await audit({
      action: 'taskforce.member_changed',
      entityType: 'task_force',
      entityId: taskForceId,
      details: { demo: true },
    });
  });
}
