import { expect, type Locator, type Page } from '@playwright/test';
import { typeDate, witaDay } from './date-field';
import { expectNoSidewaysScroll } from './helpers';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

/** Nothing may be wider than the screen, then a full-page screenshot from the top. */
export async function capture(page: Page, name: string, width: number): Promise<void> {
  await expectNoSidewaysScroll(page, `${name} at ${width} px`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}case-${name}-${width}.png`, fullPage: true });
}

/** Picks an option of a Mantine select inside `scope` (a page or a section of it). */
export async function choose(scope: Page | Locator, label: string, option: string, search?: string) {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  if (search) await input.fill(search);
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(input).toHaveValue(option);
}

/** Picks one or more options of a Mantine multi-select, then closes its list. */
export async function chooseMany(page: Page, label: string, options: string[]) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  for (const option of options) {
    await input.click();
    await input.fill(option);
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  await input.press('Escape');
}

/** YYYY-MM-DD of a day `daysAgo` before today where the task force is (WITA). */
export function dayBefore(daysAgo: number): string {
  return witaDay(-daysAgo);
}

/** Waits until the short confirmations have faded, so they do not cover the page in a screenshot. */
export async function waitForNotifications(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Notifications-root').getByRole('alert')).toHaveCount(0, {
    timeout: 15_000,
  });
}

/** One person's section of the intake's people step. */
export function personSection(page: Page, title: string) {
  return page.getByRole('region', { name: new RegExp(`^${title}`) });
}

export async function fillReportStep(page: Page, incidentDate: string) {
  await choose(page, 'Jenis kasus', 'TPPO');
  await typeDate(page, 'Tanggal kejadian', incidentDate);
  await choose(page, 'Cara pengaduan masuk', 'Datang langsung');
  await choose(page, 'Pelapor', 'Keluarga');
  await page.getByRole('radio', { name: /^Tinggi/ }).click();
  await expect(page.getByText(/tanggapan pertama jatuh tempo/)).toBeVisible();
  await page
    .getByLabel('Kronologi')
    .fill('Anak dan empat temannya dijanjikan kerja di perkebunan Kalimantan; KTP diambil perekrut.');
}
