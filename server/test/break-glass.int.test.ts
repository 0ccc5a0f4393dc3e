import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../src/platform/clock.js';
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

describe.each(DB_KINDS)('break-glass on %s', (kind) => {
  let env: TestEnv;
  let manager: Session;
  let farCoordinator: Session;
  let otherTaskForceCoordinator: Session;
  const names = { farCoordinator: '', admin: '' };
  let caseId: string;
  let caseNumber: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    const uptd = await buildAgency(env, { taskForceId: tf.id });
    manager = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    // A coordinator of the same task force in another agency, off the case team: sees the case
    // without identities, and may open it in an emergency.
    const farAgency = await buildAgency(env, { taskForceId: tf.id, shortName: 'DP3A Manggarai Uji' });
    names.farCoordinator = (await buildUser(env, ['coordinator'], { agencyId: farAgency.id })).username;
    names.admin = (await buildUser(env, ['admin'], { agencyId: uptd.id })).username;
    farCoordinator = await signIn(env, names.farCoordinator);
    const otherTf = await buildTaskForce(env, '65.03');
    const otherAgency = await buildAgency(env, { taskForceId: otherTf.id, shortName: 'DP3A Nunukan Uji' });
    otherTaskForceCoordinator = await signIn(
      env,
      (await buildUser(env, ['coordinator'], { agencyId: otherAgency.id })).username,
    );
    const c = (
      await call(env, manager, 'POST', '/api/v1/cases', {
        caseType: 'tppo',
        reportedAt: '2026-11-27T02:00:00.000Z',
        channel: 'walk_in',
        reportingParty: 'family',
        risk: 'high',
      })
    ).json();
    caseId = c.id;
    caseNumber = c.caseNumber;
    await call(env, manager, 'POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'victim',
      fullName: 'Anak Dalam Bahaya',
      sex: 'Female',
      estimatedAge: 15,
    });
  });
  afterAll(async () => env?.close());

  it('opens a case outside the access of a coordinator who states why, for a limited time, on the record', async () => {
    expect((await call(env, farCoordinator, 'GET', `/api/v1/cases/${caseId}/persons`)).body).not.toContain(
      'Anak Dalam Bahaya',
    );
    expect(
      (
        await call(env, manager, 'POST', '/api/v1/break-glass', {
          caseNumber,
          reason: 'Anak dalam bahaya malam ini',
        })
      ).statusCode,
    ).toBe(403);
    const short = await call(env, farCoordinator, 'POST', '/api/v1/break-glass', {
      caseNumber,
      reason: 'darurat',
    });
    expect(short.statusCode).toBe(400);
    const unknown = await call(env, farCoordinator, 'POST', '/api/v1/break-glass', {
      caseNumber: 'TPPO/99.99/2026/9999',
      reason: 'Anak dalam bahaya malam ini, keluarga menelepon',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.fields.caseNumber).toBe('Tidak ada kasus dengan nomor ini.');
    // Another task force's coordinator gets the same answer as for a number that does not exist.
    const elsewhere = await call(env, otherTaskForceCoordinator, 'POST', '/api/v1/break-glass', {
      caseNumber,
      reason: 'Anak dalam bahaya malam ini, keluarga menelepon',
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.fields).toEqual(unknown.json().error.fields);
    expect(
      (await call(env, otherTaskForceCoordinator, 'GET', `/api/v1/cases/${caseId}/persons`)).statusCode,
    ).toBe(404);

    const opened = await call(env, farCoordinator, 'POST', '/api/v1/break-glass', {
      caseNumber: caseNumber.toLowerCase(),
      reason: 'Anak dalam bahaya malam ini, keluarga menelepon',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().caseId).toBe(caseId);
    const seen = await call(env, farCoordinator, 'GET', `/api/v1/cases/${caseId}/persons`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('Anak Dalam Bahaya');
    expect((await auditEvents(env, 'case.break_glass'))[0]).toMatchObject({ entity_id: caseId });
    const timeline = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/timeline`)).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toContain('emergency_access');

    // The team sees who opened it and why.
    const shown = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/emergency-access`)).json().items;
    expect(shown[0]).toMatchObject({
      agencyShortName: 'DP3A Manggarai Uji',
      reason: 'Anak dalam bahaya malam ini, keluarga menelepon',
      active: true,
      reviewedAt: null,
    });
  });

  it('ends by itself, and is reviewed by someone else', async () => {
    env.clock.advance(121 * MINUTE);
    // The sessions were idle meanwhile: everyone signs in again.
    const coordinator = await signIn(env, names.farCoordinator);
    const adminNow = await signIn(env, names.admin);
    expect((await call(env, coordinator, 'GET', `/api/v1/cases/${caseId}/persons`)).body).not.toContain(
      'Anak Dalam Bahaya',
    );
    const pending = (await call(env, coordinator, 'GET', '/api/v1/break-glass')).json().items;
    expect(pending).toHaveLength(1);
    const own = await call(env, coordinator, 'POST', `/api/v1/break-glass/${pending[0].id}/review`, {
      note: 'ok',
    });
    expect(own.statusCode).toBe(400);
    const reviewed = await call(env, adminNow, 'POST', `/api/v1/break-glass/${pending[0].id}/review`, {
      note: 'Dikonfirmasi dengan kepolisian; akses wajar.',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({
      active: false,
      reviewNote: 'Dikonfirmasi dengan kepolisian; akses wajar.',
    });
    expect((await call(env, adminNow, 'GET', '/api/v1/break-glass')).json().items).toHaveLength(0);
    expect((await call(env, adminNow, 'GET', '/api/v1/break-glass?pending=false')).json().items).toHaveLength(
      1,
    );
  });
});
