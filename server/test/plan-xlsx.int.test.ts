import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  buildAgency,
  buildTaskForce,
  buildUser,
  call,
  createTestEnv,
  DB_KINDS,
  multipart,
  type Session,
  signIn,
  type TestEnv,
} from './support.js';

describe.each(DB_KINDS)('the RAD as a spreadsheet on %s', (kind) => {
  let env: TestEnv;
  let coordinator: Session;
  let analyst: Session;
  let otherCoordinator: Session;
  let planId: string;
  let disnakerId: string;
  let bappedaId: string;
  let exported: Buffer;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tfId = (await buildTaskForce(env)).id;
    const otherTf = (await buildTaskForce(env, '53.19')).id;
    const dp3a = (await buildAgency(env, { taskForceId: tfId, shortName: 'DP3A X' })).id;
    disnakerId = (await buildAgency(env, { taskForceId: tfId, shortName: 'Disnakertrans X' })).id;
    bappedaId = (await buildAgency(env, { taskForceId: tfId, shortName: 'Bappeda X' })).id;
    const foreign = (await buildAgency(env, { taskForceId: otherTf, shortName: 'DP3A Lain' })).id;
    const u = async (roles: Parameters<typeof buildUser>[1], agencyId: string) =>
      signIn(env, (await buildUser(env, roles, { agencyId })).username);
    coordinator = await u(['coordinator'], dp3a);
    analyst = await u(['analyst'], dp3a);
    otherCoordinator = await u(['coordinator'], foreign);
    const sub = await env.deps.db
      .selectFrom('sub_task_forces')
      .select('id')
      .where('task_force_id', '=', tfId)
      .orderBy('position')
      .executeTakeFirstOrThrow();
    planId = (
      await call(env, coordinator, 'POST', '/api/v1/plans', {
        title: 'RAD PP TPPO 2025-2027',
        startYear: 2025,
        endYear: 2027,
        periodKind: 'semester',
      })
    ).json().id;
    const programme = async (title: string, horizon: string, subTaskForceId: string | null) =>
      (
        await call(env, coordinator, 'POST', `/api/v1/plans/${planId}/programmes`, {
          title,
          horizon,
          subTaskForceId,
        })
      ).json().id as string;
    const prevention = await programme('Pencegahan migrasi tidak aman', 'short_term', sub.id);
    const poverty = await programme('Pengentasan kemiskinan desa asal', 'long_term', null);
    const activities = [
      {
        programmeId: prevention,
        title: 'Sosialisasi migrasi aman di desa',
        indicator: 'Desa yang menerima sosialisasi',
        unit: 'desa',
        baseline: 4,
        targets: [
          { year: 2025, value: 8 },
          { year: 2026, value: 12.5 },
        ],
        responsibleAgencyId: disnakerId,
        supportingAgencyIds: [bappedaId, dp3a],
        budgets: [
          { year: 2025, amount: 45_000_000, source: 'apbd' },
          { year: 2026, amount: 10_000_000, source: 'village_funds' },
        ],
      },
      {
        // A title that a spreadsheet would otherwise run as a formula.
        programmeId: prevention,
        title: '=HYPERLINK("http://contoh","Pelatihan")',
        indicator: 'Petugas terlatih',
        unit: 'orang',
        baseline: 0,
        targets: [{ year: 2027, value: 30 }],
        responsibleAgencyId: dp3a,
        supportingAgencyIds: [],
        budgets: [],
      },
      {
        programmeId: poverty,
        title: 'Pelatihan kerja bagi keluarga rentan',
        indicator: 'Peserta pelatihan',
        unit: 'orang',
        baseline: 0,
        targets: [{ year: 2026, value: 40 }],
        responsibleAgencyId: bappedaId,
        supportingAgencyIds: [],
        budgets: [{ year: 2026, amount: 120_000_000, source: 'donor' }],
      },
    ];
    for (const a of activities) {
      const res = await call(env, coordinator, 'POST', `/api/v1/plans/${planId}/activities`, a);
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => env?.close());

  const importFile = (s: Session, data: Buffer, dryRun: boolean) => {
    const body = multipart('rad.xlsx', data);
    return env.app.inject({
      method: 'POST',
      url: `/api/v1/plans/import?dryRun=${dryRun}`,
      payload: body.payload,
      headers: { ...body.headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  };
  const comparable = async (id: string) => {
    const tree = (await call(env, coordinator, 'GET', `/api/v1/plans/${id}?year=2026`)).json();
    return {
      title: tree.title,
      years: [tree.startYear, tree.endYear, tree.periodKind],
      programmes: tree.programmes.map((p: Record<string, unknown>) => ({
        title: p.title,
        subTaskForceId: p.subTaskForceId,
        horizon: p.horizon,
        activities: (p.activities as Record<string, unknown>[]).map((a) => ({
          title: a.title,
          indicator: a.indicator,
          unit: a.unit,
          baseline: a.baseline,
          targets: a.targets,
          responsibleAgencyId: a.responsibleAgencyId,
          supportingAgencyIds: a.supportingAgencyIds,
          budgets: a.budgets,
        })),
      })),
    };
  };

  it('exports one row per activity with targets, agencies and budget per year and source; formulas neutralised', async () => {
    const res = await call(env, coordinator, 'GET', `/api/v1/plans/${planId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('RAD-2025-2027.xlsx');
    exported = res.rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('RAD')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining([
        'Program',
        'Kegiatan',
        'Target 2025',
        'Target 2027',
        'Penanggung jawab',
        'Anggaran 2025 APBD',
        'Anggaran 2026 Dana Desa',
        'Anggaran 2026 Donor',
        'Realisasi 2026',
      ]),
    );
    expect(sheet.actualRowCount).toBe(4);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.getRow(2).getCell(col('Instansi pendukung')).value).toBe('Bappeda X, DP3A X');
    expect(sheet.getRow(2).getCell(col('Anggaran 2025 APBD')).value).toBe(45_000_000);
    expect(sheet.getRow(3).getCell(col('Kegiatan')).value).toBe('\'=HYPERLINK("http://contoh","Pelatihan")');
    expect(sheet.getRow(3).getCell(col('Kegiatan')).formula).toBeUndefined();
    expect((await auditEvents(env, 'plan.exported')).some((e) => e.entity_id === planId)).toBe(true);
    // Another task force's coordinator does not learn the plan exists.
    expect((await call(env, otherCoordinator, 'GET', `/api/v1/plans/${planId}/export.xlsx`)).statusCode).toBe(
      404,
    );
  });

  it('imports the same workbook back into an identical plan, after a dry run that saves nothing', async () => {
    expect((await importFile(analyst, exported, true)).statusCode).toBe(403);
    const before = (await call(env, coordinator, 'GET', '/api/v1/plans')).json().items.length;
    const dry = await importFile(coordinator, exported, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      plan: null,
      preview: { programmes: 2, activities: 3, problems: [] },
    });
    expect((await call(env, coordinator, 'GET', '/api/v1/plans')).json().items).toHaveLength(before);
    const real = await importFile(coordinator, exported, false);
    expect(real.statusCode, real.body).toBe(200);
    const imported = real.json().plan.id as string;
    expect(await comparable(imported)).toEqual(await comparable(planId));
    // Achievement rolls up by sub-task force: the prevention programme's sub-task force and the
    // programme without one, each with its activities (none reported yet).
    const tree = (await call(env, coordinator, 'GET', `/api/v1/plans/${planId}?year=2026`)).json();
    expect(tree.subTaskForces).toEqual([
      expect.objectContaining({
        name: expect.any(String),
        activities: 2,
        notReported: 2,
        achievementPercent: null,
      }),
      { id: null, name: null, activities: 1, behind: 0, notReported: 1, achievementPercent: null },
    ]);
    expect((await auditEvents(env, 'plan.imported')).some((e) => e.entity_id === imported)).toBe(true);
  });

  it('reports every bad row with its reasons and saves nothing', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('RAD')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    sheet.getRow(2).getCell(col('Penanggung jawab')).value = 'Dinas Tidak Ada';
    sheet.getRow(2).getCell(col('Anggaran 2025 APBD')).value = -5;
    sheet.getRow(3).getCell(col('Baseline')).value = 'banyak';
    sheet.getRow(4).getCell(col('Jangka')).value = 'Selamanya';
    const broken = Buffer.from(await wb.xlsx.writeBuffer());
    const before = (await call(env, coordinator, 'GET', '/api/v1/plans')).json().items.length;
    const res = await importFile(coordinator, broken, false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().plan).toBeNull();
    const problems = res.json().preview.problems as { row: number; field: string; message: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        { row: 2, field: 'Penanggung jawab', message: 'Instansi ini bukan anggota gugus tugas.' },
        { row: 2, field: 'Anggaran 2025 APBD', message: 'Anggaran tidak boleh negatif.' },
        { row: 3, field: 'Baseline', message: expect.any(String) },
        expect.objectContaining({ row: 4, field: 'Jangka', message: expect.stringMatching(/Jangka pendek/) }),
      ]),
    );
    expect(problems.filter((p) => p.row === 3)).toHaveLength(1);
    expect((await call(env, coordinator, 'GET', '/api/v1/plans')).json().items).toHaveLength(before);
    const notXlsx = await importFile(coordinator, Buffer.from('bukan xlsx'), true);
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.fields.file).toMatch(/XLSX/);
  });
});
