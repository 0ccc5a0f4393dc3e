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

describe.each(DB_KINDS)('referrals on %s', (kind) => {
  let env: TestEnv;
  let manager: Session; // UPTD PPA case manager, on the case team
  let managerName: string;
  let rsudName: string;
  let coordinator: Session; // secretariat (DP3A) of the same task force
  let dinsosA: Session; // Dinas Sosial workers
  let dinsosB: Session;
  let dinsosBId: string;
  let rsud: Session; // a third agency, never referred to
  let nunukanWorker: Session; // an agency of another task force
  let uptdId: string;
  let dinsosId: string;
  let rsudId: string;
  let nunukanId: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    const uptd = await buildAgency(env, { taskForceId: tf.id, shortName: 'UPTD PPA R' });
    const dp3a = await buildAgency(env, { taskForceId: tf.id });
    const dinsos = await buildAgency(env, { taskForceId: tf.id, shortName: 'DINSOS R' });
    const rsudAgency = await buildAgency(env, { taskForceId: tf.id, shortName: 'RSUD R', sector: 'health' });
    const nunukanTf = await buildTaskForce(env, '65.03');
    const nunukan = await buildAgency(env, {
      taskForceId: nunukanTf.id,
      shortName: 'DINSOS NNK',
      regionCode: '65.03',
    });
    uptdId = uptd.id;
    dinsosId = dinsos.id;
    rsudId = rsudAgency.id;
    nunukanId = nunukan.id;
    managerName = (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username;
    manager = await signIn(env, managerName);
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: dp3a.id })).username);
    dinsosA = await signIn(
      env,
      (await buildUser(env, ['service_provider'], { agencyId: dinsos.id })).username,
    );
    const b = await buildUser(env, ['service_provider'], { agencyId: dinsos.id });
    dinsosBId = b.id;
    dinsosB = await signIn(env, b.username);
    rsudName = (await buildUser(env, ['service_provider'], { agencyId: rsudAgency.id })).username;
    rsud = await signIn(env, rsudName);
    nunukanWorker = await signIn(
      env,
      (await buildUser(env, ['case_manager'], { agencyId: nunukan.id })).username,
    );
  });
  afterAll(async () => env?.close());

  async function caseWithVictim(consentFor: string[] | null) {
    const c = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'family',
      risk: 'high',
    });
    expect(c.statusCode, c.body).toBe(201);
    const caseId = c.json().id as string;
    const p = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'victim',
      fullName: 'Yosef Rujukan Jehadu',
      sex: 'Male',
      estimatedAge: 17,
      phone: '+6281234567890',
    });
    expect(p.statusCode, p.body).toBe(201);
    const personId = p.json().person.id as string;
    const other = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'victim',
      fullName: 'Kristina Tidak Dirujuk',
      sex: 'Female',
      estimatedAge: 19,
    });
    if (consentFor) {
      const r = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/persons/${personId}/consents`, {
        scopes: ['data_management', 'services', 'sharing'],
        sharingAgencyIds: consentFor,
        givenOn: '2026-11-27',
        givenBy: 'guardian',
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    return { caseId, personId, otherPersonId: other.json().person.id as string };
  }

  const referral = (caseId: string, personId: string, over: Record<string, unknown> = {}) => ({
    caseId,
    toAgencyId: dinsosId,
    personIds: [personId],
    services: ['shelter', 'family_tracing'],
    reason: 'AdditionalServicesRequired',
    urgency: 'high',
    details: 'Perlu rumah aman dan asesmen keluarga.',
    ...over,
  });

  it('refuses anonymous callers, analysts-like roles without the permission, and bad bodies', async () => {
    expect((await call(env, null, 'GET', '/api/v1/referrals')).statusCode).toBe(401);
    expect((await call(env, dinsosA, 'POST', '/api/v1/referrals', {})).statusCode).toBe(403);
    const bad = await call(env, manager, 'POST', '/api/v1/referrals', { caseId: 'x', services: ['spa'] });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(
      expect.arrayContaining(['caseId', 'services.0', 'reason']),
    );
  });

  it('refuses a referral without consent covering services and sharing with the agency, in Indonesian and English', async () => {
    const { caseId, personId } = await caseWithVictim([rsudId]);
    const res = await call(env, manager, 'POST', '/api/v1/referrals', referral(caseId, personId));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['personIds.0']).toMatch(/belum memiliki persetujuan/);
    const en = await call(env, manager, 'POST', '/api/v1/referrals', referral(caseId, personId), {
      'accept-language': 'en',
    });
    expect(en.json().error.fields['personIds.0']).toMatch(/no current consent/);
    // A case manager cannot override; a coordinator can, with a reason, audited and listed for review.
    const notCoordinator = await call(
      env,
      manager,
      'POST',
      '/api/v1/referrals',
      referral(caseId, personId, { consentOverrideReason: 'Anak dalam bahaya' }),
    );
    expect(notCoordinator.statusCode).toBe(400);
    expect(notCoordinator.json().error.fields.consentOverrideReason).toBeDefined();
    const over = await call(
      env,
      coordinator,
      'POST',
      '/api/v1/referrals',
      referral(caseId, personId, { consentOverrideReason: 'Anak dalam bahaya, wali tidak dapat dihubungi' }),
    );
    expect(over.statusCode, over.body).toBe(201);
    expect(over.json().consentOverride).toMatchObject({
      reason: 'Anak dalam bahaya, wali tidak dapat dihubungi',
    });
    expect(
      (await auditEvents(env, 'referral.consent_override')).some((e) => e.entity_id === over.json().id),
    ).toBe(true);
    const review = await call(env, coordinator, 'GET', '/api/v1/referrals?box=overrides');
    expect(review.json().items.map((r: { id: string }) => r.id)).toContain(over.json().id);
    expect((await call(env, manager, 'GET', '/api/v1/referrals?box=overrides')).statusCode).toBe(403);
  });

  it('runs the whole lifecycle with the receiving agency seeing only what is referred, before, during and after', async () => {
    const { caseId, personId, otherPersonId } = await caseWithVictim([dinsosId]);
    // Before: nothing.
    expect((await call(env, dinsosA, 'GET', `/api/v1/cases/${caseId}/services`)).statusCode).toBe(404);
    const sent = await call(env, manager, 'POST', '/api/v1/referrals', referral(caseId, personId), {
      'idempotency-key': `ref-${caseId}`,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const again = await call(env, manager, 'POST', '/api/v1/referrals', referral(caseId, personId), {
      'idempotency-key': `ref-${caseId}`,
    });
    expect(again.json().id).toBe(sent.json().id);
    const r = sent.json();
    expect(r).toMatchObject({ status: 'pending', toAgency: 'DINSOS R', side: 'sender' });
    // Two working days from Saturday 28 November (WITA): end of Tuesday 1 December.
    expect(r.responseDueAt).toBe('2026-12-01T15:59:59.999Z');

    // Pending: in the incoming queue, initials only, no names; the case itself stays 404.
    const queue = (await call(env, dinsosA, 'GET', '/api/v1/referrals?box=incoming&status=pending')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(r.id);
    const pending = (await call(env, dinsosA, 'GET', `/api/v1/referrals/${r.id}`)).json();
    expect(pending.persons).toEqual([
      expect.objectContaining({ id: personId, initials: 'Y.R.J.', fullName: null }),
    ]);
    expect(pending.abilities).toMatchObject({ accept: true, decline: true, revoke: false });
    for (const url of [
      `/api/v1/cases/${caseId}`,
      `/api/v1/cases/${caseId}/persons`,
      `/api/v1/cases/${caseId}/timeline`,
    ])
      expect((await call(env, dinsosA, 'GET', url)).statusCode).toBe(404);
    const myWork = (await call(env, dinsosA, 'GET', '/api/v1/my-work')).json();
    expect(myWork.counts.referralsWaiting).toBeGreaterThanOrEqual(1);
    const notes = (await call(env, dinsosB, 'GET', '/api/v1/notifications')).json();
    expect(
      notes.items.some(
        (n: { referralId: string; kind: string }) => n.referralId === r.id && n.kind === 'referral_received',
      ),
    ).toBe(true);

    const workers = await call(env, dinsosA, 'GET', `/api/v1/referrals/${r.id}/workers`);
    expect(workers.json().items.map((w: { id: string }) => w.id)).toContain(dinsosBId);
    expect((await call(env, manager, 'GET', `/api/v1/referrals/${r.id}/workers`)).statusCode).toBe(403);
    expect((await call(env, rsud, 'GET', `/api/v1/referrals/${r.id}/workers`)).statusCode).toBe(404);
    // Concurrent accept: one wins, the other gets 409.
    const [a, b] = await Promise.all([
      call(env, dinsosA, 'POST', `/api/v1/referrals/${r.id}/accept`, { version: 1 }),
      call(env, dinsosB, 'POST', `/api/v1/referrals/${r.id}/accept`, {
        version: 1,
        assignedUserId: dinsosBId,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const accepted = (a.statusCode === 200 ? a : b).json();
    expect(accepted.status).toBe('accepted');

    // Accepted: the referred person's name and phone, nothing of the other victim or the rest of the case.
    const during = (await call(env, dinsosA, 'GET', `/api/v1/referrals/${r.id}`)).json();
    expect(during.persons[0]).toMatchObject({
      fullName: 'Yosef Rujukan Jehadu',
      phone: expect.stringContaining('81234567890'),
    });
    expect((await auditEvents(env, 'referral.read')).some((e) => e.entity_id === r.id)).toBe(true);
    const plan = (await call(env, dinsosA, 'GET', `/api/v1/cases/${caseId}/services`)).json();
    expect(plan.persons.map((p: { personId: string }) => p.personId)).toEqual([personId]);
    expect(plan.persons.map((p: { personId: string }) => p.personId)).not.toContain(otherPersonId);
    expect(plan.services).toHaveLength(2);
    expect(plan.services.every((s: { status: string }) => s.status === 'accepted')).toBe(true);
    expect((await call(env, dinsosA, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    // A third agency and another task force see nothing.
    for (const s of [rsud, nunukanWorker]) {
      expect((await call(env, s, 'GET', `/api/v1/referrals/${r.id}`)).statusCode).toBe(404);
      expect((await call(env, s, 'GET', `/api/v1/cases/${caseId}/services`)).statusCode).toBe(404);
      expect(
        (await call(env, s, 'GET', '/api/v1/referrals?box=incoming'))
          .json()
          .items.map((i: { id: string }) => i.id),
      ).not.toContain(r.id);
    }

    // The worker records the shelter stay and completes it; a stale version gets 409.
    const shelter = plan.services.find((s: { type: string }) => s.type === 'shelter');
    // Accepted rehabilitation is due to start within 7 days (end of 5 December, WITA).
    expect(shelter.dueAt).toBe('2026-12-05T15:59:59.999Z');
    const start = await call(env, dinsosA, 'POST', `/api/v1/services/${shelter.id}/status`, {
      version: shelter.version,
      to: 'in_progress',
      notes: 'Tinggal di rumah aman sejak 28 November.',
    });
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json().startedAt).toBe('2026-11-28T01:00:00.000Z');
    const stale = await call(env, dinsosA, 'POST', `/api/v1/services/${shelter.id}/status`, {
      version: shelter.version,
      to: 'completed',
      outcome: 'x',
    });
    expect(stale.statusCode).toBe(409);
    const noOutcome = await call(env, dinsosA, 'POST', `/api/v1/services/${shelter.id}/status`, {
      version: start.json().version,
      to: 'completed',
    });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().error.fields.outcome).toBeDefined();
    const extra = await call(env, dinsosA, 'POST', `/api/v1/cases/${caseId}/services`, {
      personId,
      type: 'psychosocial_support',
      status: 'in_progress',
    });
    expect(extra.statusCode, extra.body).toBe(201);
    expect(extra.json()).toMatchObject({ providerAgencyId: dinsosId, referralId: r.id });
    const otherPerson = await call(env, dinsosA, 'POST', `/api/v1/cases/${caseId}/services`, {
      personId: otherPersonId,
      type: 'shelter',
    });
    expect(otherPerson.statusCode).toBe(404);

    // Completion needs an outcome; then access to the person ends, own service records stay.
    const incomplete = await call(env, dinsosA, 'POST', `/api/v1/referrals/${r.id}/complete`, { version: 2 });
    expect(incomplete.statusCode).toBe(400);
    const done = await call(env, dinsosA, 'POST', `/api/v1/referrals/${r.id}/complete`, {
      version: 2,
      outcome: 'Korban aman di rumah aman, keluarga sudah diases.',
    });
    expect(done.statusCode, done.body).toBe(200);
    const after = (await call(env, dinsosA, 'GET', `/api/v1/referrals/${r.id}`)).json();
    expect(after.persons).toEqual([]);
    const afterPlan = (await call(env, dinsosA, 'GET', `/api/v1/cases/${caseId}/services`)).json();
    expect(afterPlan.persons).toEqual([]);
    expect(afterPlan.services.map((s: { status: string }) => s.status).sort()).toEqual([
      'completed',
      'completed',
      'completed',
    ]);
    expect((await call(env, dinsosA, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(404);

    // The case manager sees the completed services and every referral event on the timeline.
    const mine = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/services`)).json();
    expect(mine.services.filter((s: { status: string }) => s.status === 'completed')).toHaveLength(3);
    const timeline = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/timeline`)).json();
    const kinds = timeline.items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'referral_sent',
        'referral_accepted',
        'referral_completed',
        'service_status_changed',
      ]),
    );
    for (const action of ['referral.sent', 'referral.accepted', 'referral.completed'])
      expect((await auditEvents(env, action)).some((e) => e.entity_id === r.id)).toBe(true);
    const managerNotes = (await call(env, manager, 'GET', '/api/v1/notifications')).json();
    expect(managerNotes.items.map((n: { kind: string }) => n.kind)).toEqual(
      expect.arrayContaining(['referral_accepted', 'referral_completed']),
    );
  });

  it('ends access on revoke, declines with a reason, and lets only the right side act', async () => {
    const { caseId, personId } = await caseWithVictim([dinsosId]);
    const r = (await call(env, manager, 'POST', '/api/v1/referrals', referral(caseId, personId))).json();
    expect(
      (await call(env, manager, 'POST', `/api/v1/referrals/${r.id}/accept`, { version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await call(env, dinsosA, 'POST', `/api/v1/referrals/${r.id}/revoke`, { version: 1, reason: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(env, rsud, 'POST', `/api/v1/referrals/${r.id}/accept`, { version: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await call(env, dinsosA, 'POST', `/api/v1/referrals/${r.id}/accept`, { version: 1 })).statusCode,
    ).toBe(200);
    const noReason = await call(env, manager, 'POST', `/api/v1/referrals/${r.id}/revoke`, { version: 2 });
    expect(noReason.statusCode).toBe(400);
    const revoked = await call(env, manager, 'POST', `/api/v1/referrals/${r.id}/revoke`, {
      version: 2,
      reason: 'Korban dipindahkan ke rumah aman lain',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const plan = (await call(env, dinsosA, 'GET', `/api/v1/cases/${caseId}/services`)).json();
    expect(plan.persons).toEqual([]);
    expect(plan.services.every((s: { status: string }) => s.status === 'cancelled')).toBe(true);
    expect((await call(env, dinsosA, 'GET', `/api/v1/referrals/${r.id}`)).json().persons).toEqual([]);

    const second = (await call(env, manager, 'POST', '/api/v1/referrals', referral(caseId, personId))).json();
    const noWhy = await call(env, dinsosA, 'POST', `/api/v1/referrals/${second.id}/decline`, { version: 1 });
    expect(noWhy.statusCode).toBe(400);
    const declined = await call(env, dinsosA, 'POST', `/api/v1/referrals/${second.id}/decline`, {
      version: 1,
      reason: 'Rumah aman penuh',
    });
    expect(declined.json()).toMatchObject({ status: 'declined', answerReason: 'Rumah aman penuh' });
    expect((await call(env, manager, 'GET', `/api/v1/cases/${caseId}/referrals`)).json().items).toHaveLength(
      2,
    );
  });

  it('refers across task forces within the deployment, and refuses the own agency', async () => {
    const { caseId, personId } = await caseWithVictim([nunukanId]);
    const own = await call(
      env,
      manager,
      'POST',
      '/api/v1/referrals',
      referral(caseId, personId, { toAgencyId: uptdId }),
    );
    expect(own.json().error.fields.toAgencyId).toBeDefined();
    const res = await call(
      env,
      manager,
      'POST',
      '/api/v1/referrals',
      referral(caseId, personId, {
        toAgencyId: nunukanId,
        reason: 'MigrationOrChangeOfLocation',
        services: ['repatriation'],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().crossTaskForce).toBe(true);
    const queue = (await call(env, nunukanWorker, 'GET', '/api/v1/referrals?box=incoming')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(res.json().id);
  });

  it('announces overdue work from the deadline watch, once, to the agencies that must act and no one else', async () => {
    const { caseId, personId } = await caseWithVictim([rsudId]);
    const sent = (
      await call(
        env,
        manager,
        'POST',
        '/api/v1/referrals',
        referral(caseId, personId, { toAgencyId: rsudId, services: ['medical_examination'] }),
      )
    ).json();
    const shift = Date.parse('2026-12-02T01:00:00Z') - env.clock.now().getTime();
    env.clock.advance(shift);
    try {
      // Nobody opens a page: the watch alone finds the late answer and the missing first response.
      const found = await watchDeadlines(env.deps);
      expect(found.referrals).toBeGreaterThanOrEqual(1);
      expect(found.firstResponses).toBeGreaterThanOrEqual(1);
      await watchDeadlines(env.deps); // a second pass (or a second instance) announces nothing twice
      const rsudLater = await signIn(env, rsudName);
      const managerLater = await signIn(env, managerName);
      const kindsFor = async (s: Session) =>
        (await call(env, s, 'GET', '/api/v1/notifications'))
          .json()
          .items.filter((n: { caseId: string }) => n.caseId === caseId)
          .map((n: { kind: string }) => n.kind)
          .sort();
      expect(await kindsFor(rsudLater)).toEqual(['referral_overdue', 'referral_received']);
      const overdueNote = (await call(env, rsudLater, 'GET', '/api/v1/notifications'))
        .json()
        .items.find(
          (n: { kind: string; caseId: string }) => n.kind === 'referral_overdue' && n.caseId === caseId,
        );
      expect(overdueNote.referralId).toBe(sent.id);
      expect(await kindsFor(managerLater)).toEqual(['first_response_overdue', 'referral_overdue']);
      // Dinas Sosial was not asked: it hears nothing of this case.
      expect(
        await kindsFor(
          await signIn(env, (await buildUser(env, ['service_provider'], { agencyId: dinsosId })).username),
        ),
      ).toEqual([]);
    } finally {
      env.clock.advance(-shift);
    }
  });

  it('turns an unanswered referral overdue on both agencies’ My work after two working days', async () => {
    const { caseId, personId } = await caseWithVictim([rsudId]);
    const r = (
      await call(
        env,
        manager,
        'POST',
        '/api/v1/referrals',
        referral(caseId, personId, { toAgencyId: rsudId, services: ['medical_examination'] }),
      )
    ).json();
    const shift = Date.parse('2026-12-02T01:00:00Z') - env.clock.now().getTime();
    env.clock.advance(shift);
    try {
      // Sessions lapse over four idle days: sign in again.
      const rsudLater = await signIn(env, rsudName);
      const managerLater = await signIn(env, managerName);
      const theirs = (await call(env, rsudLater, 'GET', '/api/v1/my-work')).json();
      expect(theirs.referrals.find((x: { id: string }) => x.id === r.id)).toMatchObject({ overdue: true });
      const ours = (await call(env, managerLater, 'GET', '/api/v1/my-work')).json();
      expect(ours.referrals.find((x: { id: string }) => x.id === r.id)).toMatchObject({ overdue: true });
      expect(ours.counts.referralsOverdue).toBeGreaterThanOrEqual(1);
      const notes = (await call(env, rsudLater, 'GET', '/api/v1/notifications')).json();
      expect(
        notes.items.filter(
          (n: { kind: string; referralId: string }) => n.kind === 'referral_overdue' && n.referralId === r.id,
        ),
      ).toHaveLength(1);
    } finally {
      env.clock.advance(-shift);
    }
  });
});
