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

async function signInFrom(env: TestEnv, username: string, userAgent: string): Promise<Session> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: PASSWORD },
    headers: { 'user-agent': userAgent },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'sinergi_session')!;
  return {
    cookie: `sinergi_session=${cookie.value}`,
    csrf: res.json().csrfToken,
    userId: res.json().user.id,
  };
}

describe.each(DB_KINDS)('active sessions on %s', (kind) => {
  let env: TestEnv;
  let username: string;
  let userId: string;
  let admin: Session;
  let other: Session;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    const agency = await buildAgency(env, { taskForceId: tf.id });
    const u = await buildUser(env, ['case_manager'], { agencyId: agency.id });
    username = u.username;
    userId = u.id;
    admin = await signIn(env, (await buildUser(env, ['admin'], { agencyId: agency.id })).username);
    other = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: agency.id })).username);
  });
  afterAll(async () => env?.close());

  it("lists a user's own sessions and lets them end one; another user's session is not theirs to end", async () => {
    const laptop = await signInFrom(env, username, 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0');
    const phone = await signInFrom(env, username, 'Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile');
    const list = (await call(env, laptop, 'GET', '/api/v1/auth/sessions')).json().items;
    expect(list).toHaveLength(2);
    const current = list.find((s: { current: boolean }) => s.current);
    const away = list.find((s: { current: boolean }) => !s.current);
    expect(current.userAgent).toContain('X11');
    expect(away.userAgent).toContain('Android');
    expect(away).toMatchObject({ waitingForSecondStep: false, lastSeenAt: expect.any(String) });

    const otherList = (await call(env, other, 'GET', '/api/v1/auth/sessions')).json().items;
    expect((await call(env, laptop, 'DELETE', `/api/v1/auth/sessions/${otherList[0].id}`)).statusCode).toBe(
      404,
    );
    expect((await call(env, other, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);

    expect((await call(env, laptop, 'DELETE', `/api/v1/auth/sessions/${away.id}`)).statusCode).toBe(204);
    expect((await call(env, phone, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await call(env, laptop, 'GET', '/api/v1/auth/sessions')).json().items).toHaveLength(1);
    expect(await auditEvents(env, 'auth.session_ended')).toHaveLength(1);
  });

  it("lets an administrator see and end anyone's sessions, and no one else", async () => {
    const s = await signInFrom(env, username, 'Mozilla/5.0 (Windows NT 10.0) Firefox/133.0');
    expect((await call(env, other, 'GET', `/api/v1/users/${userId}/sessions`)).statusCode).toBe(403);
    const list = (await call(env, admin, 'GET', `/api/v1/users/${userId}/sessions`)).json().items;
    const target = list.find((x: { userAgent: string }) => x.userAgent.includes('Firefox'));
    expect(target.current).toBe(false);
    expect(
      (await call(env, other, 'DELETE', `/api/v1/users/${userId}/sessions/${target.id}`)).statusCode,
    ).toBe(403);
    expect(
      (await call(env, admin, 'DELETE', `/api/v1/users/${userId}/sessions/${target.id}`)).statusCode,
    ).toBe(204);
    expect((await call(env, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await auditEvents(env, 'user.session_ended'))[0]).toMatchObject({ entity_id: userId });
    expect(
      (await call(env, admin, 'DELETE', `/api/v1/users/${userId}/sessions/${'0'.repeat(64)}`)).statusCode,
    ).toBe(404);
  });
});
