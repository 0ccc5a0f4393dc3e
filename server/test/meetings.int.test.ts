import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  buildAgency,
  buildTaskForce,
  buildUser,
  call,
  createTestEnv,
  DB_KINDS,
  type Session,
  signIn,
  type TestEnv,
} from './support.js';

async function pdfText(body: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    // Table cells wrap; compare words, not line breaks.
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe.each(DB_KINDS)('coordination meetings and follow-up actions on %s', (kind) => {
  let env: TestEnv;
  let disnakerId: string;
  let dinsosId: string;
  let foreignAgencyId: string;
  let coordinator: Session;
  let disnaker: Session;
  let dinsos: Session;
  let leader: Session;
  let otherCoordinator: Session;
  let activityId: string;
  let caseNumber: string;
  let earlierId: string;
  let earlierActionId: string;
  let meetingId: string;
  let meetingVersion: number;
  let actionId: string;

  const meeting = (overrides: Record<string, unknown> = {}) => ({
    type: 'rakor',
    title: 'Rapat Koordinasi Gugus Tugas PP TPPO Triwulan IV',
    startsAt: '2026-12-03T09:00:00+08:00',
    endsAt: '2026-12-03T12:30:00+08:00',
    place: 'Aula Ranaka, Kantor Bupati',
    chair: 'Wakil Bupati',
    minuteTaker: 'Sekretariat DP3A',
    invitedAgencyIds: [disnakerId, dinsosId],
    agenda: [
      { title: 'Capaian RAD triwulan IV', activityId },
      { title: 'Konferensi kasus', caseNumber },
    ],
    attendees: [
      { name: 'Yohanes Dampur', position: 'Kepala Bidang', agencyId: disnakerId },
      { name: 'Perwakilan IOM', organisation: 'IOM Indonesia' },
    ],
    minutes: 'Rapat dibuka oleh Wakil Bupati. Disnakertrans memaparkan capaian sosialisasi.',
    decisions: ['SOP layanan terpadu diadopsi di tingkat kabupaten.'],
    ...overrides,
  });

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tfId = (await buildTaskForce(env)).id;
    const otherTf = (await buildTaskForce(env, '53.19')).id;
    const dp3a = (await buildAgency(env, { taskForceId: tfId, shortName: 'DP3A Uji' })).id;
    disnakerId = (await buildAgency(env, { taskForceId: tfId, shortName: 'Disnakertrans Uji' })).id;
    dinsosId = (await buildAgency(env, { taskForceId: tfId, shortName: 'Dinsos Uji' })).id;
    foreignAgencyId = (await buildAgency(env, { taskForceId: otherTf })).id;
    const u = async (roles: Parameters<typeof buildUser>[1], agencyId: string) =>
      signIn(env, (await buildUser(env, roles, { agencyId })).username);
    coordinator = await u(['coordinator'], dp3a);
    disnaker = await u(['service_provider'], disnakerId);
    dinsos = await u(['service_provider'], dinsosId);
    leader = await u(['leadership'], dp3a);
    otherCoordinator = await u(['coordinator'], foreignAgencyId);

    const plan = await call(env, coordinator, 'POST', '/api/v1/plans', {
      title: 'RAD PP TPPO 2025-2029',
      startYear: 2025,
      endYear: 2029,
      periodKind: 'quarter',
    });
    const prog = await call(env, coordinator, 'POST', `/api/v1/plans/${plan.json().id}/programmes`, {
      title: 'Pencegahan',
      horizon: 'short_term',
    });
    const act = await call(env, coordinator, 'POST', `/api/v1/plans/${plan.json().id}/activities`, {
      programmeId: prog.json().id,
      title: 'Sosialisasi migrasi aman di desa',
      indicator: 'Desa yang menerima sosialisasi',
      unit: 'desa',
      baseline: 0,
      targets: [{ year: 2026, value: 12 }],
      responsibleAgencyId: disnakerId,
    });
    activityId = act.json().id;
    const filed = await call(
      env,
      disnaker,
      'POST',
      `/api/v1/plans/${plan.json().id}/activities/${activityId}/reports`,
      {
        year: 2026,
        period: 3,
        realised: 6,
        budgetSpent: 20_000_000,
        achievement: 'Enam desa menerima sosialisasi migrasi aman.',
        obstacles: 'Anggaran perjalanan dipotong.',
        intervention: 'Bappeda diminta memulihkan anggaran.',
        interventionAgencyId: dp3a,
      },
    );
    expect(filed.statusCode, filed.body).toBe(201);

    const c = await call(env, coordinator, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'victim',
      risk: 'high',
    });
    expect(c.statusCode, c.body).toBe(201);
    caseNumber = c.json().caseNumber;
    const p = await call(env, coordinator, 'POST', `/api/v1/cases/${c.json().id}/persons`, {
      role: 'victim',
      fullName: 'Korban Rahasia Sekali',
      sex: 'Female',
      estimatedAge: 19,
    });
    expect(p.statusCode, p.body).toBe(201);

    const earlier = await call(
      env,
      coordinator,
      'POST',
      '/api/v1/meetings',
      meeting({
        title: 'Rapat Koordinasi Triwulan II',
        startsAt: '2026-08-14T09:00:00+08:00',
        endsAt: null,
        agenda: [],
        attendees: [],
        decisions: [],
      }),
    );
    expect(earlier.statusCode, earlier.body).toBe(201);
    earlierId = earlier.json().id;
    const old = await call(env, coordinator, 'POST', `/api/v1/meetings/${earlierId}/actions`, {
      description: 'Dinas Sosial menyiapkan rumah aman sementara.',
      ownerAgencyId: dinsosId,
      dueDate: '2026-09-30',
    });
    expect(old.statusCode, old.body).toBe(201);
    earlierActionId = old.json().id;
  });
  afterAll(async () => env?.close());

  it('records a meeting; validates references and refuses everyone but the secretariat', async () => {
    const bad = await call(
      env,
      coordinator,
      'POST',
      '/api/v1/meetings',
      meeting({
        type: 'pertemuan',
        place: '',
        onlineLink: 'ftp://x',
        endsAt: '2026-12-03T08:00:00+08:00',
        agenda: [{ title: 'Konferensi kasus', caseNumber: 'Maria Goreti' }],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(
      expect.arrayContaining(['type', 'onlineLink', 'agenda.0.caseNumber']),
    );
    const unplaced = await call(env, coordinator, 'POST', '/api/v1/meetings', meeting({ place: '' }));
    expect(unplaced.json().error.fields.place).toBe('Isi tempat rapat atau tautan rapat daring.');
    const refs = await call(
      env,
      coordinator,
      'POST',
      '/api/v1/meetings',
      meeting({
        invitedAgencyIds: [foreignAgencyId],
        agenda: [{ title: 'Kasus lain', caseNumber: 'TPPO/53.19/2026/0001' }],
      }),
    );
    expect(refs.statusCode).toBe(400);
    expect(refs.json().error.fields).toMatchObject({
      'invitedAgencyIds.0': 'Instansi ini bukan anggota gugus tugas.',
      'agenda.0.caseNumber': 'Tidak ada kasus dengan nomor ini.',
    });
    for (const s of [disnaker, leader]) {
      expect((await call(env, s, 'POST', '/api/v1/meetings', meeting())).statusCode).toBe(403);
    }
    const created = await call(env, coordinator, 'POST', '/api/v1/meetings', meeting(), {
      'idempotency-key': 'rakor-q4',
    });
    expect(created.statusCode, created.body).toBe(201);
    const again = await call(env, coordinator, 'POST', '/api/v1/meetings', meeting(), {
      'idempotency-key': 'rakor-q4',
    });
    expect(again.json().id).toBe(created.json().id);
    meetingId = created.json().id;
    expect(created.json()).toMatchObject({
      startsAt: '2026-12-03T01:00:00.000Z',
      timeZone: 'Asia/Makassar',
      agenda: [{ activityId }, { caseNumber }],
      attendees: [
        { agencyShortName: 'Disnakertrans Uji' },
        { organisation: 'IOM Indonesia', agencyShortName: null },
      ],
      can: { manage: true },
      version: 1,
    });
    meetingVersion = 1;
    expect((await auditEvents(env, 'meeting.created')).some((e) => e.entity_id === meetingId)).toBe(true);
  });

  it('shows meetings to the task force (leadership reads) and to nobody outside it', async () => {
    const seen = await call(env, leader, 'GET', `/api/v1/meetings/${meetingId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().can.manage).toBe(false);
    expect((await call(env, otherCoordinator, 'GET', `/api/v1/meetings/${meetingId}`)).statusCode).toBe(404);
    expect((await call(env, otherCoordinator, 'GET', '/api/v1/meetings')).json().items).toEqual([]);
    expect((await call(env, null, 'GET', '/api/v1/meetings')).statusCode).toBe(401);
    const list = (await call(env, disnaker, 'GET', '/api/v1/meetings')).json().items;
    expect(list.map((m: { id: string }) => m.id)).toEqual([meetingId, earlierId]);
    expect(list[1]).toMatchObject({ actionsOpen: 1, actionsOverdue: 1 });
  });

  it('updates the record with the version read; a stale version gets 409 with the current one', async () => {
    const url = `/api/v1/meetings/${meetingId}`;
    const body = meeting({
      minutes: 'Notulen lengkap: capaian, kendala dan intervensi dibahas per instansi.',
    });
    expect((await call(env, leader, 'PUT', url, { meeting: body, version: 1 })).statusCode).toBe(403);
    expect((await call(env, otherCoordinator, 'PUT', url, { meeting: body, version: 1 })).statusCode).toBe(
      404,
    );
    const ok = await call(env, coordinator, 'PUT', url, { meeting: body, version: meetingVersion });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, minutes: expect.stringContaining('Notulen lengkap') });
    const stale = await call(env, coordinator, 'PUT', url, { meeting: body, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.version).toBe(2);
    meetingVersion = 2;
  });

  it('assigns an action; only the owner agency or the secretariat closes it; leadership reads', async () => {
    const url = `/api/v1/meetings/${meetingId}/actions`;
    const bad = await call(env, coordinator, 'POST', url, {
      description: 'x',
      ownerAgencyId: foreignAgencyId,
      dueDate: '2026-13-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(['description', 'dueDate']));
    const foreign = await call(env, coordinator, 'POST', url, {
      description: 'Sosialisasi di pelabuhan',
      ownerAgencyId: foreignAgencyId,
      dueDate: '2026-12-20',
    });
    expect(foreign.json().error.fields.ownerAgencyId).toBeTruthy();
    expect(
      (
        await call(env, disnaker, 'POST', url, {
          description: 'Sosialisasi di pelabuhan',
          ownerAgencyId: disnakerId,
          dueDate: '2026-12-20',
        })
      ).statusCode,
    ).toBe(403);
    const made = await call(env, coordinator, 'POST', url, {
      description: 'Sosialisasi migrasi aman di Pelabuhan Reo',
      ownerAgencyId: disnakerId,
      dueDate: '2026-12-20',
      activityId,
    });
    expect(made.statusCode, made.body).toBe(201);
    actionId = made.json().id;
    expect(made.json()).toMatchObject({
      status: 'open',
      overdue: false,
      ownerAgencyShortName: 'Disnakertrans Uji',
    });

    const work = (await call(env, disnaker, 'GET', '/api/v1/my-work')).json();
    expect(work.meetingActions.map((a: { id: string }) => a.id)).toEqual([actionId]);
    expect(work.meetingActions[0].can.update).toBe(true);
    expect(work.counts.meetingActionsOpen).toBe(1);
    const dinsosWork = (await call(env, dinsos, 'GET', '/api/v1/my-work')).json();
    expect(dinsosWork.meetingActions).toEqual([
      expect.objectContaining({ id: earlierActionId, overdue: true, daysOverdue: 59 }),
    ]);
    expect(dinsosWork.counts.meetingActionsOverdue).toBe(1);

    const patch = `/api/v1/meetings/${meetingId}/actions/${actionId}`;
    const done = { status: 'done', note: 'Sosialisasi dilaksanakan 30 peserta.', version: 1 };
    expect((await call(env, dinsos, 'PATCH', patch, done)).statusCode).toBe(403);
    expect((await call(env, leader, 'PATCH', patch, done)).statusCode).toBe(403);
    expect((await call(env, otherCoordinator, 'PATCH', patch, done)).statusCode).toBe(404);
    const drop = await call(env, disnaker, 'PATCH', patch, { status: 'dropped', note: '', version: 1 });
    expect(drop.json().error.fields.note).toBe('Tulis alasan mengapa tindak lanjut dibatalkan.');
    const closed = await call(env, disnaker, 'PATCH', patch, done);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'done', statusNote: done.note, version: 2 });
    expect((await call(env, disnaker, 'PATCH', patch, done)).statusCode).toBe(409);
    expect((await call(env, disnaker, 'GET', '/api/v1/my-work')).json().meetingActions).toEqual([]);
    const events = await auditEvents(env, 'meeting.action_status_changed');
    expect(events.find((e) => e.entity_id === actionId)?.details).toContain('"to":"done"');
    const seen = (await call(env, leader, 'GET', `/api/v1/meetings/${meetingId}`)).json();
    expect(seen.actions).toEqual([
      expect.objectContaining({ id: actionId, status: 'done', can: { update: false } }),
    ]);
  });

  it('builds the agenda pack: reports since the previous meeting and open actions of earlier meetings', async () => {
    const pack = await call(env, leader, 'GET', `/api/v1/meetings/${meetingId}/agenda-pack`);
    expect(pack.statusCode, pack.body).toBe(200);
    expect(pack.json()).toMatchObject({
      from: '2026-08-14T01:00:00.000Z',
      to: '2026-12-03T01:00:00.000Z',
      previousMeeting: { id: earlierId },
      reports: [
        {
          activityTitle: 'Sosialisasi migrasi aman di desa',
          agencyShortName: 'Disnakertrans Uji',
          period: 3,
          obstacles: 'Anggaran perjalanan dipotong.',
          intervention: 'Bappeda diminta memulihkan anggaran.',
          interventionAgencyShortName: 'DP3A Uji',
        },
      ],
      openActions: [{ id: earlierActionId, ownerAgencyShortName: 'Dinsos Uji', overdue: true }],
    });
    const first = (await call(env, coordinator, 'GET', `/api/v1/meetings/${earlierId}/agenda-pack`)).json();
    expect(first).toMatchObject({ previousMeeting: null, reports: [], openActions: [] });
    expect(
      (await call(env, otherCoordinator, 'GET', `/api/v1/meetings/${meetingId}/agenda-pack`)).statusCode,
    ).toBe(404);
  });

  it('gives the secretariat its overview: missing reports, overdue actions, next meeting', async () => {
    const res = await call(env, coordinator, 'GET', '/api/v1/meetings/overview');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      plan: { year: 2026, period: 4, periodKind: 'quarter' },
      missingReports: [{ activityId, agencyShortName: 'Disnakertrans Uji' }],
      overdueActions: [{ id: earlierActionId }],
      nextMeeting: { id: meetingId },
    });
    expect((await call(env, disnaker, 'GET', '/api/v1/meetings/overview')).statusCode).toBe(403);
    expect((await call(env, leader, 'GET', '/api/v1/meetings/overview')).statusCode).toBe(403);
  });

  it('prints the invitation, the attendance sheet and the minutes, with case numbers and never a name', async () => {
    const texts: Record<string, string> = {};
    for (const k of ['invitation', 'attendance', 'minutes']) {
      const res = await call(env, leader, 'GET', `/api/v1/meetings/${meetingId}/pdf/${k}`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      texts[k] = await pdfText(res.rawPayload);
      expect(texts[k]).not.toContain('Korban Rahasia');
    }
    expect(texts.invitation).toContain('UNDANGAN');
    expect(texts.invitation).toContain('Kamis, 3 Desember 2026');
    expect(texts.invitation).toContain('09.00 WITA - 12.30 WITA');
    expect(texts.invitation).toContain('Aula Ranaka, Kantor Bupati');
    expect(texts.invitation).toContain(`Konferensi kasus (kasus ${caseNumber})`);
    expect(texts.attendance).toContain('DAFTAR HADIR');
    expect(texts.attendance).toContain('Tanda tangan');
    expect(texts.attendance).toContain('Yohanes Dampur');
    expect(texts.minutes).toContain('NOTULEN RAPAT');
    expect(texts.minutes).toContain('SOP layanan terpadu diadopsi di tingkat kabupaten.');
    expect(texts.minutes).toContain('Sosialisasi migrasi aman di Pelabuhan Reo');
    expect(texts.minutes).toContain('Selesai: Sosialisasi dilaksanakan 30 peserta.');
    expect(texts.minutes).toContain('Notulis');
    expect(
      (await auditEvents(env, 'meeting.pdf_exported')).filter((e) => e.entity_id === meetingId),
    ).toHaveLength(3);
    expect(
      (await call(env, otherCoordinator, 'GET', `/api/v1/meetings/${meetingId}/pdf/minutes`)).statusCode,
    ).toBe(404);
    expect((await call(env, leader, 'GET', `/api/v1/meetings/${meetingId}/pdf/poster`)).statusCode).toBe(400);
  });
});

describe.each(DB_KINDS)('demo meetings on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(kind);
  });
  afterAll(async () => env?.close());

  it('walks the January meeting from the news report, the open actions it left, and prevention work in villages', async () => {
    const { seedDemo } = await import('../src/modules/demo/demo.seed.js');
    await seedDemo(env.deps, 'Kopi-Lingko-Pagi-7');
    const s = await signIn(env, 'koordinator.dp3a', 'Kopi-Lingko-Pagi-7');
    const list = (await call(env, s, 'GET', '/api/v1/meetings')).json().items;
    expect(list.map((m: { type: string }) => m.type)).toEqual(['rakor', 'rakor', 'evaluation']);
    const january = list.find((m: { startsAt: string }) => m.startsAt === '2026-01-27T01:00:00.000Z');
    const m = (await call(env, s, 'GET', `/api/v1/meetings/${january.id}`)).json();
    expect(m.place).toBe('Aula Ranaka, Kantor Bupati Manggarai');
    expect(m.attendees.length).toBeGreaterThanOrEqual(10);
    expect(m.attendees.some((a: { agencyShortName: string }) => a.agencyShortName === 'IOM Indonesia')).toBe(
      true,
    );
    expect(m.decisions.join(' ')).toContain('SOP pelayanan terpadu');
    expect(m.actions.map((a: { status: string }) => a.status).sort()).toEqual([
      'done',
      'dropped',
      'open',
      'open',
    ]);
    const next = list[0];
    const pack = (await call(env, s, 'GET', `/api/v1/meetings/${next.id}/agenda-pack`)).json();
    expect(pack.previousMeeting.id).toBe(january.id);
    expect(pack.reports.length).toBeGreaterThan(10);
    expect(pack.reports.some((r: { obstacles: string }) => r.obstacles !== '')).toBe(true);
    expect(pack.openActions.length).toBe(3);
    const overview = (await call(env, s, 'GET', '/api/v1/meetings/overview')).json();
    expect(overview.nextMeeting.id).toBe(next.id);
    expect(overview.overdueActions.length).toBeGreaterThanOrEqual(2);
    const minutes = await call(env, s, 'GET', `/api/v1/meetings/${january.id}/pdf/minutes`);
    expect(await pdfText(minutes.rawPayload)).toContain('Aula Ranaka');
    const outreach = (await call(env, s, 'GET', '/api/v1/prevention/activities')).json().items;
    expect(new Set(outreach.map((a: { villageCode: string }) => a.villageCode)).size).toBeGreaterThanOrEqual(
      5,
    );
    expect(outreach.every((a: { villageName: string }) => !/^\d/.test(a.villageName))).toBe(true);
    const alerts = (await call(env, s, 'GET', '/api/v1/prevention/alerts')).json().items;
    expect(new Set(alerts.map((a: { status: string }) => a.status)).size).toBe(4);
    expect((await call(env, s, 'GET', '/api/v1/prevention/watch-groups')).json().items).toHaveLength(3);
  }, 120_000);
});
