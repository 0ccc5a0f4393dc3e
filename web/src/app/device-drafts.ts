/**
 * Drafts of long forms, kept in this browser so a closed tab, a dropped connection or a failed save
 * loses nothing typed. They hold identifying data of victims and witnesses ON THIS DEVICE, so: each
 * is keyed to the user who typed it and offered only to that user, it is removed as soon as its
 * save succeeds, every draft is removed when the user signs out, and another user's drafts are
 * removed when someone else signs in on the same browser.
 */

const PREFIX = 'sinergi.draft.';

/**
 * Whose drafts may be written now: the signed-in user, and nobody once they sign out or their
 * session ends. A form still on screen while signing out can have a write on its way (a debounced
 * save, a re-render); it must not put a draft back after sign-out removed them all.
 */
let writer: string | null = null;

/** Set by the session: the user who signed in, or null when no one is signed in. */
export function allowDraftsOf(userId: string | null): void {
  writer = userId;
}

function keyOf(userId: string, name: string): string {
  return `${PREFIX}${userId}.${name}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readDraft<T>(userId: string, name: string): T | null {
  const raw = storage()?.getItem(keyOf(userId, name));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/** False when the browser refuses to store it (private mode, storage full). */
export function writeDraft(userId: string, name: string, value: unknown): boolean {
  // Not a storage failure: the user is no longer signed in, and nothing of theirs is kept.
  if (userId !== writer) return true;
  try {
    storage()?.setItem(keyOf(userId, name), JSON.stringify(value));
    return storage() !== null;
  } catch {
    return false;
  }
}

export function removeDraft(userId: string, name: string): void {
  storage()?.removeItem(keyOf(userId, name));
}

/** Removes every draft in this browser, or every draft but those of `keepUserId`. */
export function clearDrafts(keepUserId?: string): void {
  const store = storage();
  if (!store) return;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX) && !(keepUserId && key.startsWith(`${PREFIX}${keepUserId}.`))) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}
