import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWatchOf } from '../src/platform/db/write-watch.js';
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

/** Runs a statement through a connection of its own, as another process (the command line) would. */
async function fromOutside(env: TestEnv, text: string, values: unknown[]): Promise<void> {
  if (env.databaseUrl) {
    const client = new pg.Client({ connectionString: env.databaseUrl });
    await client.connect();
    try {
      await client.query(text, values);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new SQLite(env.sqliteFile!);
  try {
    db.prepare(text.replace(/\$\d+/g, '?')).run(...values);
  } finally {
    db.close();
  }
}

describe.each(DB_KINDS)('the session check kept between requests on %s', (kind) => {
  let env: TestEnv;
  let agencyId: string;

  beforeAll(async () => {
    env = await createTestEnv(kind, { SESSION_CHECK_SECONDS: '2' });
    const tf = await buildTaskForce(env);
    agencyId = (await buildAgency(env, { taskForceId: tf.id })).id;
  });
  afterAll(async () => env?.close());

  const newUser = async (): Promise<{ id: string; session: Session }> => {
    const u = await buildUser(env, ['case_manager'], { agencyId });
    return { id: u.id, session: await signIn(env, u.username) };
  };
  const me = (s: Session) => call(env, s, 'GET', '/api/v1/auth/me');

  it('sees a change made by another process only after SESSION_CHECK_SECONDS, and then ends the session', async () => {
    const { id, session } = await newUser();
    expect((await me(session)).statusCode).toBe(200);
    await fromOutside(env, 'update users set active = $1 where id = $2', [0, id]);
    // Within the two seconds the kept check still answers; this process did not see the write.
    env.clock.advance(1_000);
    expect((await me(session)).statusCode).toBe(200);
    env.clock.advance(1_500);
    expect((await me(session)).statusCode).toBe(401);
    // The session was ended for good, not only refused.
    await fromOutside(env, 'update users set active = $1 where id = $2', [1, id]);
    env.clock.advance(3_000);
    expect((await me(session)).statusCode).toBe(401);
  });

  it('refuses at the very next request a session this process revoked, and an account it disabled', async () => {
    const a = await newUser();
    const b = await newUser();
    const admin = await signIn(env, (await buildUser(env, ['admin'], { agencyId })).username);
    expect((await me(a.session)).statusCode).toBe(200);
    expect((await me(b.session)).statusCode).toBe(200);
    // Revoked through the same database handle the server uses, outside any route.
    await env.deps.db
      .updateTable('sessions')
      .set({ revoked_at: env.clock.now().toISOString(), revoked_reason: 'test' })
      .where('user_id', '=', a.id)
      .execute();
    expect((await me(a.session)).statusCode).toBe(401);
    // Disabled through the API: no time passes on the test clock, so only the watch can tell.
    const { version } = (await call(env, admin, 'GET', `/api/v1/users/${b.id}`)).json();
    const off = await call(env, admin, 'PATCH', `/api/v1/users/${b.id}`, { version, active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect((await me(b.session)).statusCode).toBe(401);
  });

  it('keeps nothing while a transaction that changed a user is open, and reads afresh once it commits', async () => {
    const { id, session } = await newUser();
    expect((await me(session)).statusCode).toBe(200);
    const watch = writeWatchOf(env.deps.db)!;
    const before = watch.generation;
    if (kind === 'postgres') {
      // PostgreSQL: a request runs on another connection while the transaction is open.
      await env.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ active: 0 }).where('id', '=', id).execute();
        expect(watch.pending).toBe(1);
        expect((await me(session)).statusCode).toBe(200);
      });
    } else {
      // SQLite has one connection: the transaction's write is counted until it ends.
      await env.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ active: 0 }).where('id', '=', id).execute();
        expect(watch.pending).toBe(1);
      });
    }
    expect(watch.pending).toBe(0);
    expect(watch.generation).toBeGreaterThanOrEqual(before + 2);
    expect((await me(session)).statusCode).toBe(401);
  });

  it('counts a rolled-back transaction as ended, so checks are kept again', async () => {
    const { id, session } = await newUser();
    const watch = writeWatchOf(env.deps.db)!;
    await expect(
      env.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ active: 0 }).where('id', '=', id).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(watch.pending).toBe(0);
    expect((await me(session)).statusCode).toBe(200);
    // Kept again: a change from outside is not seen within the two seconds.
    await fromOutside(env, 'update users set active = $1 where id = $2', [0, id]);
    expect((await me(session)).statusCode).toBe(200);
    env.clock.advance(2_000);
    expect((await me(session)).statusCode).toBe(401);
  });

  it('keeps the activity stamp without dropping the kept checks of other sessions', async () => {
    const a = await newUser();
    const b = await newUser();
    expect((await me(a.session)).statusCode).toBe(200);
    expect((await me(b.session)).statusCode).toBe(200);
    const watch = writeWatchOf(env.deps.db)!;
    const before = watch.generation;
    // A minute later a's next request stamps its activity: not a change that makes checks stale.
    env.clock.advance(61_000);
    expect((await me(a.session)).statusCode).toBe(200);
    const seen = await env.deps.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('user_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(seen.last_seen_at).toBe(env.clock.now().toISOString());
    expect(watch.generation).toBe(before);
  });

  it('reads afresh when the clock went back, rather than keeping a check longer', async () => {
    const { id, session } = await newUser();
    expect((await me(session)).statusCode).toBe(200);
    await fromOutside(env, 'update users set active = $1 where id = $2', [0, id]);
    env.clock.advance(-10_000);
    expect((await me(session)).statusCode).toBe(401);
  });

  it('reads every time with SESSION_CHECK_SECONDS=0', async () => {
    const other = await createTestEnv(kind, { SESSION_CHECK_SECONDS: '0' });
    try {
      const tf = await buildTaskForce(other);
      const agency = await buildAgency(other, { taskForceId: tf.id });
      const u = await buildUser(other, ['case_manager'], { agencyId: agency.id });
      const session = await signIn(other, u.username);
      expect((await call(other, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
      await fromOutside(other, 'update users set active = $1 where id = $2', [0, u.id]);
      expect((await call(other, session, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });
});
