import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * The backup file: `SINERGI-BACKUP-1\n`, a 16-byte scrypt salt, a 12-byte IV, the AES-256-GCM
 * ciphertext of a sequence of records, and the 16-byte GCM tag. A record is a 4-byte big-endian
 * header length, a JSON header (`{ path, size }`; the first record is the manifest) and `size`
 * bytes of file content. The tag authenticates everything: a file altered anywhere is refused.
 */
const MAGIC = Buffer.from('SINERGI-BACKUP-1\n');
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export class BackupError extends Error {}

export interface ArchiveFile {
  /** Path inside the archive (and under the data folder on restore), with forward slashes. */
  path: string;
  /** Where the content is read from when writing. */
  source: string;
  size: number;
  sha256: string;
}

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase, salt, 32, SCRYPT, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

function header(value: object): Buffer {
  const json = Buffer.from(JSON.stringify(value));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([len, json]);
}

/** Writes `manifest` and `files` encrypted under `passphrase` to `out` (via a temporary file). */
export async function writeArchive(
  out: string,
  passphrase: string,
  manifest: object,
  files: ArchiveFile[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  const tmp = `${out}.partial`;
  const sink = fs.createWriteStream(tmp, { mode: 0o600 });
  const written = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
  });
  sink.write(Buffer.concat([MAGIC, salt, iv]));
  // Piped, so a slow disk holds the cipher back instead of filling memory.
  cipher.pipe(sink, { end: false });
  const put = (buf: Buffer) =>
    new Promise<void>((resolve) => {
      if (cipher.write(buf)) resolve();
      else cipher.once('drain', resolve);
    });
  await put(header({ path: '', size: 0, manifest }));
  const total = files.reduce((n, f) => n + f.size, 0);
  let done = 0;
  for (const f of files) {
    await put(header({ path: f.path, size: f.size }));
    for await (const chunk of fs.createReadStream(f.source)) {
      await put(chunk as Buffer);
      done += (chunk as Buffer).length;
      onProgress?.(done, total);
    }
  }
  cipher.end();
  await new Promise<void>((resolve) => cipher.once('end', resolve));
  sink.end(cipher.getAuthTag());
  await written;
  fs.renameSync(tmp, out);
}

/**
 * Decrypts an archive into `dir` (which must exist and be empty); answers the manifest. Throws
 * BackupError on a wrong passphrase or an altered file (nothing usable is left in `dir` then).
 */
export async function readArchive(
  file: string,
  passphrase: string,
  dir: string,
): Promise<Record<string, unknown>> {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(MAGIC.length + SALT_BYTES + IV_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    fs.readSync(fd, head, 0, head.length, 0);
    if (size < head.length + TAG_BYTES || !head.subarray(0, MAGIC.length).equals(MAGIC))
      throw new BackupError(`${file} is not a Sinergi backup.`);
    fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    fs.closeSync(fd);
  }
  const salt = head.subarray(MAGIC.length, MAGIC.length + SALT_BYTES);
  const iv = head.subarray(MAGIC.length + SALT_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  decipher.setAuthTag(tag);

  let manifest: Record<string, unknown> | null = null;
  let pending: Buffer = Buffer.alloc(0);
  let current: { fd: number; left: number } | null = null;
  const root = path.resolve(dir);
  const consume = (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (current) {
        const take = Math.min(current.left, pending.length);
        if (take > 0) fs.writeSync(current.fd, pending.subarray(0, take));
        current.left -= take;
        pending = pending.subarray(take);
        if (current.left > 0) return;
        fs.closeSync(current.fd);
        current = null;
        continue;
      }
      if (pending.length < 4) return;
      const len = pending.readUInt32BE(0);
      if (pending.length < 4 + len) return;
      const h = JSON.parse(pending.subarray(4, 4 + len).toString('utf8')) as {
        path: string;
        size: number;
        manifest?: Record<string, unknown>;
      };
      pending = pending.subarray(4 + len);
      if (!manifest) {
        manifest = h.manifest ?? {};
        continue;
      }
      const target = path.resolve(root, h.path);
      if (!target.startsWith(`${root}${path.sep}`)) throw new BackupError(`Unsafe path in backup: ${h.path}`);
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      current = { fd: fs.openSync(target, 'w', 0o600), left: h.size };
    }
  };
  try {
    const body = fs.createReadStream(file, { start: head.length, end: size - TAG_BYTES - 1 });
    for await (const chunk of body) consume(decipher.update(chunk as Buffer));
    consume(decipher.final());
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(
      'The backup cannot be read: wrong passphrase, or the file was altered or cut short.',
    );
  }
  if (!manifest || current) throw new BackupError('The backup is incomplete.');
  return manifest;
}
