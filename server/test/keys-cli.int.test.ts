import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../src/platform/backup/backup.js';
import { createTestDatabase, DB_KINDS } from './support.js';

const root = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'Demo-Lingko-Sawah-2026';
const runFile = promisify(execFile);
const PDF = Buffer.from('%PDF-1.4\n% Surat korban untuk uji rotasi kunci\n%%EOF');

function start(env: Record<string, string>, args: string[]): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions=sinergi-source', '--import', 'tsx', 'server/src/main.ts', ...args],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

async function cli(env: Record<string, string>, args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await runFile(
      process.execPath,
      ['--conditions=sinergi-source', '--import', 'tsx', 'server/src/main.ts', ...args],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
      },
    );
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function waitReady(base: string, child: ChildProcess): Promise<void> {
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not ready: ${output}`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  await gone;
}

describe.each(DB_KINDS)('sinergi keys on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('rotates keys that come from a command while the server runs, then starts from the environment without the old key', async () => {
    const db = await createTestDatabase(kind);
    await db.handle.close();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-keys-cli-'));
    const secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-secrets-'));
    const keysFile = path.join(secrets, 'keys.txt');
    const k1 = randomBytes(32).toString('base64');
    const k2 = randomBytes(32).toString('base64');
    fs.writeFileSync(keysFile, `k1:${k1}\n`, { mode: 0o600 });
    let server: ChildProcess | undefined;
    cleanups.push(async () => {
      if (server) await stopServer(server);
      await db.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(secrets, { recursive: true, force: true });
    });
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const base = `http://127.0.0.1:${port}`;
    const common = {
      DATA_DIR: dataDir,
      KEY_REFRESH_SECONDS: '1',
      ...('databaseUrl' in db && db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    };
    // The documented secrets-manager route: the command prints the keyring.
    const fromCommand = { ...common, SINERGI_KEY_COMMAND: `cat '${keysFile}'` };
    const serverEnv = {
      ...fromCommand,
      PORT: port,
      SINERGI_DEMO_PASSWORD: PASSWORD,
      API_RATE_LIMIT: '1000000',
    };

    server = start(serverEnv, ['serve', '--demo']);
    await waitReady(base, server);
    expect(fs.existsSync(path.join(dataDir, 'keys'))).toBe(false);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'manajer.uptdppa', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const get = (url: string) => fetch(`${base}${url}`, { headers: { cookie } });
    const post = (url: string, body: BodyInit, json = true) =>
      fetch(`${base}${url}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, ...(json && { 'content-type': 'application/json' }) },
        body,
      });
    const cases = ((await (await get('/api/v1/cases?pageSize=20')).json()) as { items: { id: string }[] })
      .items;
    const caseId = cases[0]!.id;
    const detailBefore = await (await get(`/api/v1/cases/${caseId}`)).json();
    const form = new FormData();
    form.append('file', new Blob([PDF]), 'surat.pdf');
    const uploaded = await post(`/api/v1/cases/${caseId}/documents`, form, false);
    expect(uploaded.status).toBe(201);
    const docId = ((await uploaded.json()) as { id: string }).id;

    // Keys from a command: Sinergi cannot add one there, so it says what to do.
    const asked = await cli(fromCommand, ['keys', 'rotate']);
    expect(asked.code).toBe(0);
    expect(asked.out).toMatch(/openssl rand -base64 32/);
    expect(asked.out).toMatch(/k2:<key>/);
    expect(asked.out).toMatch(/keys rotate --continue/);

    // The operator adds k2 first; the rotation runs while users keep working.
    fs.writeFileSync(keysFile, `k2:${k2}\nk1:${k1}\n`);
    let stop = false;
    const statuses: number[] = [];
    const created: string[] = [];
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const read = await get(`/api/v1/cases/${caseId}`);
        statuses.push(read.status);
        const res = await post(
          '/api/v1/cases',
          JSON.stringify({
            caseType: 'tppo',
            reportedAt: '2026-11-27T02:00:00.000Z',
            channel: 'walk_in',
            reportingParty: 'victim',
            risk: 'medium',
            narrative: `Selama rotasi ${n}-${i}`,
          }),
        );
        statuses.push(res.status);
        if (res.status === 201) created.push(((await res.json()) as { id: string }).id);
      }
    };
    const clients = [1, 2].map(client);
    const rotated = await cli(fromCommand, ['keys', 'rotate', '--continue', '--batch-size', '25']);
    stop = true;
    await Promise.all(clients);
    expect(rotated.out).toMatch(/Data key k2 is now current/);
    expect(rotated.out).toMatch(/persons: \d+\/\d+ \(\d+%\)/);
    expect(rotated.out).toMatch(/documents \(files\): 1\/1 \(100%\)/);
    expect(rotated.out).toMatch(/Rotation finished: k2 encrypts everything/);
    expect(rotated.code).toBe(0);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200 && s !== 201)).toEqual([]);
    const search = /search:([A-Za-z0-9+/=]+)/.exec(rotated.out)?.[1];
    expect(search).toBeDefined();

    // The server switched by itself: records old and new read back, new writes work.
    expect(await (await get(`/api/v1/cases/${caseId}`)).json()).toEqual(detailBefore);
    for (const id of created.slice(-3)) expect((await get(`/api/v1/cases/${id}`)).status).toBe(200);
    const content = await get(`/api/v1/cases/${caseId}/documents/${docId}/content`);
    expect(Buffer.from(await content.arrayBuffer()).equals(PDF)).toBe(true);

    // k1 leaves the secrets manager; the search key it carried stays as its own entry.
    fs.writeFileSync(keysFile, `search:${search}\nk2:${k2}\n`);
    const status = await cli(fromCommand, ['keys', 'status']);
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/Current key \(database\): k2/);
    expect(status.out).toMatch(/No rotation under way/);
    expect(status.out).not.toMatch(/k1:/);

    // A backup made with keys from a command carries them as the keyring file.
    const out = path.join(secrets, 'after-rotation.sinergi-backup');
    const backup = await cli({ ...fromCommand, SINERGI_BACKUP_PASSPHRASE: 'frasa-sandi-cadangan-uji' }, [
      'backup',
      '--out',
      out,
    ]);
    expect(backup.code).toBe(0);
    const restored = path.join(secrets, 'restored');
    await restoreBackup(out, 'frasa-sandi-cadangan-uji', restored);
    const ring = JSON.parse(fs.readFileSync(path.join(restored, 'keys', 'keyring.json'), 'utf8'));
    expect(ring).toEqual({ current: 'k2', keys: { k2 }, search });
    expect(fs.statSync(path.join(restored, 'keys', 'keyring.json')).mode & 0o777).toBe(0o600);
    await stopServer(server);

    // Start-up with the keyring in the environment, without k1.
    server = start(
      { ...serverEnv, SINERGI_KEY_COMMAND: '', SINERGI_ENCRYPTION_KEYS: `k2:${k2},search:${search}` },
      ['serve'],
    );
    await waitReady(base, server);
    const again = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'manajer.uptdppa', password: PASSWORD }),
    });
    const cookie2 = again.headers.get('set-cookie')!.split(';')[0]!;
    const detail = await fetch(`${base}/api/v1/cases/${caseId}`, { headers: { cookie: cookie2 } });
    expect(await detail.json()).toEqual(detailBefore);
    await stopServer(server);

    // Without the search key start-up refuses, rather than let search silently find no one.
    const noSearch = await cli({ ...common, SINERGI_ENCRYPTION_KEYS: `k2:${k2}` }, ['keys', 'status']);
    expect(noSearch.code).not.toBe(0);
    expect(noSearch.out).toMatch(/no search key/);
    const broken = await cli({ ...common, SINERGI_KEY_COMMAND: 'exit 3' }, ['keys', 'status']);
    expect(broken.code).not.toBe(0);
    expect(broken.out).toMatch(/SINERGI_KEY_COMMAND failed \(exit code 3\)/);
  }, 240_000);
});
