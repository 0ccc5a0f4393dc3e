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

describe.each(DB_KINDS)('correcting and removing prevention records on %s', (kind) => {
  let env: TestEnv;
  let coordinator: Session;
  let disnaker: Session;
  let dinsos: Session;
  let leader: Session;
  let otherCoordinator: Session;

  const outreach = {
    heldOn: '2026-10-12',
    villageCode: '53.10.01.2006',
    targetGroup: 'prospective_migrants',
    topic: 'Migrasi aman',
    materials: '',
    participants: { adultMale: 21, adultFemale: 17, childMale: 3, childFemale: 4 },
  };
  const group = {
    villageCode: '53.10.11.1017',
    name: 'Pokmas Peduli Migran',
    formedOn: '2026-03-02',
    membersCount: 12,
    contact: 'Sekretaris desa',
  };
  const alert = {
    channel: 'Facebook',
    description: 'Lowongan kerja kebun sawit di Kalimantan tanpa biaya, berangkat minggu depan.',
    link: 'https://facebook.example/posts/123',
    villageCode: '53.10.01.2006',
    placeNote: 'Grup jual beli desa',
    reportedBy: 'Kepala Desa',
    seenOn: '2026-11-20',
  };

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tfId = (await buildTaskForce(env)).id;
    const otherTf = (await buildTaskForce(env, '53.19')).id;
    const dp3a = (await buildAgency(env, { taskForceId: tfId })).id;
    const disnakerId = (await buildAgency(env, { taskForceId: tfId })).id;
    const dinsosId = (await buildAgency(env, { taskForceId: tfId })).id;
    const foreignId = (await buildAgency(env, { taskForceId: otherTf })).id;
    const u = async (roles: Parameters<typeof buildUser>[1], agencyId: string) =>
      signIn(env, (await buildUser(env, roles, { agencyId })).username);
    coordinator = await u(['coordinator'], dp3a);
    disnaker = await u(['service_provider'], disnakerId);
    dinsos = await u(['service_provider'], dinsosId);
    leader = await u(['leadership'], dp3a);
    otherCoordinator = await u(['coordinator'], foreignId);
  });
  afterAll(async () => env?.close());

  it('corrects an outreach session with the version read; a stale edit gets 409 with the current record', async () => {
    const made = (await call(env, disnaker, 'POST', '/api/v1/prevention/activities', outreach)).json();
    expect(made.can).toEqual({ edit: true });
    const url = `/api/v1/prevention/activities/${made.id}`;
    const fixed = { ...outreach, topic: 'Migrasi aman dan modus perekrutan daring', version: 1 };
    expect((await call(env, dinsos, 'PUT', url, fixed)).statusCode).toBe(403);
    expect((await call(env, leader, 'PUT', url, fixed)).statusCode).toBe(403);
    expect((await call(env, otherCoordinator, 'PUT', url, fixed)).statusCode).toBe(404);
    expect(
      (await call(env, disnaker, 'PUT', url, { ...fixed, villageCode: '53.19.01.1020' })).json().error.fields
        .villageCode,
    ).toBe('Desa ini tidak ada di wilayah gugus tugas.');
    const saved = await call(env, disnaker, 'PUT', url, fixed);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ topic: 'Migrasi aman dan modus perekrutan daring', version: 2 });
    const stale = await call(env, coordinator, 'PUT', url, { ...fixed, topic: 'Versi lama', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ version: 2, topic: fixed.topic });
    // The secretariat corrects any agency's record.
    expect((await call(env, coordinator, 'PUT', url, { ...fixed, version: 2 })).json().version).toBe(3);
    expect(await auditEvents(env, 'prevention.activity_changed')).toHaveLength(2);
  });

  it('removes records with a reason; they disappear from every list and cannot be edited', async () => {
    const made = (await call(env, dinsos, 'POST', '/api/v1/prevention/activities', outreach)).json();
    const url = `/api/v1/prevention/activities/${made.id}`;
    expect((await call(env, dinsos, 'DELETE', url, { reason: 'x', version: 1 })).statusCode).toBe(400);
    expect(
      (await call(env, disnaker, 'DELETE', url, { reason: 'Tercatat dua kali', version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await call(env, otherCoordinator, 'DELETE', url, { reason: 'Tercatat dua kali', version: 1 }))
        .statusCode,
    ).toBe(404);
    const gone = await call(env, dinsos, 'DELETE', url, { reason: 'Tercatat dua kali', version: 1 });
    expect(gone.statusCode, gone.body).toBe(204);
    const list = (await call(env, leader, 'GET', '/api/v1/prevention/activities')).json().items;
    expect(list.map((a: { id: string }) => a.id)).not.toContain(made.id);
    expect((await call(env, dinsos, 'PUT', url, { ...outreach, version: 2 })).statusCode).toBe(404);
    const row = await env.deps.db
      .selectFrom('prevention_activities')
      .select(['deleted_reason', 'deleted_at'])
      .where('id', '=', made.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_reason).toBe('Tercatat dua kali');

    const g = (await call(env, dinsos, 'POST', '/api/v1/prevention/watch-groups', group)).json();
    const gUrl = `/api/v1/prevention/watch-groups/${g.id}`;
    expect(g.can).toEqual({ edit: true });
    expect(
      (await call(env, disnaker, 'PUT', gUrl, { ...group, membersCount: 15, version: 1 })).statusCode,
    ).toBe(403);
    const grown = await call(env, dinsos, 'PUT', gUrl, { ...group, membersCount: 15, version: 1 });
    expect(grown.json()).toMatchObject({ membersCount: 15, version: 2 });
    expect(
      (await call(env, coordinator, 'DELETE', gUrl, { reason: 'Kelompok dibubarkan', version: 2 }))
        .statusCode,
    ).toBe(204);
    expect((await call(env, leader, 'GET', '/api/v1/prevention/watch-groups')).json().items).toEqual([]);
    expect(await auditEvents(env, 'prevention.activity_deleted')).toHaveLength(1);
    expect(await auditEvents(env, 'prevention.watch_group_deleted')).toHaveLength(1);
    expect(await auditEvents(env, 'prevention.watch_group_changed')).toHaveLength(1);
  });

  it('corrects an alert’s details apart from its status, and removes one reported twice', async () => {
    const made = (await call(env, disnaker, 'POST', '/api/v1/prevention/alerts', alert)).json();
    expect(made.can).toEqual({ changeStatus: true, edit: true });
    const url = `/api/v1/prevention/alerts/${made.id}`;
    const fixed = { ...alert, channel: 'WhatsApp', link: '', version: 1 };
    expect((await call(env, dinsos, 'PUT', url, fixed)).statusCode).toBe(403);
    expect((await call(env, otherCoordinator, 'PUT', url, fixed)).statusCode).toBe(404);
    const saved = await call(env, disnaker, 'PUT', url, fixed);
    expect(saved.json()).toMatchObject({ channel: 'WhatsApp', status: 'reported', version: 2 });
    const verified = await call(env, coordinator, 'PATCH', url, { status: 'verified', version: 2 });
    expect(verified.json()).toMatchObject({ status: 'verified', channel: 'WhatsApp', version: 3 });
    const stale = await call(env, disnaker, 'PUT', url, { ...fixed, version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.status).toBe('verified');
    const staleRemoval = await call(env, disnaker, 'DELETE', url, { reason: 'Laporan ganda', version: 2 });
    expect(staleRemoval.statusCode).toBe(409);
    expect(staleRemoval.json().error.current).toMatchObject({ id: made.id, version: 3 });

    const twice = (await call(env, disnaker, 'POST', '/api/v1/prevention/alerts', alert)).json();
    const tUrl = `/api/v1/prevention/alerts/${twice.id}`;
    expect(
      (await call(env, leader, 'DELETE', tUrl, { reason: 'Laporan ganda', version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await call(env, disnaker, 'DELETE', tUrl, { reason: 'Laporan ganda', version: 1 })).statusCode,
    ).toBe(204);
    const items = (await call(env, leader, 'GET', '/api/v1/prevention/alerts')).json().items;
    expect(items.map((a: { id: string }) => a.id)).toEqual([made.id]);
    expect((await call(env, coordinator, 'PATCH', tUrl, { status: 'verified', version: 2 })).statusCode).toBe(
      404,
    );
    expect(await auditEvents(env, 'prevention.alert_changed')).toHaveLength(1);
    expect(await auditEvents(env, 'prevention.alert_deleted')).toHaveLength(1);
  });
});
