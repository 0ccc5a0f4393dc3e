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

  it('locks an account for 15 minutes after 5 failed attempts, even against the right password', async () => {
    const user = await buildUser(env, ['investigator']);
    for (let i = 0; i < 4; i++) {
      const r = await call(env, null, 'POST', '/api/v1/auth/login', {
        username: user.username,
        password: `Salah-Sandi-${i}x`,
      });
      expect(r.json().error.code).toBe('invalid_credentials');
    }
    const fifth = await call(env, null, 'POST', '/api/v1/auth/login', {
      username: user.username,
      password: 'Salah-Sandi-5x',
    });
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().error.code).toBe('account_locked');
    const right = await call(env, null, 'POST', '/api/v1/auth/login', {
      username: user.username,
      password: PASSWORD,
    });
    expect(right.statusCode).toBe(401);
    expect(right.json().error.code).toBe('account_locked');
    env.clock.advance(15 * MINUTE + 1000);
    const later = await call(env, null, 'POST', '/api/v1/auth/login', {
      username: user.username,
      password: PASSWORD,
    });
    expect(later.statusCode).toBe(200);
    const failed = await auditEvents(env, 'auth.login_failed');
    const mine = failed.filter((e) => e.entity_id === user.id).map((e) => JSON.parse(e.details).reason);
    expect(mine).toContain('wrong_password_locked');
    expect(mine).toContain('locked');
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
