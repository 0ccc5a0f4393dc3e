import fs from 'node:fs';
import zlib from 'node:zlib';

/** The leaked-password list built by scripts/build-common-passwords.mjs (lower-cased, one a line). */
export const COMMON_PASSWORDS_FILE = new URL('../../../assets/common-passwords.txt.gz', import.meta.url);

let list: Set<string> | undefined;

/**
 * The list, read on first use and kept for the life of the process (about 140,000 entries: some
 * 13 MB of memory and a quarter of a second to read, once). Sign-in never needs it.
 */
export function commonPasswords(): ReadonlySet<string> {
  if (!list) {
    const text = zlib.gunzipSync(fs.readFileSync(COMMON_PASSWORDS_FILE)).toString('utf8');
    list = new Set(text.split('\n').filter(Boolean));
  }
  return list;
}

/** Whether a lower-cased candidate is a leaked password. */
export function isLeakedPassword(candidate: string): boolean {
  return commonPasswords().has(candidate);
}
