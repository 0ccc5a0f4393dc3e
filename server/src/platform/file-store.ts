import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppDeps } from './context.js';
import { errors } from './errors.js';
import { type DocumentKind, detectDocumentType } from './file-type.js';

/**
 * The one place that writes uploaded files to disk: sniffed by content, encrypted with the field
 * cipher, under DATA_DIR/documents (so backups carry them). Case documents and the task force's own
 * files (decrees, evidence, the letterhead logo) both store through here.
 */

type Deps = Pick<AppDeps, 'config' | 'cipher'>;

export interface StoredFile {
  key: string;
  mime: string;
  size: number;
  sha256: string;
}

/** Kinds that print and preview everywhere: for decree scans. */
export const PDF_OR_IMAGE: readonly DocumentKind[] = ['pdf', 'png', 'jpeg', 'gif', 'webp'];
/** What the PDF letterhead can draw. */
export const LOGO_IMAGE: readonly DocumentKind[] = ['png', 'jpeg'];

function storagePath(dataDir: string, key: string): string {
  return path.join(dataDir, 'documents', key.slice(0, 2), `${key}.bin`);
}

/**
 * Checks the file's real type (optionally against a narrower list) and writes it encrypted. The
 * size limit is the multipart limit (DOCUMENT_MAX_BYTES). The caller records the row and removes
 * the file again if that fails.
 */
export async function writeStoredFile(
  deps: Deps,
  data: Buffer,
  allowed?: readonly DocumentKind[],
  refusal = 'file_type_not_allowed',
): Promise<StoredFile> {
  if (data.length === 0) throw errors.validation({ file: 'required' });
  const type = detectDocumentType(data);
  if (!type || (allowed && !allowed.includes(type.kind))) throw errors.validation({ file: refusal });
  const key = randomUUID().replace(/-/g, '');
  const target = storagePath(deps.config.dataDir, key);
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  await fs.writeFile(target, deps.cipher.encryptBuffer(data), { mode: 0o600 });
  return {
    key,
    mime: type.mime,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

/** The decrypted content of a stored file. */
export async function readStoredFile(deps: Deps, key: string): Promise<Buffer> {
  return deps.cipher.decryptBuffer(await fs.readFile(storagePath(deps.config.dataDir, key)));
}

/** Removes a stored file for good; a file already gone is fine. */
export async function removeStoredFile(deps: Pick<AppDeps, 'config'>, key: string): Promise<void> {
  await fs.rm(storagePath(deps.config.dataDir, key), { force: true });
}
