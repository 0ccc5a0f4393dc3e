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

describe.each(DB_KINDS)('annual work programme and year-end evaluation on %s', (kind) => {
  let env: TestEnv;
  let coordinator: Session;
  let disnaker: Session;
  let leader: Session;
  let otherCoordinator: Session;
  let planId: string;
  let otherPlanId: string;
  let sosialisasi: string;
  let pelatihan: string;
  let foreignActivity: string;
  let disnakerId: string;
  let dp3aId: string;
  let foreignAgency: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tfId = (await buildTaskForce(env)).id;
    const otherTf = (await buildTaskForce(env, '53.19')).id;
    dp3aId = (await buildAgency(env, { taskForceId: tfId, shortName: 'DP3A W' })).id;
    disnakerId = (await buildAgency(env, { taskForceId: tfId, shortName: 'Disnakertrans W' })).id;
    foreignAgency = (await buildAgency(env, { taskForceId: otherTf, shortName: 'DP3A Lain W' })).id;
    const u = async (roles: Parameters<typeof buildUser>[1], agencyId: string) =>
      signIn(env, (await buildUser(env, roles, { agencyId })).username);
    coordinator = await u(['coordinator'], dp3aId);
    disnaker = await u(['service_provider'], disnakerId);
    leader = await u(['leadership'], dp3aId);
    otherCoordinator = await u(['coordinator'], foreignAgency);
    const plan = async (s: Session, agencyId: string) => {
      const id = (
        await call(env, s, 'POST', '/api/v1/plans', {
          title: 'RAD 2025-2029',
          startYear: 2025,
          endYear: 2029,
          periodKind: 'quarter',
        })
      ).json().id as string;
      const programmeId = (
        await call(env, s, 'POST', `/api/v1/plans/${id}/programmes`, {
          title: 'Pencegahan',
          horizon: 'short_term',
        })
      ).json().id as string;
      const activity = async (title: string) =>
        (
          await call(env, s, 'POST', `/api/v1/plans/${id}/activities`, {
            programmeId,
            title,
            indicator: 'Desa',
            unit: 'desa',
            baseline: 0,
            targets: [{ year: 2026, value: 10 }],
            responsibleAgencyId: agencyId,
            budgets: [],
          })
        ).json().id as string;
      return { id, activity };
    };
    const mine = await plan(coordinator, disnakerId);
    planId = mine.id;
    sosialisasi = await mine.activity('Sosialisasi migrasi aman');
    pelatihan = await mine.activity('Pelatihan aparat desa');
    const theirs = await plan(otherCoordinator, foreignAgency);
    otherPlanId = theirs.id;
    foreignActivity = await theirs.activity('Kegiatan gugus tugas lain');
    // Disnakertrans reports the first quarter of 2026 with an obstacle and an intervention request.
    const report = await call(
      env,
      disnaker,
      'POST',
      `/api/v1/plans/${planId}/activities/${sosialisasi}/reports`,
      {
        year: 2026,
        period: 1,
        realised: 4,
        budgetSpent: 5_000_000,
        achievement: 'Empat desa di Satarmese menerima sosialisasi.',
        obstacles: 'Jalan ke desa terputus saat musim hujan.',
        intervention: 'Mohon kendaraan roda dua untuk penyuluh.',
        interventionAgencyId: dp3aId,
      },
    );
    expect(report.statusCode, report.body).toBe(201);
  });
  afterAll(async () => env?.close());

  const programme = (over: Record<string, unknown> = {}) => ({
    version: 0,
    planId,
    items: [
      { activityId: sosialisasi, months: [3, 1, 2], responsibleAgencyId: disnakerId, budget: 25_000_000 },
      { activityId: pelatihan, months: [7], responsibleAgencyId: dp3aId, budget: 0 },
    ],
    ...over,
  });

  it('lets the secretariat set the year’s programme from the RAD, checked, and others read it', async () => {
    const empty = (await call(env, leader, 'GET', '/api/v1/work-programmes/2026')).json();
    expect(empty).toMatchObject({ version: 0, items: [], can: { manage: false } });
    expect((await call(env, disnaker, 'PUT', '/api/v1/work-programmes/2026', programme())).statusCode).toBe(
      403,
    );
    const bad = await call(
      env,
      coordinator,
      'PUT',
      '/api/v1/work-programmes/2026',
      programme({
        items: [
          { activityId: foreignActivity, months: [13], responsibleAgencyId: disnakerId, budget: -1 },
          { activityId: sosialisasi, months: [1, 1], responsibleAgencyId: foreignAgency, budget: 0 },
        ],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(
      expect.arrayContaining(['items.0.months.0', 'items.0.budget', 'items.1.months']),
    );
    const wrongPlace = await call(
      env,
      coordinator,
      'PUT',
      '/api/v1/work-programmes/2026',
      programme({
        items: [
          { activityId: foreignActivity, months: [1], responsibleAgencyId: disnakerId, budget: 0 },
          { activityId: sosialisasi, months: [1], responsibleAgencyId: foreignAgency, budget: 0 },
        ],
      }),
    );
    expect(wrongPlace.json().error.fields).toMatchObject({
      'items.0.activityId': expect.stringMatching(/bukan bagian/),
      'items.1.responsibleAgencyId': expect.stringMatching(/bukan anggota/),
    });
    expect(
      (await call(env, coordinator, 'PUT', '/api/v1/work-programmes/2031', programme())).json().error.fields
        .planId,
    ).toBeDefined();
    expect(
      (
        await call(
          env,
          coordinator,
          'PUT',
          '/api/v1/work-programmes/2026',
          programme({ planId: otherPlanId }),
        )
      ).json().error.fields.planId,
    ).toBeDefined();

    const saved = await call(env, coordinator, 'PUT', '/api/v1/work-programmes/2026', programme());
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      totalBudget: 25_000_000,
      items: [
        {
          activityTitle: 'Sosialisasi migrasi aman',
          months: [1, 2, 3],
          responsibleAgency: 'Disnakertrans W',
        },
        { activityTitle: 'Pelatihan aparat desa', months: [7], responsibleAgency: 'DP3A W' },
      ],
    });
    // Someone saving over the same version meanwhile gets 409.
    expect(
      (await call(env, coordinator, 'PUT', '/api/v1/work-programmes/2026', programme())).statusCode,
    ).toBe(409);
    const changed = await call(
      env,
      coordinator,
      'PUT',
      '/api/v1/work-programmes/2026',
      programme({ version: 1, items: [programme().items[1]] }),
    );
    expect(changed.json()).toMatchObject({ version: 2, items: [{ activityId: pelatihan }] });
    expect((await call(env, leader, 'GET', '/api/v1/work-programmes/2026')).json().items).toHaveLength(1);
    // Another task force sees nothing of it.
    expect((await call(env, otherCoordinator, 'GET', '/api/v1/work-programmes/2026')).json().items).toEqual(
      [],
    );
    expect((await auditEvents(env, 'work_programme.saved')).length).toBeGreaterThanOrEqual(2);
  });

  it('gathers the year’s achievements, obstacles and interventions; the secretariat writes the summary', async () => {
    const evaluation = (await call(env, coordinator, 'GET', '/api/v1/evaluations/2026')).json();
    expect(evaluation).toMatchObject({ version: 0, achievements: '', can: { manage: true } });
    const s = evaluation.activities.find((a: { activityId: string }) => a.activityId === sosialisasi);
    expect(s).toMatchObject({
      agency: 'Disnakertrans W',
      realised: 4,
      target: 10,
      achievements: ['Empat desa di Satarmese menerima sosialisasi.'],
      obstacles: ['Jalan ke desa terputus saat musim hujan.'],
      interventions: [{ text: 'Mohon kendaraan roda dua untuk penyuluh.', agency: 'DP3A W' }],
    });
    const p = evaluation.activities.find((a: { activityId: string }) => a.activityId === pelatihan);
    expect(p).toMatchObject({ realised: null, status: 'no_report', obstacles: [] });
    const summary = {
      version: 0,
      achievements: 'Sosialisasi menjangkau empat desa.',
      obstacles: 'Akses jalan pada musim hujan.',
      interventions: 'Kendaraan roda dua bagi penyuluh (DP3A).',
      recommendations: 'Anggarkan transportasi penyuluh pada APBD 2027.',
    };
    expect((await call(env, leader, 'PUT', '/api/v1/evaluations/2026', summary)).statusCode).toBe(403);
    const saved = await call(env, coordinator, 'PUT', '/api/v1/evaluations/2026', summary);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, recommendations: summary.recommendations });
    expect((await call(env, coordinator, 'PUT', '/api/v1/evaluations/2026', summary)).statusCode).toBe(409);
    expect((await call(env, leader, 'GET', '/api/v1/evaluations/2026')).json().achievements).toBe(
      summary.achievements,
    );
    // The PDF for the regent carries the summary and each activity against its target.
    const pdf = await call(env, leader, 'GET', '/api/v1/evaluations/2026/pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('EVALUASI AKHIR TAHUN 2026');
    expect(text).toContain(summary.recommendations);
    expect(text).toContain('Sosialisasi migrasi aman');
    expect(text).toContain('4 / 10 desa');
    expect((await auditEvents(env, 'evaluation.pdf_exported')).length).toBeGreaterThanOrEqual(1);
    const foreign = (await call(env, otherCoordinator, 'GET', '/api/v1/evaluations/2026')).json();
    expect(foreign.achievements).toBe('');
    expect(foreign.activities.map((a: { title: string }) => a.title)).toEqual(['Kegiatan gugus tugas lain']);
  });
});
