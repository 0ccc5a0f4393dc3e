import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAction, insertMeeting } from '../src/modules/meetings/meeting.repository.js';
import { createTaskForce } from '../src/modules/taskforces/taskforce.service.js';
import {
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
const at = '2025-01-01T00:00:00.000Z';

/**
 * Work indicators (meeting follow-up actions, prevention reach, RAD achievement) on a fixed data
 * set with hand-computed figures, and the task-force picker. Province P holds regencies A and B;
 * province Q holds regency C. The test clock reads 2026-11-28.
 */
describe.each(DB_KINDS)('work statistics and the task-force picker on %s', (kind) => {
  let env: TestEnv;
  let tfP: string;
  let tfA: string;
  let tfB: string;
  let tfC: string;
  let agencyA: string;
  let agencyA2: string;
  let coordA: Session;
  let analystA: Session;
  let analystP: Session;
  let analystQ: Session;
  let subPrevention: string;
  let subRehab: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const db = env.deps.db;
    const tf = (name: string, level: 'province' | 'regency', regionCode: string, parentId: string | null) =>
      createTaskForce(env.deps, meta, { name, level, regionCode, timeZone: 'Asia/Makassar', parentId });
    tfP = (await tf('Gugus Tugas Provinsi P', 'province', '53', null)).id;
    tfA = (await tf('Gugus Tugas Regensi A', 'regency', '53.10', tfP)).id;
    tfB = (await tf('Gugus Tugas Regensi B', 'regency', '53.19', tfP)).id;
    const tfQ = (await tf('Gugus Tugas Provinsi Q', 'province', '52', null)).id;
    tfC = (await tf('Gugus Tugas Regensi C', 'regency', '52.01', tfQ)).id;
    agencyA = (await buildAgency(env, { taskForceId: tfA })).id;
    agencyA2 = (await buildAgency(env, { taskForceId: tfA })).id;
    const agencyB = (await buildAgency(env, { taskForceId: tfB })).id;
    const agencyP = (await buildAgency(env, { taskForceId: tfP, regionCode: '53' })).id;
    const agencyQ = (await buildAgency(env, { taskForceId: tfQ, regionCode: '52' })).id;
    const agencyC = (await buildAgency(env, { taskForceId: tfC, regionCode: '52.01' })).id;
    const u = async (roles: Parameters<typeof buildUser>[1], agencyId: string) =>
      signIn(env, (await buildUser(env, roles, { agencyId })).username);
    coordA = await u(['coordinator'], agencyA);
    analystA = await u(['analyst'], agencyA);
    analystP = await u(['analyst'], agencyP);
    analystQ = await u(['analyst'], agencyQ);
    const userId = coordA.userId;

    // Meetings and their follow-up actions.
    const meeting = async (taskForceId: string) => {
      const id = randomUUID();
      await insertMeeting(db, env.deps.cipher, {
        id,
        task_force_id: taskForceId,
        type: 'rakor',
        title: 'Rakor',
        starts_at: '2025-02-01T01:00:00.000Z',
        ends_at: null,
        place: '',
        online_link: '',
        chair: '',
        minute_taker: '',
        invited_agency_ids: '[]',
        invited_people: '',
        agenda: '[]',
        attendees: '[]',
        minutes: '',
        decisions: '[]',
        created_by: userId,
        version: 1,
        created_at: at,
        updated_at: at,
      });
      return id;
    };
    const mA = await meeting(tfA);
    const mB = await meeting(tfB);
    const mC = await meeting(tfC);
    const action = (
      meetingId: string,
      taskForceId: string,
      owner: string,
      due: string,
      status: 'open' | 'done' | 'dropped',
    ) => ({
      id: randomUUID(),
      meeting_id: meetingId,
      task_force_id: taskForceId,
      description: 'Tindak lanjut rahasia',
      owner_agency_id: owner,
      due_date: due,
      activity_id: null,
      status,
      status_note: '',
      closed_at: null,
      closed_by: null,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    for (const row of [
      // A in 2025: 3 open (all past due, so overdue), 2 done, 1 dropped; agencyA owns 4, agencyA2 owns 2
      action(mA, tfA, agencyA, '2025-03-01', 'open'),
      action(mA, tfA, agencyA, '2025-03-15', 'open'),
      action(mA, tfA, agencyA2, '2025-04-01', 'open'),
      action(mA, tfA, agencyA, '2025-03-02', 'done'),
      action(mA, tfA, agencyA, '2025-05-02', 'done'),
      action(mA, tfA, agencyA2, '2025-05-03', 'dropped'),
      // A in 2027: open but not yet due
      action(mA, tfA, agencyA, '2027-01-10', 'open'),
      // B in 2025: 4 open
      ...Array.from({ length: 4 }, () => action(mB, tfB, agencyB, '2025-06-01', 'open')),
      // C (another province) in 2025: 5 done
      ...Array.from({ length: 5 }, () => action(mC, tfC, agencyC, '2025-06-01', 'done')),
    ])
      await insertAction(db, env.deps.cipher, row);

    // Prevention activities (villages of kecamatan 53.10.01 and 53.10.02).
    const activity = (
      taskForceId: string,
      agencyId: string,
      heldOn: string,
      village: string,
      group: string,
      p: [number, number, number, number],
    ) => ({
      id: randomUUID(),
      task_force_id: taskForceId,
      agency_id: agencyId,
      held_on: heldOn,
      village_code: village,
      target_group: group,
      topic: 'Bahaya perekrutan ilegal',
      materials: '',
      activity_id: null,
      adult_male: p[0],
      adult_female: p[1],
      child_male: p[2],
      child_female: p[3],
      created_by: userId,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    await db
      .insertInto('prevention_activities')
      .values([
        activity(tfA, agencyA, '2025-03-05', '53.10.01.2001', 'students', [0, 0, 20, 25]),
        activity(tfA, agencyA, '2025-03-20', '53.10.01.2001', 'parents', [10, 12, 0, 0]),
        activity(tfA, agencyA, '2025-07-01', '53.10.01.2002', 'students', [0, 1, 30, 28]),
        activity(tfA, agencyA, '2025-08-01', '53.10.02.2001', 'prospective_migrants', [15, 5, 0, 0]),
        // the next year: outside 2025
        activity(tfA, agencyA, '2026-01-02', '53.10.02.2002', 'students', [0, 0, 9, 9]),
        activity(tfB, agencyB, '2025-04-04', '53.19.01.2001', 'village_officials', [7, 3, 0, 0]),
        activity(tfC, agencyC, '2025-04-04', '52.01.01.2001', 'students', [50, 50, 0, 0]),
      ])
      .execute();

    // The RAD of A for 2025-2029, with two sub-task forces and a programme without one.
    const sub = async (name: string) => {
      const id = randomUUID();
      await db
        .insertInto('sub_task_forces')
        .values({
          id,
          task_force_id: tfA,
          name,
          lead_agency_id: null,
          position: 1,
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return id;
    };
    subPrevention = await sub('Sub Gugus Tugas Pencegahan');
    subRehab = await sub('Sub Gugus Tugas Rehabilitasi');
    const planId = randomUUID();
    await db
      .insertInto('plans')
      .values({
        id: planId,
        task_force_id: tfA,
        title: 'RAD 2025-2029',
        start_year: 2025,
        end_year: 2029,
        period_kind: 'quarter',
        decree_id: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    // an older plan that no longer covers 2025 must not count
    const oldPlan = randomUUID();
    await db
      .insertInto('plans')
      .values({
        id: oldPlan,
        task_force_id: tfA,
        title: 'RAD 2020-2024',
        start_year: 2020,
        end_year: 2024,
        period_kind: 'quarter',
        decree_id: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const programme = async (plan: string, subId: string | null) => {
      const id = randomUUID();
      await db
        .insertInto('plan_programmes')
        .values({
          id,
          plan_id: plan,
          title: 'Program',
          sub_task_force_id: subId,
          horizon: 'short_term',
          position: 1,
          version: 1,
        })
        .execute();
      return id;
    };
    const activityOf = async (plan: string, programmeId: string, target2025: number) => {
      const id = randomUUID();
      await db
        .insertInto('plan_activities')
        .values({
          id,
          plan_id: plan,
          programme_id: programmeId,
          title: 'Kegiatan',
          indicator: 'Jumlah',
          unit: 'kegiatan',
          baseline: 0,
          targets: JSON.stringify([
            { year: 2025, value: target2025 },
            { year: 2026, value: 1 },
          ]),
          responsible_agency_id: agencyA,
          supporting_agency_ids: '[]',
          budgets: '[]',
          position: 1,
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return id;
    };
    const report = (
      plan: string,
      activityId: string,
      period: number,
      revision: number,
      realised: number,
    ) => ({
      id: randomUUID(),
      plan_id: plan,
      activity_id: activityId,
      agency_id: agencyA,
      year: 2025,
      period,
      revision,
      realised,
      budget_spent: 0,
      achievement: '',
      obstacles: '',
      intervention: '',
      intervention_agency_id: null,
      created_by: userId,
      created_at: at,
    });
    const pPrev = await programme(planId, subPrevention);
    const pRehab = await programme(planId, subRehab);
    const pNone = await programme(planId, null);
    const a1 = await activityOf(planId, pPrev, 10); // 5 of 10 in Q2, corrected to 6: 60%
    const a2 = await activityOf(planId, pPrev, 4); // 8 of 4: 200%, capped at 100%
    await activityOf(planId, pRehab, 10); // no report: no achievement
    const a4 = await activityOf(planId, pNone, 20); // Q1 10, then Q3 5 (the newest period counts): 25%
    const oldProgramme = await programme(oldPlan, subRehab);
    const old = await activityOf(oldPlan, oldProgramme, 1);
    await db
      .insertInto('progress_reports')
      .values([
        report(planId, a1, 2, 1, 5),
        report(planId, a1, 2, 2, 6),
        report(planId, a2, 1, 1, 8),
        report(planId, a4, 1, 1, 10),
        report(planId, a4, 3, 1, 5),
        report(oldPlan, old, 1, 1, 1),
      ])
      .execute();
  });
  afterAll(async () => env?.close());

  const get = async (s: Session | null, query: string) => call(env, s, 'GET', `/api/v1/stats/${query}`);
  const table = async (s: Session, query: string) => {
    const res = await get(s, `breakdown?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const rows: Record<string, (number | null)[]> = {};
    body.rowKeys.forEach((k: string, i: number) => {
      rows[k] = body.cells[i];
    });
    return { body, rows };
  };

  it('counts follow-up actions by status, overdue and owner agency, exactly for the coordinator', async () => {
    const status = await table(coordA, 'indicator=meeting_actions&dimension=action_status&year=2025');
    expect(status.body).toMatchObject({ exact: true, unit: 'action', grandTotal: 6 });
    expect(status.rows).toEqual({ open: [3], done: [2], dropped: [1] });
    const overdue = await table(
      coordA,
      'indicator=meeting_actions&dimension=action_overdue&series=action_status',
    );
    // all years: the 2027 action is open but not overdue
    expect(overdue.body.columnKeys).toEqual(['open', 'done', 'dropped']);
    expect(overdue.rows).toEqual({ overdue: [3, 0, 0], not_overdue: [1, 2, 1] });
    const owner = await table(coordA, 'indicator=meeting_actions&dimension=owner_agency&year=2025');
    expect(owner.rows[agencyA]).toEqual([4]);
    expect(owner.rows[agencyA2]).toEqual([2]);
    expect(owner.body.labels[agencyA]).toBeTruthy();
    const byMonth = await table(coordA, 'indicator=meeting_actions&dimension=month&year=2025&quarter=1');
    expect(byMonth.rows).toEqual({ '2025-03': [3] });
    // the description of an action never leaves through statistics
    expect(JSON.stringify(owner.body)).not.toContain('rahasia');
  });

  it('counts prevention activities, participants and villages reached', async () => {
    const acts = await table(coordA, 'indicator=prevention_activities&dimension=target_group&year=2025');
    expect(acts.body.grandTotal).toBe(4);
    expect(acts.rows.students).toEqual([2]);
    expect(acts.rows.parents).toEqual([1]);
    expect(acts.rows.prospective_migrants).toEqual([1]);
    const people = await table(
      coordA,
      'indicator=prevention_participants&dimension=sex&series=age_group&year=2025',
    );
    expect(people.body.columnKeys).toEqual(['child', 'adult']);
    expect(people.body.rowKeys).toEqual(['Male', 'Female']);
    expect(people.rows.Male).toEqual([50, 25]);
    expect(people.rows.Female).toEqual([53, 18]);
    expect(people.body.grandTotal).toBe(146);
    const byDistrict = await table(
      coordA,
      'indicator=prevention_participants&dimension=activity_district&year=2025',
    );
    expect(byDistrict.rows['53.10.01']).toEqual([126]);
    expect(byDistrict.rows['53.10.02']).toEqual([20]);
    // the kecamatan filter narrows prevention to the villages of that kecamatan
    const inDistrict = await table(
      coordA,
      'indicator=prevention_activities&dimension=village&year=2025&originDistrict=53.10.01',
    );
    expect(inDistrict.rows).toEqual({ '53.10.01.2001': [2], '53.10.01.2002': [1] });
    const villages = await table(coordA, 'indicator=villages_reached&dimension=activity_district&year=2025');
    expect(villages.rows).toEqual({ '53.10.01': [2], '53.10.02': [1] });
    // a village reached twice counts once; cells do not add up, so the total is the distinct villages
    expect(villages.body).toMatchObject({ multiValued: true, grandTotal: 3 });
    const byGroup = await table(coordA, 'indicator=villages_reached&dimension=target_group&year=2025');
    expect(byGroup.rows.students).toEqual([2]);
    expect(byGroup.rows.parents).toEqual([1]);
    expect(byGroup.body.grandTotal).toBe(3);
    const villagesAll = await table(coordA, 'indicator=villages_reached&dimension=year');
    expect(villagesAll.rows).toEqual({ '2025': [3], '2026': [1] });
  });

  it('gives RAD achievement per sub-task force as a percentage of the plan in force', async () => {
    const rad = await table(coordA, 'indicator=rad_achievement&dimension=sub_task_force&year=2025');
    expect(rad.body).toMatchObject({ unit: 'percent', grandTotal: null, multiValued: true });
    // mean of 60% and 100% (200% capped); nothing reported; 25% without a sub-task force
    expect(rad.rows[subPrevention]).toEqual([80]);
    expect(rad.rows[subRehab]).toEqual([null]);
    expect(rad.rows._unknown).toEqual([25]);
    expect(rad.body.labels[subPrevention]).toBe('Sub Gugus Tugas Pencegahan');
    const byTf = await table(analystP, 'indicator=rad_achievement&dimension=task_force&year=2025');
    // (60 + 100 + 25) / 3 = 61.7, for the one regency with a plan; shown to the province as it is
    expect(byTf.rows[tfA]).toEqual([61.7]);
    expect(Object.keys(byTf.rows)).toEqual([tfA]);
    // the spreadsheet says what a percentage is and writes "no report yet" rather than a count
    const xlsx = await get(
      coordA,
      'breakdown.xlsx?indicator=rad_achievement&dimension=sub_task_force&year=2025',
    );
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => {
      row.eachCell((cell) => {
        values.push(cell.value);
      });
    });
    expect(values).toEqual(
      expect.arrayContaining([
        'Sub Gugus Tugas Pencegahan',
        80,
        'belum ada laporan',
        'Tanpa sub gugus tugas',
        25,
      ]),
    );
    expect(values).not.toContain('< 3');
    const noYear = await get(coordA, 'breakdown?indicator=rad_achievement&dimension=sub_task_force');
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().error.fields.year).toMatch(/tahun/i);
    const district = await get(
      coordA,
      'breakdown?indicator=meeting_actions&dimension=action_status&originDistrict=53.10.01',
    );
    expect(district.statusCode).toBe(400);
    expect(district.json().error.fields.originDistrict).toMatch(/kecamatan/i);
  });

  it('protects small counts of the new indicators in a roll-up', async () => {
    const status = await table(analystP, 'indicator=meeting_actions&dimension=action_status&year=2025');
    expect(status.body).toMatchObject({ rollUp: true, exact: false, taskForceCount: 3 });
    // A 3 open + B 4 open = 7; done 2 and dropped 1 are small and hidden (two hidden: the total may show)
    expect(status.rows).toEqual({ open: [7], done: [null], dropped: [null] });
    expect(status.body.grandTotal).toBe(10);
    const byTf = await table(analystP, 'indicator=prevention_activities&dimension=task_force&year=2025');
    // B's single activity is small; A's 4 is hidden too, or 5 - 4 would give B away
    expect(byTf.rows[tfB]).toEqual([null]);
    expect(byTf.rows[tfA]).toEqual([null]);
    expect(byTf.body.masked.cells[byTf.body.rowKeys.indexOf(tfA)]).toEqual([true]);
    expect(byTf.body.grandTotal).toBe(5);
    expect(byTf.rows[tfC]).toBeUndefined();
  });

  it('lets a province narrow to a regency below it, never to one of another province', async () => {
    const list = await get(analystP, 'task-forces');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; name: string; level: string; own: boolean }[];
    expect(items.map((i) => i.id)).toEqual([tfP, tfA, tfB]);
    expect(items[0]).toMatchObject({ own: true, level: 'province' });
    expect(JSON.stringify(items)).not.toContain('Regensi C');
    const regencyList = (await get(analystA, 'task-forces')).json().items;
    expect(regencyList.map((i: { id: string }) => i.id)).toEqual([tfA]);

    const one = await table(
      analystP,
      `indicator=prevention_participants&dimension=target_group&year=2025&taskForceId=${tfB}`,
    );
    expect(one.body).toMatchObject({ taskForceCount: 1, rollUp: true, exact: false, grandTotal: 10 });
    const dash = await get(analystP, `dashboard?year=2025&taskForceId=${tfA}`);
    expect(dash.statusCode).toBe(200);
    expect(dash.json().taskForceCount).toBe(1);
    // another province's regency looks like it does not exist
    for (const q of [
      `breakdown?indicator=meeting_actions&dimension=action_status&taskForceId=${tfC}`,
      `dashboard?taskForceId=${tfC}`,
      `breakdown?indicator=rad_achievement&dimension=sub_task_force&year=2025&taskForceId=${tfC}`,
    ])
      expect((await get(analystP, q)).statusCode, q).toBe(404);
    expect((await get(analystQ, `dashboard?taskForceId=${tfA}`)).statusCode).toBe(404);
    expect((await get(analystA, `dashboard?taskForceId=${tfP}`)).statusCode).toBe(404);
    expect(
      (await get(analystP, 'breakdown?indicator=meeting_actions&dimension=action_status&taskForceId=nope'))
        .statusCode,
    ).toBe(400);
  });
});
