import { expect } from 'vitest';
import { call, type Session, type TestEnv } from './support.js';

export interface MatrixUser {
  name: string;
  session: Session;
}

export interface Operation {
  method: string;
  path: string;
}

/** The operations of the OpenAPI document whose path passes `keep`, one per method. */
export async function operationsOf(env: TestEnv, keep: (path: string) => boolean): Promise<Operation[]> {
  const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths)
    .filter(([p]) => keep(p))
    .flatMap(([p, methods]) =>
      Object.keys(methods)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), path: p })),
    );
}

/**
 * Calls every operation as every user with the ids `urlOf` fills in; each answer must be 404, a
 * role-level 403 or a 400 about the request's own shape, and carry none of `secrets`.
 */
export async function expectRefusedEverywhere(
  env: TestEnv,
  who: MatrixUser[],
  ops: Operation[],
  urlOf: (path: string) => string,
  secrets: string[],
  when = '',
): Promise<void> {
  for (const op of ops) {
    const url = urlOf(op.path);
    for (const o of who) {
      const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : { version: 1 };
      const res = await call(env, o.session, op.method as 'GET', url, body);
      const where = `${when ? `${when}, ` : ''}${o.name}: ${op.method} ${op.path} answered ${res.statusCode} ${res.body.slice(0, 200)}`;
      const code = res.statusCode === 400 ? res.json().error.code : null;
      expect(res.statusCode === 404 || res.statusCode === 403 || code === 'validation_failed', where).toBe(
        true,
      );
      for (const s of secrets) expect(res.body.includes(s), `${where} leaks "${s}"`).toBe(false);
    }
  }
}
