import type { FieldCipher } from '../crypto.js';

/**
 * Where a free text sits inside a JSON column: object keys from the top, `*` for every element of
 * an array. The value at the end of a path is taken out when it is a string.
 */
export type TextPath = readonly string[];

/**
 * Free texts inside `cases.profile`: each trafficking event's description. Everything else in the
 * profile is a code, a date or a flag that statistics and exports read in clear.
 */
export const PROFILE_TEXT_PATHS: readonly TextPath[] = [['events', '*', 'description']];

/** Free texts inside `cases.migrant`; the category, depot, reasons, countries, dates and years stay. */
export const MIGRANT_TEXT_PATHS: readonly TextPath[] = [
  ['deportee', 'consulateReference'],
  ['deceased', 'placeOfDeath'],
  ['deceased', 'cause'],
  ['deceased', 'arrivalFlight'],
  ['deceased', 'onwardTransport'],
  ['deceased', 'transportPaidBy'],
];

/**
 * The JSON columns whose free texts are kept apart, encrypted, in a `_texts_enc` column (one
 * ciphertext of a JSON object holding only the texts, in the same shape as the column).
 */
export const JSON_FREE_TEXTS = [
  { table: 'cases', column: 'profile', textsColumn: 'profile_texts_enc', paths: PROFILE_TEXT_PATHS },
  { table: 'cases', column: 'migrant', textsColumn: 'migrant_texts_enc', paths: MIGRANT_TEXT_PATHS },
] as const;

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Removes the string at `path` from `node` (mutated) and answers it in the same shape, if there was one. */
function take(node: Json, path: TextPath): Json | undefined {
  const [head, ...rest] = path;
  if (head === undefined) return undefined;
  if (head === '*') {
    if (!Array.isArray(node)) return undefined;
    let found = false;
    const texts = node.map((element) => {
      const t = take(element, rest);
      if (t !== undefined) found = true;
      return t ?? {};
    });
    return found ? texts : undefined;
  }
  if (!isObject(node) || !(head in node)) return undefined;
  if (rest.length === 0) {
    const value = node[head];
    if (typeof value !== 'string') return undefined;
    delete node[head];
    return { [head]: value };
  }
  const sub = take(node[head], rest);
  return sub === undefined ? undefined : { [head]: sub };
}

/** `b` laid over `a`: objects key by key, arrays element by element (only `a`'s elements). */
function overlay(a: Json, b: Json): Json {
  if (Array.isArray(a) && Array.isArray(b))
    return a.map((element, i) => (i < b.length ? overlay(element, b[i]) : element));
  if (isObject(a) && isObject(b)) {
    const out: Record<string, Json> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? overlay(out[k], v) : v;
    return out;
  }
  return a === undefined || a === null || !isObject(b) ? b : a;
}

/**
 * Splits a JSON value into what may stay in clear (the value without the strings at `paths`) and
 * the texts taken out, in the same shape; texts is null when there were none.
 */
export function splitFreeTexts(value: Json, paths: readonly TextPath[]): { clear: Json; texts: Json | null } {
  const clear = structuredClone(value);
  let texts: Json | null = null;
  for (const path of paths) {
    const t = take(clear, path);
    if (t !== undefined) texts = texts === null ? t : overlay(texts, t);
  }
  return { clear, texts };
}

/** Puts texts split off by `splitFreeTexts` back into the clear value. */
export function mergeFreeTexts(clear: Json, texts: Json | null): Json {
  return texts === null ? clear : overlay(structuredClone(clear), texts);
}

/** The two columns to store for a JSON value: the clear JSON and the encrypted texts (or null). */
export function sealJson(
  cipher: Pick<FieldCipher, 'encrypt'>,
  value: Json,
  paths: readonly TextPath[],
): { json: string; textsEnc: string | null } {
  const { clear, texts } = splitFreeTexts(value, paths);
  return {
    json: JSON.stringify(clear),
    textsEnc: texts === null ? null : cipher.encrypt(JSON.stringify(texts)),
  };
}

/** The JSON value as it was given, from the clear column and the encrypted texts. */
export function openJson(cipher: Pick<FieldCipher, 'decrypt'>, json: string, textsEnc: string | null): Json {
  const clear = JSON.parse(json) as Json;
  return textsEnc === null ? clear : mergeFreeTexts(clear, JSON.parse(cipher.decrypt(textsEnc)) as Json);
}
