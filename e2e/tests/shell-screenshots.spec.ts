import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from './helpers';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

test('the shell on a 360 px phone: navigation behind the menu button, nothing wider than the screen', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'admin');
  const menuButton = page.getByRole('button', { name: 'Buka atau tutup menu navigasi' });
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(menuButton).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Instansi' })).not.toBeInViewport();
  await expectNoSidewaysScroll(page, 'the shell');
  const path = `${ARTIFACTS}shell-360.png`;
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('shell-360', { path, contentType: 'image/png' });

  await menuButton.click();
  await expect(nav.getByRole('link', { name: 'Instansi' })).toBeInViewport();
  await nav.getByRole('link', { name: 'Instansi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instansi' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Instansi' })).not.toBeInViewport();
});

test('the shell on a 1280 px desktop: navigation at the side', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'admin');
  await expect(page.getByRole('button', { name: 'Buka atau tutup menu navigasi' })).toBeHidden();
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Jejak Audit' })).toBeInViewport();
  await expect(page.getByText('Gugus Tugas PP TPPO Kabupaten Manggarai').first()).toBeVisible();
  await expectNoSidewaysScroll(page, 'the shell');
  const path = `${ARTIFACTS}shell-1280.png`;
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('shell-1280', { path, contentType: 'image/png' });
});

test('on a short laptop screen the menu scrolls, so its last entry is reachable', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 600 });
  await signIn(page, 'koordinator.dp3a');
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  const last = nav.getByRole('link', { name: 'Profil' });
  await expect(last).not.toBeInViewport();
  await nav.hover();
  await page.mouse.wheel(0, 2000);
  await expect(last).toBeInViewport();
  await last.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profil' })).toBeVisible();
});
