import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '@sinergi/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';
import { createAgency } from '../src/modules/agencies/agency.service.js';
import { createTaskForce } from '../src/modules/taskforces/taskforce.service.js';
import { createUser } from '../src/modules/users/user.service.js';
import { setMfaRequiredRoles } from '../src/platform/auth/mfa.js';
import { ManualClock } from '../src/platform/clock.js';
import type { AppDeps } from '../src/platform/context.js';
import { FieldCipher } from '../src/platform/crypto.js';
import { connectDatabase, type DbKind } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { openCipher } from '../src/platform/keys/key-state.js';
import { ReferenceData } from '../src/platform/reference.js';

export const DB_KINDS: DbKind[] = ['sqlite', 'postgres'];
export const PASSWORD = 'Kopi-Lingko-Pagi-7';
const reference = new ReferenceData();
const cipher = new FieldCipher({ k1: randomBytes(32) }, 'k1');

export interface TestEnv {
  deps: AppDeps;
  clock: ManualClock;
  app: FastifyInstance;
  sqliteFile?: string;
  databaseUrl?: string;
  dataDir: string;
  close(): Promise<void>;
}

/** A fresh, migrated database of the given kind: a temp SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(kind: DbKind) {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-test-'));
    const sqliteFile = path.join(dir, 'sinergi.sqlite');
    const handle = connectDatabase({ sqliteFile });
    return {
      handle,
      sqliteFile,
      dataDir: dir,
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject('pgUrl');
  const name = `sinergi_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const handle = connectDatabase({ databaseUrl });
  // PostgreSQL deployments still keep their key file under DATA_DIR.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-test-'));
  return {
    handle,
    databaseUrl,
    dataDir,
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** The app on a fresh database, with a clock the test controls. */
export async function createTestEnv(
  kind: DbKind,
  env: Record<string, string> = {},
  opts: { mfaRequired?: boolean; realKeys?: boolean } = {},
): Promise<TestEnv> {
  const db = await createTestDatabase(kind);
  await migrateToLatest(db.handle.db);
  // Tests sign in with a password only, unless they are about two-step verification.
  if (!opts.mfaRequired) await setMfaRequiredRoles(db.handle.db, [], new Date());
  const config: Config = loadConfig({
    LOGIN_RATE_LIMIT: '10000',
    API_RATE_LIMIT: '100000',
    LOG_LEVEL: 'silent',
    DATA_DIR: db.dataDir,
    ...env,
  });
  const clock = new ManualClock(new Date('2026-11-28T01:00:00.000Z'));
  // `realKeys`: the keys come from DATA_DIR or the environment as in production (key rotation tests).
  const keys = opts.realKeys ? (await openCipher(db.handle.db, config, () => clock.now())).cipher : cipher;
  const deps: AppDeps = { db: db.handle.db, dbKind: db.handle.kind, config, clock, reference, cipher: keys };
  const app = await buildApp(deps, { logger: false });
  return {
    deps,
    clock,
    app,
    sqliteFile: 'sqliteFile' in db ? db.sqliteFile : undefined,
    databaseUrl: 'databaseUrl' in db ? db.databaseUrl : undefined,
    dataDir: db.dataDir,
    async close() {
      await app.close();
      await db.handle.close();
      await db.cleanup();
    },
  };
}

const meta = { requestId: 'test', ip: null };

/** An agency with defaults; override what the test cares about. */
export function buildAgency(env: TestEnv, overrides: Partial<Parameters<typeof createAgency>[3]> = {}) {
  const n = randomUUID().slice(0, 8);
  return createAgency(env.deps, null, meta, {
    name: `Instansi Uji ${n}`,
    shortName: `UJI-${n}`,
    htcdsType: 'LocalGovernmentOrganisation',
    sector: 'social',
    regionCode: '53.10',
    active: true,
    ...overrides,
  });
}

/** A user with the given roles in a new (or given) agency. */
export async function buildUser(
  env: TestEnv,
  roles: Role[],
  overrides: { agencyId?: string; username?: string } = {},
) {
  const agencyId = overrides.agencyId ?? (await buildAgency(env)).id;
  const username = overrides.username ?? `${roles[0]}.${randomUUID().slice(0, 6)}`;
  return createUser(env.deps, null, meta, {
    username,
    displayName: `Pengguna ${username}`,
    email: null,
    agencyId,
    roles,
    password: PASSWORD,
  });
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

/** Signs in through the API and returns what later requests need. */
export async function signIn(env: TestEnv, username: string, password = PASSWORD): Promise<Session> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sinergi_session');
  const body = res.json() as { csrfToken: string; user: { id: string } };
  return { cookie: `sinergi_session=${cookie!.value}`, csrf: body.csrfToken, userId: body.user.id };
}

/** An API call as a signed-in user, with the CSRF header on state-changing requests. */
export function call(
  env: TestEnv,
  session: Session | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return env.app.inject({
    method,
    url,
    ...(payload !== undefined && { payload: payload as object }),
    headers: {
      ...(session && { cookie: session.cookie }),
      ...(session && method !== 'GET' && { 'x-csrf-token': session.csrf }),
      ...headers,
    },
  });
}

/** Audit events of one action, oldest first. */
export function auditEvents(env: TestEnv, action: string) {
  return env.deps.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

/** A regency task force (Manggarai by default). */
export function buildTaskForce(env: TestEnv, regionCode = '53.10') {
  return createTaskForce(env.deps, meta, {
    name: `Gugus Tugas ${regionCode} ${randomUUID().slice(0, 4)}`,
    level: 'regency',
    regionCode,
    timeZone: 'Asia/Makassar',
    parentId: null,
  });
}

/** A multipart/form-data body with a file field `file` (and optional text fields before it). */
export function multipart(filename: string, data: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----sinergi-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
  );
  parts.push(data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
