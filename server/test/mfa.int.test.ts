import fs from 'node:fs';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  buildAgency,
  buildTaskForce,
  buildUser,
  call,
  createTestEnv,
  DB_KINDS,
  PASSWORD,
  type Session,
  signIn,
  type TestEnv,
} from './support.js';

/** Signs in with the password only; answers the pending session and what the server said. */
async function passwordStep(env: TestEnv, username: string) {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'sinergi_session')!;
  const body = res.json();
  const session: Session = { cookie: `sinergi_session=${cookie.value}`, csrf: body.csrfToken, userId: '' };
  return { session, body };
}

const codeAt = (env: TestEnv, secret: string) =>
  generate({ secret, epoch: Math.floor(env.clock.now().getTime() / 1000) });

describe.each(DB_KINDS)('two-step verification on %s', (kind) => {
  let env: TestEnv;
  let managerName: string;
  let managerId: string;
  let admin: Session;
  let secret = '';
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    // The default policy: every role that sees identities must use a second step.
    env = await createTestEnv(kind, {}, { mfaRequired: true });
    const tf = await buildTaskForce(env);
    const agency = await buildAgency(env, { taskForceId: tf.id });
    const manager = await buildUser(env, ['case_manager'], { agencyId: agency.id });
    managerName = manager.username;
    managerId = manager.id;
    admin = await signIn(env, (await buildUser(env, ['admin'], { agencyId: agency.id })).username);
  });
  afterAll(async () => env?.close());

  it('makes a case manager set it up before anything else, then lets them in', async () => {
    const { session, body } = await passwordStep(env, managerName);
    expect(body).toMatchObject({ mfa: 'enrol', csrfToken: expect.any(String) });
    const blocked = await call(env, session, 'GET', '/api/v1/cases');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe('mfa_required');
    expect((await call(env, session, 'POST', '/api/v1/auth/mfa/verify', { code: '123456' })).statusCode).toBe(
      403,
    );

    const setup = await call(env, session, 'POST', '/api/v1/auth/mfa/setup');
    expect(setup.statusCode, setup.body).toBe(200);
    secret = setup.json().secret;
    expect(setup.json().otpauthUri).toMatch(/^otpauth:\/\/totp\/Sinergi:/);
    expect(setup.json().qrSvg).toMatch(/^<svg/);
    const wrong = await call(env, session, 'POST', '/api/v1/auth/mfa/enable', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.code).toMatch(/^Kode salah/);

    const enabled = await call(env, session, 'POST', '/api/v1/auth/mfa/enable', {
      code: await codeAt(env, secret),
    });
    expect(enabled.statusCode, enabled.body).toBe(200);
    recoveryCodes = enabled.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(enabled.json().session.mfa).toEqual({ enabled: true, required: true });
    expect((await call(env, session, 'GET', '/api/v1/cases')).statusCode).toBe(200);

    // Neither the secret nor a recovery code is stored in clear.
    const row = await env.deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', managerId)
      .executeTakeFirstOrThrow();
    expect(row.mfa_secret_enc).not.toContain(secret);
    const stored = await env.deps.db.selectFrom('mfa_recovery_codes').select('code_hash').execute();
    for (const c of recoveryCodes) expect(stored.map((s) => s.code_hash)).not.toContain(c);
    if (env.sqliteFile) expect(fs.readFileSync(env.sqliteFile).includes(secret)).toBe(false);
    expect(await auditEvents(env, 'auth.mfa_enabled')).toHaveLength(1);
  });

  it('asks for a code at each sign-in; a code works once, a recovery code once', async () => {
    env.clock.advance(60_000);
    const first = await passwordStep(env, managerName);
    expect(first.body).toEqual({
      mfa: 'verify',
      csrfToken: expect.any(String),
      expiresAt: expect.any(String),
    });
    const code = await codeAt(env, secret);
    const ok = await call(env, first.session, 'POST', '/api/v1/auth/mfa/verify', { code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().user.id).toBe(managerId);
    expect((await call(env, first.session, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);

    // The same code again, overheard: refused.
    const second = await passwordStep(env, managerName);
    expect((await call(env, second.session, 'POST', '/api/v1/auth/mfa/verify', { code })).statusCode).toBe(
      400,
    );
    const recovery = recoveryCodes[0]!.toUpperCase();
    const byRecovery = await call(env, second.session, 'POST', '/api/v1/auth/mfa/verify', { code: recovery });
    expect(byRecovery.statusCode, byRecovery.body).toBe(200);
    const third = await passwordStep(env, managerName);
    expect(
      (await call(env, third.session, 'POST', '/api/v1/auth/mfa/verify', { code: recovery })).statusCode,
    ).toBe(400);
    const methods = (await auditEvents(env, 'auth.mfa_verified')).map(
      (e) => JSON.parse(e.details as string).method,
    );
    expect(methods).toEqual(['totp', 'recovery_code']);
    expect((await auditEvents(env, 'auth.mfa_failed')).length).toBeGreaterThanOrEqual(2);
  });

  it('locks the account after repeated wrong codes and ends the waiting session', async () => {
    const { session } = await passwordStep(env, managerName);
    let last = await call(env, session, 'POST', '/api/v1/auth/mfa/verify', { code: '111111' });
    for (let i = 0; i < 5 && last.statusCode === 400; i++)
      last = await call(env, session, 'POST', '/api/v1/auth/mfa/verify', { code: '111111' });
    expect(last.statusCode).toBe(401);
    expect(last.json().error.code).toBe('account_locked');
    expect((await call(env, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    env.clock.advance(16 * 60_000);
  });

  it('lets an administrator reset a lost second factor (audited, sessions end) and change the policy', async () => {
    const before = await passwordStep(env, managerName);
    const outsider = await signIn(env, (await buildUser(env, ['analyst'])).username); // no second step needed
    expect((await call(env, outsider, 'POST', `/api/v1/users/${managerId}/mfa/reset`)).statusCode).toBe(403);
    expect((await call(env, outsider, 'GET', '/api/v1/security/mfa-policy')).statusCode).toBe(403);
    const reset = await call(env, admin, 'POST', `/api/v1/users/${managerId}/mfa/reset`);
    expect(reset.statusCode, reset.body).toBe(204);
    expect(
      (await call(env, before.session, 'POST', '/api/v1/auth/mfa/verify', { code: '123456' })).statusCode,
    ).toBe(401);
    expect((await auditEvents(env, 'user.mfa_reset'))[0]).toMatchObject({ entity_id: managerId });
    expect((await passwordStep(env, managerName)).body.mfa).toBe('enrol');

    const policy = (await call(env, admin, 'GET', '/api/v1/security/mfa-policy')).json();
    expect(policy.requiredRoles).toContain('case_manager');
    expect(policy.requiredRoles).not.toContain('admin');
    const changed = await call(env, admin, 'PUT', '/api/v1/security/mfa-policy', {
      requiredRoles: ['investigator'],
    });
    expect(changed.json()).toEqual({ requiredRoles: ['investigator'] });
    const plain = await passwordStep(env, managerName);
    expect(plain.body.user.id).toBe(managerId);
    expect(plain.body.mfa).toEqual({ enabled: false, required: false });
  });

  it('lets a user whose role does not require it turn it on and off with the password', async () => {
    const s = await signIn(env, managerName);
    const setup = (await call(env, s, 'POST', '/api/v1/auth/mfa/setup')).json();
    const on = await call(env, s, 'POST', '/api/v1/auth/mfa/enable', {
      code: await codeAt(env, setup.secret),
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(
      (await call(env, s, 'POST', '/api/v1/auth/mfa/disable', { password: 'salah-sekali' })).json().error
        .fields.password,
    ).toBe('Kata sandi saat ini salah.');
    await call(env, admin, 'PUT', '/api/v1/security/mfa-policy', { requiredRoles: ['case_manager'] });
    expect(
      (await call(env, s, 'POST', '/api/v1/auth/mfa/disable', { password: PASSWORD })).json().error.fields
        .password,
    ).toMatch(/wajib/);
    await call(env, admin, 'PUT', '/api/v1/security/mfa-policy', { requiredRoles: [] });
    expect((await call(env, s, 'POST', '/api/v1/auth/mfa/disable', { password: PASSWORD })).statusCode).toBe(
      204,
    );
    expect((await call(env, s, 'GET', '/api/v1/auth/me')).json().mfa).toEqual({
      enabled: false,
      required: false,
    });
  });
});
