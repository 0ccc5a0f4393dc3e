import { expect, type Page, request, test } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';

/** Signs in through the page, ticking "remember me" or not, and waits for the home page. */
async function signInThroughPage(page: Page, username: string, remember: boolean): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  const box = page.getByRole('checkbox', { name: 'Ingat saya di perangkat ini' });
  await expect(box).not.toBeChecked();
  if (remember) await box.check();
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
}

async function sessionCookie(page: Page) {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'sinergi_session');
  expect(cookie).toBeDefined();
  return cookie!;
}

test('without "remember me" the session cookie ends with the browser', async ({ page }) => {
  await signInThroughPage(page, 'analis.bappeda', false);
  const cookie = await sessionCookie(page);
  expect(cookie.expires).toBe(-1);
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Strict');
});

test('with "remember me" the session cookie is kept for the session’s 12 hours', async ({ page }) => {
  const before = Date.now() / 1000;
  await signInThroughPage(page, 'analis.bappeda', true);
  const cookie = await sessionCookie(page);
  expect(cookie.expires).toBeGreaterThan(before + 11.9 * 3600);
  expect(cookie.expires).toBeLessThan(Date.now() / 1000 + 12 * 3600 + 60);
});

test('after failed sign-ins the next sign-in tells how many failed and when', async ({ page, baseURL }) => {
  // Someone else, elsewhere, tried the account twice with wrong passwords.
  const stranger = await request.newContext({ baseURL });
  for (const password of ['Salah-Sandi-Satu', 'Salah-Sandi-Dua']) {
    const failed = await stranger.post('/api/v1/auth/login', {
      data: { username: 'analis.provinsi', password },
    });
    expect(failed.status()).toBe(401);
  }
  await stranger.dispose();
  await signInThroughPage(page, 'analis.provinsi', false);
  const notice = page.getByRole('alert').filter({ hasText: 'Ada percobaan masuk yang gagal' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('2 percobaan masuk ke akun Anda gagal');
  await expect(notice).toContainText('WITA');
});
