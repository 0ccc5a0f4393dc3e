import { randomUUID } from 'node:crypto';
import { calendarDateIn } from '@sinergi/core';
import { type AppDeps, inTransaction } from '../../platform/context.js';
import { insertAction, insertMeeting } from '../meetings/meeting.repository.js';

/**
 * Demo meetings: an evaluation meeting in October 2025 that left actions open, the January
 * coordination meeting from the news report that started the project (held with IOM, opened by
 * the vice-regent, disseminating the integrated-service SOP and planning the year's work
 * programme), and the next quarterly meeting ten days ahead. Every name is invented.
 */
export async function seedDemoMeetings(
  deps: Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher'>,
  taskForceId: string,
  agencyIds: Map<string, string>,
  createdBy: string,
): Promise<number> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const today = calendarDateIn(now, 'Asia/Makassar');
  const ag = (key: string) => agencyIds.get(key)!;
  const activity = async (title: string) =>
    (
      await deps.db
        .selectFrom('plan_activities as a')
        .innerJoin('plans as p', 'p.id', 'a.plan_id')
        .select('a.id')
        .where('p.task_force_id', '=', taskForceId)
        .where('a.title', '=', title)
        .executeTakeFirst()
    )?.id ?? null;
  const sosialisasi = await activity('Sosialisasi migrasi aman di desa');
  const attendee = (name: string, position: string, agency: string | null, organisation = '') => ({
    name,
    position,
    agencyId: agency ? ag(agency) : null,
    organisation,
  });
  const nextStart = new Date(Date.parse(`${today}T01:00:00.000Z`) + 10 * 86_400_000).toISOString();

  const meetings = [
    {
      key: 'october',
      type: 'evaluation' as const,
      title: 'Rapat Evaluasi Triwulan III Gugus Tugas PP TPPO 2025',
      starts_at: '2025-10-16T01:00:00.000Z',
      ends_at: '2025-10-16T04:00:00.000Z',
      place: 'Ruang Rapat DP3A Kabupaten Manggarai',
      online_link: '',
      chair: 'Kepala DP3A Manggarai (demo)',
      minute_taker: 'Sekretariat Gugus Tugas (demo)',
      invited: ['dinsos', 'disnakertrans', 'polres', 'bappeda', 'uptdppa'],
      invited_people: '',
      agenda: [
        { title: 'Capaian RAD triwulan III', activityId: null, caseNumber: null, notes: '' },
        {
          title: 'Sosialisasi migrasi aman yang tertinggal',
          activityId: sosialisasi,
          caseNumber: null,
          notes: 'Anggaran dipotong pada perubahan APBD.',
        },
      ],
      attendees: [
        attendee('Yuliana Jehaut', 'Kepala Bidang PPA', 'dp3a'),
        attendee('Kristoforus Adur', 'Kepala Seksi Rehabilitasi Sosial', 'dinsos'),
        attendee('Petrus Ndahur', 'Kepala Bidang Penempatan', 'disnakertrans'),
        attendee('Aipda Silvester Nggalu', 'Kanit PPA', 'polres'),
      ],
      minutes:
        'Rapat membahas capaian triwulan III. Disnakertrans melaporkan sosialisasi baru menjangkau sebagian desa karena anggaran dipotong. Dinas Sosial menyampaikan rumah aman belum tersedia untuk korban laki-laki dewasa.',
      decisions: [
        'Dinas Sosial menyiapkan rumah aman sementara bagi korban laki-laki dewasa.',
        'Bappeda mengusulkan pemulihan anggaran sosialisasi pada APBD 2026.',
      ],
      actions: [
        {
          description: 'Menyiapkan rumah aman sementara bagi korban laki-laki dewasa',
          owner: 'dinsos',
          due: '2026-01-31',
          status: 'open' as const,
          note: '',
          activity: null,
        },
        {
          description: 'Mengusulkan pemulihan anggaran sosialisasi migrasi aman pada APBD 2026',
          owner: 'bappeda',
          due: '2025-12-15',
          status: 'done' as const,
          note: 'Anggaran dipulihkan dalam APBD 2026.',
          activity: sosialisasi,
        },
      ],
    },
    {
      key: 'january',
      type: 'rakor' as const,
      title: 'Rapat Koordinasi Gugus Tugas PP TPPO Kabupaten Manggarai bersama IOM',
      starts_at: '2026-01-27T01:00:00.000Z',
      ends_at: '2026-01-27T07:00:00.000Z',
      place: 'Aula Ranaka, Kantor Bupati Manggarai',
      online_link: '',
      chair: 'Wakil Bupati Manggarai (demo)',
      minute_taker: 'Sekretariat Gugus Tugas (demo)',
      invited: [
        'dp3a',
        'uptdppa',
        'polres',
        'kejari',
        'dinsos',
        'dinkes',
        'rsud',
        'disnakertrans',
        'bp3mi',
        'imigrasi',
        'bappeda',
        'dukcapil',
        'lbh',
        'jpic',
        'iom',
      ],
      invited_people: 'Ketua panitia kegiatan; perwakilan IOM Indonesia',
      agenda: [
        { title: 'Pembukaan oleh Wakil Bupati', activityId: null, caseNumber: null, notes: '' },
        {
          title: 'Capaian, kendala dan intervensi yang dibutuhkan per instansi',
          activityId: null,
          caseNumber: null,
          notes:
            'Rehabilitasi kesehatan, rehabilitasi sosial, layanan hukum, pemulangan dan reintegrasi sosial.',
        },
        {
          title:
            'Diseminasi Permen PPPA Nomor 8 Tahun 2021 tentang SOP pelayanan terpadu saksi dan/atau korban TPPO',
          activityId: null,
          caseNumber: null,
          notes: '',
        },
        {
          title: 'Evaluasi tahun 2025 dan perencanaan program kerja tahunan 2026',
          activityId: null,
          caseNumber: null,
          notes: '',
        },
      ],
      attendees: [
        attendee('Yuliana Jehaut', 'Kepala Bidang PPA', 'dp3a'),
        attendee('Maria Goreti Nanur', 'Kepala UPTD PPA', 'uptdppa'),
        attendee('Aipda Silvester Nggalu', 'Kanit PPA Satreskrim', 'polres'),
        attendee('Benediktus Jaya', 'Jaksa Fungsional', 'kejari'),
        attendee('Kristoforus Adur', 'Kepala Seksi Rehabilitasi Sosial', 'dinsos'),
        attendee('dr. Fransiska Ndaung', 'Kepala Seksi Kesehatan Rujukan', 'dinkes'),
        attendee('Petrus Ndahur', 'Kepala Bidang Penempatan', 'disnakertrans'),
        attendee('Agustinus Lalong', 'Pengantar Kerja', 'bp3mi'),
        attendee('Veronika Sanur', 'Kepala Subbidang Sosial Budaya', 'bappeda'),
        attendee('Sr. Florentina Babur', 'Koordinator', 'jpic'),
        attendee('Ricardo Ames', 'Project Officer', 'iom'),
      ],
      minutes:
        'Rapat dibuka oleh Wakil Bupati. Ketua panitia menyampaikan bahwa TPPO adalah persoalan multidimensi yang membutuhkan penanganan holistik: kemiskinan, pendidikan rendah, sosial budaya dan penegakan hukum. Penanganan dibagi dua: jangka pendek (perbaikan kebijakan dan penegakan hukum) dan jangka panjang (pengentasan kemiskinan).\n\nSetiap instansi memaparkan capaian, kendala dan intervensi yang dibutuhkan. IOM memaparkan pergeseran modus perekrutan melalui media sosial dan mendiseminasikan Permen PPPA Nomor 8 Tahun 2021 tentang SOP pelayanan terpadu saksi dan/atau korban TPPO.\n\nRapat mengevaluasi tahun 2025 dan menyusun program kerja tahunan 2026.',
      decisions: [
        'SOP pelayanan terpadu saksi dan/atau korban TPPO diadopsi untuk Kabupaten Manggarai melalui Peraturan Bupati.',
        'Program kerja tahunan 2026 disusun dari RAD 2025-2029 dan dibahas pada rapat berikutnya.',
        'Setiap instansi melaporkan capaian RAD paling lambat tanggal 10 setelah triwulan berakhir.',
      ],
      actions: [
        {
          description: 'Menyusun rancangan Peraturan Bupati tentang SOP pelayanan terpadu korban TPPO',
          owner: 'dp3a',
          due: '2026-06-30',
          status: 'open' as const,
          note: '',
          activity: null,
        },
        {
          description: 'Sosialisasi perekrutan lewat media sosial di desa asal pekerja migran',
          owner: 'disnakertrans',
          due: '2026-04-30',
          status: 'done' as const,
          note: 'Dilaksanakan di 5 desa, 212 peserta.',
          activity: sosialisasi,
        },
        {
          description: 'Pemeriksaan dokumen calon pekerja migran di pelabuhan bersama Imigrasi',
          owner: 'bp3mi',
          due: '2026-03-31',
          status: 'open' as const,
          note: '',
          activity: null,
        },
        {
          description: 'Menyediakan layanan rehabilitasi kesehatan tanpa biaya bagi korban di RSUD',
          owner: 'dinkes',
          due: '2026-05-31',
          status: 'dropped' as const,
          note: 'Digabung dengan tindak lanjut jaminan kesehatan daerah.',
          activity: null,
        },
      ],
    },
    {
      key: 'next',
      type: 'rakor' as const,
      title: 'Rapat Koordinasi Triwulan IV Gugus Tugas PP TPPO 2026',
      starts_at: nextStart,
      ends_at: null,
      place: 'Aula Ranaka, Kantor Bupati Manggarai',
      online_link: '',
      chair: 'Wakil Bupati Manggarai (demo)',
      minute_taker: 'Sekretariat Gugus Tugas (demo)',
      invited: ['dp3a', 'uptdppa', 'polres', 'dinsos', 'disnakertrans', 'bp3mi', 'bappeda'],
      invited_people: '',
      agenda: [
        { title: 'Capaian RAD triwulan I-III 2026', activityId: null, caseNumber: null, notes: '' },
        { title: 'Tindak lanjut rapat sebelumnya', activityId: null, caseNumber: null, notes: '' },
      ],
      attendees: [],
      minutes: '',
      decisions: [],
      actions: [],
    },
  ];

  const meta = { requestId: null as unknown as string, ip: null };
  let count = 0;
  await inTransaction(deps, { userId: null, agencyId: null }, meta, async (trx, audit) => {
    for (const m of meetings) {
      const id = randomUUID();
      await insertMeeting(trx, deps.cipher, {
        id,
        task_force_id: taskForceId,
        type: m.type,
        title: m.title,
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        place: m.place,
        online_link: m.online_link,
        chair: m.chair,
        minute_taker: m.minute_taker,
        invited_agency_ids: JSON.stringify(m.invited.map(ag)),
        invited_people: m.invited_people,
        agenda: JSON.stringify(m.agenda),
        attendees: JSON.stringify(m.attendees),
        minutes: m.minutes,
        decisions: JSON.stringify(m.decisions),
        created_by: createdBy,
        version: 1,
        created_at: nowIso,
        updated_at: nowIso,
      });
      for (const a of m.actions) {
        const closed = a.status !== 'open';
        await insertAction(trx, deps.cipher, {
          id: randomUUID(),
          meeting_id: id,
          task_force_id: taskForceId,
          description: a.description,
          owner_agency_id: ag(a.owner),
          due_date: a.due,
          activity_id: a.activity,
          status: a.status,
          status_note: a.note,
          closed_at: closed ? `${a.due}T01:00:00.000Z` : null,
          closed_by: closed ? createdBy : null,
          version: 1,
          created_at: nowIso,
          updated_at: nowIso,
        });
      }
      count += 1;
    }
    await audit({
      action: 'meeting.created',
      entityType: 'meeting',
      details: { demo: true, meetings: count },
    });
  });
  return count;
}
