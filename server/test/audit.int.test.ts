import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/platform/audit.js';
import { recordRead } from '../src/platform/audit-reads.js';
import { buildUser, call, createTestEnv, DB_KINDS, signIn, type TestEnv } from './support.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** Runs the CLI from source against the test database. */
async function cli(env: TestEnv, args: string[]) {
  const dbEnv = env.databaseUrl
    ? { DATABASE_URL: env.databaseUrl, DATA_DIR: env.dataDir }
    : { DATA_DIR: env.dataDir };
  try {
    const r = await run(
      process.execPath,
      ['--conditions=sinergi-source', '--import', 'tsx', 'server/src/main.ts', ...args],
      {
        cwd: root,
        env: { ...process.env, ...dbEnv, LOG_LEVEL: 'silent' },
      },
    );
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe.each(DB_KINDS)('audit trail on %s', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(kind);
  });
  afterAll(async () => env?.close());

  it('chains every event to the previous one and refuses updates and deletes', async () => {
    const u = await buildUser(env, ['analyst']);
    await signIn(env, u.username);
    await call(env, null, 'POST', '/api/v1/auth/login', { username: u.username, password: 'Salah-Sandi-99' });
    const result = await verifyAuditChain(env.deps.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(3);
    await expect(env.deps.db.updateTable('audit_events').set({ action: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(env.deps.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
  });

  it('records every one of many concurrent reads, answered only after its record is committed, in one intact chain', async () => {
    const before = await env.deps.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const reads = Array.from({ length: 40 }, (_, i) =>
      recordRead(
        env.deps,
        { userId: null, agencyId: null },
        { requestId: `concurrent-${i}`, ip: null },
        { action: 'stats.read', details: { indicator: 'cases', n: i } },
      ).then(async () => {
        // Resolved means committed: the record is there for anyone to read.
        const row = await env.deps.db
          .selectFrom('audit_events')
          .select('request_id')
          .where('request_id', '=', `concurrent-${i}`)
          .executeTakeFirst();
        return row?.request_id;
      }),
    );
    // A change recorded meanwhile in its own transaction joins the same chain.
    const change = signIn(env, (await buildUser(env, ['analyst'])).username);
    expect(await Promise.all(reads)).toEqual(Array.from({ length: 40 }, (_, i) => `concurrent-${i}`));
    await change;
    const after = await env.deps.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBeGreaterThanOrEqual(41);
    expect((await verifyAuditChain(env.deps.db)).ok).toBe(true);
    // Reads committed together keep the order they were made in.
    const order = await env.deps.db
      .selectFrom('audit_events')
      .select('request_id')
      .where('request_id', 'like', 'concurrent-%')
      .orderBy('seq')
      .execute();
    expect(order.map((r) => r.request_id)).toEqual(Array.from({ length: 40 }, (_, i) => `concurrent-${i}`));
  });

  it('detects an event altered directly in the database, naming the first broken link', async () => {
    const u = await buildUser(env, ['coordinator']);
    await signIn(env, u.username);
    const target = await env.deps.db
      .selectFrom('audit_events')
      .select(['seq', 'id'])
      .where('action', '=', 'auth.login')
      .where('entity_id', '=', u.id)
      .executeTakeFirstOrThrow();
    // Someone with database access bypasses the append-only guard and rewrites history.
    if (kind === 'postgres') {
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(env.deps.db);
      await sql`update audit_events set outcome = 'failure' where id = ${target.id}`.execute(env.deps.db);
    } else {
      await sql`drop trigger audit_events_no_update`.execute(env.deps.db);
      await sql`update audit_events set outcome = 'failure' where id = ${target.id}`.execute(env.deps.db);
    }
    const result = await verifyAuditChain(env.deps.db);
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toMatchObject({
      seq: Number(target.seq),
      id: target.id,
      reason: 'hash_mismatch',
    });
    expect(result.checked).toBe(Number(target.seq) - 1);
  });

  it('reports the broken chain through `sinergi audit verify` with a non-zero exit', async () => {
    const r = await cli(env, ['audit', 'verify']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Audit trail BROKEN at event #\d+ .*altered/);
  }, 60_000);
});

describe('sinergi audit verify on an intact chain', () => {
  it('says the chain is intact with the number of events checked', async () => {
    const env = await createTestEnv('sqlite');
    try {
      await buildUser(env, ['admin']); // an agency and a user: two events
      const r = await cli(env, ['audit', 'verify']);
      expect(r.stdout).toMatch(/Audit trail intact: 2 events checked\./);
      expect(r.code).toBe(0);
    } finally {
      await env.close();
    }
  }, 60_000);
});
