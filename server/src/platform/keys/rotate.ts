import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AppDeps } from '../context.js';
import { recordedCurrentKey } from './key-state.js';
import {
  type KeyringOptions,
  keyringFile,
  keyringJson,
  legacyKeyFile,
  loadKeyring,
  nextKeyId,
  SEARCH_KEY_ID,
  writeKeyringFile,
} from './keyring.js';
import {
  auditKeysRetired,
  finishRotation,
  type KeyUse,
  type RunOptions,
  rotationState,
  runRotation,
  startRotation,
  totalUses,
} from './rotation.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'config' | 'clock' | 'cipher'>;

export interface RotateOptions extends RunOptions {
  keyring: KeyringOptions;
  /** The operator added the new key to the environment or the secrets manager: use it. */
  continue?: boolean;
  /** Seconds to let running servers pick up the new current key before re-encrypting. */
  waitSeconds?: number;
  say?: (line: string) => void;
}

export type RotateOutcome =
  | { status: 'needs_key'; suggestedId: string }
  | { status: 'nothing_new'; current: string }
  | { status: 'still_used'; to: string; left: KeyUse }
  | { status: 'done'; to: string; retired: string[]; removedFromFile: boolean; searchEntry?: string };

function describeUse(use: KeyUse): string {
  const parts = Object.entries(use.records).map(([where, n]) => `${where} (${n})`);
  if (use.files) parts.push(`document files (${use.files})`);
  return parts.join(', ');
}

/**
 * `sinergi keys rotate`: a new data key becomes current, everything is re-encrypted under it (resuming
 * a rotation a crash interrupted), and the old keys leave the keyring once nothing uses them.
 */
export async function rotateKeys(deps: Deps, opts: RotateOptions): Promise<RotateOutcome> {
  const say = opts.say ?? (() => {});
  let state = await rotationState(deps.db);
  const keyring = loadKeyring({ ...opts.keyring, mayCreate: false });
  const fileMode = keyring.source === 'file' || keyring.source === 'key-file';
  if (state) {
    say(`Resuming the rotation to ${state.to} (from ${state.from.join(', ')}), pass ${state.pass}.`);
    deps.cipher.addKeys(keyring.keys);
  } else {
    const current = (await recordedCurrentKey(deps.db)) ?? deps.cipher.currentKeyId;
    let to: string;
    if (fileMode && !opts.continue) {
      to = nextKeyId([...Object.keys(keyring.keys), ...deps.cipher.keyIds]);
      const key = randomBytes(32);
      const keys = { ...keyring.keys, [to]: key };
      writeKeyringFile(deps.config.dataDir, keyringJson(keys, to, deps.cipher.searchKey));
      deps.cipher.addKeys({ [to]: key });
      say(`New data key ${to} added to ${keyringFile(deps.config.dataDir)}.`);
    } else if (!opts.continue) {
      return { status: 'needs_key', suggestedId: nextKeyId([...Object.keys(keyring.keys), current]) };
    } else {
      to = keyring.newest;
      if (to === current) return { status: 'nothing_new', current };
      deps.cipher.addKeys(keyring.keys);
    }
    state = await startRotation(deps, to);
    say(`Data key ${to} is now current (old: ${state.from.join(', ')}).`);
  }
  const wait = opts.waitSeconds ?? 0;
  if (wait > 0) {
    say(`Waiting ${wait} s for running servers to switch to ${state.to} ...`);
    await new Promise((r) => setTimeout(r, wait * 1000));
  }
  const { state: ran, left } = await runRotation(deps, opts);
  if (totalUses(left) > 0) {
    say(
      `${ran.from.join(', ')} still used by: ${describeUse(left)}. The old keys stay; run keys rotate again.`,
    );
    return { status: 'still_used', to: ran.to, left };
  }
  deps.cipher.useKey(ran.to);
  await finishRotation(deps, ran);
  say(
    `Re-encrypted ${ran.records} records and ${ran.files} files; nothing uses ${ran.from.join(', ') || 'an old key'}.`,
  );

  const retired = ran.from;
  if (fileMode) {
    const fresh = loadKeyring({ ...opts.keyring, mayCreate: false });
    const keys = Object.fromEntries(Object.entries(fresh.keys).filter(([id]) => !retired.includes(id)));
    if (!keys[ran.to]) throw new Error(`the keyring file lost ${ran.to}`);
    writeKeyringFile(deps.config.dataDir, keyringJson(keys, ran.to, deps.cipher.searchKey));
    fs.rmSync(legacyKeyFile(deps.config.dataDir), { force: true });
    await auditKeysRetired(deps, retired, true);
    if (retired.length) say(`Removed ${retired.join(', ')} from the keyring.`);
    return { status: 'done', to: ran.to, retired, removedFromFile: true };
  }
  await auditKeysRetired(deps, retired, false);
  const searchEntry =
    keyring.searchKey || !retired.includes('k1')
      ? undefined
      : `${SEARCH_KEY_ID}:${deps.cipher.searchKey.toString('base64')}`;
  if (retired.length) {
    say(`Nothing uses ${retired.join(', ')} any more: remove it from where the keys come from.`);
    if (searchEntry)
      say(`First add this entry, which carries the search key (it derives from k1 today): ${searchEntry}`);
  }
  return { status: 'done', to: ran.to, retired, removedFromFile: false, searchEntry };
}
