import type { Config } from '../../config.js';
import { FieldCipher, MissingKeyError, verifyKeyAgainstDatabase } from '../crypto.js';
import type { Db } from '../db/connect.js';
import { getSetting, setSetting } from '../settings.js';
import { type Keyring, type KeyringOptions, loadKeyring, searchKeyOf } from './keyring.js';

/** The key every instance encrypts with: the database decides, so servers and the CLI agree. */
export const CURRENT_KEY_SETTING = 'encryption_current_key';
/** A value only the right keys read back (written on first start, rewritten by each rotation). */
export const KEY_CHECK_SETTING = 'encryption_key_check';
/** A search hash of a fixed text: a wrong search key would silently stop search finding anyone. */
export const SEARCH_CHECK_SETTING = 'encryption_search_check';
/** The rotation in progress, with its checkpoint (absent when none is). */
export const ROTATION_SETTING = 'encryption_rotation';

const SEARCH_CHECK_TEXT = 'sinergi-search-key-check';

/** What the configuration says about where the keys are. */
export function keyringOptions(config: Config, mayCreate = false): KeyringOptions {
  return {
    dataDir: config.dataDir,
    dataKey: config.SINERGI_ENCRYPTION_KEY,
    dataKeys: config.SINERGI_ENCRYPTION_KEYS,
    keyCommand: config.SINERGI_KEY_COMMAND,
    mayCreate,
  };
}

async function settingOrNothing(db: Db, key: string): Promise<string | undefined> {
  return getSetting(db, key).catch(() => undefined);
}

/** The key id the database names as current, if it names one yet. */
export function recordedCurrentKey(db: Db): Promise<string | undefined> {
  return settingOrNothing(db, CURRENT_KEY_SETTING);
}

/**
 * Loads the keyring, picks the current key the database names (or, on a database that names none
 * yet, the keyring's newest), and refuses keys that cannot read the data or would break search.
 * The cipher reloads the keyring by itself when it meets a key id it does not hold.
 */
export async function openCipher(
  db: Db,
  config: Config,
  now: () => Date,
): Promise<{ cipher: FieldCipher; keyring: Keyring }> {
  const check = await settingOrNothing(db, KEY_CHECK_SETTING);
  // A database that already holds encrypted data never gets a fresh key silently.
  const options = keyringOptions(config, !check);
  const keyring = loadKeyring(options);
  const recorded = await recordedCurrentKey(db);
  const current = recorded ?? keyring.newest;
  if (!keyring.keys[current])
    throw new MissingKeyError(
      `This database encrypts with the data key ${current}, which the configured keys (${keyring.source}) do not hold. Supply that key as well before starting.`,
    );
  const cipher = new FieldCipher(keyring.keys, current, { derived: searchKeyOf(keyring) });
  cipher.setReloader(() => loadKeyring({ ...options, mayCreate: false }).keys);
  await verifyKeyAgainstDatabase(
    cipher,
    async () => check,
    (value) => setSetting(db, KEY_CHECK_SETTING, value, now()),
  );
  const searchCheck = cipher.blindIndex(SEARCH_CHECK_TEXT, 'key_check');
  const storedSearch = await settingOrNothing(db, SEARCH_CHECK_SETTING);
  if (storedSearch && storedSearch !== searchCheck)
    throw new MissingKeyError(
      'The search key does not match the one this database was written with: search by name or NIK would find no one. Supply the "search" entry the keyring had (or keep k1, which it derives from); nothing was written.',
    );
  if (!storedSearch) await setSetting(db, SEARCH_CHECK_SETTING, searchCheck, now());
  if (!recorded) await setSetting(db, CURRENT_KEY_SETTING, current, now());
  return { cipher, keyring };
}

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Follows the current key the database names (a rotation switches it); answers whether it changed. */
export async function refreshCurrentKey(deps: { db: Db; cipher: FieldCipher }): Promise<boolean> {
  const recorded = await recordedCurrentKey(deps.db);
  if (!recorded || recorded === deps.cipher.currentKeyId) return false;
  deps.cipher.useKey(recorded);
  return true;
}

/** Re-reads the current key id every KEY_REFRESH_SECONDS (one small query); answers a stop function. */
export function scheduleKeyRefresh(
  deps: { db: Db; cipher: FieldCipher; config: Pick<Config, 'KEY_REFRESH_SECONDS'> },
  log: Log,
): () => void {
  const timer = setInterval(() => {
    refreshCurrentKey(deps).then(
      (changed) => {
        if (changed) log.info({ keyId: deps.cipher.currentKeyId }, 'now encrypting with a new data key');
      },
      (err: unknown) => log.error({ err }, 'could not switch to the new data key'),
    );
  }, deps.config.KEY_REFRESH_SECONDS * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
