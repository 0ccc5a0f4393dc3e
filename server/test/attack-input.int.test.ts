import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/modules/demo/demo.seed.js';
import { call, createTestEnv, DB_KINDS, type Session, signIn, type TestEnv } from './support.js';

/**
 * Malformed input over every operation of the OpenAPI document, as a signed-in case manager,
 * coordinator and administrator: wrong types, missing and unknown fields, very long strings,
 * unicode, SQL and script payloads, ids that are not ids. No answer may be a 5xx, every refusal
 * has the error shape, and a refused request stores nothing.
 */

const PAYLOADS = [
  "' OR 1=1 --",
  "'; drop table cases; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '𝕊𝕚𝕟𝕖𝕣𝕘𝕚 👩‍👧 ṭḗṡṫ',
  'x'.repeat(20_000),
  '-1',
  '1e309',
  'null',
  '{"$gt":""}',
];

// Operations that end the caller's own session or credentials are exercised by their own tests.
const SKIP = [/^\/api\/v1\/auth\/(logout|password|mfa\/)/, /^\/api\/v1\/auth\/login$/];

type Operation = { method: string; path: string; bodyKeys: string[]; queryKeys: string[] };

function operationsOf(doc: {
  paths: Record<
    string,
    Record<string, { requestBody?: unknown; parameters?: { in: string; name: string }[] }>
  >;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    if (SKIP.some((re) => re.test(p))) continue;
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const body = op.requestBody as
        | { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }
        | undefined;
      const json = body?.content?.['application/json']?.schema?.properties ?? {};
      ops.push({
        method: method.toUpperCase(),
        path: p,
        bodyKeys: Object.keys(json),
        queryKeys: (op.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name),
      });
    }
  }
  return ops;
}

const value = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

const pathValue = fc.oneof(
  fc.uuid(),
  fc.constantFrom(...PAYLOADS.filter((p) => p.length < 200)),
  fc.string({ minLength: 1, maxLength: 40 }),
);

async function tableCounts(env: TestEnv): Promise<Record<string, number>> {
  const tables = [
    'cases',
    'persons',
    'consents',
    'screenings',
    'documents',
    'users',
    'agencies',
    'case_events',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const row = await env.deps.db
      .selectFrom(t as 'cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(row.n);
  }
  return out;
}

describe.each(DB_KINDS)('malformed input on %s', (kind) => {
  let env: TestEnv;
  let sessions: Session[];
  let ops: Operation[];
  let caseId: string;

  beforeAll(async () => {
    env = await createTestEnv(kind, { API_RATE_LIMIT: '1000000' });
    const seeded = await seedDemo(env.deps, 'Demo-Lingko-Sawah-2026');
    expect(seeded.status).toBe('seeded');
    sessions = [];
    for (const u of ['manajer.uptdppa', 'koordinator.dp3a', 'admin'])
      sessions.push(await signIn(env, u, 'Demo-Lingko-Sawah-2026'));
    caseId = (await env.deps.db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id;
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    ops = operationsOf(doc);
  }, 120_000);
  afterAll(async () => env?.close());

  it('never answers 5xx, refuses with the error shape, and stores nothing it refused', async () => {
    expect(ops.length).toBeGreaterThan(30);
    let requests = 0;
    for (const op of ops) {
      const before = await tableCounts(env);
      let allRefused = true;
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: 2 }),
          fc.array(pathValue, { minLength: 3, maxLength: 3 }),
          fc.dictionary(fc.constantFrom(...(op.queryKeys.length ? op.queryKeys : ['x'])), value, {
            maxKeys: 4,
          }),
          fc.oneof(
            fc.dictionary(fc.constantFrom(...(op.bodyKeys.length ? op.bodyKeys : ['x'])), value, {
              maxKeys: 6,
            }),
            value,
          ),
          fc.boolean(),
          async (who, ids, query, body, realCase) => {
            let i = 0;
            const url = op.path.replace(/\{[^}]+\}/g, (name) => {
              const v =
                realCase && name === '{id}' && op.path.startsWith('/api/v1/cases') ? caseId : ids[i++ % 3]!;
              return encodeURIComponent(v);
            });
            const qs = new URLSearchParams(
              Object.entries(query).map(([k, v]): [string, string] => [
                k,
                typeof v === 'string' ? v : JSON.stringify(v),
              ]),
            ).toString();
            const res = await call(
              env,
              sessions[who]!,
              op.method as 'GET',
              `${url}${qs ? `?${qs}` : ''}`,
              op.method === 'GET' || op.method === 'DELETE' ? undefined : body,
            );
            requests++;
            expect(res.statusCode, `${op.method} ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
            if (res.statusCode >= 400) {
              const err = res.json();
              expect(err.error.code, `${op.method} ${url}`).toEqual(expect.any(String));
              expect(err.error.message).toEqual(expect.any(String));
            } else if (op.method !== 'GET') allRefused = false;
          },
        ),
        { numRuns: 25, seed: 20261129 },
      );
      if (allRefused)
        expect(await tableCounts(env), `${op.method} ${op.path} stored something`).toEqual(before);
    }
    expect(requests).toBeGreaterThan(ops.length * 10);
  }, 600_000);

  it('refuses an oversized body with 413 and nothing stored', async () => {
    const before = await tableCounts(env);
    const res = await call(env, sessions[0]!, 'POST', '/api/v1/cases', { narrative: 'x'.repeat(2_000_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(await tableCounts(env)).toEqual(before);
  });
});
