import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../src/platform/clock.js';
import {
  auditEvents,
  buildUser,
  call,
  createTestEnv,
  DB_KINDS,
  PASSWORD,
  signIn,
  type TestEnv,
} from './support.js';

describe.each(DB_KINDS)('sign-in and sessions on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(kind);
  });
  afterAll(async () => env?.close());

  it('signs in with the right password, sets a strict httpOnly cookie and returns a CSRF token', async () => {
    const user = await buildUser(env, ['case_manager']);
    const res = await call(env, null, 'POST', '/api/v1/auth/login', {
      username: user.username.toUpperCase(),
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sinergi_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.user.username).toBe(user.username);
    expect(body.permissions).toContain('case.read');
    expect(body.permissions).not.toContain('user.manage');
    const me = await call(
      env,
      { cookie: `sinergi_session=${cookie.value}`, csrf: body.csrfToken, userId: user.id },
      'GET',
      '/api/v1/auth/me',
    );
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(user.id);
    const events = await auditEvents(env, 'auth.login');
    expect(events.some((e) => e.entity_id === user.id && e.outcome === 'success')).toBe(true);
  });

  it('answers a wrong password and an unknown username identically, and audits both', async () => {
    const user = await buildUser(env, ['analyst']);
    const wrong = await call(env, null, 'POST', '/api/v1/auth/login', {
      username: user.username,
      password: 'Salah-Sandi-123',
    });
    const unknown = await call(env, null, 'POST', '/api/v1/auth/login', {
      username: 'tidak.ada',
      password: 'Salah-Sandi-123',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(wrong.json().error.message).toBe('Nama pengguna atau kata sandi salah.');
    const failed = await auditEvents(env, 'auth.login_failed');
    const reasons = failed.map((e) => JSON.parse(e.details).reason);
    expect(reasons).toContain('wrong_password');
    expect(reasons).toContain('unknown_user');
    // the attempted username of an unknown account is not stored (it may be a mistyped password)
    expect(failed.every((e) => !e.details.includes('tidak.ada'))).toBe(true);
  });

  const login = (body: Record<string, unknown>) => call(env, null, 'POST', '/api/v1/auth/login', body);
  /** The body of an answer without its request id, as the client receives it. */
  const bodyWithoutRequestId = (res: { body: string; json(): { requestId: string } }) =>
    res.body.replace(res.json().requestId, '<id>');

  it('makes an account wait longer after each failure from the 5th, refusing any password meanwhile', async () => {
    const user = await buildUser(env, ['investigator']);
    for (let i = 0; i < 5; i++) {
      const r = await login({ username: user.username, password: `Salah-Sandi-${i}x` });
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('invalid_credentials');
    }
    // 5 failures: 1 s to wait; during it the right password is refused like a wrong one
    const during = await login({ username: user.username, password: PASSWORD });
    expect(during.statusCode).toBe(401);
    expect(during.json().error.code).toBe('invalid_credentials');
    env.clock.advance(1000);
    // each further failure doubles the wait: 2 s after the 6th, 4 s after the 7th
    expect((await login({ username: user.username, password: 'Salah-Sandi-6x' })).statusCode).toBe(401);
    env.clock.advance(1999);
    expect((await login({ username: user.username, password: PASSWORD })).statusCode).toBe(401);
    env.clock.advance(1);
    expect((await login({ username: user.username, password: 'Salah-Sandi-7x' })).statusCode).toBe(401);
    const row = await env.deps.db
      .selectFrom('users')
      .select(['failed_attempts', 'locked_until', 'last_failed_login_at'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_attempts).toBe(7);
    expect(Date.parse(row.locked_until!) - Date.parse(row.last_failed_login_at!)).toBe(4000);
    // tries during a wait do not count
    env.clock.advance(3999);
    expect((await login({ username: user.username, password: PASSWORD })).statusCode).toBe(401);
    env.clock.advance(1);
    // the right password after the wait signs in, and the count starts again
    const after = await login({ username: user.username, password: PASSWORD });
    expect(after.statusCode).toBe(200);
    const cleared = await env.deps.db
      .selectFrom('users')
      .select(['failed_attempts', 'locked_until'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(cleared).toEqual({ failed_attempts: 0, locked_until: null });
    const failed = await auditEvents(env, 'auth.login_failed');
    const mine = failed.filter((e) => e.entity_id === user.id).map((e) => JSON.parse(e.details));
    expect(mine.map((d) => d.reason)).toEqual([
      ...Array(5).fill('wrong_password'),
      'throttled',
      'wrong_password',
      'throttled',
      'wrong_password',
      'throttled',
    ]);
    expect(mine[4]).toEqual({ reason: 'wrong_password', failures: 5, throttled: true });
  });

  it('caps the wait at LOCKOUT_MINUTES', async () => {
    const user = await buildUser(env, ['investigator']);
    for (let i = 0; i < 20; i++) {
      await login({ username: user.username, password: `Salah-Sandi-${i}x` });
      env.clock.advance(15 * MINUTE);
    }
    const row = await env.deps.db
      .selectFrom('users')
      .select(['failed_attempts', 'locked_until', 'last_failed_login_at'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_attempts).toBe(20);
    expect(Date.parse(row.locked_until!) - Date.parse(row.last_failed_login_at!)).toBe(15 * MINUTE);
    expect((await login({ username: user.username, password: PASSWORD })).statusCode).toBe(200);
  });

  it('answers an unknown username and a waiting account with the same bytes, apart from the request id', async () => {
    const user = await buildUser(env, ['analyst']);
    for (let i = 0; i < 5; i++) await login({ username: user.username, password: `Salah-Sandi-${i}x` });
    for (const lang of ['id', 'en']) {
      const headers = { 'accept-language': lang };
      const waiting = await call(
        env,
        null,
        'POST',
        '/api/v1/auth/login',
        { username: user.username, password: PASSWORD },
        headers,
      );
      const unknown = await call(
        env,
        null,
        'POST',
        '/api/v1/auth/login',
        { username: 'tidak.ada.sama.sekali', password: PASSWORD },
        headers,
      );
      const wrong = await call(
        env,
        null,
        'POST',
        '/api/v1/auth/login',
        { username: (await buildUser(env, ['analyst'])).username, password: 'Salah-Sandi-0x' },
        headers,
      );
      expect(waiting.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      expect(waiting.json().requestId).not.toBe(unknown.json().requestId);
      expect(bodyWithoutRequestId(waiting)).toBe(bodyWithoutRequestId(unknown));
      expect(bodyWithoutRequestId(wrong)).toBe(bodyWithoutRequestId(unknown));
      expect(waiting.headers['content-type']).toBe(unknown.headers['content-type']);
      expect(waiting.headers['content-length']).toBe(unknown.headers['content-length']);
      expect(waiting.cookies).toEqual(unknown.cookies);
    }
  });

  it('tells the user at the next sign-in how many sign-ins failed since the previous one, and when the last did', async () => {
    const user = await buildUser(env, ['case_manager']);
    const first = await login({ username: user.username, password: PASSWORD });
    expect(first.json().failedAttemptsSinceLastSignIn).toBe(0);
    expect(first.json().lastFailedSignInAt).toBeNull();
    await login({ username: user.username, password: 'Salah-Sandi-1x' });
    env.clock.advance(MINUTE);
    const lastFailure = env.clock.now().toISOString();
    await login({ username: user.username, password: 'Salah-Sandi-2x' });
    env.clock.advance(MINUTE);
    const res = await login({ username: user.username, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().failedAttemptsSinceLastSignIn).toBe(2);
    expect(res.json().lastFailedSignInAt).toBe(lastFailure);
    // the session keeps saying it; the next sign-in starts from zero
    const cookie = res.cookies.find((c) => c.name === 'sinergi_session')!;
    const session = {
      cookie: `sinergi_session=${cookie.value}`,
      csrf: res.json().csrfToken,
      userId: user.id,
    };
    const me = await call(env, session, 'GET', '/api/v1/auth/me');
    expect(me.json().failedAttemptsSinceLastSignIn).toBe(2);
    expect(me.json().lastFailedSignInAt).toBe(lastFailure);
    const next = await login({ username: user.username, password: PASSWORD });
    expect(next.json().failedAttemptsSinceLastSignIn).toBe(0);
  });

  it('keeps the session cookie after the browser closes only when asked to remember the device', async () => {
    const user = await buildUser(env, ['case_manager']);
    const cookieOf = (res: { cookies: { name: string; maxAge?: number; expires?: Date }[] }) =>
      res.cookies.find((c) => c.name === 'sinergi_session')!;
    const plain = await login({ username: user.username, password: PASSWORD });
    expect(plain.statusCode).toBe(200);
    expect(cookieOf(plain).maxAge).toBeUndefined();
    expect(cookieOf(plain).expires).toBeUndefined();
    expect(plain.headers['set-cookie']).not.toMatch(/Max-Age|Expires/i);
    const notRemembered = await login({ username: user.username, password: PASSWORD, rememberDevice: false });
    expect(cookieOf(notRemembered).maxAge).toBeUndefined();
    const remembered = await login({ username: user.username, password: PASSWORD, rememberDevice: true });
    expect(remembered.statusCode).toBe(200);
    expect(cookieOf(remembered).maxAge).toBe(12 * 3600);
    // the server ends both sessions after the same 12 hours
    expect(Date.parse(remembered.json().expiresAt) - Date.parse(plain.json().expiresAt)).toBe(0);
    // a string is not a boolean
    const coerced = await login({ username: user.username, password: PASSWORD, rememberDevice: 'true' });
    expect(coerced.statusCode).toBe(400);
    expect(coerced.json().error.code).toBe('validation_failed');
  });

  it('lifts the wait when an administrator resets the password', async () => {
    const admin = await signIn(env, (await buildUser(env, ['admin'])).username);
    const user = await buildUser(env, ['analyst']);
    for (let i = 0; i < 8; i++) await login({ username: user.username, password: `Salah-Sandi-${i}x` });
    const reset = await call(env, admin, 'POST', `/api/v1/users/${user.id}/reset-password`, {
      password: 'Sawah-Lodok-Cancar-9',
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await login({ username: user.username, password: 'Sawah-Lodok-Cancar-9' })).statusCode).toBe(200);
  });

  it('refuses a state-changing request without the CSRF token, or with a wrong one', async () => {
    const user = await buildUser(env, ['coordinator']);
    const s = await signIn(env, user.username);
    const noToken = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    const wrongToken = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) },
    });
    expect(wrongToken.statusCode).toBe(403);
    const denied = await auditEvents(env, 'access.denied');
    expect(
      denied.filter((e) => e.actor_user_id === user.id && JSON.parse(e.details).reason === 'csrf'),
    ).toHaveLength(2);
    // the session survived both attempts
    expect((await call(env, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const ok = await call(env, s, 'POST', '/api/v1/auth/logout');
    expect(ok.statusCode).toBe(204);
    const after = await call(env, s, 'GET', '/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
    expect((await auditEvents(env, 'auth.logout')).some((e) => e.entity_id === user.id)).toBe(true);
  });

  it('ends a session after 30 minutes idle, and keeps an active one alive', async () => {
    const user = await buildUser(env, ['case_manager']);
    const active = await signIn(env, user.username);
    const idle = await signIn(env, user.username);
    for (let i = 0; i < 3; i++) {
      env.clock.advance(20 * MINUTE);
      expect((await call(env, active, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    }
    const res = await call(env, idle, 'GET', '/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
    expect((await auditEvents(env, 'auth.session_expired')).some((e) => e.entity_id === user.id)).toBe(true);
  });

  it('ends every session 12 hours after sign-in, however active', async () => {
    const user = await buildUser(env, ['case_manager']);
    const s = await signIn(env, user.username);
    for (let i = 1; i <= 26; i++) {
      env.clock.advance(29 * MINUTE);
      const r = await call(env, s, 'GET', '/api/v1/auth/me');
      if (r.statusCode !== 200) {
        expect(i * 29 * MINUTE).toBeGreaterThanOrEqual(12 * HOUR);
        expect(r.json().error.code).toBe('session_expired');
        return;
      }
    }
    throw new Error('the session outlived 12 hours');
  });

  it('ends the session of a user disabled while signed in', async () => {
    const admin = await buildUser(env, ['admin']);
    const victim = await buildUser(env, ['service_provider']);
    const a = await signIn(env, admin.username);
    const v = await signIn(env, victim.username);
    expect((await call(env, v, 'GET', '/api/v1/agencies')).statusCode).toBe(200);
    const res = await call(env, a, 'PATCH', `/api/v1/users/${victim.id}`, {
      version: victim.version,
      active: false,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await call(env, v, 'GET', '/api/v1/agencies')).statusCode).toBe(401);
    const again = await call(env, null, 'POST', '/api/v1/auth/login', {
      username: victim.username,
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('invalid_credentials');
    const sessions = await env.deps.db
      .selectFrom('sessions')
      .select('revoked_reason')
      .where('user_id', '=', victim.id)
      .execute();
    expect(sessions.map((x) => x.revoked_reason)).toEqual(['user_disabled']);
    const disabled = await auditEvents(env, 'user.disabled');
    expect(disabled.some((e) => e.entity_id === victim.id && e.actor_user_id === admin.id)).toBe(true);
  });

  it('ends the sessions of the users of an agency that is deactivated', async () => {
    const admin = await buildUser(env, ['admin']);
    const worker = await buildUser(env, ['service_provider']);
    const a = await signIn(env, admin.username);
    const w = await signIn(env, worker.username);
    const res = await call(env, a, 'PATCH', `/api/v1/agencies/${worker.agencyId}`, {
      version: 1,
      active: false,
    });
    expect(res.statusCode).toBe(200);
    const after = await call(env, w, 'GET', '/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('session_expired');
    const ended = await auditEvents(env, 'auth.session_expired');
    expect(
      ended.some((e) => e.entity_id === worker.id && JSON.parse(e.details).reason === 'account_inactive'),
    ).toBe(true);
    expect(
      (await call(env, null, 'POST', '/api/v1/auth/login', { username: worker.username, password: PASSWORD }))
        .statusCode,
    ).toBe(401);
  });

  it('changes the own password: checks the current one and the rules, ends the other sessions', async () => {
    const user = await buildUser(env, ['coordinator']);
    const here = await signIn(env, user.username);
    const elsewhere = await signIn(env, user.username);
    const wrong = await call(env, here, 'POST', '/api/v1/auth/password', {
      currentPassword: 'bukan-sandi-lama',
      newPassword: 'Sawah-Lodok-Cancar-9',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.currentPassword).toBe('Kata sandi saat ini salah.');
    const common = await call(
      env,
      here,
      'POST',
      '/api/v1/auth/password',
      { currentPassword: PASSWORD, newPassword: 'password123' },
      { 'accept-language': 'en' },
    );
    expect(common.statusCode).toBe(400);
    expect(common.json().error.fields.newPassword).toMatch(/too common/);
    const ok = await call(env, here, 'POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'Sawah-Lodok-Cancar-9',
    });
    expect(ok.statusCode).toBe(204);
    expect((await call(env, here, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await call(env, elsewhere, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect(
      (await call(env, null, 'POST', '/api/v1/auth/login', { username: user.username, password: PASSWORD }))
        .statusCode,
    ).toBe(401);
    await signIn(env, user.username, 'Sawah-Lodok-Cancar-9');
    expect((await auditEvents(env, 'auth.password_changed')).some((e) => e.entity_id === user.id)).toBe(true);
  });
});

describe('login rate limit', () => {
  it('answers 429 after LOGIN_RATE_LIMIT attempts a minute from one address', async () => {
    const env = await createTestEnv('sqlite', { LOGIN_RATE_LIMIT: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        codes.push(
          (
            await call(env, null, 'POST', '/api/v1/auth/login', {
              username: 'siapa',
              password: 'Salah-Sandi-1',
            })
          ).statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429]);
      const last = await call(env, null, 'POST', '/api/v1/auth/login', {
        username: 'siapa',
        password: 'Salah-Sandi-1',
      });
      expect(last.json().error.code).toBe('rate_limited');
    } finally {
      await env.close();
    }
  });
});
