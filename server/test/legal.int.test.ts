import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchDeadlines } from '../src/modules/notifications/deadline-watch.service.js';
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

const SUSPECT_NIK = '5310030101900001';

describe.each(DB_KINDS)('legal track on %s', (kind) => {
  let env: TestEnv;
  let manager: Session; // case team, UPTD PPA (lead agency)
  let investigator: Session; // Polres, named by the case team
  let prosecutor: Session; // Kejari, receives the file at tahap II
  let coordinator: Session; // secretariat of the task force
  let outsider: Session; // investigator of another task force's police
  let otherAgency: Session; // case manager of another agency in the same task force
  let polresId: string;
  let taskForceId: string;
  let kejariId: string;
  let otherKejariId: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    taskForceId = tf.id;
    const uptd = await buildAgency(env, { taskForceId: tf.id });
    const polres = await buildAgency(env, {
      taskForceId: tf.id,
      sector: 'police',
      htcdsType: 'LawEnforcement',
    });
    const kejari = await buildAgency(env, {
      taskForceId: tf.id,
      sector: 'prosecution',
      htcdsType: 'LawEnforcement',
    });
    const dinsos = await buildAgency(env, { taskForceId: tf.id });
    const dp3a = await buildAgency(env, { taskForceId: tf.id });
    const otherTf = await buildTaskForce(env, '53.19');
    const otherPolice = await buildAgency(env, { taskForceId: otherTf.id, sector: 'police' });
    otherKejariId = (await buildAgency(env, { taskForceId: otherTf.id, sector: 'prosecution' })).id;
    polresId = polres.id;
    kejariId = kejari.id;
    manager = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    investigator = await signIn(
      env,
      (await buildUser(env, ['investigator'], { agencyId: polres.id })).username,
    );
    prosecutor = await signIn(
      env,
      (await buildUser(env, ['investigator'], { agencyId: kejari.id })).username,
    );
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: dp3a.id })).username);
    outsider = await signIn(
      env,
      (await buildUser(env, ['investigator'], { agencyId: otherPolice.id })).username,
    );
    otherAgency = await signIn(
      env,
      (await buildUser(env, ['case_manager'], { agencyId: dinsos.id })).username,
    );
  });
  afterAll(async () => env?.close());

  async function newCase() {
    const res = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-01-10T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'family',
      risk: 'high',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    const victim = await call(env, manager, 'POST', `/api/v1/cases/${c.id}/persons`, {
      role: 'victim',
      fullName: 'Agustinus Jehaut',
      sex: 'Male',
      estimatedAge: 22,
    });
    expect(victim.statusCode, victim.body).toBe(201);
    return { id: c.id as string, victimId: victim.json().person.id as string };
  }

  async function handToPolice(caseId: string) {
    const res = await call(env, manager, 'PUT', `/api/v1/cases/${caseId}/legal/police-agency`, {
      version: 0,
      policeAgencyId: polresId,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  async function stage(who: Session, caseId: string, body: Record<string, unknown>) {
    const track = (await call(env, who, 'GET', `/api/v1/cases/${caseId}/legal`)).json();
    return call(env, who, 'POST', `/api/v1/cases/${caseId}/legal/stages`, {
      version: track.version,
      ...body,
    });
  }

  async function report(caseId: string, victimIds: string[] = []) {
    const res = await call(env, investigator, 'POST', `/api/v1/cases/${caseId}/legal/reports`, {
      number: 'LP/B/12/I/2026/SPKT/Polres Manggarai',
      reportDate: '2026-01-12',
      unit: 'polres',
      type: 'B',
      victimIds,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  /** Walks a case from its police report to prosecution. */
  async function toProsecution(caseId: string) {
    await report(caseId);
    for (const [on, s] of [
      ['2026-01-20', 'penyidikan'],
      ['2026-03-01', 'p21'],
    ] as const)
      expect(
        (await stage(investigator, caseId, { stage: s, on, documentNumber: `B/${s}/2026` })).statusCode,
      ).toBe(201);
    expect(
      (
        await stage(investigator, caseId, {
          stage: 'tahap_ii',
          on: '2026-03-10',
          documentNumber: 'TAHAP-II/3/2026',
          prosecutionAgencyId: kejariId,
        })
      ).statusCode,
    ).toBe(201);
    const res = await stage(prosecutor, caseId, {
      stage: 'penuntutan',
      on: '2026-04-01',
      documentNumber: 'PDM-12/RTG/04/2026',
      charges: ['Pasal 2 ayat (1) UU 21/2007', 'Pasal 81 UU 18/2017'],
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  it('walks the track: the police report opens it, the prosecutor takes over at tahap II', async () => {
    const c = await newCase();
    // Before the case team names the police, the investigator cannot see the case's track.
    expect((await call(env, investigator, 'GET', `/api/v1/cases/${c.id}/legal`)).statusCode).toBe(404);
    await handToPolice(c.id);
    const opened = await report(c.id, [c.victimId]);
    expect(opened).toMatchObject({ stage: 'laporan_polisi', stageOn: '2026-01-12', version: 2 });
    expect(opened.reports[0]).toMatchObject({ unit: 'polres', type: 'B', victimIds: [c.victimId] });
    // The prosecutor sees nothing until the file is handed over.
    expect((await call(env, prosecutor, 'GET', `/api/v1/cases/${c.id}/legal`)).statusCode).toBe(404);
    await toProsecution(c.id);
    const track = (await call(env, prosecutor, 'GET', `/api/v1/cases/${c.id}/legal`)).json();
    expect(track.stages.map((s: { stage: string }) => s.stage)).toEqual([
      'laporan_polisi',
      'penyidikan',
      'p21',
      'tahap_ii',
      'penuntutan',
    ]);
    expect(track.stages[3].prosecutionAgency).toBeTruthy();
    expect(track.stages[4].charges).toHaveLength(2);
    expect(track.abilities).toMatchObject({ edit: true, nextStages: ['putusan'] });
    const verdict = await stage(prosecutor, c.id, {
      stage: 'putusan',
      on: '2026-06-01',
      documentNumber: '45/Pid.Sus/2026/PN Rtg',
      verdict: {
        court: 'PN Ruteng',
        outcome: 'guilty',
        prisonMonths: 36,
        fineRupiah: 120_000_000,
        servedOn: '2026-06-03',
      },
    });
    expect(verdict.statusCode, verdict.body).toBe(201);
    expect(verdict.json().stages[5].verdict).toMatchObject({
      outcome: 'guilty',
      prisonMonths: 36,
      subsidiaryMonths: 0,
    });
    const timeline = (await call(env, manager, 'GET', `/api/v1/cases/${c.id}/timeline`)).json();
    expect(timeline.items.filter((e: { kind: string }) => e.kind === 'legal_stage_recorded')).toHaveLength(6);
  });

  it('guards the stages: no verdict before prosecution, no P21 twice without P19, SP3 ends the track', async () => {
    const c = await newCase();
    await handToPolice(c.id);
    await report(c.id);
    const early = await stage(investigator, c.id, {
      stage: 'putusan',
      on: '2026-02-01',
      documentNumber: 'X',
      verdict: { court: 'PN Ruteng', outcome: 'guilty' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.stage).toMatch(/setelah penuntutan/);
    await stage(investigator, c.id, { stage: 'penyidikan', on: '2026-01-20', documentNumber: 'SPDP/1' });
    expect(
      (await stage(investigator, c.id, { stage: 'p21', on: '2026-02-01', documentNumber: 'P21/1' }))
        .statusCode,
    ).toBe(201);
    const twice = await stage(investigator, c.id, {
      stage: 'p21',
      on: '2026-02-02',
      documentNumber: 'P21/2',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields.stage).toMatch(/P19/);

    const d = await newCase();
    await handToPolice(d.id);
    await report(d.id);
    await stage(investigator, d.id, { stage: 'penyidikan', on: '2026-01-20', documentNumber: 'SPDP/2' });
    await stage(investigator, d.id, { stage: 'p19', on: '2026-02-01', documentNumber: 'P19/1' });
    expect(
      (await stage(investigator, d.id, { stage: 'p21', on: '2026-02-20', documentNumber: 'P21/3' }))
        .statusCode,
    ).toBe(201);

    const e = await newCase();
    await handToPolice(e.id);
    await report(e.id);
    const noReason = await stage(investigator, e.id, {
      stage: 'sp3',
      on: '2026-02-01',
      documentNumber: 'SP3/1',
    });
    expect(noReason.statusCode).toBe(400);
    expect(Object.keys(noReason.json().error.fields)).toEqual(['reason']);
    expect(
      (
        await stage(investigator, e.id, {
          stage: 'sp3',
          on: '2026-02-01',
          documentNumber: 'SP3/1',
          reason: 'Tidak cukup bukti',
        })
      ).statusCode,
    ).toBe(201);
    const after = await stage(investigator, e.id, {
      stage: 'penyidikan',
      on: '2026-02-02',
      documentNumber: 'X',
    });
    expect(after.statusCode).toBe(400);
    expect(
      (await call(env, investigator, 'GET', `/api/v1/cases/${e.id}/legal`)).json().abilities.nextStages,
    ).toEqual([]);
  });

  it('answers 400 with field messages in the language asked for, and 409 on a stale version', async () => {
    const c = await newCase();
    await handToPolice(c.id);
    const bad = await call(
      env,
      investigator,
      'POST',
      `/api/v1/cases/${c.id}/legal/reports`,
      { number: '', reportDate: '2026-13-01', unit: 'polsek-x', type: 'C' },
      { 'accept-language': 'en' },
    );
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['number', 'reportDate', 'type', 'unit']);
    expect(bad.json().error.fields.reportDate).toBe('Invalid date (YYYY-MM-DD).');
    const future = await call(env, investigator, 'POST', `/api/v1/cases/${c.id}/legal/reports`, {
      number: 'LP/B/1',
      reportDate: '2027-01-01',
      unit: 'polres',
      type: 'B',
    });
    expect(future.json().error.fields.reportDate).toBe('Tanggal tidak boleh di masa depan.');
    await report(c.id);
    const stale = await call(env, investigator, 'POST', `/api/v1/cases/${c.id}/legal/stages`, {
      version: 0,
      stage: 'penyidikan',
      on: '2026-01-20',
      documentNumber: 'SPDP/9',
    });
    expect(stale.statusCode).toBe(409);
    const missing = await stage(investigator, c.id, {
      stage: 'tahap_ii',
      on: '2026-01-20',
      documentNumber: 'x',
    });
    expect(missing.statusCode).toBe(400);
  });

  it('keeps suspects encrypted at rest, audits every read of their identities, and changes status over time', async () => {
    const c = await newCase();
    await handToPolice(c.id);
    await report(c.id);
    const created = await call(
      env,
      investigator,
      'POST',
      `/api/v1/cases/${c.id}/legal/suspects`,
      {
        kind: 'person',
        fullName: 'Yohanes Perekrut',
        nik: SUSPECT_NIK,
        birthDate: '1990-01-01',
        address: 'Dusun Wae Rebo',
        sex: 'Male',
        nationality: 'ID',
        roleInProcess: 'RecruiterOrIntermediary',
        relationToVictims: 'Family',
        status: 'tersangka',
        statusOn: '2026-01-25',
        detention: { from: '2026-01-25', place: 'Rutan Polres Manggarai' },
      },
      { 'idempotency-key': `suspect-${c.id}` },
    );
    expect(created.statusCode, created.body).toBe(201);
    const suspect = created.json();
    expect(suspect.identity).toMatchObject({ fullName: 'Yohanes Perekrut', nik: SUSPECT_NIK });
    const retry = await call(
      env,
      investigator,
      'POST',
      `/api/v1/cases/${c.id}/legal/suspects`,
      { kind: 'person', fullName: 'X Y', roleInProcess: 'Other', status: 'saksi', statusOn: '2026-01-25' },
      { 'idempotency-key': `suspect-${c.id}` },
    );
    expect(retry.json().id).toBe(suspect.id);
    const corp = await call(env, investigator, 'POST', `/api/v1/cases/${c.id}/legal/suspects`, {
      kind: 'corporation',
      companyName: 'PT Sawit Sejahtera Abadi',
      roleInProcess: 'Exploiter',
      status: 'tersangka',
      statusOn: '2026-02-01',
    });
    expect(corp.statusCode, corp.body).toBe(201);
    const noCompany = await call(env, investigator, 'POST', `/api/v1/cases/${c.id}/legal/suspects`, {
      kind: 'corporation',
      roleInProcess: 'Exploiter',
      status: 'tersangka',
      statusOn: '2026-02-01',
    });
    expect(noCompany.json().error.fields).toHaveProperty('companyName');

    const raw = await env.deps.db
      .selectFrom('legal_suspects')
      .selectAll()
      .where('id', '=', suspect.id)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(raw);
    for (const clear of ['Yohanes', SUSPECT_NIK, '1990-01-01', 'Wae Rebo'])
      expect(stored).not.toContain(clear);
    expect(raw.nik_hash).toBe(env.deps.cipher.blindIndex(SUSPECT_NIK, 'nik'));

    const before = (await auditEvents(env, 'legal.suspects_read')).filter((e) => e.entity_id === c.id).length;
    await call(env, manager, 'GET', `/api/v1/cases/${c.id}/legal`);
    expect((await auditEvents(env, 'legal.suspects_read')).filter((e) => e.entity_id === c.id).length).toBe(
      before + 1,
    );

    const moved = await call(
      env,
      investigator,
      'PATCH',
      `/api/v1/cases/${c.id}/legal/suspects/${suspect.id}`,
      {
        version: 1,
        status: 'terdakwa',
        statusOn: '2026-03-10',
        detention: { from: '2026-01-25', until: '2026-03-10', place: 'Rutan Polres Manggarai' },
      },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      status: 'terdakwa',
      statusHistory: [
        { status: 'tersangka', on: '2026-01-25' },
        { status: 'terdakwa', on: '2026-03-10' },
      ],
      detentions: [{ from: '2026-01-25', until: '2026-03-10' }],
      version: 2,
    });
    const stale = await call(
      env,
      investigator,
      'PATCH',
      `/api/v1/cases/${c.id}/legal/suspects/${suspect.id}`,
      {
        version: 1,
        status: 'terpidana',
        statusOn: '2026-06-01',
      },
    );
    expect(stale.statusCode).toBe(409);
    const updates = await auditEvents(env, 'legal.suspect_updated');
    expect(updates.some((e) => e.entity_id === c.id && e.details.includes(suspect.id))).toBe(true);
  });

  it('counts restitution owed as granted minus paid, never negative, with partial payments and the 14-day deadline', async () => {
    const c = await newCase();
    await handToPolice(c.id);
    await toProsecution(c.id);
    const opened = await call(env, investigator, 'POST', `/api/v1/cases/${c.id}/legal/restitutions`, {
      victimId: c.victimId,
      requestedOn: '2026-02-01',
      components: {
        lostIncomeOrProperty: 15_000_000,
        suffering: 10_000_000,
        medicalPsychological: 2_500_000,
        otherLosses: 500_000,
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    let r = opened.json().restitutions[0];
    expect(r).toMatchObject({
      requestedAmount: 28_000_000,
      status: 'requested',
      owed: 0,
      victimInitials: 'A.J.',
    });
    const patch = async (body: Record<string, unknown>) => {
      const res = await call(env, prosecutor, 'PATCH', `/api/v1/cases/${c.id}/legal/restitutions/${r.id}`, {
        version: r.version,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(200);
      r = res.json().restitutions[0];
      return r;
    };
    expect((await patch({ lpskAmount: 26_000_000, lpskOn: '2026-02-20' })).status).toBe('calculated');
    expect((await patch({ indictmentAmount: 26_000_000 })).status).toBe('in_indictment');
    expect(await patch({ grantedAmount: 25_000_000, servedOn: '2026-06-03' })).toMatchObject({
      status: 'granted',
      owed: 25_000_000,
      dueOn: '2026-06-17',
      overdue: true, // the test clock is November
    });
    const pay = async (amount: number, paidOn: string) => {
      const res = await call(
        env,
        prosecutor,
        'POST',
        `/api/v1/cases/${c.id}/legal/restitutions/${r.id}/payments`,
        {
          version: r.version,
          amount,
          paidOn,
        },
      );
      expect(res.statusCode, res.body).toBe(201);
      r = res.json().restitutions[0];
      return r;
    };
    expect(await pay(10_000_000, '2026-06-10')).toMatchObject({
      paid: 10_000_000,
      owed: 15_000_000,
      status: 'partially_paid',
    });
    const unpaid = (await call(env, prosecutor, 'GET', '/api/v1/legal/cases?view=unpaid')).json();
    expect(unpaid.items.map((i: { caseId: string }) => i.caseId)).toContain(c.id);
    // The deadline watch tells the case team that restitution is still owed past its deadline.
    expect((await watchDeadlines(env.deps)).restitutions).toBeGreaterThanOrEqual(1);
    await watchDeadlines(env.deps);
    const late = async (who: Session) =>
      (await call(env, who, 'GET', '/api/v1/notifications'))
        .json()
        .items.filter(
          (n: { kind: string; caseId: string }) => n.kind === 'restitution_overdue' && n.caseId === c.id,
        );
    expect(await late(manager)).toHaveLength(1);
    expect(await late(otherAgency)).toHaveLength(0);
    expect(await pay(20_000_000, '2026-06-12')).toMatchObject({
      paid: 30_000_000,
      owed: 0,
      status: 'paid',
      overdue: false,
    });
    const after = (await call(env, prosecutor, 'GET', '/api/v1/legal/cases?view=unpaid')).json();
    expect(after.items.map((i: { caseId: string }) => i.caseId)).not.toContain(c.id);
    // The case manager on the team reads what is owed; pg sums come back as numbers too.
    const seen = (await call(env, manager, 'GET', `/api/v1/cases/${c.id}/legal`)).json();
    expect(seen.restitutions[0]).toMatchObject({ grantedAmount: 25_000_000, paid: 30_000_000, owed: 0 });
    expect(seen.abilities.edit).toBe(false);
    const notGranted = await call(env, investigator, 'POST', `/api/v1/cases/${c.id}/legal/restitutions`, {
      victimId: c.victimId,
      requestedOn: '2026-02-01',
      components: {},
    });
    const other = notGranted.json().restitutions[1];
    const early = await call(
      env,
      prosecutor,
      'POST',
      `/api/v1/cases/${c.id}/legal/restitutions/${other.id}/payments`,
      {
        version: other.version,
        amount: 1,
        paidOn: '2026-06-10',
      },
    );
    expect(early.statusCode).toBe(400);
    const negative = await call(
      env,
      prosecutor,
      'POST',
      `/api/v1/cases/${c.id}/legal/restitutions/${other.id}/payments`,
      {
        version: other.version,
        amount: -5,
        paidOn: '2026-06-10',
      },
    );
    expect(negative.json().error.fields).toHaveProperty('amount');
  });

  it('counts the payment deadline by the task force’s own rule, working days and holidays included', async () => {
    const c = await newCase();
    await handToPolice(c.id);
    await toProsecution(c.id);
    let r = (
      await call(env, investigator, 'POST', `/api/v1/cases/${c.id}/legal/restitutions`, {
        victimId: c.victimId,
        requestedOn: '2026-02-01',
        components: { suffering: 5_000_000 },
      })
    ).json().restitutions[0];
    const granted = await call(env, prosecutor, 'PATCH', `/api/v1/cases/${c.id}/legal/restitutions/${r.id}`, {
      version: r.version,
      grantedAmount: 5_000_000,
      servedOn: '2026-06-05', // a Friday
    });
    expect(granted.statusCode, granted.body).toBe(200);
    r = granted.json().restitutions[0];
    expect(r.dueOn).toBe('2026-06-19'); // 14 calendar days, the default
    const rules = (
      await call(env, coordinator, 'GET', `/api/v1/taskforces/${taskForceId}/deadline-rules`)
    ).json();
    const put = (body: Record<string, unknown>) =>
      call(env, coordinator, 'PUT', `/api/v1/taskforces/${taskForceId}/deadline-rules`, body);
    const changed = await put({
      version: rules.version,
      rules: [{ key: 'restitution_payment', amount: 10, unit: 'working_days' }],
      holidays: [{ date: '2026-06-08', name: 'Libur daerah' }],
      followUpMonths: rules.followUpMonths,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    try {
      const seen = (await call(env, prosecutor, 'GET', `/api/v1/cases/${c.id}/legal`)).json();
      // Ten working days from Friday 5 June, skipping weekends and the holiday of Monday 8 June.
      expect(seen.restitutions[0]).toMatchObject({ dueOn: '2026-06-22', overdue: true });
    } finally {
      const back = await put({
        version: changed.json().version,
        rules: [],
        holidays: rules.holidays,
        followUpMonths: rules.followUpMonths,
      });
      expect(back.statusCode, back.body).toBe(200);
    }
  });

  it('watches a child victim’s restitution requirements: three days from the notice, only for children', async () => {
    const c = await newCase();
    const child = await call(env, manager, 'POST', `/api/v1/cases/${c.id}/persons`, {
      role: 'victim',
      fullName: 'Maria Goreti Nggoa',
      sex: 'Female',
      estimatedAge: 15,
    });
    expect(child.statusCode, child.body).toBe(201);
    const childId = child.json().person.id as string;
    await handToPolice(c.id);
    const open = async (victimId: string) => {
      const res = await call(env, investigator, 'POST', `/api/v1/cases/${c.id}/legal/restitutions`, {
        victimId,
        requestedOn: '2026-05-20',
        components: { medicalPsychological: 3_000_000 },
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json().restitutions as { id: string; victimId: string; version: number }[]).find(
        (r) => r.victimId === victimId,
      )!;
    };
    const adult = await open(c.victimId);
    const refused = await call(
      env,
      investigator,
      'PATCH',
      `/api/v1/cases/${c.id}/legal/restitutions/${adult.id}`,
      {
        version: adult.version,
        requirementsNoticeOn: '2026-06-01',
      },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.requirementsNoticeOn).toMatch(/korban anak/);
    const minor = await open(childId);
    const patch = (body: Record<string, unknown>) =>
      call(env, investigator, 'PATCH', `/api/v1/cases/${c.id}/legal/restitutions/${minor.id}`, body);
    const backwards = await patch({
      version: minor.version,
      requirementsNoticeOn: '2026-06-01',
      requirementsCompletedOn: '2026-05-30',
    });
    expect(backwards.json().error.fields.requirementsCompletedOn).toBeDefined();
    const noticed = await patch({ version: minor.version, requirementsNoticeOn: '2026-06-01' });
    expect(noticed.statusCode, noticed.body).toBe(200);
    const view = noticed.json().restitutions.find((r: { id: string }) => r.id === minor.id);
    expect(view).toMatchObject({
      childVictim: true,
      requirementsDueOn: '2026-06-04',
      requirementsOverdue: true, // the test clock is November
    });
    expect((await watchDeadlines(env.deps)).childRequirements).toBeGreaterThanOrEqual(1);
    const notes = (await call(env, manager, 'GET', '/api/v1/notifications')).json();
    expect(
      notes.items.filter(
        (n: { kind: string; caseId: string }) =>
          n.kind === 'restitution_requirements_overdue' && n.caseId === c.id,
      ),
    ).toHaveLength(1);
    const done = await patch({ version: view.version, requirementsCompletedOn: '2026-06-03' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().restitutions.find((r: { id: string }) => r.id === minor.id)).toMatchObject({
      requirementsCompletedOn: '2026-06-03',
      requirementsOverdue: false,
    });
  });

  it('records LPSK protection: applied, then granted with kinds and a period', async () => {
    const c = await newCase();
    await handToPolice(c.id);
    const applied = await call(env, investigator, 'POST', `/api/v1/cases/${c.id}/legal/protections`, {
      personId: c.victimId,
      appliedOn: '2026-01-15',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const p = applied.json().protections[0];
    expect(p).toMatchObject({ decision: 'pending', personRole: 'victim' });
    const noDate = await call(env, investigator, 'PATCH', `/api/v1/cases/${c.id}/legal/protections/${p.id}`, {
      version: 1,
      decision: 'granted',
    });
    expect(noDate.json().error.fields).toHaveProperty('decidedOn');
    const granted = await call(
      env,
      investigator,
      'PATCH',
      `/api/v1/cases/${c.id}/legal/protections/${p.id}`,
      {
        version: 1,
        decision: 'granted',
        decidedOn: '2026-02-01',
        kinds: ['physical', 'safe_house'],
        from: '2026-02-01',
        until: '2026-08-01',
      },
    );
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().protections[0]).toMatchObject({
      decision: 'granted',
      kinds: ['physical', 'safe_house'],
    });
  });

  it('lets each role do what the access rules say, and other agencies get 404', async () => {
    const c = await newCase();
    await handToPolice(c.id);
    await report(c.id);
    await call(env, investigator, 'POST', `/api/v1/cases/${c.id}/legal/suspects`, {
      kind: 'person',
      fullName: 'Rofinus Penampung',
      roleInProcess: 'HarbouredIndividual',
      status: 'tersangka',
      statusOn: '2026-01-25',
    });
    const get = (s: Session) => call(env, s, 'GET', `/api/v1/cases/${c.id}/legal`);
    // Investigator of the named police: edits, sees identities.
    expect((await get(investigator)).json().abilities).toMatchObject({ edit: true, viewIdentity: true });
    // Case manager on the team: reads with identities, cannot edit.
    const m = (await get(manager)).json();
    expect(m.abilities).toMatchObject({ edit: false, viewIdentity: true, assignPolice: true });
    expect(m.suspects[0].identity.fullName).toBe('Rofinus Penampung');
    expect(
      (
        await call(env, manager, 'POST', `/api/v1/cases/${c.id}/legal/stages`, {
          version: 1,
          stage: 'penyidikan',
          on: '2026-01-20',
          documentNumber: 'x',
        })
      ).statusCode,
    ).toBe(403);
    // Coordinator: stage and counts, never suspects' identities.
    const co = (await get(coordinator)).json();
    expect(co.stage).toBe('laporan_polisi');
    expect(co.suspects).toHaveLength(1);
    expect(co.suspects[0].identity).toBeNull();
    expect(JSON.stringify(co)).not.toContain('Rofinus');
    expect(co.abilities).toMatchObject({ edit: false, viewIdentity: false });
    // The prosecutor before tahap II, another agency of the task force and another task force's police: 404.
    for (const s of [prosecutor, otherAgency, outsider]) expect((await get(s)).statusCode).toBe(404);
    expect(
      (
        await call(env, outsider, 'POST', `/api/v1/cases/${c.id}/legal/reports`, {
          number: 'LP/A/1',
          reportDate: '2026-01-12',
          unit: 'polres',
          type: 'A',
        })
      ).statusCode,
    ).toBe(404);
    // The police agency must be a police agency of the case's task force; tahap II a prosecution office of it.
    const wrongPolice = await call(env, manager, 'PUT', `/api/v1/cases/${c.id}/legal/police-agency`, {
      version: (await get(manager)).json().version,
      policeAgencyId: kejariId,
    });
    expect(wrongPolice.json().error.fields).toHaveProperty('policeAgencyId');
    await stage(investigator, c.id, { stage: 'penyidikan', on: '2026-01-20', documentNumber: 'SPDP/7' });
    await stage(investigator, c.id, { stage: 'p21', on: '2026-02-20', documentNumber: 'P21/7' });
    const wrongOffice = await stage(investigator, c.id, {
      stage: 'tahap_ii',
      on: '2026-03-01',
      documentNumber: 'T2/7',
      prosecutionAgencyId: otherKejariId,
    });
    expect(wrongOffice.json().error.fields.prosecutionAgencyId).toBeTruthy();
    // Lists: the coordinator sees the task force's tracks; the other task force's police sees none of them.
    const list = (await call(env, coordinator, 'GET', '/api/v1/legal/cases')).json();
    expect(list.items.map((i: { caseId: string }) => i.caseId)).toContain(c.id);
    const foreign = (await call(env, outsider, 'GET', '/api/v1/legal/cases')).json();
    expect(foreign.items.map((i: { caseId: string }) => i.caseId)).not.toContain(c.id);
  });

  it('lets the police edit the track of a case referred to their agency once the referral is accepted', async () => {
    const c = await newCase();
    const get = () => call(env, investigator, 'GET', `/api/v1/cases/${c.id}/legal`);
    expect((await get()).statusCode).toBe(404);
    const caseRow = await env.deps.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const now = '2026-11-28T01:00:00.000Z';
    const referral = {
      id: crypto.randomUUID(),
      case_id: c.id,
      from_agency_id: caseRow.lead_agency_id,
      to_agency_id: polresId,
      from_task_force_id: caseRow.task_force_id,
      to_task_force_id: caseRow.task_force_id,
      status: 'pending',
      services: '[]',
      reason: 'law_enforcement',
      urgency: 'normal',
      sent_by: caseRow.created_by,
      sent_at: now,
      response_due_at: now,
      version: 1,
      updated_at: now,
    };
    await env.deps.db.insertInto('referrals').values(referral).execute();
    expect((await get()).statusCode).toBe(404); // pending: not yet the police's case
    await env.deps.db
      .updateTable('referrals')
      .set({ status: 'accepted' })
      .where('id', '=', referral.id)
      .execute();
    expect((await get()).json().abilities).toMatchObject({ edit: true, viewIdentity: true });
    await report(c.id);
  });

  it('lists stalled tracks after the configurable number of days', async () => {
    const allRes = await call(env, investigator, 'GET', '/api/v1/legal/cases');
    expect(allRes.statusCode, allRes.body).toBe(200);
    const all = allRes.json();
    expect(all.total).toBeGreaterThan(0);
    expect(all.stalledDays).toBe(60);
    // Every track in this file last moved in 2026 before June; the clock is 28 November.
    const stalled = (await call(env, investigator, 'GET', '/api/v1/legal/cases?view=stalled')).json();
    expect(stalled.items.every((i: { stage: string }) => !['sp3', 'eksekusi'].includes(i.stage))).toBe(true);
    expect(stalled.items.length).toBeGreaterThan(0);
    const none = (
      await call(env, investigator, 'GET', '/api/v1/legal/cases?view=stalled&stalledDays=3000')
    ).json();
    expect(none.items).toHaveLength(0);
    const byStage = (await call(env, investigator, 'GET', '/api/v1/legal/cases?stage=sp3')).json();
    expect(byStage.items.every((i: { stage: string }) => i.stage === 'sp3')).toBe(true);
    expect(byStage.items.length).toBe(1);
  });
});
