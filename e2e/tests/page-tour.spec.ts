import { expect, type Page, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from './helpers';

const ARTIFACTS = new URL('../artifacts/pages/', import.meta.url).pathname;
const WIDTHS = [360, 1280] as const;

async function capture(page: Page, name: string, width: number): Promise<void> {
  await expectNoSidewaysScroll(page, `${name} at ${width} px`);
  // From the top, so the fixed header sits where the user sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}${name}-${width}.png`, fullPage: true });
}

for (const width of WIDTHS) {
  test(`every page in Indonesian at ${width} px fits the screen`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 800 });

    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: 'Masuk ke Sinergi' })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('Ini adalah versi demo');
    await capture(page, 'login', width);

    await signIn(page, 'admin');
    await expect(page.getByText('Selamat datang, Administrator Sistem')).toBeVisible();
    await capture(page, 'home', width);

    await page.goto('/agencies');
    await expect(page.getByRole('link', { name: 'DP3A Manggarai' })).toBeVisible();
    await expect(page.getByText(/Menampilkan 1–\d+ dari \d+/)).toBeVisible();
    await capture(page, 'agencies', width);

    await page.getByRole('link', { name: 'Dinsos Manggarai' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dinsos Manggarai' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Kabupaten/kota' })).toHaveValue('Kabupaten Manggarai');
    await capture(page, 'agency-edit', width);

    await page.goto('/agencies/new');
    await page.getByRole('button', { name: 'Tambah instansi' }).click();
    await expect(page.getByRole('textbox', { name: 'Nama instansi' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await capture(page, 'agency-create-errors', width);

    await page.goto('/users?role=service_provider');
    await expect(page.getByText('Menampilkan 1–2 dari 2')).toBeVisible();
    await capture(page, 'users-filtered', width);

    await page.goto('/users');
    await page.getByRole('link', { name: 'Analis Data (demo)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Analis Data (demo)' })).toBeVisible();
    await capture(page, 'user-edit', width);

    await page.goto('/users/new');
    await page.getByLabel('Kata sandi awal').fill('1234567890');
    await expect(
      page.getByText('Bukan kata sandi umum atau pola mudah ditebak: belum terpenuhi'),
    ).toBeAttached();
    await capture(page, 'user-create', width);

    await page.goto('/audit');
    await expect(page.getByText('Waktu ditampilkan dalam zona WITA.')).toBeVisible();
    await expect(page.getByText('Masuk', { exact: true }).first()).toBeVisible();
    await capture(page, 'audit', width);

    await page.goto('/profile');
    await expect(page.getByRole('heading', { level: 2, name: 'Ganti kata sandi' })).toBeVisible();
    await capture(page, 'profile', width);
  });
}
