import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** The search key made from a master key (how it has always been made, so old hashes still match). */
export function deriveIndexKey(master: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'sinergi blind index', 32));
}

/** The key id a field ciphertext names, or null for anything else. */
export function ciphertextKeyId(value: string): string | null {
  const m = /^v1\.([A-Za-z0-9_-]{1,32})\./.exec(value);
  return m ? m[1]! : null;
}

/** The key id an encrypted file names in its header, or null when it is not one. */
export function fileKeyId(head: Buffer): string | null {
  if (head[0] !== 1 || head.length < 2 || head.length < 2 + head[1]!) return null;
  return head.subarray(2, 2 + head[1]!).toString('utf8');
}

/**
 * Encryption of personal fields at rest (AES-256-GCM) and keyed hashes (HMAC-SHA-256) to search
 * them without decrypting. Ciphertexts name the key that made them (`v1.<keyId>.<iv>.<tag>.<data>`),
 * so keys can be rotated: the newest encrypts, every known key decrypts.
 */
export class FieldCipher {
  private readonly encKeys = new Map<string, Buffer>();
  private current: string;
  private readonly indexKey: Buffer;
  /** Called when a ciphertext names a key this instance does not hold (a rotation started elsewhere). */
  private reload?: () => Record<string, Buffer>;

  /**
   * `keys`: id -> 32-byte master key; `currentId` encrypts. The search key derives from the master
   * key `index` names (by default the current one), or is given as the derived 32 bytes themselves,
   * so it outlives the data key it first came from (docs/decisions.md, key rotation).
   */
  constructor(
    keys: Record<string, Buffer>,
    currentId: string,
    index: string | { derived: Buffer } = currentId,
  ) {
    this.addKeys(keys);
    if (!this.encKeys.has(currentId)) throw new Error(`no data key ${currentId}`);
    this.current = currentId;
    if (typeof index === 'string') {
      const indexMaster = keys[index];
      if (!indexMaster) throw new Error(`no data key ${index}`);
      this.indexKey = deriveIndexKey(indexMaster);
    } else {
      if (index.derived.length !== 32) throw new Error('the search key must be 32 bytes');
      this.indexKey = Buffer.from(index.derived);
    }
  }

  /** Learns more keys (never forgets one: a key leaves only when the process restarts without it). */
  addKeys(keys: Record<string, Buffer>): void {
    for (const [id, master] of Object.entries(keys)) {
      if (master.length !== 32) throw new Error(`data key ${id} must be 32 bytes`);
      if (!KEY_ID.test(id)) throw new Error(`invalid data key id ${id}`);
      this.encKeys.set(
        id,
        Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'sinergi field encryption', 32)),
      );
    }
  }

  /** Makes `id` the key new ciphertexts are made with (it must be known, after a reload if need be). */
  useKey(id: string): void {
    if (!this.encKeys.has(id) && this.reload) this.addKeys(this.reload());
    if (!this.encKeys.has(id)) throw new MissingKeyError(`The keyring does not hold the data key ${id}.`);
    this.current = id;
  }

  hasKey(id: string): boolean {
    return this.encKeys.has(id);
  }

  /** The ids of every key this instance can decrypt with. */
  get keyIds(): string[] {
    return [...this.encKeys.keys()].sort();
  }

  /** The derived search (blind index) key, to carry it over when the key it came from is retired. */
  get searchKey(): Buffer {
    return Buffer.from(this.indexKey);
  }

  /** Where to fetch the keyring again when a ciphertext names an unknown key. */
  setReloader(reload: () => Record<string, Buffer>): void {
    this.reload = reload;
  }

  private keyFor(keyId: string): Buffer {
    let key = this.encKeys.get(keyId);
    if (!key && this.reload) {
      this.addKeys(this.reload());
      key = this.encKeys.get(keyId);
    }
    if (!key) throw new Error(`unknown data key ${keyId}`);
    return key;
  }

  encrypt(plaintext: string): string {
    const key = this.encKeys.get(this.current)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      'v1',
      this.current,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ].join('.');
  }

  decrypt(ciphertext: string): string {
    const [version, keyId, iv, tag, data] = ciphertext.split('.');
    if (version !== 'v1' || !keyId || iv === undefined || tag === undefined || data === undefined) {
      throw new Error('not a field ciphertext');
    }
    const key = this.keyFor(keyId);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** Encrypts a file's bytes: key id, IV and tag in a small header, then the ciphertext. */
  encryptBuffer(data: Buffer): Buffer {
    const key = this.encKeys.get(this.current)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    const id = Buffer.from(this.current, 'utf8');
    return Buffer.concat([Buffer.from([1, id.length]), id, iv, cipher.getAuthTag(), body]);
  }

  decryptBuffer(blob: Buffer): Buffer {
    if (blob[0] !== 1) throw new Error('not an encrypted file');
    const idLen = blob[1]!;
    const keyId = blob.subarray(2, 2 + idLen).toString('utf8');
    const key = this.keyFor(keyId);
    const iv = blob.subarray(2 + idLen, 14 + idLen);
    const tag = blob.subarray(14 + idLen, 30 + idLen);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(blob.subarray(30 + idLen)), decipher.final()]);
  }

  encryptNullable(value: string | null | undefined): string | null {
    return value === null || value === undefined || value === '' ? null : this.encrypt(value);
  }

  decryptNullable(value: string | null | undefined): string | null {
    return value ? this.decrypt(value) : null;
  }

  /** A keyed hash of a normalised value (case, spaces and accents folded) for exact-match search. */
  blindIndex(value: string, purpose: string): string {
    const normalised = value
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
    return createHmac('sha256', this.indexKey).update(`${purpose}\u0000${normalised}`).digest('base64url');
  }

  /** The id of the key new ciphertexts are made with. */
  get currentKeyId(): string {
    return this.current;
  }
}

/** The keys cannot be loaded, or do not fit the database: start-up stops with this message. */
export class MissingKeyError extends Error {}

const KEY_CHECK_PLAINTEXT = 'sinergi-encryption-key-check';

/** Refuses a key that cannot read what the database was written with; records the check on first use. */
export async function verifyKeyAgainstDatabase(
  cipher: FieldCipher,
  read: () => Promise<string | undefined>,
  write: (value: string) => Promise<void>,
): Promise<void> {
  const stored = await read();
  if (!stored) {
    await write(cipher.encrypt(KEY_CHECK_PLAINTEXT));
    return;
  }
  let ok = false;
  try {
    ok = cipher.decrypt(stored) === KEY_CHECK_PLAINTEXT;
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new MissingKeyError(
      'The encryption key does not match the one this database was written with. Start with the right keys (DATA_DIR/keys/keyring.json or data.key, SINERGI_ENCRYPTION_KEYS, SINERGI_ENCRYPTION_KEY or SINERGI_KEY_COMMAND); nothing was written.',
    );
  }
}
