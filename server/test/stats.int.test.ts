import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTaskForce } from '../src/modules/taskforces/taskforce.service.js';
import {
  auditEvents,
  buildAgency,
  buildUser,
  call,
  createTestEnv,
  DB_KINDS,
  type Session,
  signIn,
  type TestEnv,
} from './support.js';

const meta = { requestId: 'test', ip: null };

/**
 * A small fixed data set with hand-computed figures. Regency A (Manggarai) and regency B sit under
 * province P; regency C is elsewhere. Times are UTC; the task forces count in WITA (UTC+8), so a
 * case reported 2025-12-31T17:00Z belongs to 2026 and one reported 2025-01-01T00:30Z to 2025.
 */
describe.each(DB_KINDS)('statistics on %s', (kind) => {
  let env: TestEnv;
  let tfA: string;
  let tfB: string;
  let agencyA: string;
  let agencyB: string;
  let coordA: Session;
  let leaderA: Session;
  let analystA: Session;
  let caseManagerA: Session;
  let coordP: Session;
  let analystC: Session;
  let userId: string;
  const caseIds: Record<string, string> = {};

  async function addCase(
    tf: string,
    agency: string,
    key: string,
    c: {
      type: string;
      stage: string;
      reportedAt: string;
      origin?: string | null;
      country?: string | null;
      region?: string | null;
      departure?: string | null;
      exploitation?: string[];
      profile?: Record<string, unknown>;
      responseMinutes?: number | null;
      victims: { sex: string; age: number }[];
    },
  ) {
    const id = randomUUID();
    caseIds[key] = id;
    const reported = new Date(c.reportedAt);
    const due = new Date(reported.getTime() + 60 * 60_000).toISOString();
    await env.deps.db
      .insertInto('cases')
      .values({
        id,
        task_force_id: tf,
        case_number: `UJI/${key}`,
        case_type: c.type,
        stage: c.stage,
        risk: 'medium',
        reported_at: reported.toISOString(),
        report_year: reported.getUTCFullYear(),
        channel: 'walk_in',
        reporting_party: 'victim',
        lead_agency_id: agency,
        origin_district_code: c.origin ?? null,
        destination_country: c.country ?? null,
        destination_region_code: c.region ?? null,
        departure: c.departure ?? null,
        exploitation_types: c.exploitation?.length ? `,${c.exploitation.join(',')},` : '',
        profile: JSON.stringify(c.profile ?? {}),
        migrant: '{}',
        version: 1,
        first_response_due_at: due,
        first_response_at:
          c.responseMinutes === null || c.responseMinutes === undefined
            ? null
            : new Date(reported.getTime() + c.responseMinutes * 60_000).toISOString(),
        victim_count: c.victims.length,
        child_victim_count: c.victims.filter((v) => v.age < 18).length,
        created_by: userId,
        created_at: reported.toISOString(),
        updated_at: reported.toISOString(),
      })
      .execute();
    const personIds: string[] = [];
    for (const v of c.victims) {
      const pid = randomUUID();
      personIds.push(pid);
      await env.deps.db
        .insertInto('persons')
        .values({
          id: pid,
          case_id: id,
          task_force_id: tf,
          role: 'victim',
          full_name_enc: env.deps.cipher.encrypt('Korban Uji'),
          name_hash: randomUUID(),
          age_at_incident: v.age,
          is_child: v.age < 18 ? 1 : 0,
          sex: v.sex,
          version: 1,
          created_by: userId,
          created_at: reported.toISOString(),
          updated_at: reported.toISOString(),
        })
        .execute();
    }
    return { id, personIds };
  }

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = (name: string, level: 'province' | 'regency', regionCode: string, parentId: string | null) =>
      createTaskForce(env.deps, meta, { name, level, regionCode, timeZone: 'Asia/Makassar', parentId });
    const tfP = (await tf('Gugus Tugas Provinsi Uji', 'province', '53', null)).id;
    tfA = (await tf('Gugus Tugas Manggarai Uji', 'regency', '53.10', tfP)).id;
    // A task force name is text a user typed: it must not become a formula in a spreadsheet.
    tfB = (await tf('=1+2 Gugus Tugas Uji', 'regency', '53.19', tfP)).id;
    const tfC = (await tf('Gugus Tugas Lain', 'regency', '52.01', null)).id;
    agencyA = (await buildAgency(env, { taskForceId: tfA })).id;
    agencyB = (await buildAgency(env, { taskForceId: tfB })).id;
    const agencyP = (await buildAgency(env, { taskForceId: tfP, regionCode: '53' })).id;
    const agencyC = (await buildAgency(env, { taskForceId: tfC, regionCode: '52.01' })).id;
    const u = async (roles: Parameters<typeof buildUser>[1], agencyId: string) =>
      signIn(env, (await buildUser(env, roles, { agencyId })).username);
    coordA = await u(['coordinator'], agencyA);
    userId = coordA.userId;
    leaderA = await u(['leadership'], agencyA);
    analystA = await u(['analyst'], agencyA);
    caseManagerA = await u(['case_manager'], agencyA);
    coordP = await u(['coordinator'], agencyP);
    analystC = await u(['analyst'], agencyC);

    const c1 = await addCase(tfA, agencyA, 'c1', {
      type: 'tppo',
      stage: 'in_services',
      reportedAt: '2025-03-10T02:00:00Z',
      origin: '53.10.01',
      country: 'MY',
      departure: 'non_procedural',
      exploitation: ['forced_labour'],
      profile: {
        labourSectors: ['Agriculture'],
        recruitmentMethods: ['JobOffer'],
        recruitmentPlatforms: ['Facebook'],
      },
      responseMinutes: 30,
      victims: [
        { sex: 'Male', age: 25 },
        { sex: 'Male', age: 17 },
        { sex: 'Female', age: 30 },
      ],
    });
    const c2 = await addCase(tfA, agencyA, 'c2', {
      type: 'tppo',
      stage: 'identified',
      reportedAt: '2025-03-20T02:00:00Z',
      origin: '53.10.01',
      country: 'ID',
      region: '64',
      departure: 'non_procedural',
      exploitation: ['forced_labour', 'sexual_exploitation'],
      profile: { labourSectors: ['Agriculture', 'DomesticWork'], recruitmentMethods: ['Familial'] },
      responseMinutes: 120,
      victims: [
        { sex: 'Female', age: 16 },
        { sex: 'Male', age: 40 },
      ],
    });
    await addCase(tfA, agencyA, 'c3', {
      type: 'pmi_deportee',
      stage: 'reported',
      reportedAt: '2025-06-01T02:00:00Z',
      origin: '53.10.02',
      country: 'MY',
      departure: 'procedural',
      victims: [
        { sex: 'Male', age: 33 },
        { sex: 'Male', age: 28 },
        { sex: 'Female', age: 22 },
        { sex: 'Male', age: 45 },
      ],
    });
    // 2026-01-01 01:00 WITA: not in 2025
    await addCase(tfA, agencyA, 'c4', {
      type: 'pmi_deceased',
      stage: 'closed',
      reportedAt: '2025-12-31T17:00:00Z',
      origin: '53.10.02',
      country: 'MY',
      departure: 'non_procedural',
      victims: [{ sex: 'Male', age: 50 }],
    });
    // 2025-01-01 08:30 WITA: in 2025, no victims recorded yet
    await addCase(tfA, agencyA, 'c5', {
      type: 'tppo',
      stage: 'screening',
      reportedAt: '2025-01-01T00:30:00Z',
      responseMinutes: 10,
      victims: [],
    });
    // 2024-12-31 23:00 WITA: not in 2025
    await addCase(tfA, agencyA, 'c6', {
      type: 'tppo',
      stage: 'closed',
      reportedAt: '2024-12-31T15:00:00Z',
      victims: [{ sex: 'Female', age: 19 }],
    });
    await addCase(tfB, agencyB, 'b1', {
      type: 'tppo',
      stage: 'identified',
      reportedAt: '2025-05-05T02:00:00Z',
      country: 'MY',
      victims: [
        { sex: 'Female', age: 20 },
        { sex: 'Female', age: 21 },
        { sex: 'Female', age: 22 },
      ],
    });

    const db = env.deps.db;
    const now = '2025-03-11T02:00:00.000Z';
    await db
      .insertInto('service_needs')
      .values([
        {
          person_id: c1.personIds[0]!,
          case_id: c1.id,
          stages: 'rehabilitasi_kesehatan,rehabilitasi_sosial',
          updated_by: userId,
          updated_at: now,
        },
        {
          person_id: c1.personIds[2]!,
          case_id: c1.id,
          stages: 'rehabilitasi_sosial',
          updated_by: userId,
          updated_at: now,
        },
      ])
      .execute();
    const service = (
      personId: string,
      stage: string,
      status: string,
      requestedAt: string,
      dueAt: string,
      completedAt: string | null,
    ) => ({
      id: randomUUID(),
      case_id: c1.id,
      person_id: personId,
      type: stage === 'rehabilitasi_kesehatan' ? 'medical_examination' : 'shelter',
      stage,
      provider_agency_id: agencyA,
      status,
      requested_at: requestedAt,
      due_at: dueAt,
      completed_at: completedAt,
      created_by: userId,
      version: 1,
      updated_at: requestedAt,
    });
    await db
      .insertInto('services')
      .values([
        service(
          c1.personIds[0]!,
          'rehabilitasi_kesehatan',
          'completed',
          '2025-03-11T02:00:00.000Z',
          '2025-03-12T02:00:00.000Z',
          '2025-03-11T10:00:00.000Z',
        ),
        // past its deadline and not done
        service(
          c1.personIds[2]!,
          'rehabilitasi_sosial',
          'in_progress',
          '2025-03-15T02:00:00.000Z',
          '2025-03-16T02:00:00.000Z',
          null,
        ),
      ])
      .execute();
    const referral = (caseId: string, status: string, sentAt: string, respondedAt: string | null) => ({
      id: randomUUID(),
      case_id: caseId,
      from_agency_id: agencyA,
      to_agency_id: agencyB,
      from_task_force_id: tfA,
      to_task_force_id: tfB,
      status,
      services: 'shelter',
      reason: 'AdditionalServicesRequired',
      urgency: 'normal',
      sent_by: userId,
      sent_at: sentAt,
      response_due_at: sentAt,
      responded_at: respondedAt,
      version: 1,
      updated_at: sentAt,
    });
    await db
      .insertInto('referrals')
      .values([
        referral(c1.id, 'accepted', '2025-03-12T00:00:00.000Z', '2025-03-12T06:00:00.000Z'),
        referral(c2.id, 'declined', '2025-04-01T00:00:00.000Z', '2025-04-02T00:00:00.000Z'),
        referral(c2.id, 'pending', '2025-04-05T00:00:00.000Z', null),
      ])
      .execute();
    let seq = 0;
    const stage = (caseId: string, s: string, details: Record<string, unknown> = {}) => ({
      id: randomUUID(),
      case_id: caseId,
      seq: ++seq,
      stage: s,
      on_date: '2025-04-01',
      details: JSON.stringify(details),
      created_by: userId,
      created_at: '2025-04-01T00:00:00.000Z',
    });
    await db
      .insertInto('legal_stages')
      .values([
        stage(c1.id, 'laporan_polisi'),
        stage(c1.id, 'penyidikan'),
        stage(c1.id, 'p21'),
        stage(c1.id, 'tahap_ii'),
        stage(c1.id, 'penuntutan'),
        stage(c1.id, 'putusan', { verdict: { outcome: 'guilty', court: 'PN Ruteng' } }),
        stage(c2.id, 'laporan_polisi'),
      ])
      .execute();
    const restitutionId = randomUUID();
    await db
      .insertInto('legal_restitutions')
      .values({
        id: restitutionId,
        case_id: c1.id,
        victim_person_id: c1.personIds[0]!,
        requested_on: '2025-05-01',
        components: '[]',
        requested_amount: 12_000_000,
        granted_amount: 10_000_000,
        replaced_by_detention: 0,
        version: 1,
        created_by: userId,
        created_at: '2025-05-01T00:00:00.000Z',
        updated_at: '2025-05-01T00:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('legal_restitution_payments')
      .values({
        id: randomUUID(),
        restitution_id: restitutionId,
        amount: 4_000_000,
        paid_on: '2025-07-01',
        created_by: userId,
        created_at: '2025-07-01T00:00:00.000Z',
      })
      .execute();
  });
  afterAll(async () => env?.close());

  const get = async (s: Session | null, query: string) => call(env, s, 'GET', `/api/v1/stats/${query}`);
  const table = async (s: Session, query: string) => {
    const res = await get(s, `breakdown?year=2025&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const rows: Record<string, (number | null)[]> = {};
    body.rowKeys.forEach((k: string, i: number) => {
      rows[k] = body.cells[i];
    });
    return {
      body,
      rows,
      col: (k: string) =>
        Object.fromEntries(
          body.rowKeys.map((r: string, i: number) => [r, body.cells[i][body.columnKeys.indexOf(k)]]),
        ),
    };
  };

  it('refuses the unauthenticated, roles without statistics, and bad filters with Indonesian messages', async () => {
    expect((await get(null, 'dashboard')).statusCode).toBe(401);
    expect((await get(caseManagerA, 'dashboard')).statusCode).toBe(403);
    const wrong = await get(coordA, 'breakdown?indicator=cases&dimension=sex');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.dimension).toMatch(/dimensi/i);
    const noYear = await get(coordA, 'dashboard?quarter=2');
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().error.fields.year).toMatch(/tahun/i);
    const order = await get(coordA, 'dashboard?from=2025-05-01&to=2025-01-01');
    expect(order.statusCode).toBe(400);
    const unknown = await get(coordA, 'breakdown?indicator=korban&dimension=sex');
    expect(unknown.statusCode).toBe(400);
    const doc = (await call(env, null, 'GET', '/api/openapi.json')).json();
    for (const p of ['indicators', 'dashboard', 'breakdown', 'breakdown.xlsx'])
      expect(doc.paths[`/api/v1/stats/${p}`]?.get, p).toBeTruthy();
    const params = doc.paths['/api/v1/stats/breakdown'].get.parameters.map((x: { name: string }) => x.name);
    expect(params).toEqual(
      expect.arrayContaining(['indicator', 'dimension', 'series', 'year', 'taskForceId']),
    );
  });

  it('counts cases and victims separately with exact figures for the coordinator', async () => {
    const cases = await table(coordA, 'indicator=cases&dimension=case_type');
    expect(cases.body.exact).toBe(true);
    expect(cases.body.rollUp).toBe(false);
    expect(cases.body.grandTotal).toBe(4);
    expect(cases.rows.tppo).toEqual([3]);
    expect(cases.rows.pmi_deportee).toEqual([1]);
    expect(cases.rows.pmi_deceased).toEqual([0]);
    const stages = await table(coordA, 'indicator=cases&dimension=stage');
    expect(stages.rows.in_services).toEqual([1]);
    expect(stages.rows.screening).toEqual([1]);
    expect(stages.rows.closed).toEqual([0]);

    const sex = await table(coordA, 'indicator=victims&dimension=sex');
    expect(sex.body.grandTotal).toBe(9);
    expect(sex.rows.Male).toEqual([6]);
    expect(sex.rows.Female).toEqual([3]);
    expect((await table(coordA, 'indicator=victims&dimension=age_group')).rows).toEqual({
      child: [2],
      adult: [7],
    });
    const simfoni = await table(coordA, 'indicator=victims&dimension=age_simfoni');
    expect(simfoni.rows).toMatchObject({
      '0-5': [0],
      '13-17': [2],
      '18-24': [1],
      '25-44': [5],
      '45-59': [1],
      '60+': [0],
    });
    const ctdc = await table(coordA, 'indicator=victims&dimension=age_ctdc');
    expect(ctdc.rows).toMatchObject({
      '9-17': [2],
      '21-23': [1],
      '24-26': [1],
      '27-29': [1],
      '30-38': [2],
      '39-47': [2],
      '48+': [0],
    });
    expect((await table(coordA, 'indicator=victims&dimension=origin_district')).rows).toEqual({
      '53.10.01': [5],
      '53.10.02': [4],
    });
    expect((await table(coordA, 'indicator=victims&dimension=destination_country')).rows).toEqual({
      MY: [7],
      ID: [2],
    });
    expect((await table(coordA, 'indicator=victims&dimension=destination_province')).rows).toEqual({
      '64': [2],
      _unknown: [7],
    });
    const exploitation = await table(coordA, 'indicator=victims&dimension=exploitation_type');
    expect(exploitation.body.multiValued).toBe(true);
    expect(exploitation.body.grandTotal).toBeNull();
    expect(exploitation.rows).toEqual({ forced_labour: [5], sexual_exploitation: [2], _unknown: [4] });
    expect((await table(coordA, 'indicator=victims&dimension=labour_sector')).rows).toEqual({
      Agriculture: [5],
      DomesticWork: [2],
      _unknown: [4],
    });
    expect((await table(coordA, 'indicator=victims&dimension=recruitment_method')).rows).toEqual({
      JobOffer: [3],
      Familial: [2],
      _unknown: [4],
    });
    expect((await table(coordA, 'indicator=victims&dimension=recruitment_platform')).rows).toEqual({
      Facebook: [3],
      _unknown: [6],
    });
    expect((await table(coordA, 'indicator=victims&dimension=departure')).rows).toEqual({
      procedural: [4],
      non_procedural: [5],
      unknown: [0],
    });
    expect((await table(coordA, 'indicator=victims&dimension=month')).rows).toEqual({
      '2025-03': [5],
      '2025-06': [4],
    });
  });

  it('follows the period: quarter, month, custom range and the next year in local time', async () => {
    const q1 = await get(coordA, 'breakdown?indicator=cases&dimension=case_type&year=2025&quarter=1');
    expect(q1.json().grandTotal).toBe(3);
    const march = await get(coordA, 'breakdown?indicator=victims&dimension=sex&year=2025&month=3');
    expect(march.json().grandTotal).toBe(5);
    const range = await get(
      coordA,
      'breakdown?indicator=cases&dimension=case_type&from=2025-03-20&to=2025-06-01',
    );
    expect(range.json().grandTotal).toBe(2);
    const bodies = await get(coordA, 'breakdown?indicator=bodies_returned&dimension=sex&year=2026');
    expect(bodies.json().rowKeys).toContain('Male');
    expect(bodies.json().grandTotal).toBe(1);
    const district = await get(
      coordA,
      'breakdown?indicator=victims&dimension=sex&year=2025&originDistrict=53.10.02',
    );
    expect(district.json().grandTotal).toBe(4);
  });

  it('counts migrant workers, services, referrals and the law-enforcement funnel', async () => {
    expect((await table(coordA, 'indicator=deportees&dimension=sex')).rows).toMatchObject({
      Male: [3],
      Female: [1],
    });
    const delivery = await table(
      coordA,
      'indicator=service_delivery&dimension=sop_stage&series=need_or_delivery',
    );
    expect(delivery.body.columnKeys).toEqual(['needed', 'delivered']);
    expect(delivery.rows.rehabilitasi_kesehatan).toEqual([1, 1]);
    expect(delivery.rows.rehabilitasi_sosial).toEqual([2, 0]);
    expect(delivery.rows.pemulangan).toEqual([0, 0]);
    const services = await table(coordA, 'indicator=services&dimension=sop_stage&series=service_status');
    expect(services.col('completed').rehabilitasi_kesehatan).toBe(1);
    expect(services.col('in_progress').rehabilitasi_sosial).toBe(1);
    expect((await table(coordA, 'indicator=referrals&dimension=referral_status')).rows).toEqual({
      pending: [1],
      accepted: [1],
      declined: [1],
      completed: [0],
      revoked: [0],
    });
    const funnel = await table(coordA, 'indicator=legal_funnel&dimension=legal_stage');
    expect(funnel.rows).toEqual({
      laporan_polisi: [2],
      penyidikan: [1],
      p21: [1],
      putusan: [1],
      conviction: [1],
    });
  });

  it('gives the coordinator the dashboard figures', async () => {
    const res = await get(coordA, 'dashboard?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      exact: true,
      cases: 4,
      victims: 9,
      childVictims: 2,
      deportees: 4,
      bodiesReturned: 0,
      // c1 and c5 answered within the hour; c2 late; c3 never answered
      firstResponseOnTimePercent: 50,
      serviceDeadlinesMetPercent: 50,
      medianDaysToFirstService: 1,
      referrals: { sent: 3, accepted: 1, declined: 1, pending: 1 },
      medianReferralResponseHours: 15,
      restitution: { granted: 10_000_000, paid: 4_000_000 },
      trend: [
        { month: '2025-01', cases: 1, victims: 0 },
        { month: '2025-03', cases: 2, victims: 5 },
        { month: '2025-06', cases: 1, victims: 4 },
      ],
    });
    // the same figures counted from the records (a range of days skips the monthly counts)
    const direct = (await get(coordA, 'dashboard?from=2025-01-01&to=2025-12-31')).json();
    const { period: _a, ...fromMonthly } = res.json();
    const { period: _b, ...fromRecords } = direct;
    expect(fromRecords).toEqual(fromMonthly);
    const audited = await auditEvents(env, 'stats.read');
    expect(audited.length).toBeGreaterThan(0);
  });

  it('protects small counts for analysts and leadership, with secondary suppression', async () => {
    for (const s of [analystA, leaderA]) {
      const age = await table(s, 'indicator=victims&dimension=age_group');
      expect(age.body.exact).toBe(false);
      expect(age.body.threshold).toBe(3);
      // 2 children is small; adults (7) are hidden too, or 9 - 7 would give them away
      expect(age.rows).toEqual({ child: [null], adult: [null] });
      expect(age.body.grandTotal).toBe(9);
    }
    const t = await table(analystA, 'indicator=victims&dimension=destination_country&series=sex');
    expect(t.body.columnKeys).toEqual(['Male', 'Female', 'TransgenderNonConforming', 'Unknown']);
    expect(t.rows).toEqual({ MY: [null, null, 0, 0], ID: [null, null, 0, 0] });
    expect(t.body.rowTotals).toEqual([null, null]);
    expect(t.body.columnTotals).toEqual([6, 3, 0, 0]);
    expect(t.body.grandTotal).toBe(9);
    // MY x Male (5) hides the small MY x Female; it is marked as a masking cell, not as small
    expect(t.body.masked.cells[0]).toEqual([true, false, false, false]);
    expect(t.body.masked.rowTotals).toEqual([true, false]);
    const dash = (await get(analystA, 'dashboard?year=2025')).json();
    expect(dash).toMatchObject({ exact: false, cases: 4, victims: 9, childVictims: null, deportees: 4 });
    expect(dash.trend.map((m: { cases: number | null }) => m.cases)).toEqual([null, null, null]);
    expect(dash.referrals.sent).toBe(3);
    expect(dash.referrals.pending).toBeNull();
  });

  it('rolls the regencies up for the province, protected, and never opens their records', async () => {
    const sex = await table(coordP, 'indicator=victims&dimension=sex');
    expect(sex.body).toMatchObject({ rollUp: true, exact: false, taskForceCount: 3, grandTotal: 12 });
    expect(sex.rows.Female).toEqual([6]);
    expect(sex.rows.Male).toEqual([6]);
    const byTf = await table(coordP, 'indicator=victims&dimension=task_force');
    expect(byTf.rows[tfA]).toEqual([9]);
    expect(byTf.rows[tfB]).toEqual([3]);
    expect(byTf.body.labels[tfA]).toBe('Gugus Tugas Manggarai Uji');
    // one regency of the province: still a roll-up, still protected
    const one = await get(
      coordP,
      `breakdown?indicator=victims&dimension=age_group&year=2025&taskForceId=${tfA}`,
    );
    expect(one.json()).toMatchObject({ rollUp: true, exact: false, taskForceCount: 1 });
    // no record of a regency through the province
    expect((await call(env, coordP, 'GET', `/api/v1/cases/${caseIds.c1}`)).statusCode).toBe(404);
    // a regency does not see its neighbour, nor does a task force elsewhere
    expect(
      (await get(analystA, `breakdown?indicator=cases&dimension=case_type&taskForceId=${tfB}`)).statusCode,
    ).toBe(404);
    expect((await get(analystC, `dashboard?taskForceId=${tfA}`)).statusCode).toBe(404);
    const c = (await get(analystC, 'dashboard?year=2025')).json();
    expect(c).toMatchObject({ cases: 0, victims: 0, taskForceCount: 1 });
  });

  it('keeps analysts and leadership out of the records', async () => {
    expect((await call(env, analystA, 'GET', `/api/v1/cases/${caseIds.c1}`)).statusCode).toBe(403);
    expect((await call(env, analystA, 'GET', `/api/v1/cases/${caseIds.b1}`)).statusCode).toBe(403);
    expect((await call(env, leaderA, 'GET', `/api/v1/cases/${caseIds.b1}`)).statusCode).toBe(404);
    const own = await call(env, leaderA, 'GET', `/api/v1/cases/${caseIds.c1}`);
    expect(JSON.stringify(own.json())).not.toContain('Korban Uji');
  });

  it('downloads a breakdown as XLSX with formulas neutralised and the export audited', async () => {
    const res = await get(
      coordP,
      'breakdown.xlsx?indicator=victims&dimension=task_force&series=sex&year=2025',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => {
      row.eachCell((cell) => {
        values.push(cell.value);
      });
    });
    expect(values).toContain("'=1+2 Gugus Tugas Uji");
    expect(values.some((v) => typeof v === 'string' && v.startsWith('='))).toBe(false);
    expect(values).toContain('Gugus Tugas Manggarai Uji');
    const exported = await auditEvents(env, 'stats.exported');
    expect(exported.at(-1)?.actor_user_id).toBe(coordP.userId);
  });

  it('answers from the monthly counts exactly what a direct count of the records gives, and follows writes', async () => {
    const dims: Record<string, string[]> = {
      cases: ['case_type', 'stage', 'origin_district', 'destination_country', 'departure', 'month', 'year'],
      victims: [
        'sex',
        'age_group',
        'age_simfoni',
        'age_ctdc',
        'case_type',
        'stage',
        'origin_district',
        'destination_country',
        'departure',
        'month',
      ],
    };
    for (const [indicator, list] of Object.entries(dims)) {
      for (const dimension of list) {
        for (const s of [coordA, coordP]) {
          // a whole year reads the monthly counts; the same days as a range count the records
          const pre = await get(s, `breakdown?indicator=${indicator}&dimension=${dimension}&year=2025`);
          const direct = await get(
            s,
            `breakdown?indicator=${indicator}&dimension=${dimension}&from=2025-01-01&to=2025-12-31`,
          );
          const strip = (b: Record<string, unknown>) => ({ ...b, period: null });
          expect(strip(pre.json()), `${indicator} by ${dimension}`).toEqual(strip(direct.json()));
        }
      }
    }
    const seriesPre = await get(coordA, 'breakdown?indicator=victims&dimension=sex&series=month&year=2025');
    const seriesDirect = await get(
      coordA,
      'breakdown?indicator=victims&dimension=sex&series=month&from=2025-01-01&to=2025-12-31',
    );
    expect({ ...seriesPre.json(), period: null }).toEqual({ ...seriesDirect.json(), period: null });
    const dashPre = (await get(coordA, 'dashboard?year=2025')).json();
    const dashDirect = (await get(coordA, 'dashboard?from=2025-01-01&to=2025-12-31')).json();
    expect({ ...dashPre, period: null }).toEqual({ ...dashDirect, period: null });

    // A victim added by any code path marks the task force stale; the next read recounts it.
    await env.deps.db
      .insertInto('persons')
      .values({
        id: randomUUID(),
        case_id: caseIds.c1!,
        task_force_id: tfA,
        role: 'victim',
        full_name_enc: env.deps.cipher.encrypt('Korban Uji'),
        name_hash: randomUUID(),
        age_at_incident: 8,
        is_child: 1,
        sex: 'Female',
        version: 1,
        created_by: userId,
        created_at: '2025-03-10T02:00:00.000Z',
        updated_at: '2025-03-10T02:00:00.000Z',
      })
      .execute();
    expect(await env.deps.db.selectFrom('stats_dirty').selectAll().execute()).toEqual([
      { task_force_id: tfA },
    ]);
    const after = await table(coordA, 'indicator=victims&dimension=sex');
    expect(after.rows.Female).toEqual([4]);
    expect(after.body.grandTotal).toBe(10);
    expect(await env.deps.db.selectFrom('stats_dirty').selectAll().execute()).toEqual([]);
  });
});
