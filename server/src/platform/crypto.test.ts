import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from './crypto.js';
import { keyringJson, loadKeyring, nextKeyId, parseKeyring, searchKeyOf } from './keys/keyring.js';

describe('FieldCipher', () => {
  const k1 = randomBytes(32);
  const cipher = new FieldCipher({ k1 }, 'k1');

  it('round-trips a value and never stores it in clear', () => {
    const ct = cipher.encrypt('Maria Goreti Jelahu');
    expect(ct).not.toContain('Maria');
    expect(ct.startsWith('v1.k1.')).toBe(true);
    expect(cipher.decrypt(ct)).toBe('Maria Goreti Jelahu');
  });
  it('gives different ciphertexts for the same value (random IV)', () => {
    expect(cipher.encrypt('5310012345678901')).not.toBe(cipher.encrypt('5310012345678901'));
  });
  it('detects tampering', () => {
    const ct = cipher.encrypt('rahasia');
    const parts = ct.split('.');
    const data = Buffer.from(parts[4]!, 'base64url');
    data[0] = data[0]! ^ 1;
    parts[4] = data.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
  });
  it('decrypts with an older key after rotation and encrypts with the new one', () => {
    const old = cipher.encrypt('nama lama');
    const rotated = new FieldCipher({ k1, k2: randomBytes(32) }, 'k2', 'k1');
    expect(rotated.decrypt(old)).toBe('nama lama');
    expect(rotated.encrypt('baru').startsWith('v1.k2.')).toBe(true);
    expect(rotated.blindIndex('Ruteng', 'name')).toBe(cipher.blindIndex('Ruteng', 'name'));
  });
  it('makes search hashes that fold case, spaces and accents, and differ per purpose', () => {
    expect(cipher.blindIndex('  Yosefina  Jelahu ', 'name')).toBe(
      cipher.blindIndex('yosefina jelahu', 'name'),
    );
    expect(cipher.blindIndex('José', 'name')).toBe(cipher.blindIndex('jose', 'name'));
    expect(cipher.blindIndex('5310', 'nik')).not.toBe(cipher.blindIndex('5310', 'name'));
    expect(new FieldCipher({ k1: randomBytes(32) }, 'k1').blindIndex('x', 'name')).not.toBe(
      cipher.blindIndex('x', 'name'),
    );
  });
});

describe('loadKeyring', () => {
  it('creates an owner-only key file on first start and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-key-'));
    const a = loadKeyring({ dataDir: dir });
    const file = path.join(dir, 'keys', 'data.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(a).toMatchObject({ newest: 'k1', source: 'key-file' });
    const b = loadKeyring({ dataDir: dir });
    expect(b.keys.k1!.equals(a.keys.k1!)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('refuses a key of the wrong size, and two key sources at once', () => {
    expect(() =>
      loadKeyring({ dataKey: Buffer.alloc(16).toString('base64'), dataDir: '/nonexistent' }),
    ).toThrow(/32 bytes/);
    const k = randomBytes(32).toString('base64');
    expect(() => loadKeyring({ dataKey: k, dataKeys: `k1:${k}`, dataDir: '/nonexistent' })).toThrow(
      /only one/,
    );
  });
  it('reads a list newest first with a separate search key, and the JSON form', () => {
    const k1 = randomBytes(32);
    const k2 = randomBytes(32);
    const search = randomBytes(32);
    const list = parseKeyring(
      `k2:${k2.toString('base64')}, k1:${k1.toString('base64')},search:${search.toString('base64')}`,
      'env',
      'test',
    );
    expect(list.newest).toBe('k2');
    expect(Object.keys(list.keys).sort()).toEqual(['k1', 'k2']);
    expect(searchKeyOf(list).equals(search)).toBe(true);
    const json = parseKeyring(keyringJson(list.keys, 'k2', search), 'command', 'test');
    expect(json.newest).toBe('k2');
    expect(json.keys.k1!.equals(k1)).toBe(true);
    expect(searchKeyOf(json).equals(search)).toBe(true);
    // Without a search entry the search key is the one k1 always gave, so old hashes still match.
    const legacy = parseKeyring(`k2:${k2.toString('base64')},k1:${k1.toString('base64')}`, 'env', 'test');
    expect(
      new FieldCipher(legacy.keys, 'k2', { derived: searchKeyOf(legacy) }).blindIndex('Ruteng', 'name'),
    ).toBe(new FieldCipher({ k1 }, 'k1').blindIndex('Ruteng', 'name'));
    expect(() => searchKeyOf(parseKeyring(`k2:${k2.toString('base64')}`, 'env', 'test'))).toThrow(
      /no search key/,
    );
    expect(() => parseKeyring('k2', 'env', 'test')).toThrow(/id:base64/);
  });
  it('names the next free key id', () => {
    expect(nextKeyId(['k1'])).toBe('k2');
    expect(nextKeyId(['k1', 'k9', 'main'])).toBe('k10');
  });
});
