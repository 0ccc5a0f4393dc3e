import { expect, type Page } from '@playwright/test';

/** The password every demo user gets in the test server (see playwright.config.ts). */
export const DEMO_PASSWORD = 'Lingko-Demo-2026';

/** A suffix that keeps names unique within one run (the database lives for the whole run). */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** Signs in through the page, in Indonesian, and waits for the home page. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Menu pengguna/ }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk ke Sinergi' })).toBeVisible();
  await expect(page.getByText('Anda telah keluar dari Sinergi.')).toBeVisible();
}

/** Picks an option of a Mantine select by its label and the option's visible name. */
export async function chooseOption(
  page: Page,
  label: string,
  option: string,
  search?: string,
): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(input).toHaveValue(option);
}

/**
 * Nothing may be wider than the screen. The layout settles a moment after a resize or a render,
 * so the check waits for it (and fails if the page still scrolls sideways after the timeout).
 */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  await expect
    .poll(
      () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      { message: `${what} scrolls sideways` },
    )
    .toBeLessThanOrEqual(0);
}
