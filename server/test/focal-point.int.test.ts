import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

/**
 * An agency's RAD focal person reports the agency's action-plan progress and meeting actions,
 * and opens no case: no case list, no case record, no person, no statistics of records.
 */
describe.each(DB_KINDS)('the RAD focal point on %s', (kind) => {
  let env: TestEnv;
  let coordinator: Session;
  let focal: Session;
  let otherFocal: Session;
  let manager: Session;
  let planId: string;
  let activityId: string;
  let caseId: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = (await buildTaskForce(env)).id;
    const dp3a = (await buildAgency(env, { taskForceId: tf })).id;
    const disnaker = (await buildAgency(env, { taskForceId: tf, shortName: 'Disnaker Focal' })).id;
    const bappeda = (await buildAgency(env, { taskForceId: tf })).id;
    const uptd = (await buildAgency(env, { taskForceId: tf })).id;
    const u = async (roles: Parameters<typeof buildUser>[1], agencyId: string) =>
      signIn(env, (await buildUser(env, roles, { agencyId })).username);
    coordinator = await u(['coordinator'], dp3a);
    focal = await u(['focal_point'], disnaker);
    otherFocal = await u(['focal_point'], bappeda);
    manager = await u(['case_manager'], uptd);
    planId = (
      await call(env, coordinator, 'POST', '/api/v1/plans', {
        title: 'RAD 2025-2029',
        startYear: 2025,
        endYear: 2029,
        periodKind: 'quarter',
      })
    ).json().id;
    const programme = await call(env, coordinator, 'POST', `/api/v1/plans/${planId}/programmes`, {
      title: 'Pencegahan',
      horizon: 'short_term',
    });
    activityId = (
      await call(env, coordinator, 'POST', `/api/v1/plans/${planId}/activities`, {
        programmeId: programme.json().id,
        title: 'Sosialisasi migrasi aman',
        indicator: 'Desa',
        unit: 'desa',
        baseline: 0,
        targets: [{ year: 2026, value: 12 }],
        responsibleAgencyId: disnaker,
        supportingAgencyIds: [],
        budgets: [],
      })
    ).json().id;
    caseId = (
      await call(env, manager, 'POST', '/api/v1/cases', {
        caseType: 'tppo',
        reportedAt: '2026-11-27T02:00:00.000Z',
        channel: 'walk_in',
        reportingParty: 'family',
        risk: 'high',
      })
    ).json().id;
  });
  afterAll(async () => env?.close());

  const report = {
    year: 2026,
    period: 4,
    realised: 6,
    budgetSpent: 0,
    achievement: '6 dari 12 desa menerima sosialisasi.',
    obstacles: 'Anggaran dipotong.',
    intervention: 'Bappeda diminta memulihkan anggaran.',
    interventionAgencyId: null,
  };

  it("reports the progress of its agency's activity, sees it due on its work queue, and no one else's", async () => {
    const due = (await call(env, focal, 'GET', '/api/v1/my-work')).json();
    expect(due.radReports.map((r: { activityId: string }) => r.activityId)).toContain(activityId);
    const url = `/api/v1/plans/${planId}/activities/${activityId}/reports`;
    expect((await call(env, otherFocal, 'POST', url, report)).statusCode).toBe(403);
    const filed = await call(env, focal, 'POST', url, report);
    expect(filed.statusCode, filed.body).toBe(201);
  });

  it('opens no case and sees no record of one', async () => {
    const open = await call(env, focal, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'family',
      risk: 'high',
    });
    expect(open.statusCode).toBe(403);
    expect((await call(env, focal, 'GET', '/api/v1/cases')).statusCode).toBe(403);
    expect([403, 404]).toContain((await call(env, focal, 'GET', `/api/v1/cases/${caseId}`)).statusCode);
    expect([403, 404]).toContain(
      (await call(env, focal, 'GET', `/api/v1/cases/${caseId}/persons`)).statusCode,
    );
    expect((await call(env, focal, 'GET', '/api/v1/stats/dashboard?year=2026')).statusCode).toBe(403);
    const me = (await call(env, focal, 'GET', '/api/v1/auth/me')).json();
    expect(me.permissions).toEqual(expect.arrayContaining(['plan.report']));
    expect(me.permissions).not.toContain('case.read');
    expect(me.permissions).not.toContain('person.identity.read');
  });
});
