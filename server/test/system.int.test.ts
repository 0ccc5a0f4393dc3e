import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/platform/db/connect.js';
import { MIGRATION_NAMES, migrateToLatest, pendingMigrations } from '../src/platform/db/migrate.js';
import {
  buildUser,
  call,
  createTestDatabase,
  createTestEnv,
  DB_KINDS,
  type Session,
  signIn,
  type TestEnv,
} from './support.js';

describe.each(DB_KINDS)('platform on %s', (kind) => {
  let env: TestEnv;
  let user: Session;
  beforeAll(async () => {
    env = await createTestEnv(kind);
    user = await signIn(env, (await buildUser(env, ['case_manager'])).username);
  });
  afterAll(async () => env?.close());

  it('migrates an empty database to the latest schema, and a second run changes nothing', async () => {
    const db = await createTestDatabase(kind);
    try {
      const all = MIGRATION_NAMES;
      expect(all.slice(0, 3)).toEqual([
        '202611281500_foundation',
        '202611281600_cases',
        '202611290000_case_list',
      ]);
      expect([...all].sort()).toEqual(all);
      expect(await pendingMigrations(db.handle.db)).toEqual(all);
      expect(await migrateToLatest(db.handle.db)).toEqual(all);
      expect(await migrateToLatest(db.handle.db)).toEqual([]);
      expect(await pendingMigrations(db.handle.db)).toEqual([]);
      const tables = [
        'task_forces',
        'agencies',
        'users',
        'user_roles',
        'sessions',
        'audit_events',
        'settings',
        'idempotency_keys',
        'meetings',
        'meeting_actions',
        'security_alerts',
        'import_mappings',
        'import_jobs',
        'import_keys',
      ];
      for (const t of tables) {
        // biome-ignore lint/suspicious/noExplicitAny: probing each table by name
        await expect((db.handle.db as any).selectFrom(t).selectAll().limit(1).execute()).resolves.toEqual([]);
      }
    } finally {
      await db.handle.close();
      await db.cleanup();
    }
  });

  it('reports health and readiness', async () => {
    expect((await call(env, null, 'GET', '/api/health')).json()).toEqual({ status: 'ok' });
    expect((await call(env, null, 'GET', '/api/ready')).json()).toEqual({ status: 'ready', database: kind });
  });

  it('reports not ready while migrations are pending', async () => {
    const db = await createTestDatabase(kind);
    const bare = await createTestEnv(kind);
    try {
      const { buildApp } = await import('../src/app.js');
      const app = await buildApp({ ...bare.deps, db: db.handle.db }, { logger: false });
      const res = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json().reason).toBe('migrations_pending');
      await app.close();
    } finally {
      await db.handle.close();
      await db.cleanup();
      await bare.close();
    }
  });

  it('serves the regions of Kabupaten Manggarai and the countries', async () => {
    const districts = await call(env, user, 'GET', '/api/v1/regions?parent=53.10');
    expect(districts.statusCode).toBe(200);
    const items = districts.json().items as { code: string; name: string; level: string }[];
    expect(items).toHaveLength(12);
    expect(items.map((d) => d.name)).toEqual(expect.arrayContaining(['Langke Rembong', 'Cibal', 'Ruteng']));
    expect(items.every((d) => d.level === 'district')).toBe(true);
    const provinces = (await call(env, user, 'GET', '/api/v1/regions')).json().items;
    expect(provinces.find((p: { code: string }) => p.code === '53').name).toBe('Nusa Tenggara Timur');
    const one = (await call(env, user, 'GET', '/api/v1/regions/53.10.03')).json();
    expect(one.path.map((p: { code: string }) => p.code)).toEqual(['53', '53.10']);
    const search = (await call(env, user, 'GET', '/api/v1/regions?q=manggarai&level=regency')).json().items;
    expect(search.map((r: { code: string }) => r.code).sort()).toEqual(['53.10', '53.15', '53.19']);
    expect((await call(env, user, 'GET', '/api/v1/regions?parent=99.99')).statusCode).toBe(404);
    expect((await call(env, user, 'GET', '/api/v1/regions?parent=abc')).statusCode).toBe(400);
    const countries = (await call(env, user, 'GET', '/api/v1/countries')).json().items;
    expect(countries.find((c: { code: string }) => c.code === 'MY')).toMatchObject({
      nameId: 'Malaysia',
      nameEn: 'Malaysia',
    });
    expect(countries.find((c: { code: string }) => c.code === 'DE').nameId).toBe('Jerman');
    expect(countries.length).toBeGreaterThan(240);
  });

  it('requires a session for reference data', async () => {
    expect((await call(env, null, 'GET', '/api/v1/countries')).statusCode).toBe(401);
  });

  it('answers unknown API paths with the one error shape and a request id', async () => {
    const res = await call(env, user, 'GET', '/api/v1/tidak-ada');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' }, requestId: expect.any(String) });
    expect(res.headers['x-request-id']).toBe(res.json().requestId);
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const big = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2_000_000) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
  });

  it('sends security headers and forbids caching of API answers', async () => {
    const res = await call(env, user, 'GET', '/api/v1/auth/me');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('publishes an OpenAPI document listing the endpoints, and readable docs', async () => {
    const doc = (await call(env, null, 'GET', '/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/health',
      '/api/ready',
      '/api/v1/auth/login',
      '/api/v1/auth/logout',
      '/api/v1/auth/me',
      '/api/v1/auth/password',
      '/api/v1/regions',
      '/api/v1/countries',
      '/api/v1/agencies',
      '/api/v1/agencies/{id}',
      '/api/v1/users',
      '/api/v1/users/{id}',
      '/api/v1/audit',
      '/api/v1/taskforces',
      '/api/v1/cases',
      '/api/v1/cases/{id}',
      '/api/v1/cases/{id}/persons',
      '/api/v1/cases/{id}/persons/{personId}',
      '/api/v1/cases/{id}/screenings',
      '/api/v1/cases/{id}/transitions',
      '/api/v1/cases/{id}/timeline',
      '/api/v1/cases/{id}/documents',
      '/api/v1/cases/export.xlsx',
      '/api/v1/screening-checklist',
    ]) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
    const docs = await env.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    // The docs page lets Swagger UI set styles, keeps scripts pinned and loads nothing from elsewhere.
    const docsCsp = String(docs.headers['content-security-policy']);
    expect(docsCsp).toContain("style-src 'self' 'unsafe-inline'");
    expect(docsCsp).toMatch(/script-src 'self'(;| 'sha256-)/);
    expect(docsCsp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(docsCsp).not.toContain('validator.swagger.io');
    expect(docsCsp).not.toContain('https:');
    expect(docsCsp).toContain("frame-ancestors 'none'");
    // The API's own policy is unchanged.
    const apiCsp = String(
      (await env.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy'],
    );
    expect(apiCsp).toContain("script-src 'self';");
    expect(apiCsp).not.toContain('sha256-');
  });
});

describe('database selection', () => {
  it('opens SQLite with foreign keys and WAL', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      const { sql } = await import('kysely');
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db.handle.db);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
      const wal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db.handle.db);
      expect(wal.rows[0]?.journal_mode).toBe('wal');
    } finally {
      await db.handle.close();
      await db.cleanup();
    }
  });
  it('chooses PostgreSQL for a postgres:// URL', () => {
    const h = connectDatabase({ databaseUrl: 'postgres://u:p@127.0.0.1:1/x' });
    expect(h.kind).toBe('postgres');
    return h.close();
  });
});
