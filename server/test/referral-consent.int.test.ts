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
 * A referral needs the victim's consent to share their data with the receiving agency. The
 * consent names the agencies; a child's consent comes from a parent or guardian, or from the
 * social worker with a written reason; police refer under the same rule.
 */
describe.each(DB_KINDS)('consent for a referral on %s', (kind) => {
  let env: TestEnv;
  let manager: Session;
  let police: Session;
  let dinsos: Session;
  let rsud: Session;
  let dinsosId: string;
  let rsudId: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    const uptd = await buildAgency(env, { taskForceId: tf.id, shortName: 'UPTD PPA K' });
    const polres = await buildAgency(env, {
      taskForceId: tf.id,
      shortName: 'POLRES K',
      sector: 'police',
    });
    const dinsosAgency = await buildAgency(env, { taskForceId: tf.id, shortName: 'DINSOS K' });
    const rsudAgency = await buildAgency(env, { taskForceId: tf.id, shortName: 'RSUD K', sector: 'health' });
    dinsosId = dinsosAgency.id;
    rsudId = rsudAgency.id;
    manager = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    police = await signIn(env, (await buildUser(env, ['investigator'], { agencyId: polres.id })).username);
    dinsos = await signIn(
      env,
      (await buildUser(env, ['service_provider'], { agencyId: dinsosAgency.id })).username,
    );
    rsud = await signIn(
      env,
      (await buildUser(env, ['service_provider'], { agencyId: rsudAgency.id })).username,
    );
  });
  afterAll(async () => env?.close());

  async function caseWith(by: Session, victim: { estimatedAge: number; fullName: string }) {
    const c = await call(env, by, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'family',
      risk: 'high',
    });
    expect(c.statusCode, c.body).toBe(201);
    const caseId = c.json().id as string;
    const p = await call(env, by, 'POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'victim',
      sex: 'Male',
      ...victim,
    });
    expect(p.statusCode, p.body).toBe(201);
    return { caseId, personId: p.json().person.id as string };
  }

  const consent = (over: Record<string, unknown>) => ({
    scopes: ['data_management', 'services', 'sharing'],
    sharingAgencyIds: [dinsosId],
    givenOn: '2026-11-27',
    givenBy: 'self',
    ...over,
  });

  const refer = (by: Session, caseId: string, personId: string, toAgencyId = dinsosId) =>
    call(env, by, 'POST', '/api/v1/referrals', {
      caseId,
      toAgencyId,
      personIds: [personId],
      services: ['shelter'],
      reason: 'AdditionalServicesRequired',
      urgency: 'normal',
    });

  it('refuses a child consenting alone; a guardian, or the social worker with a written reason, may', async () => {
    const { caseId, personId } = await caseWith(manager, {
      estimatedAge: 16,
      fullName: 'Yohanes Anak Rujuk',
    });
    const path = `/api/v1/cases/${caseId}/persons/${personId}/consents`;
    const alone = await call(env, manager, 'POST', path, consent({ givenBy: 'self' }));
    expect(alone.statusCode, alone.body).toBe(400);
    expect(alone.json().error.fields.givenBy).toMatch(/anak/i);
    const noReason = await call(env, manager, 'POST', path, consent({ givenBy: 'social_worker' }));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.note).toBeTruthy();
    const byWorker = await call(
      env,
      manager,
      'POST',
      path,
      consent({ givenBy: 'social_worker', note: 'Wali diduga terlibat perekrutan; anak di rumah aman.' }),
    );
    expect(byWorker.statusCode, byWorker.body).toBe(201);
    const byGuardian = await call(env, manager, 'POST', path, consent({ givenBy: 'guardian' }));
    expect(byGuardian.statusCode, byGuardian.body).toBe(201);
    // No consent was stored for the refused attempts: the two recorded ones only.
    const person = await call(env, manager, 'GET', `/api/v1/cases/${caseId}/persons/${personId}`);
    expect(
      person
        .json()
        .consents.map((c: { givenBy: string }) => c.givenBy)
        .sort(),
    ).toEqual(['guardian', 'social_worker']);
  });

  it('needs the agencies named when sharing is agreed, and lets the referral go only to them', async () => {
    const { caseId, personId } = await caseWith(manager, {
      estimatedAge: 24,
      fullName: 'Maria Dewasa Rujuk',
    });
    const path = `/api/v1/cases/${caseId}/persons/${personId}/consents`;
    const unnamed = await call(env, manager, 'POST', path, consent({ sharingAgencyIds: [] }));
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.fields.sharingAgencyIds).toBeTruthy();
    const before = await refer(manager, caseId, personId);
    expect(before.statusCode).toBe(400);
    expect(before.json().error.fields['personIds.0']).toBeTruthy();
    expect((await call(env, manager, 'POST', path, consent({}))).statusCode).toBe(201);
    // Consent names Dinas Sosial, not the RSUD.
    expect((await refer(manager, caseId, personId, rsudId)).statusCode).toBe(400);
    const sent = await refer(manager, caseId, personId);
    expect(sent.statusCode, sent.body).toBe(201);
    const incoming = await call(env, dinsos, 'GET', '/api/v1/referrals?direction=incoming');
    expect(incoming.json().items.map((r: { id: string }) => r.id)).toContain(sent.json().id);
    // An agency the referral is not for sees nothing of it.
    expect((await call(env, rsud, 'GET', `/api/v1/referrals/${sent.json().id}`)).statusCode).toBe(404);
  });

  it('lets police refer a victim of their own case to services, under the same consent rule', async () => {
    const { caseId, personId } = await caseWith(police, {
      estimatedAge: 30,
      fullName: 'Paulus Polisi Rujuk',
    });
    expect((await refer(police, caseId, personId)).statusCode).toBe(400);
    const path = `/api/v1/cases/${caseId}/persons/${personId}/consents`;
    expect((await call(env, police, 'POST', path, consent({}))).statusCode).toBe(201);
    const sent = await refer(police, caseId, personId);
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await call(env, dinsos, 'GET', `/api/v1/referrals/${sent.json().id}`)).statusCode).toBe(200);
  });
});
