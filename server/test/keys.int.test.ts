import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/modules/demo/demo.seed.js';
import { verifyAuditChain } from '../src/platform/audit.js';
import { createBackup, restoreBackup } from '../src/platform/backup/backup.js';
import type { AppDeps } from '../src/platform/context.js';
import {
  CURRENT_KEY_SETTING,
  keyringOptions,
  openCipher,
  refreshCurrentKey,
} from '../src/platform/keys/key-state.js';
import { keyringFile, legacyKeyFile } from '../src/platform/keys/keyring.js';
import { rotateKeys } from '../src/platform/keys/rotate.js';
import { keyUses, RotationInterrupted, rotationState, totalUses } from '../src/platform/keys/rotation.js';
import { getSetting } from '../src/platform/settings.js';
import {
  auditEvents,
  buildAgency,
  buildUser,
  call,
  createTestEnv,
  DB_KINDS,
  multipart,
  PASSWORD,
  type Session,
  signIn,
  type TestEnv,
} from './support.js';

const TOKEN = /v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n% Surat keterangan korban Maria Rotasi\n%%EOF');

/** Every encrypted value of the database, decrypted: `table.column.id` -> plaintext. */
async function plaintexts(deps: AppDeps): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const t of await deps.db.introspection.getTables()) {
    const names = t.columns.map((c) => c.name);
    if (!names.includes('id')) continue;
    for (const c of t.columns.filter((x) => /text|char/i.test(x.dataType) && x.name !== 'id')) {
      const rows = await sql<{
        id: string;
        v: string;
      }>`select ${sql.ref('id')} as id, ${sql.ref(c.name)} as v from ${sql.table(t.name)}`.execute(deps.db);
      for (const r of rows.rows) {
        if (typeof r.v !== 'string' || !r.v.includes('v1.')) continue;
        out.set(
          `${t.name}.${c.name}.${r.id}`,
          r.v.replace(TOKEN, (tok) => deps.cipher.decrypt(tok)),
        );
      }
    }
  }
  return out;
}

/** A second process's view (the CLI): its own keys, loaded the way `sinergi keys rotate` loads them. */
async function cliDeps(env: TestEnv): Promise<AppDeps> {
  const { cipher } = await openCipher(env.deps.db, env.deps.config, () => env.clock.now());
  return { ...env.deps, cipher };
}

describe.each(DB_KINDS)('data-key rotation on %s', (kind) => {
  let env: TestEnv;
  let manager: Session;
  let outsider: Session;
  let caseId: string;
  let victim: { name: string; nik: string };
  const docs: { id: string; caseId: string }[] = [];

  beforeAll(async () => {
    env = await createTestEnv(kind, { KEY_REFRESH_SECONDS: '1' }, { realKeys: true });
    expect((await seedDemo(env.deps, PASSWORD)).status).toBe('seeded');
    manager = await signIn(env, 'manajer.uptdppa');
    outsider = await signIn(
      env,
      (await buildUser(env, ['case_manager'], { agencyId: (await buildAgency(env)).id })).username,
    );
    const list = (await call(env, manager, 'GET', '/api/v1/cases?pageSize=100')).json() as {
      items: { id: string }[];
    };
    // A victim with a NIK on a case the manager works on.
    const people = await env.deps.db
      .selectFrom('persons')
      .select(['case_id', 'full_name_enc', 'nik_enc'])
      .where(
        'case_id',
        'in',
        list.items.map((c) => c.id),
      )
      .where('nik_enc', 'is not', null)
      .where('role', '=', 'victim')
      .execute();
    expect(people.length).toBeGreaterThan(0);
    caseId = people[0]!.case_id;
    victim = {
      name: env.deps.cipher.decrypt(people[0]!.full_name_enc),
      nik: env.deps.cipher.decrypt(people[0]!.nik_enc!),
    };
    for (const id of list.items.slice(0, 3).map((c) => c.id)) {
      const body = multipart('surat korban.pdf', PDF);
      const res = await env.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${id}/documents`,
        payload: body.payload,
        headers: { ...body.headers, cookie: manager.cookie, 'x-csrf-token': manager.csrf },
      });
      expect(res.statusCode).toBe(201);
      docs.push({ id: res.json().id, caseId: id });
    }
  }, 120_000);
  afterAll(async () => env?.close());

  async function search(q: string): Promise<string[]> {
    const res = await call(env, manager, 'GET', `/api/v1/cases?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: { id: string }[] }).items.map((c) => c.id);
  }

  async function narrativeKey(id: string): Promise<string | undefined> {
    const row = await env.deps.db
      .selectFrom('cases')
      .select('narrative_enc')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.narrative_enc?.split('.')[1];
  }

  async function newCase(narrative: string): Promise<string> {
    const res = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00Z',
      channel: 'walk_in',
      reportingParty: 'victim',
      risk: 'medium',
      narrative,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  it('re-encrypts everything under a new key, survives a crash, keeps a running server reading and writing, and retires the old key only at the end', async () => {
    const before = await plaintexts(env.deps);
    const caseBefore = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}`)).json();
    expect(await search(victim.nik)).toContain(caseId);
    expect(await search(victim.name)).toContain(caseId);
    expect(fs.existsSync(legacyKeyFile(env.dataDir))).toBe(true);

    // First run: a new key, then the process "dies" after a few batches.
    const first = await cliDeps(env);
    const progress: string[] = [];
    await expect(
      rotateKeys(first, {
        keyring: keyringOptions(env.deps.config),
        batchSize: 10,
        stopAfterBatches: 4,
        onProgress: (p) => progress.push(`${p.what} ${p.done}/${p.total}`),
      }),
    ).rejects.toBeInstanceOf(RotationInterrupted);
    expect(progress.length).toBe(4);
    const ring = JSON.parse(fs.readFileSync(keyringFile(env.dataDir), 'utf8'));
    expect(Object.keys(ring.keys).sort()).toEqual(['k1', 'k2']);
    expect(fs.statSync(keyringFile(env.dataDir)).mode & 0o777).toBe(0o600);
    expect(await getSetting(env.deps.db, CURRENT_KEY_SETTING)).toBe('k2');
    const halfway = await rotationState(env.deps.db);
    expect(halfway?.to).toBe('k2');
    // Half done: the old key is still needed, so it is still there.
    expect(totalUses(await keyUses(first, ['k1']))).toBeGreaterThan(0);
    expect(totalUses(await keyUses(first, ['k2']))).toBeGreaterThan(0);

    // The running server (still on k1, it has not refreshed) reads records of both keys and writes.
    expect(env.deps.cipher.currentKeyId).toBe('k1');
    expect((await call(env, manager, 'GET', `/api/v1/cases/${caseId}`)).json()).toEqual(caseBefore);
    const lagging = await newCase('Ditulis server yang belum berganti kunci');
    expect(await refreshCurrentKey(env.deps)).toBe(true);
    expect(env.deps.cipher.currentKeyId).toBe('k2');
    const switched = await newCase('Ditulis setelah berganti kunci');

    // Resume in a new process; meanwhile another instance that has not switched yet writes with k1.
    const second = await cliDeps(env);
    let laggard = '';
    let table = '';
    const outcome = await rotateKeys(second, {
      keyring: keyringOptions(env.deps.config),
      batchSize: 10,
      onProgress: (p) => {
        table = p.what;
      },
      // Once the cases table is behind the rotation, so only a second pass can catch this write.
      afterBatch: async () => {
        if (laggard || table <= 'cases') return;
        env.deps.cipher.useKey('k1');
        laggard = await newCase('Ditulis oleh instansi yang tertinggal');
        env.deps.cipher.useKey('k2');
        expect(await narrativeKey(laggard)).toBe('k1');
        const doc = await call(
          env,
          manager,
          'GET',
          `/api/v1/cases/${docs[0]!.caseId}/documents/${docs[0]!.id}/content`,
        );
        expect(doc.rawPayload.equals(PDF)).toBe(true);
      },
    });
    expect(outcome).toMatchObject({ status: 'done', to: 'k2', retired: ['k1'], removedFromFile: true });
    expect(await rotationState(env.deps.db)).toBeNull();
    expect(totalUses(await keyUses(second, ['k1']))).toBe(0);
    const after = JSON.parse(fs.readFileSync(keyringFile(env.dataDir), 'utf8'));
    expect(Object.keys(after.keys)).toEqual(['k2']);
    expect(after.search).toBe(ring.search);
    expect(fs.existsSync(legacyKeyFile(env.dataDir))).toBe(false);

    // Every value reads back the same; the new records too.
    const now = await plaintexts(env.deps);
    for (const [k, v] of before) expect(now.get(k), k).toBe(v);
    expect(await narrativeKey(laggard)).toBe('k2');
    for (const id of [lagging, switched, laggard]) {
      const c = (await call(env, manager, 'GET', `/api/v1/cases/${id}`)).json();
      expect(c.narrative).toMatch(/^Ditulis/);
    }
    expect((await call(env, manager, 'GET', `/api/v1/cases/${caseId}`)).json()).toEqual(caseBefore);
    for (const d of docs) {
      const res = await call(env, manager, 'GET', `/api/v1/cases/${d.caseId}/documents/${d.id}/content`);
      expect(res.rawPayload.equals(PDF)).toBe(true);
    }
    expect(await search(victim.nik)).toContain(caseId);
    expect(await search(victim.name)).toContain(caseId);
    expect((await call(env, outsider, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(404);

    // A fresh start has only k2 and reads everything.
    const restarted = await cliDeps(env);
    expect(restarted.cipher.keyIds).toEqual(['k2']);
    const fresh = await plaintexts(restarted);
    for (const [k, v] of before) expect(fresh.get(k), k).toBe(v);

    // Audited with key ids only, and the audit chain is intact.
    const started = await auditEvents(env, 'keys.rotation_started');
    const finished = await auditEvents(env, 'keys.rotation_finished');
    const retired = await auditEvents(env, 'keys.retired');
    expect(started).toHaveLength(1);
    expect(JSON.parse(started[0]!.details!)).toMatchObject({ from: 'k1', to: 'k2' });
    expect(finished).toHaveLength(1);
    expect(JSON.parse(retired[0]!.details!)).toEqual({ keys: ['k1'], removedFromFile: true });
    for (const e of [...started, ...finished, ...retired]) expect(e.details).not.toContain(victim.name);
    expect((await verifyAuditChain(env.deps.db)).ok).toBe(true);
  }, 240_000);

  it('keeps the old key while something the rotation cannot rewrite still uses it', async () => {
    const deps = await cliDeps(env);
    // A ciphertext made with k2 where no row key lets the rotation rewrite it (a junction table).
    const k2Value = deps.cipher.encrypt('nilai tersimpan');
    const tables = await deps.db.introspection.getTables();
    const target = tables.find(
      (t) => t.name === 'idempotency_keys' && t.columns.some((c) => c.name === 'response'),
    );
    expect(target).toBeDefined();
    await deps.db
      .insertInto('idempotency_keys')
      .values({
        key: 'rotation-test',
        user_id: manager.userId,
        route: 'test',
        status_code: 200,
        response: JSON.stringify({ note: k2Value }),
        created_at: env.clock.now().toISOString(),
      })
      .execute();
    const outcome = await rotateKeys(deps, { keyring: keyringOptions(env.deps.config), batchSize: 50 });
    expect(outcome).toMatchObject({ status: 'still_used', to: 'k3' });
    if (outcome.status !== 'still_used') return;
    expect(outcome.left.records).toEqual({ 'idempotency_keys.response': 1 });
    const ring = JSON.parse(fs.readFileSync(keyringFile(env.dataDir), 'utf8'));
    expect(Object.keys(ring.keys).sort()).toEqual(['k2', 'k3']);
    expect(await rotationState(env.deps.db)).not.toBeNull();

    // Once that value is gone, running it again finishes and retires k2.
    await deps.db.deleteFrom('idempotency_keys').where('key', '=', 'rotation-test').execute();
    const done = await rotateKeys(deps, { keyring: keyringOptions(env.deps.config), batchSize: 50 });
    expect(done).toMatchObject({ status: 'done', to: 'k3', retired: ['k2'] });
    expect(Object.keys(JSON.parse(fs.readFileSync(keyringFile(env.dataDir), 'utf8')).keys)).toEqual(['k3']);
    await refreshCurrentKey(env.deps);
    expect((await call(env, manager, 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    expect(await search(victim.nik)).toContain(caseId);
  }, 240_000);

  it('backs up and restores the rotated keyring with the data', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-keys-backup-')), 'b.sinergi-backup');
    const manifest = await createBackup(env.deps.config, env.deps.db, env.deps.dbKind, {
      out,
      passphrase: 'frasa-sandi-cadangan-uji',
    });
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toContain('keys/keyring.json');
    expect(paths).not.toContain('keys/data.key');
    expect(paths.filter((p) => p.startsWith('documents/')).length).toBe(docs.length);
    const target = path.join(path.dirname(out), 'restored');
    await restoreBackup(out, 'frasa-sandi-cadangan-uji', target);
    expect(fs.readFileSync(path.join(target, 'keys', 'keyring.json'), 'utf8')).toBe(
      fs.readFileSync(keyringFile(env.dataDir), 'utf8'),
    );
    if (kind === 'sqlite') {
      const restored = await createTestEnvOn(path.join(target));
      try {
        const rows = await restored.deps.db.selectFrom('persons').select('full_name_enc').execute();
        for (const r of rows) expect(() => restored.deps.cipher.decrypt(r.full_name_enc)).not.toThrow();
      } finally {
        await restored.close();
      }
    }
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }, 120_000);
});

/** Opens a restored SQLite data folder the way the server would. */
async function createTestEnvOn(dataDir: string) {
  const { connectDatabase } = await import('../src/platform/db/connect.js');
  const { loadConfig } = await import('../src/config.js');
  const handle = connectDatabase({ sqliteFile: path.join(dataDir, 'sinergi.sqlite') });
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const { cipher } = await openCipher(handle.db, config, () => new Date());
  return { deps: { db: handle.db, cipher }, close: () => handle.close() };
}
