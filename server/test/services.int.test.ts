import { SMTPServer } from 'smtp-server';
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

/** A local SMTP receiver in the test process: every message's recipients and raw text. */
async function smtpReceiver() {
  const messages: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    messages,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.each(DB_KINDS)('services on %s', (kind) => {
  let env: TestEnv;
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  let admin: Session;
  let manager: Session;
  let colleague: Session; // same agency, not on the team
  let leadership: Session;
  let tfId: string;
  let otherTfId: string;
  let coordinator: Session;
  let dinsosId: string;
  let uptdId: string;

  beforeAll(async () => {
    smtp = await smtpReceiver();
    env = await createTestEnv(kind, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://sinergi.example' });
    const tf = await buildTaskForce(env);
    tfId = tf.id;
    otherTfId = (await buildTaskForce(env, '53.19')).id;
    const uptd = await buildAgency(env, { taskForceId: tf.id });
    uptdId = uptd.id;
    const dp3a = await buildAgency(env, { taskForceId: tf.id });
    dinsosId = (await buildAgency(env, { taskForceId: tf.id })).id;
    admin = await signIn(env, (await buildUser(env, ['admin'], { agencyId: dp3a.id })).username);
    manager = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    colleague = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: dp3a.id })).username);
    leadership = await signIn(env, (await buildUser(env, ['leadership'], { agencyId: dp3a.id })).username);
    // Two Dinas Sosial workers with email addresses.
    for (const n of ['a', 'b']) {
      const { createUser } = await import('../src/modules/users/user.service.js');
      await createUser(
        env.deps,
        null,
        { requestId: 't', ip: null },
        {
          username: `dinsos.${n}.${kind}`,
          displayName: `Petugas ${n}`,
          email: `dinsos.${n}@example.org`,
          agencyId: dinsosId,
          roles: ['service_provider'],
          password: 'Kopi-Lingko-Pagi-7',
        },
      );
    }
  });
  afterAll(async () => {
    await env?.close();
    await smtp?.close();
  });

  async function caseWithVictim() {
    const c = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'family',
      risk: 'medium',
    });
    const caseId = c.json().id as string;
    const p = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'victim',
      fullName: 'Agustina Layanan Nggoar',
      sex: 'Female',
      estimatedAge: 22,
    });
    return { caseId, personId: p.json().person.id as string };
  }

  it('serves the SOP defaults for deadline rules and lets an administrator change them, version-checked and audited', async () => {
    const res = await call(env, manager, 'GET', `/api/v1/taskforces/${tfId}/deadline-rules`);
    expect(res.statusCode).toBe(200);
    const rules = res.json();
    expect(rules).toMatchObject({ version: 0, timeZone: 'Asia/Makassar', followUpMonths: [1, 3, 6, 12] });
    expect(rules.rules).toEqual(
      expect.arrayContaining([
        { key: 'referral_response', amount: 2, unit: 'working_days' },
        { key: 'rehabilitation_start', amount: 7, unit: 'calendar_days' },
        { key: 'child_restitution_requirements', amount: 3, unit: 'calendar_days' },
        { key: 'restitution_payment', amount: 14, unit: 'calendar_days' },
      ]),
    );
    const body = {
      version: 0,
      rules: [{ key: 'referral_response', amount: 3, unit: 'working_days' }],
      holidays: [{ date: '2026-12-25', name: 'Hari Raya Natal' }],
      followUpMonths: [1, 3, 6, 12],
    };
    expect(
      (await call(env, manager, 'PUT', `/api/v1/taskforces/${tfId}/deadline-rules`, body)).statusCode,
    ).toBe(403);
    expect(
      (await call(env, coordinator, 'PUT', `/api/v1/taskforces/${otherTfId}/deadline-rules`, body))
        .statusCode,
    ).toBe(404);
    const bad = await call(env, admin, 'PUT', `/api/v1/taskforces/${tfId}/deadline-rules`, {
      ...body,
      rules: [{ key: 'referral_response', amount: -1, unit: 'weeks' }],
    });
    expect(bad.statusCode).toBe(400);
    const saved = await call(env, admin, 'PUT', `/api/v1/taskforces/${tfId}/deadline-rules`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(1);
    expect(saved.json().rules.find((r: { key: string }) => r.key === 'referral_response').amount).toBe(3);
    expect(saved.json().rules).toHaveLength(6);
    expect(
      (await call(env, admin, 'PUT', `/api/v1/taskforces/${tfId}/deadline-rules`, body)).statusCode,
    ).toBe(409);
    expect((await auditEvents(env, 'deadline.settings_changed')).some((e) => e.entity_id === tfId)).toBe(
      true,
    );
    // Back to the default for the other tests.
    await call(env, admin, 'PUT', `/api/v1/taskforces/${tfId}/deadline-rules`, {
      ...body,
      version: 1,
      rules: [],
    });
  });

  it('records needs per victim and the lead agency’s own services with their status machine', async () => {
    const { caseId, personId } = await caseWithVictim();
    expect((await call(env, null, 'GET', `/api/v1/cases/${caseId}/services`)).statusCode).toBe(401);
    expect((await call(env, colleague, 'GET', `/api/v1/cases/${caseId}/services`)).statusCode).toBe(404);
    const needs = await call(env, manager, 'PUT', `/api/v1/cases/${caseId}/persons/${personId}/needs`, {
      stages: ['rehabilitasi_kesehatan', 'rehabilitasi_sosial', 'pemulangan'],
    });
    expect(needs.statusCode, needs.body).toBe(200);
    expect(needs.json().persons[0]).toMatchObject({
      name: 'Agustina Layanan Nggoar',
      needs: expect.arrayContaining(['pemulangan']),
    });
    const viaReferral = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/services`, {
      personId,
      type: 'shelter',
      providerAgencyId: dinsosId,
    });
    expect(viaReferral.statusCode).toBe(400);
    expect(viaReferral.json().error.fields.providerAgencyId).toMatch(/melalui rujukan/);
    const other = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/services`, {
      personId,
      type: 'other',
    });
    expect(other.json().error.fields.stage).toBeDefined();
    const created = await call(
      env,
      manager,
      'POST',
      `/api/v1/cases/${caseId}/services`,
      { personId, type: 'psychosocial_support', cost: 250000, notes: 'Konseling mingguan' },
      { 'idempotency-key': `svc-${caseId}` },
    );
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    // Rehabilitation starts within 7 calendar days: end of 5 December WITA.
    expect(s).toMatchObject({
      status: 'requested',
      stage: 'rehabilitasi_sosial',
      dueAt: '2026-12-05T15:59:59.999Z',
      cost: 250000,
    });
    const skip = await call(env, manager, 'POST', `/api/v1/services/${s.id}/status`, {
      version: 1,
      to: 'completed',
      outcome: 'x',
    });
    expect(skip.statusCode).toBe(400);
    const accepted = await call(env, manager, 'POST', `/api/v1/services/${s.id}/status`, {
      version: 1,
      to: 'accepted',
    });
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedAt: '2026-11-28T01:00:00.000Z' });
    const cancelled = await call(env, manager, 'POST', `/api/v1/services/${s.id}/status`, {
      version: 2,
      to: 'cancelled',
    });
    expect(cancelled.json().error.fields.reason).toBeDefined();
    // Oversight sees the service but not its notes or the victim's name.
    const seen = (await call(env, leadership, 'GET', `/api/v1/cases/${caseId}/services`)).json();
    expect(seen.persons[0].name).toBeNull();
    expect(seen.services[0]).toMatchObject({ notes: null, abilities: { changeStatus: false } });
    expect(
      (
        await call(env, leadership, 'POST', `/api/v1/services/${s.id}/status`, {
          version: 2,
          to: 'in_progress',
        })
      ).statusCode,
    ).toBe(403);
    const timeline = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/timeline`)).json();
    expect(timeline.items.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['needs_updated', 'service_recorded', 'service_status_changed']),
    );
  });

  it('emails the receiving agency’s workers through SMTP with only the case number and a link', async () => {
    const { caseId, personId } = await caseWithVictim();
    await call(env, manager, 'POST', `/api/v1/cases/${caseId}/persons/${personId}/consents`, {
      scopes: ['services', 'sharing'],
      sharingAgencyIds: [dinsosId],
      givenOn: '2026-11-27',
      givenBy: 'self',
    });
    const before = smtp.messages.length;
    const sent = await call(env, manager, 'POST', '/api/v1/referrals', {
      caseId,
      toAgencyId: dinsosId,
      personIds: [personId],
      services: ['shelter'],
      reason: 'AdditionalServicesRequired',
      details: 'Agustina perlu rumah aman',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    // Mail leaves after the answer, so the sender is not kept waiting on the mail server.
    await expect.poll(() => smtp.messages.length - before).toBe(2);
    const mails = smtp.messages.slice(before);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['dinsos.a@example.org', 'dinsos.b@example.org']);
    const caseNumber = sent.json().caseNumber as string;
    for (const m of mails) {
      expect(m.raw).toContain(caseNumber);
      expect(m.raw).toContain('https://sinergi.example/my-work');
      expect(m.raw).not.toMatch(/Agustina|Nggoar|rumah aman/i);
    }
    // Delivered once: a second delivery round sends nothing again.
    const again = smtp.messages.length;
    await call(env, manager, 'GET', '/api/v1/my-work');
    expect(smtp.messages.length).toBe(again);
    void uptdId;
  });
});
