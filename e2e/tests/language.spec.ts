import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

/** Clicks the visible ID/EN segment, as a user does (the radio inputs themselves are hidden). */
async function chooseLanguage(page: Page, name: 'English' | 'Bahasa Indonesia'): Promise<void> {
  await page.getByRole('radiogroup').locator('label').filter({ hasText: name }).click();
}

test('the language switch changes the interface and is remembered after a reload', async ({ page }) => {
  await signIn(page, 'admin');
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Instansi' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');

  await chooseLanguage(page, 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  const englishNav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(englishNav.getByRole('link', { name: 'Agencies' })).toBeVisible();
  await expect(englishNav.getByRole('link', { name: 'Audit trail' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await chooseLanguage(page, 'Bahasa Indonesia');
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Jejak Audit' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
});
