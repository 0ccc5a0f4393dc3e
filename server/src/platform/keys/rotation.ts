import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../context.js';
import { fileKeyId } from '../crypto.js';
import type { Db } from '../db/connect.js';
import { getSetting, setSetting } from '../settings.js';
import { CURRENT_KEY_SETTING, ROTATION_SETTING, recordedCurrentKey } from './key-state.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'config' | 'clock' | 'cipher'>;

/** A rotation in progress: where it goes and how far each table (and the document files) got. */
export interface RotationState {
  from: string[];
  to: string;
  startedAt: string;
  /** Table -> the last row id re-encrypted (rows are taken in id order). */
  after: Record<string, string>;
  /** Tables finished in this pass. */
  finished: string[];
  /** The last document file (relative path, in sorted order) re-encrypted. */
  filesAfter: string | null;
  filesFinished: boolean;
  pass: number;
  records: number;
  files: number;
}

export interface RotationProgress {
  what: string;
  done: number;
  total: number;
}

/** Where keys other than the current one are still used: `table.column` -> rows, and document files. */
export interface KeyUse {
  records: Record<string, number>;
  files: number;
}

interface TextTable {
  name: string;
  /** The column rows are taken in order of and updated by; null for tables only checked. */
  key: string | null;
  columns: string[];
}

const SKIP_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);
/** Append-only and hash-chained: never rewritten (it holds no ciphertexts; the check proves it). */
const CHECK_ONLY_TABLES = new Set(['audit_events']);
const TOKEN = /v1\.([A-Za-z0-9_-]{1,32})\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;

/** Every table with text columns, from the live schema: a column added later is covered without a list to forget. */
async function textTables(db: Db): Promise<TextTable[]> {
  const tables = await db.introspection.getTables();
  return tables
    .filter((t) => !t.isView && !SKIP_TABLES.has(t.name))
    .map((t) => {
      const names = t.columns.map((c) => c.name);
      const key = CHECK_ONLY_TABLES.has(t.name)
        ? null
        : names.includes('id')
          ? 'id'
          : t.name === 'settings'
            ? 'key'
            : null;
      const columns = t.columns
        .filter((c) => /text|char/i.test(c.dataType) && c.name !== key)
        .map((c) => c.name);
      return { name: t.name, key, columns };
    })
    .filter((t) => t.columns.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A case-sensitive "contains" that both databases index-free scan alike (LIKE folds case on SQLite). */
function contains(kind: Deps['dbKind'], column: string, needle: string) {
  return kind === 'postgres'
    ? sql<boolean>`strpos(${sql.ref(column)}, ${needle}) > 0`
    : sql<boolean>`instr(${sql.ref(column)}, ${needle}) > 0`;
}

function usesAny(kind: Deps['dbKind'], columns: string[], ids: string[]) {
  const parts = columns.flatMap((c) => ids.map((id) => contains(kind, c, `v1.${id}.`)));
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/** Rewrites every ciphertext in `value` made with one of `from` under the current key. */
function reencryptText(deps: Deps, value: string, from: Set<string>): string {
  return value.replace(TOKEN, (token, keyId: string) => {
    if (!from.has(keyId)) return token;
    try {
      return deps.cipher.encrypt(deps.cipher.decrypt(token));
    } catch {
      // Not a real ciphertext (or a damaged one): left as it is, and the final check reports it.
      return token;
    }
  });
}

function documentsDir(deps: Deps): string {
  return path.join(deps.config.dataDir, 'documents');
}

/** The encrypted files under DATA_DIR/documents, as sorted relative paths. */
function documentFiles(deps: Deps): string[] {
  const root = documentsDir(deps);
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.bin')) out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out.sort();
}

function fileKey(file: string): string | null {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(34);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return fileKeyId(head.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}

/** Counts what still uses any of `ids`: every text column of every table, and every document file. */
export async function keyUses(deps: Deps, ids: string[]): Promise<KeyUse> {
  const records: Record<string, number> = {};
  if (ids.length === 0) return { records, files: 0 };
  for (const t of await textTables(deps.db)) {
    for (const c of t.columns) {
      const r = await sql<{
        n: string | number;
      }>`select count(*) as n from ${sql.table(t.name)} where ${usesAny(deps.dbKind, [c], ids)}`.execute(
        deps.db,
      );
      const n = Number(r.rows[0]?.n ?? 0);
      if (n > 0) records[`${t.name}.${c}`] = n;
    }
  }
  const wanted = new Set(ids);
  let files = 0;
  for (const f of documentFiles(deps)) {
    const id = fileKey(path.join(documentsDir(deps), f));
    if (id && wanted.has(id)) files += 1;
  }
  return { records, files };
}

export function totalUses(use: KeyUse): number {
  return Object.values(use.records).reduce((a, b) => a + b, 0) + use.files;
}

export async function rotationState(db: Db): Promise<RotationState | null> {
  const raw = await getSetting(db, ROTATION_SETTING);
  return raw ? (JSON.parse(raw) as RotationState) : null;
}

const cliActor = { userId: null, agencyId: null };
const cliMeta = { requestId: 'cli', ip: null };

/**
 * Starts a rotation to `to` (a key the cipher holds): records the plan, makes `to` the current key
 * for every instance, and audits it, all in one transaction. Old keys are every other key in use.
 */
export async function startRotation(deps: Deps, to: string): Promise<RotationState> {
  if (!deps.cipher.hasKey(to)) throw new Error(`the keyring does not hold ${to}`);
  const before = (await recordedCurrentKey(deps.db)) ?? deps.cipher.currentKeyId;
  const from = deps.cipher.keyIds.filter((id) => id !== to);
  const now = deps.clock.now();
  const state: RotationState = {
    from,
    to,
    startedAt: now.toISOString(),
    after: {},
    finished: [],
    filesAfter: null,
    filesFinished: false,
    pass: 1,
    records: 0,
    files: 0,
  };
  await deps.db.transaction().execute(async (trx) => {
    await setSetting(trx, ROTATION_SETTING, JSON.stringify(state), now);
    await setSetting(trx, CURRENT_KEY_SETTING, to, now);
    await recordAudit(
      trx,
      deps.dbKind,
      cliActor,
      cliMeta,
      {
        action: 'keys.rotation_started',
        details: { from: before, to, oldKeys: from },
      },
      now,
    );
  });
  deps.cipher.useKey(to);
  return state;
}

/** Thrown by the test hook that stops a rotation after some batches, as a crash would. */
export class RotationInterrupted extends Error {}

export interface RunOptions {
  batchSize?: number;
  onProgress?: (p: RotationProgress) => void;
  /** After each committed batch (tests use it to write from "another server" mid-rotation). */
  afterBatch?: (batches: number) => Promise<void>;
  /** Stops (as if the process died) after this many batches: the checkpoint is what is left. */
  stopAfterBatches?: number;
  /** Passes over everything before giving up on rows a lagging server keeps writing with an old key. */
  maxPasses?: number;
}

/**
 * Re-encrypts, in batches, every ciphertext and document file made with an old key, resuming from
 * the checkpoint. Each batch is one transaction that also moves the checkpoint, so a crash loses
 * nothing and repeats nothing. A row changed meanwhile is left for the next pass (its writer
 * encrypted it anew). Answers what still uses an old key afterwards (nothing, normally).
 */
export async function runRotation(
  deps: Deps,
  opts: RunOptions = {},
): Promise<{ state: RotationState; left: KeyUse }> {
  let state = await rotationState(deps.db);
  if (!state) throw new Error('no rotation in progress');
  if (deps.cipher.currentKeyId !== state.to) deps.cipher.useKey(state.to);
  const batchSize = opts.batchSize ?? 200;
  const from = new Set(state.from);
  let batches = 0;
  const tick = async () => {
    batches += 1;
    if (opts.afterBatch) await opts.afterBatch(batches);
    if (opts.stopAfterBatches !== undefined && batches >= opts.stopAfterBatches)
      throw new RotationInterrupted(`stopped after ${batches} batches`);
  };
  const save = (trx: Db, s: RotationState) =>
    setSetting(trx, ROTATION_SETTING, JSON.stringify(s), deps.clock.now());

  for (;;) {
    for (const t of await textTables(deps.db)) {
      if (!t.key || state.finished.includes(t.name)) continue;
      const key = t.key;
      const where = usesAny(deps.dbKind, t.columns, state.from);
      const remaining = await sql<{
        n: string | number;
      }>`select count(*) as n from ${sql.table(t.name)} where ${where}${
        state.after[t.name] !== undefined ? sql` and ${sql.ref(key)} > ${state.after[t.name]}` : sql``
      }`.execute(deps.db);
      const total = Number(remaining.rows[0]?.n ?? 0);
      let done = 0;
      while (total > 0) {
        const current: RotationState = state;
        const moved = await deps.db.transaction().execute(async (trx) => {
          const after = current.after[t.name];
          const rows = (
            await sql<Record<string, string | null>>`select ${sql.ref(key)} as k, ${sql.join(
              t.columns.map((c) => sql.ref(c)),
            )} from ${sql.table(t.name)} where ${where}${
              after !== undefined ? sql` and ${sql.ref(key)} > ${after}` : sql``
            } order by ${sql.ref(key)} limit ${batchSize}`.execute(trx)
          ).rows;
          if (rows.length === 0) return null;
          let rewritten = 0;
          for (const row of rows) {
            const sets: Record<string, string> = {};
            for (const c of t.columns) {
              const value = row[c];
              if (typeof value === 'string' && value.includes('v1.')) {
                const next = reencryptText(deps, value, from);
                if (next !== value) sets[c] = next;
              }
            }
            const changed = Object.keys(sets);
            if (changed.length === 0) continue;
            // Only if nobody changed the row since it was read: a concurrent edit is never undone.
            const conditions = changed.map((c) => sql`${sql.ref(c)} = ${row[c]}`);
            await sql`update ${sql.table(t.name)} set ${sql.join(
              changed.map((c) => sql`${sql.ref(c)} = ${sets[c]}`),
            )} where ${sql.ref(key)} = ${row.k} and ${sql.join(conditions, sql` and `)}`.execute(trx);
            rewritten += 1;
          }
          const next: RotationState = {
            ...current,
            after: { ...current.after, [t.name]: String(rows[rows.length - 1]!.k) },
            records: current.records + rewritten,
          };
          await save(trx, next);
          return { next, count: rows.length };
        });
        if (!moved) break;
        state = moved.next;
        done += moved.count;
        opts.onProgress?.({ what: t.name, done: Math.min(done, total), total });
        await tick();
      }
      const finishedTable: RotationState = { ...state, finished: [...state.finished, t.name] };
      await save(deps.db, finishedTable);
      state = finishedTable;
    }

    if (!state.filesFinished) {
      const root = documentsDir(deps);
      const files = documentFiles(deps).filter((f) => state!.filesAfter === null || f > state!.filesAfter);
      const total = files.length;
      for (let i = 0; i < files.length; i += batchSize) {
        const chunk = files.slice(i, i + batchSize);
        let rewritten = 0;
        for (const rel of chunk) {
          const file = path.join(root, rel);
          if (!fs.existsSync(file)) continue; // deleted meanwhile
          const id = fileKey(file);
          if (!id || !from.has(id)) continue;
          const plain = deps.cipher.decryptBuffer(fs.readFileSync(file));
          const tmp = `${file}.rotating`;
          fs.writeFileSync(tmp, deps.cipher.encryptBuffer(plain), { mode: 0o600 });
          const fd = fs.openSync(tmp, 'r');
          fs.fsyncSync(fd);
          fs.closeSync(fd);
          fs.renameSync(tmp, file);
          rewritten += 1;
        }
        state = { ...state, filesAfter: chunk[chunk.length - 1]!, files: state.files + rewritten };
        await save(deps.db, state);
        opts.onProgress?.({ what: 'documents (files)', done: Math.min(i + chunk.length, total), total });
        await tick();
      }
      state = { ...state, filesFinished: true };
      await save(deps.db, state);
    }

    const left = await keyUses(deps, state.from);
    const rewritable = new Set((await textTables(deps.db)).filter((t) => t.key).map((t) => t.name));
    const again =
      left.files > 0 || Object.keys(left.records).some((tc) => rewritable.has(tc.slice(0, tc.indexOf('.'))));
    if (!again || state.pass >= (opts.maxPasses ?? 3)) return { state, left };
    // A server that had not yet switched wrote with the old key meanwhile: go over it again.
    state = {
      ...state,
      pass: state.pass + 1,
      after: {},
      finished: [],
      filesAfter: null,
      filesFinished: false,
    };
    await save(deps.db, state);
  }
}

/** Ends a rotation nothing old is left of: drops the checkpoint and audits the outcome. */
export async function finishRotation(deps: Deps, state: RotationState): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('settings').where('key', '=', ROTATION_SETTING).execute();
    await recordAudit(
      trx,
      deps.dbKind,
      cliActor,
      cliMeta,
      {
        action: 'keys.rotation_finished',
        details: { to: state.to, oldKeys: state.from, records: state.records, files: state.files },
      },
      now,
    );
  });
}

/** Audits that old keys left the keyring (file mode) or were declared removable (env, command). */
export async function auditKeysRetired(deps: Deps, ids: string[], removedFromFile: boolean): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await recordAudit(
      trx,
      deps.dbKind,
      cliActor,
      cliMeta,
      {
        action: 'keys.retired',
        details: { keys: ids, removedFromFile },
      },
      deps.clock.now(),
    );
  });
}

/** Every key id ciphertexts in the database and files name, with counts (for `keys status`). */
export async function keysInUse(deps: Deps, candidates: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of candidates) out[id] = totalUses(await keyUses(deps, [id]));
  return out;
}
