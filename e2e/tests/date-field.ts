import { expect, type Locator, type Page } from '@playwright/test';

/** A calendar day in the task force's zone (WITA), `days` from today, as YYYY-MM-DD. */
export function witaDay(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** A YYYY-MM-DD day as the offices write it: `28 November 2026`. */
export function longDay(day: string, lang: 'id' | 'en' = 'id'): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** The date field named `label`: the group of its day, month and year (and time) boxes. */
export function dateField(scope: Page | Locator, label: string | RegExp): Locator {
  return scope.getByRole('group', { name: label, exact: typeof label === 'string' });
}

/** What the field shows, boxes and separators together, e.g. `09/12/2026` or `09/12/2026 14:30`. */
export async function shownDate(field: Locator): Promise<string> {
  return field.evaluate((group) =>
    Array.from(group.children)
      .map((child) =>
        child instanceof HTMLInputElement ? child.value || child.placeholder : (child.textContent ?? ''),
      )
      .join('')
      .replace(/\u00a0/g, ' '),
  );
}

/**
 * Types a day (YYYY-MM-DD) or a day and time (YYYY-MM-DDTHH:mm) the way a person does: a tap on
 * the day box, then the digits day first (each box moves on to the next), and checks what shows.
 */
export async function typeDate(scope: Page | Locator, label: string | RegExp, value: string): Promise<void> {
  await typeInto(dateField(scope, label), value);
}

/** {@link typeDate} into a field already found (one of several holiday rows, say). */
export async function typeInto(field: Locator, value: string): Promise<void> {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) throw new Error(`not a date: ${value}`);
  const [, year, month, day, hours, minutes] = match;
  await field.getByRole('spinbutton').first().click();
  await field.page().keyboard.type(`${day}${month}${year}${hours ?? ''}${minutes ?? ''}`);
  const shown = `${day}/${month}/${year}${hours ? ` ${hours}:${minutes}` : ''}`;
  await expect.poll(() => shownDate(field)).toBe(shown);
}
