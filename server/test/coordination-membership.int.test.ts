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

describe.each(DB_KINDS)('task force membership on %s', (kind) => {
  let env: TestEnv;
  let tfId: string;
  let otherTfId: string;
  let dp3aId: string;
  let dinsosId: string;
  let coordinator: Session;
  let agencyUser: Session;
  let leader: Session;
  let analyst: Session;
  let otherCoordinator: Session;
  const base = () => `/api/v1/taskforces/${tfId}`;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    tfId = (await buildTaskForce(env)).id;
    otherTfId = (await buildTaskForce(env, '53.19')).id;
    dp3aId = (await buildAgency(env, { taskForceId: tfId, shortName: 'DP3A Uji' })).id;
    dinsosId = (await buildAgency(env, { taskForceId: tfId, shortName: 'Dinsos Uji' })).id;
    const otherAgency = await buildAgency(env, { taskForceId: otherTfId });
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: dp3aId })).username);
    agencyUser = await signIn(
      env,
      (await buildUser(env, ['service_provider'], { agencyId: dinsosId })).username,
    );
    leader = await signIn(env, (await buildUser(env, ['leadership'], { agencyId: dp3aId })).username);
    analyst = await signIn(env, (await buildUser(env, ['analyst'], { agencyId: dp3aId })).username);
    otherCoordinator = await signIn(
      env,
      (await buildUser(env, ['coordinator'], { agencyId: otherAgency.id })).username,
    );
  });
  afterAll(async () => env?.close());

  it('starts a task force with the six usual sub-task forces and its agencies as members', async () => {
    const res = await call(env, leader, 'GET', `${base()}/membership`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.subTaskForces.map((s: { name: string }) => s.name)).toContain('Penegakan Hukum');
    expect(body.subTaskForces).toHaveLength(6);
    expect(body.members.map((m: { agencyId: string }) => m.agencyId).sort()).toEqual(
      [dp3aId, dinsosId].sort(),
    );
    expect(body.can.manage).toBe(false);
  });

  it('hides the task force from another task force (404) and refuses changes to non-coordinators (403)', async () => {
    expect((await call(env, otherCoordinator, 'GET', `${base()}/membership`)).statusCode).toBe(404);
    const decree = { number: 'HK/1/2020', title: 'Pembentukan', signedOn: '2020-01-01' };
    expect((await call(env, otherCoordinator, 'POST', `${base()}/decrees`, decree)).statusCode).toBe(404);
    for (const s of [agencyUser, leader, analyst]) {
      expect((await call(env, s, 'POST', `${base()}/decrees`, decree)).statusCode).toBe(403);
    }
    expect((await call(env, null, 'GET', `${base()}/membership`)).statusCode).toBe(401);
  });

  it('records a decree and the one that changes it; only the newer is in force', async () => {
    const first = await call(
      env,
      coordinator,
      'POST',
      `${base()}/decrees`,
      {
        number: 'HK/269/2018',
        title: 'Pembentukan Gugus Tugas PP TPPO dan Penanganan Pekerja Migran Bermasalah',
        signedOn: '2018-07-12',
      },
      { 'idempotency-key': 'sk-2018' },
    );
    expect(first.statusCode).toBe(201);
    const again = await call(
      env,
      coordinator,
      'POST',
      `${base()}/decrees`,
      { number: 'HK/269/2018', title: 'Pembentukan Gugus Tugas PP TPPO', signedOn: '2018-07-12' },
      { 'idempotency-key': 'sk-2018' },
    );
    expect(again.json().id).toBe(first.json().id);
    const second = await call(env, coordinator, 'POST', `${base()}/decrees`, {
      number: 'HK/41/2022',
      title: 'Perubahan atas Keputusan Bupati Manggarai Nomor HK/269/2018',
      signedOn: '2022-02-03',
      replacesId: first.json().id,
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ inForce: true, replacesId: first.json().id });
    const m = (await call(env, coordinator, 'GET', `${base()}/membership`)).json();
    const old = m.decrees.find((d: { id: string }) => d.id === first.json().id);
    expect(old).toMatchObject({ inForce: false, replacedById: second.json().id });
    expect((await auditEvents(env, 'taskforce.decree_created')).length).toBeGreaterThanOrEqual(2);

    const twice = await call(env, coordinator, 'POST', `${base()}/decrees`, {
      number: 'HK/99/2023',
      title: 'Perubahan kedua',
      signedOn: '2023-01-01',
      replacesId: first.json().id,
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields.replacesId).toBeTruthy();

    const bad = await call(env, coordinator, 'POST', `${base()}/decrees`, {
      number: '',
      signedOn: '12-07-2018',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(
      expect.arrayContaining(['number', 'title', 'signedOn']),
    );

    const stale = await call(env, coordinator, 'PATCH', `${base()}/decrees/${second.json().id}`, {
      version: 1,
      title: 'Perubahan atas Keputusan Bupati Manggarai Nomor HK/269/2018 tentang Gugus Tugas',
    });
    expect(stale.statusCode).toBe(200);
    expect(stale.json().version).toBe(2);
    const conflict = await call(env, coordinator, 'PATCH', `${base()}/decrees/${second.json().id}`, {
      version: 1,
      title: 'Lagi',
    });
    expect(conflict.statusCode).toBe(409);
  });

  it('sets chair, secretariat and sub-task forces; one agency per single position', async () => {
    const m = (await call(env, coordinator, 'GET', `${base()}/membership`)).json();
    const prevention = m.subTaskForces[0].id;
    const sec = await call(env, coordinator, 'PUT', `${base()}/members/${dp3aId}`, {
      position: 'secretariat',
      subTaskForceIds: [prevention],
      version: 0,
    });
    expect(sec.statusCode).toBe(200);
    expect(sec.json()).toMatchObject({ position: 'secretariat', subTaskForceIds: [prevention], version: 1 });
    const taken = await call(env, coordinator, 'PUT', `${base()}/members/${dinsosId}`, {
      position: 'secretariat',
      subTaskForceIds: [],
      version: 0,
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields.position).toBeTruthy();
    const unknownSub = await call(env, coordinator, 'PUT', `${base()}/members/${dinsosId}`, {
      position: 'member',
      subTaskForceIds: ['00000000-0000-4000-8000-000000000000'],
      version: 0,
    });
    expect(unknownSub.statusCode).toBe(400);
    const stale = await call(env, coordinator, 'PUT', `${base()}/members/${dp3aId}`, {
      position: 'member',
      subTaskForceIds: [],
      version: 0,
    });
    expect(stale.statusCode).toBe(409);

    const foreign = await buildAgency(env, { taskForceId: otherTfId });
    const lead = await call(env, coordinator, 'PATCH', `${base()}/sub-task-forces/${prevention}`, {
      version: 1,
      leadAgencyId: foreign.id,
    });
    expect(lead.statusCode).toBe(400);
    expect(lead.json().error.fields.leadAgencyId).toBeTruthy();
    const ok = await call(env, coordinator, 'PATCH', `${base()}/sub-task-forces/${prevention}`, {
      version: 1,
      leadAgencyId: dp3aId,
    });
    expect(ok.json()).toMatchObject({ leadAgencyId: dp3aId, version: 2 });
    const added = await call(env, coordinator, 'POST', `${base()}/sub-task-forces`, {
      name: 'Pekerja Migran Bermasalah',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().position).toBe(7);
  });

  it('names focal persons whose contacts analysts do not see', async () => {
    const created = await call(env, coordinator, 'POST', `${base()}/members/${dinsosId}/focal-persons`, {
      name: 'Maria Jehaman',
      position: 'Kepala Bidang Rehabilitasi Sosial',
      phone: '+6281234567890',
      email: 'maria@dinsos.example.id',
    });
    expect(created.statusCode).toBe(201);
    const badPhone = await call(env, coordinator, 'POST', `${base()}/members/${dinsosId}/focal-persons`, {
      name: 'X Y',
      position: 'Staf',
      phone: 'telepon',
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.fields.phone).toBeTruthy();
    const seen = (await call(env, leader, 'GET', `${base()}/membership`)).json();
    const forLeader = seen.members.find((m: { agencyId: string }) => m.agencyId === dinsosId).focalPersons[0];
    expect(forLeader.phone).toBe('+6281234567890');
    const forAnalyst = (await call(env, analyst, 'GET', `${base()}/membership`))
      .json()
      .members.find((m: { agencyId: string }) => m.agencyId === dinsosId).focalPersons[0];
    expect(forAnalyst).toMatchObject({ name: 'Maria Jehaman', phone: null, email: null });
    const retired = await call(env, coordinator, 'PATCH', `${base()}/focal-persons/${created.json().id}`, {
      version: 1,
      active: false,
    });
    expect(retired.json()).toMatchObject({ active: false, version: 2 });
    const other = await call(env, otherCoordinator, 'PATCH', `${base()}/focal-persons/${created.json().id}`, {
      version: 2,
      active: true,
    });
    expect(other.statusCode).toBe(404);
    const events = await auditEvents(env, 'taskforce.focal_person_created');
    expect(JSON.stringify(events)).not.toContain('Maria');
  });
});

describe.each(DB_KINDS)('demo membership on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(kind);
  });
  afterAll(async () => env?.close());

  it('seeds the Manggarai decrees, with HK/41/2022 in force, the secretariat and focal persons', async () => {
    const { seedDemo } = await import('../src/modules/demo/demo.seed.js');
    await seedDemo(env.deps, 'Kopi-Lingko-Pagi-7');
    const s = await signIn(env, 'koordinator.dp3a');
    const tf = await env.deps.db
      .selectFrom('task_forces')
      .select('id')
      .where('region_code', '=', '53.10')
      .executeTakeFirstOrThrow();
    const m = (await call(env, s, 'GET', `/api/v1/taskforces/${tf.id}/membership`)).json();
    expect(
      m.decrees.filter((d: { inForce: boolean }) => d.inForce).map((d: { number: string }) => d.number),
    ).toEqual(['HK/41/2022']);
    expect(m.members.find((x: { position: string }) => x.position === 'secretariat').agencyShortName).toBe(
      'DP3A Manggarai',
    );
    expect(m.members.flatMap((x: { focalPersons: unknown[] }) => x.focalPersons).length).toBe(5);
    expect(m.can.manage).toBe(true);
    const plans = (await call(env, s, 'GET', '/api/v1/plans')).json().items;
    expect(plans).toHaveLength(1);
    const tree = (await call(env, s, 'GET', `/api/v1/plans/${plans[0].id}?year=2026`)).json();
    const acts = tree.programmes.flatMap((p: { activities: { status: string }[] }) => p.activities);
    expect(acts).toHaveLength(40);
    const statuses = new Set(acts.map((a: { status: string }) => a.status));
    expect([...statuses]).toEqual(expect.arrayContaining(['on_track', 'behind', 'no_report']));
    const missing = await call(
      env,
      s,
      'GET',
      `/api/v1/plans/${plans[0].id}/missing-reports?year=2026&period=3`,
    );
    expect(missing.json().items.length).toBeGreaterThan(0);
  });
});
