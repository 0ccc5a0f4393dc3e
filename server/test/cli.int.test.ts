import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestDatabase, createTestEnv, DB_KINDS, signIn, type TestEnv } from './support.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

async function sinergi(dbEnv: Record<string, string>, args: string[]) {
  try {
    const r = await run(
      process.execPath,
      ['--conditions=sinergi-source', '--import', 'tsx', 'server/src/main.ts', ...args],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...dbEnv, LOG_LEVEL: 'silent' },
      },
    );
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe.each(DB_KINDS)('the sinergi command on %s', (kind) => {
  let env: TestEnv;
  let dbEnv: Record<string, string>;
  beforeAll(async () => {
    env = await createTestEnv(kind);
    dbEnv = env.databaseUrl
      ? { DATABASE_URL: env.databaseUrl, DATA_DIR: env.dataDir }
      : { DATA_DIR: env.dataDir };
  });
  afterAll(async () => env?.close());

  it('seeds the demo task force once, with the given password, and refuses a second seeding quietly', async () => {
    const first = await sinergi({ ...dbEnv, SINERGI_DEMO_PASSWORD: 'Demo-Lingko-Sawah-2026' }, [
      'seed',
      '--demo',
    ]);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/Demo task force seeded/);
    const s = await signIn(env, 'manajer.uptdppa', 'Demo-Lingko-Sawah-2026');
    const me = (await call(env, s, 'GET', '/api/v1/auth/me')).json();
    expect(me.user.agencyShortName).toBe('UPTD PPA Manggarai');
    expect(me.taskForce).toMatchObject({
      name: 'Gugus Tugas PP TPPO Kabupaten Manggarai',
      regionCode: '53.10',
      timeZone: 'Asia/Makassar',
    });
    expect(me.demo).toBe(true);
    const status = (await call(env, null, 'GET', '/api/v1/auth/status')).json();
    expect(status.demoUsers.map((u: { username: string }) => u.username)).toContain('manajer.uptdppa');
    expect(JSON.stringify(status)).not.toContain('Demo-Lingko-Sawah-2026');
    const agencies = (await call(env, s, 'GET', '/api/v1/agencies?pageSize=100')).json();
    expect(agencies.items.map((a: { shortName: string }) => a.shortName)).toEqual(
      expect.arrayContaining([
        'UPTD PPA Manggarai',
        'Polres Manggarai',
        'Kejari Manggarai',
        'Dinsos Manggarai',
        'RSUD Ben Mboi',
        'BP3MI NTT',
        'Imigrasi Labuan Bajo',
        'IOM Indonesia',
      ]),
    );
    const again = await sinergi(dbEnv, ['seed', '--demo']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/already present/);
  }, 60_000);

  it('creates a user with several roles, resets the password and disables the user', async () => {
    const create = await sinergi(dbEnv, [
      'user',
      'create',
      '--username',
      'penyidik.baru',
      '--password',
      'Lingko-Lodok-1234',
      '--agency',
      'polres manggarai',
      '--role',
      'investigator',
      '--role',
      'analyst',
    ]);
    expect(create.code, create.out).toBe(0);
    const s = await signIn(env, 'penyidik.baru', 'Lingko-Lodok-1234');
    expect((await call(env, s, 'GET', '/api/v1/auth/me')).json().user.roles).toEqual([
      'analyst',
      'investigator',
    ]);
    const reset = await sinergi(dbEnv, [
      'user',
      'reset-password',
      '--username',
      'penyidik.baru',
      '--password',
      'Compang-Lingko-5678',
    ]);
    expect(reset.code, reset.out).toBe(0);
    // The server sees a change made by another process within SESSION_CHECK_SECONDS (2 by default).
    env.clock.advance(2_000);
    expect((await call(env, s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    await signIn(env, 'penyidik.baru', 'Compang-Lingko-5678');
    const disable = await sinergi(dbEnv, ['user', 'disable', '--username', 'penyidik.baru']);
    expect(disable.code, disable.out).toBe(0);
    const login = await call(env, null, 'POST', '/api/v1/auth/login', {
      username: 'penyidik.baru',
      password: 'Compang-Lingko-5678',
    });
    expect(login.statusCode).toBe(401);
  }, 60_000);

  it('fails with a clear message on bad input', async () => {
    const weak = await sinergi(dbEnv, [
      'user',
      'create',
      '--username',
      'lemah',
      '--password',
      'password123',
      '--agency',
      'Polres Manggarai',
      '--role',
      'analyst',
    ]);
    expect(weak.code).not.toBe(0);
    expect(weak.out).toMatch(/too common/);
    const agency = await sinergi(dbEnv, [
      'user',
      'create',
      '--username',
      'x.y',
      '--password',
      'Lingko-Lodok-1234',
      '--agency',
      'Tidak Ada',
      '--role',
      'analyst',
    ]);
    expect(agency.code).not.toBe(0);
    expect(agency.out).toMatch(/No agency with the short name "Tidak Ada"/);
    const role = await sinergi(dbEnv, [
      'user',
      'create',
      '--username',
      'x.y',
      '--password',
      'Lingko-Lodok-1234',
      '--agency',
      'Polres Manggarai',
      '--role',
      'bupati',
    ]);
    expect(role.code).not.toBe(0);
    expect(role.out).toMatch(/Unknown role bupati/);
    const missing = await sinergi(dbEnv, ['user', 'disable', '--username', 'hantu']);
    expect(missing.code).not.toBe(0);
    expect(missing.out).toMatch(/No user "hantu"/);
  }, 60_000);
});

describe('the sinergi command and its environment', () => {
  it('refuses a bad configuration with the variable named', async () => {
    const r = await sinergi({ PORT: 'abc', DATA_DIR: '/tmp' }, ['migrate']);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/PORT="abc": must be a number/);
  }, 30_000);
  it('migrates a new SQLite database under DATA_DIR', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      const r = await sinergi({ DATA_DIR: db.dataDir }, ['migrate']);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toMatch(/Applied: 202611281500_foundation, 202611281600_cases/);
      const again = await sinergi({ DATA_DIR: db.dataDir }, ['migrate']);
      expect(again.out).toMatch(/up to date/);
    } finally {
      await db.handle.close();
      await db.cleanup();
    }
  }, 30_000);
  it('bootstraps a deployment without demo data: task force, agency, first administrator', async () => {
    const db = await createTestDatabase('sqlite');
    const env = { DATA_DIR: db.dataDir };
    try {
      const tf = await sinergi(env, [
        'taskforce',
        'create',
        '--name',
        'Gugus Tugas PP TPPO Kabupaten Manggarai Barat',
        '--level',
        'regency',
        '--region',
        '53.15',
      ]);
      expect(tf.code, tf.out).toBe(0);
      const id = /\(([0-9a-f-]{36})\)/.exec(tf.out)![1]!;
      const list = await sinergi(env, ['taskforce', 'list']);
      expect(list.out).toContain(id);
      const badRegion = await sinergi(env, [
        'taskforce',
        'create',
        '--name',
        'Salah',
        '--level',
        'regency',
        '--region',
        '53',
      ]);
      expect(badRegion.code).not.toBe(0);
      expect(badRegion.out).toMatch(/regionCode: Unknown region/);
      const agency = await sinergi(env, [
        'agency',
        'create',
        '--name',
        'Dinas Sosial Manggarai Barat',
        '--short-name',
        'Dinsos Mabar',
        '--region',
        '53.15',
        '--type',
        'LocalGovernmentOrganisation',
        '--sector',
        'social',
        '--taskforce',
        id,
      ]);
      expect(agency.code, agency.out).toBe(0);
      const badType = await sinergi(env, [
        'agency',
        'create',
        '--name',
        'X Y Z',
        '--short-name',
        'XYZ',
        '--region',
        '53.15',
        '--type',
        'Polisi',
        '--sector',
        'social',
      ]);
      expect(badType.code).not.toBe(0);
      expect(badType.out).toMatch(/Allowed choices are/);
      const admin = await sinergi(env, [
        'user',
        'create',
        '--username',
        'admin.mabar',
        '--password',
        'Perahu-Pinisi-Biru-41',
        '--agency',
        'Dinsos Mabar',
        '--role',
        'admin',
      ]);
      expect(admin.code, admin.out).toBe(0);
      const verify = await sinergi(env, ['audit', 'verify']);
      expect(verify.out).toMatch(/intact: 3 events checked/);
    } finally {
      await db.handle.close();
      await db.cleanup();
    }
  }, 60_000);
  it('refuses to start with a missing or wrong encryption key once data was written', async () => {
    const db = await createTestDatabase('sqlite');
    const env = { DATA_DIR: db.dataDir };
    try {
      expect((await sinergi(env, ['migrate'])).code).toBe(0);
      const fs = await import('node:fs');
      const keyFile = path.join(db.dataDir, 'keys', 'data.key');
      expect(fs.existsSync(keyFile)).toBe(true);
      const wrong = await sinergi(
        { ...env, SINERGI_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') },
        ['migrate'],
      );
      expect(wrong.code).not.toBe(0);
      expect(wrong.out).toMatch(/does not match/);
      fs.renameSync(keyFile, `${keyFile}.moved`);
      const missing = await sinergi(env, ['migrate']);
      expect(missing.code).not.toBe(0);
      expect(missing.out).toMatch(/encryption key is missing/);
      expect(fs.existsSync(keyFile)).toBe(false);
      fs.renameSync(`${keyFile}.moved`, keyFile);
      expect((await sinergi(env, ['migrate'])).code).toBe(0);
    } finally {
      await db.handle.close();
      await db.cleanup();
    }
  }, 60_000);
  it("accepts the command the README's start script runs", async () => {
    const fs = await import('node:fs');
    const start = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts
      .start as string;
    const args = start.split('sinergi.js ')[1]!.split(' ');
    expect(args).toEqual(['serve', '--demo']);
    const r = await sinergi({ DATA_DIR: '/nonexistent' }, [...args, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--demo/);
  }, 30_000);
  it('shows help for each command', async () => {
    const r = await sinergi({ DATA_DIR: '/nonexistent' }, ['user', 'create', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--username <username>/);
    expect(r.out).toMatch(/--role <role>/);
  }, 30_000);
});
