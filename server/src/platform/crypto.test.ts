import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldCipher, loadFieldCipher } from './crypto.js';

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

describe('loadFieldCipher', () => {
  it('creates an owner-only key file on first start and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-key-'));
    const a = loadFieldCipher({ dataDir: dir });
    const file = path.join(dir, 'keys', 'data.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const b = loadFieldCipher({ dataDir: dir });
    expect(b.decrypt(a.encrypt('sama'))).toBe('sama');
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('refuses a key of the wrong size', () => {
    expect(() =>
      loadFieldCipher({ dataKey: Buffer.alloc(16).toString('base64'), dataDir: '/nonexistent' }),
    ).toThrow(/32 bytes/);
  });
});
