import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn, uniqueSuffix } from './helpers';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

test('the secretariat reads the decree in force and names a focal person for an agency', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'koordinator.dp3a');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Gugus Tugas' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Gugus Tugas PP TPPO Kabupaten Manggarai' }),
  ).toBeVisible();
  const inForce = page.getByTestId('decree').filter({ hasText: 'HK/41/2022' });
  await expect(inForce.getByText('Berlaku', { exact: true })).toBeVisible();
  await expect(
    page.getByTestId('decree').filter({ hasText: 'HK/269/2018' }).getByText('Diubah oleh HK/41/2022'),
  ).toBeVisible();

  const member = page.getByTestId('member').filter({ hasText: 'Dinas Kesehatan' });
  await member.getByRole('button', { name: 'Tambah narahubung' }).click();
  const dialog = page.getByRole('dialog');
  const name = `Agnes Uji ${uniqueSuffix()}`;
  await dialog.getByLabel('Nama').fill(name);
  await dialog.getByLabel('Jabatan').fill('Kepala Seksi Kesehatan Keluarga');
  await dialog.getByLabel('Telepon').fill('telepon');
  await dialog.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(dialog.getByText('Nomor telepon tidak valid (contoh: +6281234567890).')).toBeVisible();
  await dialog.getByLabel('Telepon').fill('+6281339001122');
  await dialog.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(dialog).toBeHidden();
  await expect(member.getByText(name)).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}taskforce-1280.png`, fullPage: true });

  await page.setViewportSize({ width: 360, height: 780 });
  await expect(member.getByText(name)).toBeVisible();
  await expectNoSidewaysScroll(page, 'the membership page at 360 px');
  await page.screenshot({ path: `${ARTIFACTS}taskforce-360.png`, fullPage: true });
});

test('an analyst reads the membership without contact details and cannot change it', async ({ page }) => {
  await signIn(page, 'analis.bappeda');
  await page.goto('/taskforce');
  await expect(page.getByText('Maria Goreti (demo)', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Catat SK' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tambah narahubung' })).toHaveCount(0);
});
