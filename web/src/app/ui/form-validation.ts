import { type Language, localizeIssues } from '@sinergi/core';
import type { z } from 'zod';

/** Field path -> message in the chosen language; empty when the values pass the shared schema. */
export function schemaFieldErrors(
  schema: z.ZodType,
  values: unknown,
  lang: Language,
): Record<string, string> {
  const result = schema.safeParse(values, { reportInput: true });
  return result.success ? {} : localizeIssues(result.error.issues, lang);
}

/** Renames error paths of the API payload to the form fields that hold them. */
export function renameErrorFields(
  errors: Record<string, string>,
  renames: Record<string, string>,
): Record<string, string> {
  const renamed: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) renamed[renames[path] ?? path] = message;
  return renamed;
}

/** Moves the focus to the first field marked invalid, once the errors are on screen. */
export function focusFirstInvalidField(): void {
  window.setTimeout(() => {
    document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
  }, 0);
}

/** The errors under one part of a form, with that part's prefix removed ("people.0.nik" -> "nik"). */
export function errorsUnder(errors: Record<string, unknown>, prefix: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(prefix) && typeof message === 'string') found[path.slice(prefix.length)] = message;
  }
  return found;
}

/** The same errors under a prefix ("nik" -> "people.0.nik"), to put them on a part of a larger form. */
export function prefixErrors(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [`${prefix}${path}`, message]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lists of records are walked item by item; lists of plain values are one field. */
function isRecordList(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null);
}

/**
 * Errors without those of the fields that changed between `before` and `after` (a field's message
 * goes once the user edits it). Nested records and lists of records are compared field by field.
 */
export function withoutErrorsOf(
  errors: Record<string, unknown>,
  prefix: string,
  before: unknown,
  after: unknown,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) if (typeof message === 'string') kept[path] = message;
  const walk = (path: string, a: unknown, b: unknown) => {
    if (a === b) return;
    const bothRecords = isPlainObject(a) && isPlainObject(b);
    const bothLists = isRecordList(a) && isRecordList(b);
    if (bothRecords || bothLists) {
      const left = a as Record<string, unknown>;
      const right = b as Record<string, unknown>;
      for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
        walk(`${path}${key}.`, left[key], right[key]);
      }
      return;
    }
    const field = path.slice(0, -1);
    for (const key of Object.keys(kept)) if (key === field || key.startsWith(path)) delete kept[key];
  };
  walk(prefix, before, after);
  return kept;
}
