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

const NIK = '5310034406950002';
const VICTIM = 'Maria Goreti Nggilu';
const NEW_PASSWORD = 'Teh-Hangat-Sore-42';

/**
 * Two task forces in one deployment: Manggarai and another one. Each administrator manages its own
 * task force only; the other's users, trail, alerts, openings and settings do not exist for it.
 */
describe.each(DB_KINDS)('tenancy of administration on %s', (kind) => {
  let env: TestEnv;
  let tfId: string;
  let otherTfId: string;
  let manggaraiAgencyIds: string[];
  let admin: Session;
  let otherAdmin: Session;
  let manager: Session;
  let managerId: string;
  let managerName: string;
  let leadership: Session;
  let coordinator: Session;
  let otherCoordinator: Session;
  /** The Manggarai users an administrator acts on: one for the other task force, one for its own. */
  let target: { id: string; version: number };
  let ownTarget: { id: string; version: number };
  let caseId: string;
  let caseNumber: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    tfId = tf.id;
    otherTfId = (await buildTaskForce(env, '53.19')).id;
    const uptd = await buildAgency(env, { taskForceId: tfId });
    const dp3a = await buildAgency(env, { taskForceId: tfId });
    manggaraiAgencyIds = [uptd.id, dp3a.id];
    const elsewhere = await buildAgency(env, { taskForceId: otherTfId });
    admin = await signIn(env, (await buildUser(env, ['admin'], { agencyId: dp3a.id })).username);
    otherAdmin = await signIn(env, (await buildUser(env, ['admin'], { agencyId: elsewhere.id })).username);
    const m = await buildUser(env, ['case_manager'], { agencyId: uptd.id });
    managerId = m.id;
    managerName = m.username;
    manager = await signIn(env, m.username);
    leadership = await signIn(env, (await buildUser(env, ['leadership'], { agencyId: dp3a.id })).username);
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: dp3a.id })).username);
    otherCoordinator = await signIn(
      env,
      (await buildUser(env, ['coordinator'], { agencyId: elsewhere.id })).username,
    );
    const t = await buildUser(env, ['service_provider'], { agencyId: uptd.id });
    target = { id: t.id, version: t.version };
    await signIn(env, t.username); // a session to end
    const o = await buildUser(env, ['service_provider'], { agencyId: uptd.id });
    ownTarget = { id: o.id, version: o.version };

    const c = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'victim',
      risk: 'high',
    });
    expect(c.statusCode, c.body).toBe(201);
    caseId = c.json().id;
    caseNumber = c.json().caseNumber;
    const p = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'victim',
      fullName: VICTIM,
      nik: NIK,
      sex: 'Female',
      birthDate: '1995-06-04',
    });
    expect(p.statusCode, p.body).toBe(201);
    // An export with identifying data raises an alert about the Manggarai case manager.
    expect((await call(env, manager, 'GET', '/api/v1/cases/export.xlsx')).statusCode).toBe(200);
    // An emergency opening in Manggarai, waiting for review.
    const bg = await call(env, coordinator, 'POST', '/api/v1/break-glass', {
      caseNumber,
      reason: 'Keluarga melapor anak dibawa perekrut malam ini.',
    });
    expect(bg.statusCode, bg.body).toBe(201);
  });
  afterAll(async () => env?.close());

  it("hides Manggarai's users from another task force's administrator: 404 on each action, absent from the list", async () => {
    const url = `/api/v1/users/${target.id}`;
    const attempts = [
      await call(env, otherAdmin, 'GET', url),
      await call(env, otherAdmin, 'PATCH', url, { version: target.version, active: false }),
      await call(env, otherAdmin, 'PATCH', url, { version: target.version, roles: ['admin'] }),
      await call(env, otherAdmin, 'POST', `${url}/reset-password`, { password: NEW_PASSWORD }),
      await call(env, otherAdmin, 'POST', `${url}/mfa/reset`, {}),
      await call(env, otherAdmin, 'GET', `${url}/sessions`),
      await call(env, otherAdmin, 'DELETE', `${url}/sessions/${'0'.repeat(64)}`),
    ];
    for (const res of attempts) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('not_found');
      expect(res.body).not.toContain(target.id);
    }
    // Nothing changed: the user is as it was, and nothing was done to it on the record.
    const seen = await call(env, admin, 'GET', url);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ active: true, roles: ['service_provider'], version: target.version });
    expect((await auditEvents(env, 'user.password_reset')).length).toBe(0);
    expect((await auditEvents(env, 'user.mfa_reset')).length).toBe(0);

    const list = (await call(env, otherAdmin, 'GET', '/api/v1/users?pageSize=100')).json();
    const ids = list.items.map((u: { id: string }) => u.id);
    expect(ids).not.toContain(target.id);
    expect(ids).not.toContain(managerId);
    expect(list.items.every((u: { agencyId: string }) => !manggaraiAgencyIds.includes(u.agencyId))).toBe(
      true,
    );
    const byAgency = (
      await call(env, otherAdmin, 'GET', `/api/v1/users?agencyId=${manggaraiAgencyIds[0]}`)
    ).json();
    expect(byAgency.total).toBe(0);

    // Nor can it place a user in a Manggarai agency, or move one there.
    const created = await call(env, otherAdmin, 'POST', '/api/v1/users', {
      username: 'penyusup.manggarai',
      displayName: 'Penyusup',
      email: null,
      agencyId: manggaraiAgencyIds[0],
      roles: ['admin'],
      password: NEW_PASSWORD,
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.fields.agencyId).toBeTruthy();
  });

  it("lets Manggarai's administrator do each of these for its own users", async () => {
    const url = `/api/v1/users/${ownTarget.id}`;
    expect((await call(env, admin, 'GET', url)).statusCode).toBe(200);
    const list = (await call(env, admin, 'GET', '/api/v1/users?pageSize=100')).json();
    expect(list.items.map((u: { id: string }) => u.id)).toEqual(
      expect.arrayContaining([ownTarget.id, managerId]),
    );
    const reset = await call(env, admin, 'POST', `${url}/reset-password`, { password: NEW_PASSWORD });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await call(env, admin, 'POST', `${url}/mfa/reset`, {})).statusCode).toBe(204);
    expect((await call(env, admin, 'GET', `${url}/sessions`)).statusCode).toBe(200);
    const disabled = await call(env, admin, 'PATCH', url, { version: reset.json().version, active: false });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().active).toBe(false);
    expect((await auditEvents(env, 'user.disabled')).map((e) => e.entity_id)).toEqual([ownTarget.id]);
  });

  it("keeps agencies in their task force: another's administrator cannot change or create one there", async () => {
    const agency = (await call(env, admin, 'GET', `/api/v1/agencies/${manggaraiAgencyIds[0]}`)).json();
    const patch = await call(env, otherAdmin, 'PATCH', `/api/v1/agencies/${agency.id}`, {
      version: agency.version,
      active: false,
    });
    expect(patch.statusCode).toBe(404);
    const create = await call(env, otherAdmin, 'POST', '/api/v1/agencies', {
      name: 'Instansi Titipan',
      shortName: 'TITIPAN',
      htcdsType: 'LocalGovernmentOrganisation',
      sector: 'social',
      regionCode: '53.10',
      taskForceId: tfId,
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.fields.taskForceId).toBeTruthy();
    // Its own agency stays in its own task force.
    const own = (await call(env, otherAdmin, 'GET', `/api/v1/agencies?taskForceId=${otherTfId}`)).json()
      .items[0];
    const move = await call(env, otherAdmin, 'PATCH', `/api/v1/agencies/${own.id}`, {
      version: own.version,
      taskForceId: tfId,
    });
    expect(move.statusCode).toBe(400);
    // Manggarai's administrator changes its own agency.
    const ok = await call(env, admin, 'PATCH', `/api/v1/agencies/${agency.id}`, {
      version: agency.version,
      name: `${agency.name} Kabupaten`,
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("keeps Manggarai's audit trail from another task force's administrator, in the list and the CSV", async () => {
    const mine = (await call(env, admin, 'GET', `/api/v1/audit?entityId=${caseId}`)).json();
    expect(mine.total).toBeGreaterThan(0);
    const byActor = (await call(env, admin, 'GET', `/api/v1/audit?actor=${managerId}`)).json();
    expect(byActor.total).toBeGreaterThan(0);

    for (const query of [`entityId=${caseId}`, `actor=${managerId}`, `agency=${manggaraiAgencyIds[0]}`]) {
      const res = await call(env, otherAdmin, 'GET', `/api/v1/audit?${query}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ total: 0, items: [] });
    }
    const all = (await call(env, otherAdmin, 'GET', '/api/v1/audit?pageSize=200')).json();
    expect(all.total).toBeGreaterThan(0); // its own sign-ins and reads
    for (const e of all.items) {
      expect(manggaraiAgencyIds).not.toContain(e.actorAgencyId);
      expect(e.entityId === caseId || e.entityId === target.id || e.entityId === tfId).toBe(false);
    }

    const csv = await call(env, otherAdmin, 'GET', `/api/v1/audit/export.csv?actor=${managerId}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['x-export-rows']).toBe('0');
    expect(csv.body).not.toContain(managerName);
    const full = await call(env, otherAdmin, 'GET', '/api/v1/audit/export.csv');
    expect(full.body).not.toContain(caseId);
    expect(full.body).not.toContain(managerName);
    const ownCsv = await call(env, admin, 'GET', `/api/v1/audit/export.csv?actor=${managerId}`);
    expect(Number(ownCsv.headers['x-export-rows'])).toBeGreaterThan(0);
    expect(ownCsv.body).toContain(managerName);
  });

  it("keeps Manggarai's security alerts from another task force's administrator", async () => {
    const mine = (await call(env, admin, 'GET', '/api/v1/security/alerts')).json();
    const alert = mine.items.find((a: { subjectUserId: string | null }) => a.subjectUserId === managerId);
    expect(alert).toBeTruthy();
    const theirs = (await call(env, otherAdmin, 'GET', '/api/v1/security/alerts?status=all')).json();
    expect(theirs.items.map((a: { id: string }) => a.id)).not.toContain(alert.id);
    expect(theirs.total).toBe(0);
    expect((await call(env, otherAdmin, 'GET', '/api/v1/security/alerts/summary')).json()).toEqual({
      open: 0,
    });
    const ack = await call(env, otherAdmin, 'POST', `/api/v1/security/alerts/${alert.id}/acknowledge`, {
      note: 'Dilihat dari gugus tugas lain.',
    });
    expect(ack.statusCode).toBe(404);
    const own = await call(env, admin, 'POST', `/api/v1/security/alerts/${alert.id}/acknowledge`, {
      note: 'Dicek dengan atasan: pendampingan rutin.',
    });
    expect(own.statusCode, own.body).toBe(200);
  });

  it("keeps Manggarai's emergency openings from another task force: no opening, no review", async () => {
    const opened = await call(env, otherCoordinator, 'POST', '/api/v1/break-glass', {
      caseNumber,
      reason: 'Anak dalam bahaya malam ini, keluarga menelepon.',
    });
    expect(opened.statusCode).toBe(404);
    expect(opened.body).not.toContain(caseId);
    expect((await call(env, otherCoordinator, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    expect((await auditEvents(env, 'case.break_glass')).length).toBe(1);

    const pending = (await call(env, admin, 'GET', '/api/v1/break-glass')).json().items;
    expect(pending).toHaveLength(1);
    const grantId = pending[0].id;
    const theirs = (await call(env, otherAdmin, 'GET', '/api/v1/break-glass?pending=false')).json().items;
    expect(theirs).toEqual([]);
    const review = await call(env, otherAdmin, 'POST', `/api/v1/break-glass/${grantId}/review`, {
      note: 'Ditinjau dari luar.',
    });
    expect(review.statusCode).toBe(404);
    const own = await call(env, admin, 'POST', `/api/v1/break-glass/${grantId}/review`, {
      note: 'Dikonfirmasi dengan Polres; pembukaan wajar.',
    });
    expect(own.statusCode, own.body).toBe(200);
  });

  it("keeps Manggarai's settings and deadline rules from another task force's administrator; a stale change gets 409", async () => {
    const settingsUrl = `/api/v1/taskforces/${tfId}/settings`;
    const rulesUrl = `/api/v1/taskforces/${tfId}/deadline-rules`;
    const settings = (await call(env, admin, 'GET', settingsUrl)).json();
    const rules = (await call(env, admin, 'GET', rulesUrl)).json();
    expect((await call(env, otherAdmin, 'GET', settingsUrl)).statusCode).toBe(404);
    expect((await call(env, otherAdmin, 'GET', rulesUrl)).statusCode).toBe(404);
    const patch = await call(env, otherAdmin, 'PATCH', settingsUrl, {
      caseNumberPrefix: 'LUAR',
      version: settings.version,
    });
    expect(patch.statusCode).toBe(404);
    const body = {
      version: rules.version,
      rules: [{ key: 'referral_response', amount: 30, unit: 'working_days' }],
      holidays: [],
      followUpMonths: [1],
    };
    expect((await call(env, otherAdmin, 'PUT', rulesUrl, body)).statusCode).toBe(404);
    expect((await call(env, admin, 'GET', settingsUrl)).json()).toEqual(settings);
    expect((await call(env, admin, 'GET', rulesUrl)).json().version).toBe(rules.version);

    const changed = await call(env, admin, 'PATCH', settingsUrl, {
      responseLimits: { highHours: 2 },
      version: settings.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ responseLimits: { highHours: 2 }, version: settings.version + 1 });
    const stale = await call(env, coordinator, 'PATCH', settingsUrl, {
      caseNumberPrefix: 'BASI',
      version: settings.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({
      responseLimits: { highHours: 2 },
      caseNumberPrefix: settings.caseNumberPrefix,
      version: settings.version + 1,
    });
    const missingVersion = await call(env, admin, 'PATCH', settingsUrl, { caseNumberPrefix: 'TANPA' });
    expect(missingVersion.statusCode).toBe(400);
    expect((await call(env, admin, 'PUT', rulesUrl, body)).statusCode).toBe(200);
  });

  it('refuses a search by NIK or name to leadership, revealing nothing; the case team finds the case', async () => {
    for (const q of [NIK, VICTIM, VICTIM.toLowerCase(), '5310 0344 0695 0002', 'Nama Yang Tidak Ada']) {
      for (const url of [
        `/api/v1/cases?q=${encodeURIComponent(q)}`,
        `/api/v1/cases/export.xlsx?q=${encodeURIComponent(q)}`,
      ]) {
        const res = await call(env, leadership, 'GET', url);
        expect(res.statusCode, `${url} ${res.body}`).toBe(400);
        expect(res.json().error.fields.q).toBe(
          'Peran Anda tidak dapat mencari berdasarkan NIK atau nama orang. Cari dengan nomor kasus.',
        );
        expect(res.body).not.toContain(caseNumber);
        expect(res.body).not.toContain(caseId);
        expect(res.body).not.toMatch(/"total"|"totalExact"/);
      }
    }
    const english = await call(env, leadership, 'GET', `/api/v1/cases?q=${NIK}`, undefined, {
      'accept-language': 'en',
    });
    expect(english.json().error.fields.q).toMatch(/^Your role cannot search by NIK/);
    const denied = await auditEvents(env, 'access.denied');
    const identity = denied.filter((e) => JSON.parse(e.details).reason === 'identity_search');
    expect(identity.length).toBeGreaterThanOrEqual(10);
    expect(identity.every((e) => e.actor_user_id === leadership.userId)).toBe(true);
    expect(identity.some((e) => e.details.includes(NIK) || e.details.includes('Goreti'))).toBe(false);

    // Leadership still finds the case by its number, without identities.
    const byNumber = (
      await call(env, leadership, 'GET', `/api/v1/cases?q=${encodeURIComponent(caseNumber)}`)
    ).json();
    expect(byNumber.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect(JSON.stringify(byNumber)).not.toContain('Goreti');

    // The case team finds it by NIK and by name.
    for (const q of [NIK, VICTIM]) {
      const found = (await call(env, manager, 'GET', `/api/v1/cases?q=${encodeURIComponent(q)}`)).json();
      expect(found.total).toBe(1);
      expect(found.items[0].caseNumber).toBe(caseNumber);
    }
  });
});
