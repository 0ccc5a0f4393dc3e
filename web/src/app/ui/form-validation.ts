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
