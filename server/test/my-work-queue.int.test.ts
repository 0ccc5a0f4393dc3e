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
 * Each role's work queue ("Tugas saya", shown first on Beranda): an agency's RAD progress reports
 * come due with the period, and a case assigned to a police office waits on its investigators'
 * queue. Other agencies' queues stay empty of both.
 */
describe.each(DB_KINDS)('work queue on %s', (kind) => {
  let env: TestEnv;
  let coordinator: Session;
  let disnaker: Session;
  let dinsos: Session;
  let manager: Session;
  let investigator: Session;
  let foreign: Session;
  let disnakerId: string;
  let polresId: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = (await buildTaskForce(env)).id;
    const otherTf = (await buildTaskForce(env, '53.19')).id;
    const dp3a = (await buildAgency(env, { taskForceId: tf })).id;
    disnakerId = (await buildAgency(env, { taskForceId: tf, shortName: 'Disnaker Antre' })).id;
    const dinsosId = (await buildAgency(env, { taskForceId: tf })).id;
    const uptd = (await buildAgency(env, { taskForceId: tf })).id;
    polresId = (await buildAgency(env, { taskForceId: tf, sector: 'police' })).id;
    const foreignId = (await buildAgency(env, { taskForceId: otherTf })).id;
    const u = async (roles: Parameters<typeof buildUser>[1], agencyId: string) =>
      signIn(env, (await buildUser(env, roles, { agencyId })).username);
    coordinator = await u(['coordinator'], dp3a);
    disnaker = await u(['service_provider'], disnakerId);
    dinsos = await u(['service_provider'], dinsosId);
    manager = await u(['case_manager'], uptd);
    investigator = await u(['investigator'], polresId);
    foreign = await u(['investigator'], foreignId);
  });
  afterAll(async () => env?.close());

  const work = async (s: Session) => {
    const res = await call(env, s, 'GET', '/api/v1/my-work');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("lists the agency's RAD reports of this period (due) and the period before (overdue) until they are filed", async () => {
    const plan = await call(env, coordinator, 'POST', '/api/v1/plans', {
      title: 'RAD PP TPPO 2025-2029',
      startYear: 2025,
      endYear: 2029,
      periodKind: 'quarter',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const planId = plan.json().id as string;
    const programme = await call(env, coordinator, 'POST', `/api/v1/plans/${planId}/programmes`, {
      title: 'Pencegahan',
      horizon: 'short_term',
    });
    const activity = await call(env, coordinator, 'POST', `/api/v1/plans/${planId}/activities`, {
      programmeId: programme.json().id,
      title: 'Sosialisasi migrasi aman di desa',
      indicator: 'Desa',
      unit: 'desa',
      baseline: 0,
      targets: [{ year: 2026, value: 12 }],
      responsibleAgencyId: disnakerId,
      supportingAgencyIds: [],
      budgets: [],
    });
    expect(activity.statusCode, activity.body).toBe(201);
    const activityId = activity.json().id as string;

    // The clock is 28 November 2026 (WITA): the fourth quarter is due, the third is overdue.
    const before = await work(disnaker);
    expect(before.radReports).toEqual([
      expect.objectContaining({ activityId, planId, year: 2026, period: 3, overdue: true }),
      expect.objectContaining({ activityId, planId, year: 2026, period: 4, overdue: false }),
    ]);
    expect(before.counts).toMatchObject({ radReportsDue: 2, radReportsOverdue: 1 });
    expect(before.counts.total).toBeGreaterThanOrEqual(2);

    const filed = await call(
      env,
      disnaker,
      'POST',
      `/api/v1/plans/${planId}/activities/${activityId}/reports`,
      {
        year: 2026,
        period: 3,
        realised: 6,
        budgetSpent: 0,
        achievement: '6 dari 12 desa.',
        obstacles: 'Anggaran dipotong.',
        intervention: '',
        interventionAgencyId: null,
      },
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const after = await work(disnaker);
    expect(after.radReports).toEqual([expect.objectContaining({ year: 2026, period: 4, overdue: false })]);

    // Another agency of the task force, and one of another task force, owe nothing.
    expect((await work(dinsos)).radReports).toEqual([]);
    expect((await work(foreign)).radReports).toEqual([]);
  });

  it("puts a case assigned to a police office on its investigators' queue, and only theirs", async () => {
    const c = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'family',
      risk: 'high',
    });
    const caseId = c.json().id as string;
    const track = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/legal`)).json();
    const assigned = await call(env, manager, 'PUT', `/api/v1/cases/${caseId}/legal/police-agency`, {
      version: track.version,
      policeAgencyId: polresId,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const queue = await work(investigator);
    expect(queue.legalAssigned).toEqual([expect.objectContaining({ caseId })]);
    expect(queue.counts.legalAssigned).toBe(1);
    for (const other of [dinsos, foreign, manager]) expect((await work(other)).legalAssigned).toEqual([]);
  });
});
