import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DB_KINDS } from './support.js';

const root = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'Demo-Lingko-Sawah-2026';
const runFile = promisify(execFile);

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

/** Waits for a child to exit (at once if it already has). */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

async function signIn(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'manajer.uptdppa', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
}

describe.each(DB_KINDS)('a crash on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('keeps every acknowledged write when the server is killed mid-run, with the audit trail and the file intact', async () => {
    const db = await createTestDatabase(kind);
    await db.handle.close();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-crash-'));
    cleanups.push(async () => {
      await db.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const base = `http://127.0.0.1:${port}`;
    const env = {
      PORT: port,
      DATA_DIR: dataDir,
      SINERGI_DEMO_PASSWORD: PASSWORD,
      API_RATE_LIMIT: '1000000',
      ...('databaseUrl' in db && db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    };

    const first = start(env, ['serve', '--demo']);
    await waitReady(base, first);
    const session = await signIn(base);
    const acknowledged: string[] = [];
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(`${base}/api/v1/cases`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              cookie: session.cookie,
              'x-csrf-token': session.csrf,
            },
            body: JSON.stringify({
              caseType: 'tppo',
              reportedAt: '2026-11-27T02:00:00.000Z',
              channel: 'walk_in',
              reportingParty: 'victim',
              risk: 'medium',
              narrative: `Uji kerusakan klien ${n} nomor ${i}`,
            }),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const clients = [1, 2, 3, 4].map(client);
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 20));
    const gone = exited(first);
    first.kill('SIGKILL');
    stop = true;
    await Promise.all(clients);
    await gone;
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);

    const second = start(env, ['serve']);
    await waitReady(base, second);
    const again = await signIn(base);
    for (const id of acknowledged) {
      const res = await fetch(`${base}/api/v1/cases/${id}`, { headers: { cookie: again.cookie } });
      expect(res.status, `acknowledged case ${id} lost`).toBe(200);
    }
    const down = exited(second);
    second.kill('SIGTERM');
    await down;

    const verify = await runFile(
      process.execPath,
      ['--conditions=sinergi-source', '--import', 'tsx', 'server/src/main.ts', 'audit', 'verify'],
      { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } },
    );
    expect(verify.stdout).toMatch(/Audit trail intact/);
    if (kind === 'sqlite') {
      const file = new SQLite(path.join(dataDir, 'sinergi.sqlite'), { readonly: true });
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      file.close();
    }
  }, 180_000);
});
