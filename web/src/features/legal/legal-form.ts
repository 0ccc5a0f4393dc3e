import { formatRupiah, type Language } from '@sinergi/core';
import { isApiError } from '../../app/api-client';
import en from '../../i18n/en.json';
import id from '../../i18n/id.json';

/** The server's message for a field, if the last save was refused for it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return isApiError(error) ? error.fields[field] : undefined;
}

/** A general error for the form: the server's message when no field carries it. */
export function formError(error: unknown, fields: string[]): string | null {
  if (!error) return null;
  if (isApiError(error) && fields.some((f) => error.fields[f])) return null;
  return error instanceof Error ? error.message : String(error);
}

type Legal = typeof id.legal;

/** A label from the legal dictionaries (stage, status, role ...), the code when there is none. */
export function legalLabel(
  lang: Language,
  list: keyof Legal['values'],
  value: string | null | undefined,
): string {
  if (!value) return '';
  const dict = (lang === 'en' ? en.legal.values : id.legal.values)[list] as Record<string, string>;
  return dict[value] ?? value;
}

export function legalOptions(lang: Language, list: keyof Legal['values']) {
  const dict = (lang === 'en' ? en.legal.values : id.legal.values)[list] as Record<string, string>;
  return Object.entries(dict).map(([value, label]) => ({ value, label }));
}

export const rupiah = (n: number | null | undefined, lang: Language) =>
  n === null || n === undefined ? '–' : formatRupiah(n, lang);
