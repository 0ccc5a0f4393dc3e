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

describe.each(DB_KINDS)('action plan and progress reports on %s', (kind) => {
  let env: TestEnv;
  let tfId: string;
  let disnakerId: string;
  let bappedaId: string;
  let foreignAgencyId: string;
  let coordinator: Session;
  let disnaker: Session;
  let dinsos: Session;
  let leader: Session;
  let analyst: Session;
  let otherCoordinator: Session;
  let planId: string;
  let programmeId: string;
  let activityId: string;

  const activity = (overrides: Record<string, unknown> = {}) => ({
    programmeId,
    title: 'Sosialisasi migrasi aman di desa',
    indicator: 'Desa yang menerima sosialisasi',
    unit: 'desa',
    baseline: 0,
    targets: [
      { year: 2025, value: 8 },
      { year: 2026, value: 12 },
    ],
    responsibleAgencyId: disnakerId,
    supportingAgencyIds: [bappedaId],
    budgets: [{ year: 2026, amount: 45_000_000, source: 'apbd' }],
    ...overrides,
  });

  beforeAll(async () => {
    env = await createTestEnv(kind);
    tfId = (await buildTaskForce(env)).id;
    const otherTf = (await buildTaskForce(env, '53.19')).id;
    const dp3a = (await buildAgency(env, { taskForceId: tfId })).id;
    disnakerId = (await buildAgency(env, { taskForceId: tfId, shortName: 'Disnakertrans Uji' })).id;
    bappedaId = (await buildAgency(env, { taskForceId: tfId, shortName: 'Bappeda Uji' })).id;
    const dinsosId = (await buildAgency(env, { taskForceId: tfId })).id;
    foreignAgencyId = (await buildAgency(env, { taskForceId: otherTf })).id;
    const u = async (roles: Parameters<typeof buildUser>[1], agencyId: string) =>
      signIn(env, (await buildUser(env, roles, { agencyId })).username);
    coordinator = await u(['coordinator'], dp3a);
    disnaker = await u(['service_provider'], disnakerId);
    dinsos = await u(['service_provider'], dinsosId);
    leader = await u(['leadership'], dp3a);
    analyst = await u(['analyst'], dp3a);
    otherCoordinator = await u(['coordinator'], foreignAgencyId);
  });
  afterAll(async () => env?.close());

  it('builds a plan, a programme and an activity; refuses others', async () => {
    const bad = await call(env, coordinator, 'POST', '/api/v1/plans', {
      title: 'RAD',
      startYear: 2029,
      endYear: 2025,
      periodKind: 'month',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(['periodKind']));
    for (const s of [disnaker, leader, analyst]) {
      const res = await call(env, s, 'POST', '/api/v1/plans', {
        title: 'RAD PP TPPO 2025-2029',
        startYear: 2025,
        endYear: 2029,
        periodKind: 'quarter',
      });
      expect(res.statusCode).toBe(403);
    }
    const plan = await call(
      env,
      coordinator,
      'POST',
      '/api/v1/plans',
      { title: 'RAD PP TPPO 2025-2029', startYear: 2025, endYear: 2029, periodKind: 'quarter' },
      { 'idempotency-key': 'rad-1' },
    );
    expect(plan.statusCode).toBe(201);
    planId = plan.json().id;
    const years = await call(env, coordinator, 'POST', '/api/v1/plans', {
      title: 'RAD terbalik',
      startYear: 2029,
      endYear: 2025,
      periodKind: 'quarter',
    });
    expect(years.json().error.fields.endYear).toBeTruthy();
    const prog = await call(env, coordinator, 'POST', `/api/v1/plans/${planId}/programmes`, {
      title: 'Pencegahan melalui informasi migrasi aman',
      horizon: 'short_term',
    });
    expect(prog.statusCode).toBe(201);
    programmeId = prog.json().id;
    expect((await call(env, otherCoordinator, 'GET', `/api/v1/plans/${planId}`)).statusCode).toBe(404);
    expect((await call(env, otherCoordinator, 'GET', '/api/v1/plans')).json().items).toEqual([]);
  });

  it('validates an activity: years inside the period, budget not negative, member agencies only', async () => {
    const res = await call(
      env,
      coordinator,
      'POST',
      `/api/v1/plans/${planId}/activities`,
      activity({
        targets: [{ year: 2031, value: 3 }],
        budgets: [{ year: 2026, amount: -5, source: 'apbd' }],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['budgets.0.amount']).toBeTruthy();
    const years = await call(
      env,
      coordinator,
      'POST',
      `/api/v1/plans/${planId}/activities`,
      activity({ targets: [{ year: 2031, value: 3 }], responsibleAgencyId: foreignAgencyId }),
    );
    expect(years.statusCode).toBe(400);
    expect(years.json().error.fields).toMatchObject({
      'targets.0.year': expect.any(String),
      responsibleAgencyId: expect.any(String),
    });
    const ok = await call(env, coordinator, 'POST', `/api/v1/plans/${planId}/activities`, activity());
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'no_report', realised: null });
    activityId = ok.json().id;
    expect((await auditEvents(env, 'plan.activity_created')).some((e) => e.entity_id === activityId)).toBe(
      true,
    );
  });

  it('lets only the responsible agency report, once per period; corrections keep history', async () => {
    const report = {
      year: 2026,
      period: 3,
      realised: 6,
      budgetSpent: 20_000_000,
      achievement: '6 dari 12 desa menerima sosialisasi migrasi aman.',
      obstacles: 'Anggaran dipotong pada perubahan APBD.',
      intervention: 'Bappeda diminta memulihkan anggaran.',
      interventionAgencyId: bappedaId,
    };
    const url = `/api/v1/plans/${planId}/activities/${activityId}/reports`;
    expect((await call(env, dinsos, 'POST', url, report)).statusCode).toBe(403);
    expect((await call(env, leader, 'POST', url, report)).statusCode).toBe(403);
    expect((await call(env, otherCoordinator, 'POST', url, report)).statusCode).toBe(404);
    const outside = await call(env, disnaker, 'POST', url, { ...report, year: 2030 });
    expect(outside.json().error.fields.year).toBeTruthy();
    const filed = await call(env, disnaker, 'POST', url, report);
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ version: 1, realised: 6, budgetSpent: 20_000_000 });
    const twice = await call(env, disnaker, 'POST', url, report);
    expect(twice.statusCode).toBe(409);

    const tree = (await call(env, leader, 'GET', `/api/v1/plans/${planId}?year=2026`)).json();
    const a = tree.programmes[0].activities[0];
    // Fourth quarter under way (the test clock is in November): 50% of target is behind.
    expect(tree.periodsElapsed).toBe(4);
    expect(a).toMatchObject({ realised: 6, achievementPercent: 50, status: 'behind' });
    expect(tree.programmes[0].achievementPercent).toBe(50);
    expect(tree.subTaskForces).toEqual([
      { id: null, name: null, activities: 1, achievementPercent: 50, behind: 1, notReported: 0 },
    ]);

    const fix = `${url}/2026/3`;
    const corrected = await call(env, disnaker, 'PUT', fix, { ...report, realised: 10, version: 1 });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().version).toBe(2);
    const stale = await call(env, disnaker, 'PUT', fix, { ...report, realised: 11, version: 1 });
    expect(stale.statusCode).toBe(409);
    const history = (await call(env, analyst, 'GET', url)).json().items;
    expect(history.map((h: { realised: number }) => h.realised)).toEqual([10, 6]);
    const after = (await call(env, coordinator, 'GET', `/api/v1/plans/${planId}?year=2026`)).json();
    expect(after.programmes[0].activities[0]).toMatchObject({ realised: 10, status: 'at_risk' });
    // Two reports of a new period sent at the same moment (a double tap on a slow line): one is
    // filed, the other is told the period is already reported; nothing fails.
    const both = await Promise.all([
      call(env, disnaker, 'POST', url, { ...report, year: 2027, period: 1 }),
      call(env, disnaker, 'POST', url, { ...report, year: 2027, period: 1 }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error.fields.period).toMatch(/sudah dilaporkan/);
  });

  it('tells the secretariat who has not reported for the period', async () => {
    const second = await call(
      env,
      coordinator,
      'POST',
      `/api/v1/plans/${planId}/activities`,
      activity({
        title: 'Perencanaan anggaran pencegahan',
        responsibleAgencyId: bappedaId,
        supportingAgencyIds: [],
      }),
    );
    expect(second.statusCode).toBe(201);
    const missing = await call(
      env,
      coordinator,
      'GET',
      `/api/v1/plans/${planId}/missing-reports?year=2026&period=3`,
    );
    expect(missing.json().items).toEqual([
      expect.objectContaining({ activityId: second.json().id, agencyShortName: 'Bappeda Uji' }),
    ]);
    expect(
      (await call(env, disnaker, 'GET', `/api/v1/plans/${planId}/missing-reports?year=2026&period=3`))
        .statusCode,
    ).toBe(403);
  });
});
