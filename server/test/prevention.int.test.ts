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

describe.each(DB_KINDS)('prevention work on %s', (kind) => {
  let env: TestEnv;
  let coordinator: Session;
  let disnaker: Session;
  let dinsos: Session;
  let leader: Session;
  let otherCoordinator: Session;
  let caseNumber: string;
  let alertId: string;

  const outreach = (overrides: Record<string, unknown> = {}) => ({
    heldOn: '2026-10-12',
    villageCode: '53.10.01.2006',
    targetGroup: 'prospective_migrants',
    topic: 'Migrasi aman dan modus perekrutan lewat media sosial',
    materials: 'Leaflet migrasi aman, video KIE',
    participants: { adultMale: 21, adultFemale: 17, childMale: 3, childFemale: 4 },
    ...overrides,
  });

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tfId = (await buildTaskForce(env)).id;
    const otherTf = (await buildTaskForce(env, '53.19')).id;
    const dp3a = (await buildAgency(env, { taskForceId: tfId })).id;
    const disnakerId = (await buildAgency(env, { taskForceId: tfId, shortName: 'Disnakertrans Uji' })).id;
    const dinsosId = (await buildAgency(env, { taskForceId: tfId })).id;
    const foreignId = (await buildAgency(env, { taskForceId: otherTf })).id;
    const u = async (roles: Parameters<typeof buildUser>[1], agencyId: string) =>
      signIn(env, (await buildUser(env, roles, { agencyId })).username);
    coordinator = await u(['coordinator'], dp3a);
    disnaker = await u(['service_provider'], disnakerId);
    dinsos = await u(['service_provider'], dinsosId);
    leader = await u(['leadership'], dp3a);
    otherCoordinator = await u(['coordinator'], foreignId);
    const c = await call(env, coordinator, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'victim',
      risk: 'high',
    });
    caseNumber = c.json().caseNumber;
  });
  afterAll(async () => env?.close());

  it('records outreach in a village of the regency with participants by sex and age', async () => {
    const url = '/api/v1/prevention/activities';
    const bad = await call(
      env,
      disnaker,
      'POST',
      url,
      outreach({ villageCode: '53.10', targetGroup: 'anyone' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({
      villageCode: 'Pilih desa/kelurahan (kode wilayah desa, contoh 53.10.01.2001).',
      targetGroup: expect.any(String),
    });
    const outside = await call(env, disnaker, 'POST', url, outreach({ villageCode: '53.19.01.1020' }));
    expect(outside.json().error.fields.villageCode).toBe('Desa ini tidak ada di wilayah gugus tugas.');
    const negative = await call(
      env,
      disnaker,
      'POST',
      url,
      outreach({ participants: { adultMale: -1, adultFemale: 0, childMale: 0, childFemale: 0 } }),
    );
    expect(negative.statusCode).toBe(400);
    expect((await call(env, leader, 'POST', url, outreach())).statusCode).toBe(403);
    const ok = await call(env, disnaker, 'POST', url, outreach());
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      villageName: 'Golo Cador',
      districtName: 'Wae Rii',
      agencyShortName: 'Disnakertrans Uji',
      participantsTotal: 45,
    });
    await call(env, dinsos, 'POST', url, outreach({ villageCode: '53.10.06.2001', targetGroup: 'students' }));
    const list = (await call(env, leader, 'GET', `${url}?year=2026`)).json().items;
    expect(list).toHaveLength(2);
    expect((await call(env, leader, 'GET', `${url}?villageCode=53.10.01.2006`)).json().items).toHaveLength(1);
    expect((await call(env, otherCoordinator, 'GET', url)).json().items).toEqual([]);
    expect((await auditEvents(env, 'prevention.activity_recorded')).length).toBe(2);
  });

  it('records village community-watch groups', async () => {
    const url = '/api/v1/prevention/watch-groups';
    const group = {
      villageCode: '53.10.11.1017',
      name: 'Pokmas Peduli Migran',
      formedOn: '2026-03-02',
      membersCount: 12,
      contact: 'Sekretaris desa',
    };
    expect((await call(env, leader, 'POST', url, group)).statusCode).toBe(403);
    expect((await call(env, dinsos, 'POST', url, { ...group, membersCount: 0 })).statusCode).toBe(400);
    const ok = await call(env, dinsos, 'POST', url, group);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().districtName).toBe('Reok');
    expect((await call(env, leader, 'GET', url)).json().items).toHaveLength(1);
    expect((await call(env, otherCoordinator, 'GET', url)).json().items).toEqual([]);
  });

  it('moves a recruitment alert from reported to closed; only the reporting agency or the secretariat', async () => {
    const url = '/api/v1/prevention/alerts';
    const alert = {
      channel: 'Facebook',
      description: 'Lowongan kerja kebun sawit di Kalimantan tanpa biaya, berangkat minggu depan.',
      link: 'https://facebook.example/posts/123',
      villageCode: '53.10.01.2006',
      placeNote: 'Grup jual beli desa',
      reportedBy: 'Kepala Desa',
      seenOn: '2026-11-20',
    };
    expect(
      (await call(env, disnaker, 'POST', url, { ...alert, channel: 'Fax', link: 'javascript:x' })).statusCode,
    ).toBe(400);
    expect((await call(env, leader, 'POST', url, alert)).statusCode).toBe(403);
    const made = await call(env, disnaker, 'POST', url, alert);
    expect(made.statusCode, made.body).toBe(201);
    alertId = made.json().id;
    expect(made.json()).toMatchObject({
      status: 'reported',
      next: ['verified', 'closed'],
      can: { changeStatus: true },
    });
    const patch = `${url}/${alertId}`;
    expect((await call(env, dinsos, 'PATCH', patch, { status: 'verified', version: 1 })).statusCode).toBe(
      403,
    );
    expect((await call(env, leader, 'PATCH', patch, { status: 'verified', version: 1 })).statusCode).toBe(
      403,
    );
    expect(
      (await call(env, otherCoordinator, 'PATCH', patch, { status: 'verified', version: 1 })).statusCode,
    ).toBe(404);
    const skip = await call(env, disnaker, 'PATCH', patch, { status: 'forwarded_police', version: 1 });
    expect(skip.json().error.fields.status).toBe('Perubahan status ini tidak diperbolehkan.');
    const verified = await call(env, disnaker, 'PATCH', patch, {
      status: 'verified',
      note: 'Akun perekrut dicek bersama BP3MI.',
      version: 1,
    });
    expect(verified.statusCode, verified.body).toBe(200);
    const forwarded = await call(env, coordinator, 'PATCH', patch, {
      status: 'forwarded_police',
      version: 2,
    });
    expect(forwarded.json().status).toBe('forwarded_police');
    expect((await call(env, coordinator, 'PATCH', patch, { status: 'closed', version: 2 })).statusCode).toBe(
      409,
    );
    const unknownCase = await call(env, coordinator, 'PATCH', patch, {
      status: 'closed',
      caseNumber: 'TPPO/53.10/2026/9999',
      version: 3,
    });
    expect(unknownCase.json().error.fields.caseNumber).toBeTruthy();
    const closed = await call(env, coordinator, 'PATCH', patch, {
      status: 'closed',
      note: 'Polres membuka penyelidikan.',
      caseNumber,
      version: 3,
    });
    expect(closed.json()).toMatchObject({ status: 'closed', caseNumber, next: [] });
    const seen = (await call(env, leader, 'GET', `${url}?status=closed`)).json().items;
    expect(seen).toEqual([
      expect.objectContaining({ id: alertId, can: { changeStatus: false, edit: false } }),
    ]);
    expect((await call(env, otherCoordinator, 'GET', url)).json().items).toEqual([]);
    expect((await auditEvents(env, 'prevention.alert_status_changed')).length).toBe(3);
  });
});
