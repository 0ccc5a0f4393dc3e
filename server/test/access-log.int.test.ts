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

const NIK = '5310035107950003';

describe.each(DB_KINDS)('who saw what on %s', (kind) => {
  let env: TestEnv;
  let manager: Session;
  let coordinator: Session;
  let leadership: Session;
  let outsider: Session;
  let caseId: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    const uptd = await buildAgency(env, { taskForceId: tf.id, shortName: 'UPTD Uji Log' });
    const dp3a = await buildAgency(env, { taskForceId: tf.id, shortName: 'DP3A Uji Log' });
    const dinsos = await buildAgency(env, { taskForceId: tf.id });
    manager = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: dp3a.id })).username);
    leadership = await signIn(env, (await buildUser(env, ['leadership'], { agencyId: dp3a.id })).username);
    outsider = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: dinsos.id })).username);
    const c = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'victim',
      risk: 'high',
    });
    caseId = c.json().id;
    const p = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'victim',
      fullName: 'Korban Log Akses',
      nik: NIK,
      sex: 'Female',
      estimatedAge: 30,
    });
    await call(env, manager, 'GET', `/api/v1/cases/${caseId}/persons/${p.json().person.id}`);
    await call(env, manager, 'GET', `/api/v1/cases?q=${NIK}`);
    await call(env, coordinator, 'GET', `/api/v1/cases/${caseId}`);
  });
  afterAll(async () => env?.close());

  it('lists every read, search hit and change of the case and its people, newest first, with who and which agency', async () => {
    const res = await call(env, manager, 'GET', `/api/v1/cases/${caseId}/access-log?pageSize=50`);
    expect(res.statusCode, res.body).toBe(200);
    const log = res.json();
    const actions = log.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['case.created', 'person.created', 'person.read', 'case.search', 'case.read']),
    );
    expect(log.items[0]).toMatchObject({
      action: 'case.read',
      kind: 'read',
      agencyShortName: 'DP3A Uji Log',
    });
    const search = log.items.find((e: { action: string }) => e.action === 'case.search');
    expect(search).toMatchObject({ kind: 'search', agencyShortName: 'UPTD Uji Log', on: 'case' });
    expect(log.total).toBe(log.items.length);
    // Nothing of the person's identity is in the log.
    expect(res.body).not.toContain('Korban Log Akses');
    expect(res.body).not.toContain(NIK);
  });

  it("is for the case team and the task force's coordinators: 403 for leadership, 404 for other agencies; reading it is audited", async () => {
    expect((await call(env, coordinator, 'GET', `/api/v1/cases/${caseId}/access-log`)).statusCode).toBe(200);
    expect((await call(env, leadership, 'GET', `/api/v1/cases/${caseId}/access-log`)).statusCode).toBe(403);
    expect((await call(env, outsider, 'GET', `/api/v1/cases/${caseId}/access-log`)).statusCode).toBe(404);
    expect((await auditEvents(env, 'case.access_log_read')).length).toBeGreaterThanOrEqual(2);
    const again = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/access-log`)).json();
    expect(again.items[0].action).toBe('case.access_log_read');
  });
});
