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

/** Errors without those of the fields that changed (a field's error goes once the user edits it). */
export function withoutErrorsOf(
  errors: Record<string, unknown>,
  prefix: string,
  before: object,
  after: object,
): Record<string, string> {
  const changed = Object.keys(after).filter(
    (key) => (before as Record<string, unknown>)[key] !== (after as Record<string, unknown>)[key],
  );
  const kept: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (typeof message !== 'string') continue;
    if (changed.some((key) => path === `${prefix}${key}` || path.startsWith(`${prefix}${key}.`))) continue;
    kept[path] = message;
  }
  return kept;
}
