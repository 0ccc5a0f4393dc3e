import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import {
  buildAgency,
  buildTaskForce,
  buildUser,
  createTestEnv,
  DB_KINDS,
  PASSWORD,
  type TestEnv,
} from './support.js';

const NIK = '5310016502010007';
const NAME = 'Yosefina Mbaru Lawe';

/**
 * The server log is outside encryption, retention and erasure: a search by NIK or name, a body
 * with a victim's identity, a mistyped address holding a NIK must leave none of it there.
 */
describe.each(DB_KINDS)('server log without personal data on %s', (kind) => {
  let env: TestEnv;
  let app: FastifyInstance;
  const lines: string[] = [];
  let cookie = '';
  let csrf = '';

  async function send(method: 'GET' | 'POST', url: string, payload?: object) {
    return app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { cookie, ...(method === 'POST' ? { 'x-csrf-token': csrf } : {}) },
    });
  }

  beforeAll(async () => {
    env = await createTestEnv(kind, { LOG_LEVEL: 'info' });
    // The same app as production builds, its log captured line by line.
    app = await buildApp(env.deps, { logStream: { write: (line: string) => lines.push(line) } });
    const tf = await buildTaskForce(env);
    const agency = await buildAgency(env, { taskForceId: tf.id });
    const user = await buildUser(env, ['case_manager'], { agencyId: agency.id });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    cookie = `sinergi_session=${login.cookies.find((c) => c.name === 'sinergi_session')!.value}`;
    csrf = login.json().csrfToken;

    const created = await send('POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'victim',
      risk: 'high',
    });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().id;
    const person = await send('POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'victim',
      fullName: NAME,
      nik: NIK,
      sex: 'Female',
      estimatedAge: 25,
    });
    expect(person.statusCode, person.body).toBe(201);
    expect((await send('GET', `/api/v1/cases?q=${NIK}`)).json().total).toBe(1);
    expect((await send('GET', `/api/v1/cases?q=${encodeURIComponent(NAME)}`)).statusCode).toBe(200);
    expect((await send('GET', `/api/v1/cases?q=${encodeURIComponent(NAME)}&pageSize=abc`)).statusCode).toBe(
      400,
    );
    // Addresses no route matches, and one the router cannot decode.
    expect((await send('GET', `/api/v1/kasus/${NIK}?nama=${encodeURIComponent(NAME)}`)).statusCode).toBe(404);
    expect((await send('GET', `/api/v1/cases/${NIK}%zz`)).statusCode).toBe(400);
    expect((await send('GET', `/api/v1/cases/${NIK}`)).statusCode).toBe(400);
    // A name typed where an id belongs: the route matches, the parameter must not be logged.
    expect((await send('GET', '/api/v1/cases/Yosefina')).statusCode).toBe(400);
  });
  afterAll(async () => {
    await app?.close();
    await env?.close();
  });

  it('logs each request by its route pattern, never the query, the body or an unmatched address', () => {
    const log = lines.join('');
    // The log is not empty: every request above was logged, by its pattern.
    expect(log).toContain('"route":"/api/v1/cases"');
    expect(log).toContain('"route":"/api/v1/cases/:id/persons"');
    expect(log).toContain('incoming request');
    for (const secret of [NIK, NAME, encodeURIComponent(NAME), 'Yosefina', 'Mbaru', NIK.slice(0, 10)]) {
      expect(log).not.toContain(secret);
    }
    // Neither the session cookie nor the CSRF token.
    expect(log).not.toContain(cookie.split('=')[1]);
    expect(log).not.toContain(csrf);
  });

  it('logs a path parameter only when it looks like an id', () => {
    const entries = lines.map(
      (l) => JSON.parse(l) as { req?: { route: string; params?: Record<string, string> } },
    );
    const withParams = entries.filter((e) => e.req?.params);
    expect(withParams.some((e) => /^[0-9a-f-]{36}$/.test(e.req!.params!.id ?? ''))).toBe(true);
    expect(withParams.some((e) => e.req!.params!.id === '[disaring]')).toBe(true);
  });
});
