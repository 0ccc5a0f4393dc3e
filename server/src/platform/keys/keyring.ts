import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { deriveIndexKey, MissingKeyError } from '../crypto.js';

/** Where the keys came from: the keyring file, the old single key file, the environment, or a command. */
export type KeySource = 'file' | 'key-file' | 'env' | 'env-single' | 'command';

/** The data keys a deployment holds, and the search key that outlives them. */
export interface Keyring {
  keys: Record<string, Buffer>;
  /** The key the keyring names as newest: `current` in a file, the first entry of a list, `k1` alone. */
  newest: string;
  /** The derived search (blind index) key; without it the search key derives from `k1`. */
  searchKey?: Buffer;
  source: KeySource;
}

export interface KeyringOptions {
  dataDir: string;
  /** SINERGI_ENCRYPTION_KEY: one key, called k1 (the original way, still accepted). */
  dataKey?: string;
  /** SINERGI_ENCRYPTION_KEYS: `id:base64,id:base64`, newest first; `search:base64` is the search key. */
  dataKeys?: string;
  /** SINERGI_KEY_COMMAND: a shell command whose output is the keyring (a secrets manager's client). */
  keyCommand?: string;
  /** A new key file may be made when nothing is configured and the database holds no encrypted data. */
  mayCreate?: boolean;
}

export const SEARCH_KEY_ID = 'search';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export function keyringFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'keyring.json');
}

export function legacyKeyFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'data.key');
}

function decodeKey(value: string, what: string): Buffer {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32) throw new MissingKeyError(`${what} must be 32 bytes, base64-encoded`);
  return key;
}

/** Parses `id:base64,id:base64` (newest first) or the JSON form of keyring.json. */
export function parseKeyring(text: string, source: KeySource, where: string): Keyring {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let doc: { current?: unknown; keys?: unknown; search?: unknown };
    try {
      doc = JSON.parse(trimmed) as typeof doc;
    } catch {
      throw new MissingKeyError(`${where} is not valid JSON.`);
    }
    if (typeof doc.current !== 'string' || !doc.keys || typeof doc.keys !== 'object')
      throw new MissingKeyError(
        `${where} must hold {"current": id, "keys": {id: base64}, "search": base64}.`,
      );
    const keys: Record<string, Buffer> = {};
    for (const [id, value] of Object.entries(doc.keys as Record<string, unknown>)) {
      if (!KEY_ID.test(id) || id === SEARCH_KEY_ID || typeof value !== 'string')
        throw new MissingKeyError(`${where}: invalid key entry ${JSON.stringify(id)}.`);
      keys[id] = decodeKey(value, `${where}: key ${id}`);
    }
    if (!keys[doc.current])
      throw new MissingKeyError(`${where}: the current key ${doc.current} is not listed.`);
    return {
      keys,
      newest: doc.current,
      searchKey:
        typeof doc.search === 'string' ? decodeKey(doc.search, `${where}: the search key`) : undefined,
      source,
    };
  }
  const keys: Record<string, Buffer> = {};
  let newest: string | undefined;
  let searchKey: Buffer | undefined;
  for (const entry of trimmed.split(/[,\s]+/).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon);
    if (colon < 1 || !KEY_ID.test(id))
      throw new MissingKeyError(`${where}: each entry must be id:base64 (got an entry without a valid id).`);
    const key = decodeKey(entry.slice(colon + 1), `${where}: key ${id}`);
    if (id === SEARCH_KEY_ID) searchKey = key;
    else {
      if (keys[id]) throw new MissingKeyError(`${where}: key ${id} is listed twice.`);
      keys[id] = key;
      newest ??= id;
    }
  }
  if (!newest) throw new MissingKeyError(`${where} lists no data key.`);
  return { keys, newest, searchKey, source };
}

/** Runs the key command (through the shell, like a cron line) and parses what it prints. */
function runKeyCommand(command: string): Keyring {
  let out: string;
  try {
    out = execFileSync('/bin/sh', ['-c', command], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
      maxBuffer: 1_048_576,
    });
  } catch (err) {
    const status = (err as { status?: number }).status;
    throw new MissingKeyError(
      `SINERGI_KEY_COMMAND failed${status !== undefined ? ` (exit code ${status})` : ''}: the keys could not be fetched.`,
    );
  }
  return parseKeyring(out, 'command', 'The output of SINERGI_KEY_COMMAND');
}

/**
 * Loads the keyring from the one configured place: SINERGI_KEY_COMMAND, SINERGI_ENCRYPTION_KEYS,
 * SINERGI_ENCRYPTION_KEY, DATA_DIR/keys/keyring.json, or DATA_DIR/keys/data.key (created with
 * owner-only permissions on the first start of an empty database).
 */
export function loadKeyring(opts: KeyringOptions): Keyring {
  const configured = [opts.keyCommand, opts.dataKeys, opts.dataKey].filter(Boolean).length;
  if (configured > 1)
    throw new MissingKeyError(
      'Set only one of SINERGI_KEY_COMMAND, SINERGI_ENCRYPTION_KEYS and SINERGI_ENCRYPTION_KEY.',
    );
  if (opts.keyCommand) return runKeyCommand(opts.keyCommand);
  if (opts.dataKeys) return parseKeyring(opts.dataKeys, 'env', 'SINERGI_ENCRYPTION_KEYS');
  if (opts.dataKey)
    return {
      keys: { k1: decodeKey(opts.dataKey, 'SINERGI_ENCRYPTION_KEY') },
      newest: 'k1',
      source: 'env-single',
    };
  const ring = keyringFile(opts.dataDir);
  if (fs.existsSync(ring)) return parseKeyring(fs.readFileSync(ring, 'utf8'), 'file', ring);
  const file = legacyKeyFile(opts.dataDir);
  if (!fs.existsSync(file)) {
    if (opts.mayCreate === false) {
      throw new MissingKeyError(
        `The encryption key is missing: neither ${ring} nor ${file} exists and no key is configured (SINERGI_ENCRYPTION_KEY, SINERGI_ENCRYPTION_KEYS, SINERGI_KEY_COMMAND), but this database holds encrypted data. Restore the keys before starting.`,
      );
    }
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new MissingKeyError(`${file} does not hold a 32-byte base64 key`);
  return { keys: { k1: key }, newest: 'k1', source: 'key-file' };
}

/** The search key of a keyring: the one it carries, else the one that has always derived from k1. */
export function searchKeyOf(keyring: Keyring): Buffer {
  if (keyring.searchKey) return keyring.searchKey;
  const k1 = keyring.keys.k1;
  if (!k1)
    throw new MissingKeyError(
      'The keyring has no search key: add the entry "search" (keys status prints what to add) or keep k1.',
    );
  return deriveIndexKey(k1);
}

/** The JSON form of a keyring, as keyring.json holds it and a key command may print it. */
export function keyringJson(keys: Record<string, Buffer>, current: string, searchKey: Buffer): string {
  const doc = {
    current,
    keys: Object.fromEntries(Object.entries(keys).map(([id, k]) => [id, k.toString('base64')])),
    search: searchKey.toString('base64'),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Writes keyring.json with owner-only permissions, atomically (a crash leaves the old or the new one). */
export function writeKeyringFile(dataDir: string, text: string): void {
  const file = keyringFile(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' });
  const fd = fs.openSync(tmp, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

/** The next free key id after the ones in use (k1, k2, ...). */
export function nextKeyId(ids: string[]): string {
  let n = 1;
  for (const id of ids) {
    const m = /^k(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return `k${n}`;
}
