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

describe.each(DB_KINDS)('repatriation, reintegration and case conferences on %s', (kind) => {
  let env: TestEnv;
  let manager: Session;
  let dinsos: Session;
  let outsider: Session;
  let leadership: Session;
  let dinsosId: string;
  let bp3miId: string;
  let caseId: string;
  let childId: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    const uptd = await buildAgency(env, { taskForceId: tf.id });
    const dinsosAgency = await buildAgency(env, { taskForceId: tf.id, shortName: 'DINSOS RT' });
    dinsosId = dinsosAgency.id;
    bp3miId = (await buildAgency(env, { taskForceId: tf.id, shortName: 'BP3MI RT' })).id;
    manager = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    dinsos = await signIn(env, (await buildUser(env, ['service_provider'], { agencyId: dinsosId })).username);
    outsider = await signIn(env, (await buildUser(env, ['case_manager'])).username);
    leadership = await signIn(env, (await buildUser(env, ['leadership'], { agencyId: uptd.id })).username);
    const c = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'pmi_deportee',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'referral',
      reportingParty: 'agency',
      risk: 'medium',
    });
    expect(c.statusCode, c.body).toBe(201);
    caseId = c.json().id;
    const p = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'victim',
      fullName: 'Kornelis Deportasi Jehaut',
      sex: 'Male',
      estimatedAge: 16,
    });
    childId = p.json().person.id;
  });
  afterAll(async () => env?.close());

  it('records the repatriation chain Nunukan -> Kupang -> Ruteng -> village, escort required for a child', async () => {
    const legs = [
      {
        from: 'MY',
        to: '65.03',
        agencyId: bp3miId,
        plannedDate: '2026-11-20',
        actualDate: '2026-11-20',
        transport: 'Kapal',
      },
      {
        from: '65.03',
        to: '53.71',
        agencyId: bp3miId,
        plannedDate: '2026-11-23',
        actualDate: '2026-11-24',
        transport: 'Pesawat',
        cost: 1850000,
        paidBy: 'BP3MI',
        escort: 'Petugas BP3MI',
      },
      {
        from: '53.71',
        to: '53.10',
        agencyId: dinsosId,
        plannedDate: '2026-11-26',
        escort: 'Pekerja sosial Dinsos',
      },
      { from: '53.10', to: '53.10.06.2001', agencyId: dinsosId, plannedDate: '2026-11-30' },
    ];
    expect(
      (
        await call(env, manager, 'POST', `/api/v1/cases/${caseId}/repatriation-legs`, {
          ...legs[0],
          personId: childId,
          from: 'XX',
        })
      ).statusCode,
    ).toBe(400);
    let last: {
      legs: { toName: string; escortRequired: boolean; escortMissing: boolean; from: string }[];
    } | null = null;
    for (const leg of legs) {
      const res = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/repatriation-legs`, {
        ...leg,
        personId: childId,
      });
      expect(res.statusCode, res.body).toBe(201);
      last = res.json();
    }
    expect(last!.legs.map((l) => l.from)).toEqual(['MY', '65.03', '53.71', '53.10']);
    expect(last!.legs.every((l) => l.escortRequired)).toBe(true);
    expect(last!.legs.map((l) => l.escortMissing)).toEqual([true, false, false, true]);
    expect(last!.legs[1]!.toName).toMatch(/KUPANG/i);
    expect((await call(env, outsider, 'GET', `/api/v1/cases/${caseId}/reintegration`)).statusCode).toBe(404);
    const seen = (await call(env, leadership, 'GET', `/api/v1/cases/${caseId}/reintegration`)).json();
    expect(seen.legs[1].escort).toBeNull();
    expect(seen.abilities.edit).toBe(false);
    expect(
      (await auditEvents(env, 'repatriation.leg_added')).filter((e) => e.entity_id === caseId),
    ).toHaveLength(4);

    // The hand-over report (berita acara serah terima) is a document of the case, attached to its leg.
    const body = multipart('BA serah terima Kupang.pdf', Buffer.from('%PDF-1.4\n% BA serah terima\n%%EOF'));
    const uploaded = await env.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/documents`,
      payload: body.payload,
      headers: { ...body.headers, cookie: manager.cookie, 'x-csrf-token': manager.csrf },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const current = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/reintegration`)).json();
    const third = current.legs[2];
    const unknown = await call(env, manager, 'PATCH', `/api/v1/repatriation-legs/${third.id}`, {
      version: third.version,
      handoverDocumentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.handoverDocumentId).toMatch(/tidak ada pada kasus ini/);
    const handed = await call(env, manager, 'PATCH', `/api/v1/repatriation-legs/${third.id}`, {
      version: third.version,
      actualDate: '2026-11-26',
      handoverDocumentId: uploaded.json().id,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json().legs[2]).toMatchObject({
      actualDate: '2026-11-26',
      handoverDocumentId: uploaded.json().id,
    });
  });

  it('schedules follow-ups at 1, 3, 6 and 12 months; a re-migrated or re-trafficked person flags the case', async () => {
    const res = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/reintegration-plans`, {
      personId: childId,
      supportType: 'economic',
      providerAgencyId: dinsosId,
      amount: 2500000,
      items: 'Satu set alat cukur (barber kit)',
      startDate: '2026-01-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json().plans[0];
    expect(plan.visits.map((v: { dueDate: string }) => v.dueDate)).toEqual([
      '2026-02-28',
      '2026-04-30',
      '2026-07-31',
      '2027-01-31',
    ]);
    expect(plan.visits.slice(0, 3).every((v: { overdue: boolean }) => v.overdue)).toBe(true);
    // The providing agency sees its due visits on My work and records them.
    const work = (await call(env, dinsos, 'GET', '/api/v1/my-work')).json();
    expect(work.followUps.filter((f: { caseId: string }) => f.caseId === caseId)).toHaveLength(3);
    const notes = (await call(env, dinsos, 'GET', '/api/v1/notifications')).json();
    expect(notes.items.filter((n: { kind: string }) => n.kind === 'follow_up_overdue')).toHaveLength(3);
    await call(env, dinsos, 'GET', '/api/v1/my-work');
    const again = (await call(env, dinsos, 'GET', '/api/v1/notifications')).json();
    expect(again.items.filter((n: { kind: string }) => n.kind === 'follow_up_overdue')).toHaveLength(3);
    const [m1, , m6] = plan.visits;
    const bad = await call(env, dinsos, 'POST', `/api/v1/follow-up-visits/${m1.id}`, {
      version: 1,
      visitedOn: '2026-03-02',
      situation: 'bored',
      findings: '',
    });
    expect(bad.statusCode).toBe(400);
    const v1 = await call(env, dinsos, 'POST', `/api/v1/follow-up-visits/${m1.id}`, {
      version: 1,
      visitedOn: '2026-03-02',
      situation: 'working',
      findings: 'Sudah membuka usaha cukur di pasar desa.',
      nextStep: 'Kunjungan bulan ketiga',
    });
    expect(v1.statusCode, v1.body).toBe(200);
    expect(
      (
        await call(env, dinsos, 'POST', `/api/v1/follow-up-visits/${m1.id}`, {
          version: 1,
          visitedOn: '2026-03-02',
          situation: 'working',
          findings: 'x',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await call(env, outsider, 'POST', `/api/v1/follow-up-visits/${m6.id}`, {
          version: 1,
          visitedOn: '2026-08-01',
          situation: 'working',
          findings: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const v6 = await call(env, dinsos, 'POST', `/api/v1/follow-up-visits/${m6.id}`, {
      version: 1,
      visitedOn: '2026-08-01',
      situation: 're_migrated',
      findings: 'Menurut keluarga, berangkat lagi ke Malaysia bulan lalu.',
    });
    expect(v6.statusCode).toBe(200);
    const after = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/reintegration`)).json();
    expect(after.flags.map((f: { flag: string }) => f.flag)).toEqual(['remigrated']);
    expect(after.plans[0].visits[2]).toMatchObject({
      situation: 're_migrated',
      findings: expect.stringContaining('Malaysia'),
    });
    const m3 = after.plans[0].visits[1];
    await call(env, manager, 'POST', `/api/v1/follow-up-visits/${m3.id}`, {
      version: 1,
      visitedOn: '2026-05-02',
      situation: 're_trafficked',
      findings: 'Direkrut lagi oleh perekrut yang sama.',
    });
    const flagged = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/reintegration`)).json();
    expect(flagged.flags.map((f: { flag: string }) => f.flag).sort()).toEqual(['remigrated', 'retrafficked']);
    // The flags stand on the case itself, for everyone who opens it.
    const detail = (await call(env, leadership, 'GET', `/api/v1/cases/${caseId}`)).json();
    expect(detail.flags.map((f: { flag: string }) => f.flag)).toEqual(['remigrated', 'retrafficked']);
    const timeline = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/timeline`)).json();
    expect(timeline.items.filter((e: { kind: string }) => e.kind === 'case_flagged')).toHaveLength(2);
  });

  it('records a case conference whose actions feed the owner agency’s My work', async () => {
    const res = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/conferences`, {
      heldOn: '2026-11-27',
      agencyIds: [dinsosId, bp3miId],
      summary: 'Pembahasan pemulangan dan reintegrasi.',
      decisions: 'Dinsos menyiapkan pendampingan keluarga.',
      actions: [{ description: 'Asesmen keluarga di desa', ownerAgencyId: dinsosId, dueDate: '2026-12-04' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const conf = res.json().items[0];
    expect(conf.agencies).toEqual(['DINSOS RT', 'BP3MI RT']);
    const work = (await call(env, dinsos, 'GET', '/api/v1/my-work')).json();
    const action = work.actions.find((a: { caseId: string }) => a.caseId === caseId);
    expect(action).toMatchObject({ description: 'Asesmen keluarga di desa', overdue: false });
    expect(work.counts.actionsOpen).toBe(1);
    expect(
      (await call(env, outsider, 'POST', `/api/v1/conference-actions/${action.id}/done`, { version: 1 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(env, dinsos, 'POST', `/api/v1/conference-actions/${action.id}/done`, { version: 1 }))
        .statusCode,
    ).toBe(200);
    expect((await call(env, dinsos, 'GET', '/api/v1/my-work')).json().counts.actionsOpen).toBe(0);
    expect(
      (await call(env, leadership, 'GET', `/api/v1/cases/${caseId}/conferences`)).json().items[0].summary,
    ).toBeNull();
    expect((await call(env, dinsos, 'GET', `/api/v1/cases/${caseId}/conferences`)).statusCode).toBe(404);
  });
});
