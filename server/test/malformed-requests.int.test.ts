import fs from 'node:fs';
import path from 'node:path';
import { ROLES } from '@sinergi/core';
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
 * What a flaky mobile connection and a careless client send: multipart bodies cut off mid-way,
 * uploads with too many fields or over the size limit, paths the router cannot decode, numbers
 * past any sense. Each answers 4xx in the API's error shape with a request id, never 500, and no
 * upload leaves a file behind.
 */

const BOUNDARY = '----sinergi-uji';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function multipart(parts: { name: string; value: string | Buffer; filename?: string }[], end = true): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    const type = p.filename ? '\r\nContent-Type: application/octet-stream' : '';
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value));
    chunks.push(Buffer.from('\r\n'));
  }
  if (end) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

type ErrorBody = {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
  requestId?: string;
};

function expectErrorShape(status: number, body: string, expected: number[]) {
  expect(expected, body).toContain(status);
  const parsed = JSON.parse(body) as ErrorBody;
  expect(parsed.error?.code, body).toBeTruthy();
  expect(parsed.error?.message, body).toBeTruthy();
  expect(parsed.requestId, body).toMatch(/^[0-9a-f-]{36}$/);
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describe.each(DB_KINDS)('malformed requests on %s', (kind) => {
  let env: TestEnv;
  let session: Session;
  let uploadPaths: { method: string; path: string }[] = [];

  beforeAll(async () => {
    env = await createTestEnv(kind, { DOCUMENT_MAX_BYTES: '4096' });
    const tf = await buildTaskForce(env);
    const agency = await buildAgency(env, { taskForceId: tf.id });
    // Every role, so no permission check answers before the body is read.
    session = await signIn(env, (await buildUser(env, [...ROLES], { agencyId: agency.id })).username);
    // Upload operations say so in their summary or description (their body is read as a stream,
    // so the document carries no body schema for them).
    const doc = (await call(env, session, 'GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { summary?: string; description?: string }>>;
    };
    uploadPaths = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => `${op.summary ?? ''} ${op.description ?? ''}`.includes('multipart field'))
        .map(([method]) => ({ method: method.toUpperCase(), path: p })),
    );
  });
  afterAll(async () => env?.close());

  function upload(route: { method: string; path: string }, payload: Buffer) {
    const valid: Record<string, string> = { year: '2026', period: '1' };
    const url = route.path.replace(
      /\{(\w+)\}/g,
      (_, name: string) => valid[name] ?? '00000000-0000-4000-8000-000000000000',
    );
    return env.app.inject({
      method: route.method as 'POST',
      url,
      payload,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      },
    });
  }

  it('answers 400 to an upload cut off mid-way, 413 to one with too many fields or over the limit, on every upload route, and keeps no file', async () => {
    expect(uploadPaths.length).toBeGreaterThanOrEqual(7);
    const complete = multipart([{ name: 'file', value: PNG, filename: 'bukti.png' }]);
    const cut = complete.subarray(0, complete.length - 30);
    const manyFields = multipart([
      ...Array.from({ length: 8 }, (_, i) => ({ name: `isian${i}`, value: 'x' })),
      { name: 'file', value: PNG, filename: 'bukti.png' },
    ]);
    const oversized = multipart([
      { name: 'file', value: Buffer.concat([PNG, Buffer.alloc(8192, 1)]), filename: 'besar.png' },
    ]);
    for (const route of uploadPaths) {
      const label = `${route.method} ${route.path}`;
      const a = await upload(route, cut);
      expectErrorShape(a.statusCode, a.body, [400]);
      expect((JSON.parse(a.body) as ErrorBody).error?.fields?.file, label).toBeTruthy();
      const b = await upload(route, manyFields);
      expectErrorShape(b.statusCode, b.body, [413]);
      const c = await upload(route, oversized);
      expectErrorShape(c.statusCode, c.body, [413]);
    }
    expect(filesUnder(path.join(env.dataDir, 'documents'))).toEqual([]);
  });

  it('answers a path the router cannot decode, or an over-long id, in the error shape without echoing it', async () => {
    for (const url of [
      '/api/v1/cases/%E0%A4%A',
      `/api/v1/cases/${'a'.repeat(400)}`,
      '/api/v1/cases/%zz/persons',
    ]) {
      const res = await call(env, session, 'GET', url);
      expectErrorShape(res.statusCode, res.body, [400]);
      expect(res.body).not.toContain('%zz');
      expect(res.body).not.toContain('aaaaaaaaaa');
      expect(res.headers['x-request-id']).toBe(JSON.parse(res.body).requestId);
    }
  });

  it('bounds the CTDC k in the request: a number past any data set is refused with 400, not 500', async () => {
    for (const k of ['99999999999999999999', '1001', '4', '11.5', 'true']) {
      const res = await call(
        env,
        session,
        'GET',
        `/api/v1/exports/ctdc/summary?from=2026-01-01&to=2026-12-31&k=${k}`,
      );
      expectErrorShape(res.statusCode, res.body, [400]);
      expect(JSON.parse(res.body).error.fields.k, k).toBeTruthy();
    }
    const ok = await call(
      env,
      session,
      'GET',
      '/api/v1/exports/ctdc/summary?from=2026-01-01&to=2026-12-31&k=11',
    );
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
