import { expect, test } from '@playwright/test';

test('a wrong password is refused with the Indonesian message at the form', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk ke Sinergi' })).toBeVisible();
  await page.getByLabel('Nama pengguna').fill('penyidik.polres');
  await page.getByLabel('Kata sandi').fill('bukan-sandi-yang-benar');
  await page.getByRole('button', { name: 'Masuk' }).click();

  const alert = page.getByRole('alert', { name: 'Gagal masuk' });
  await expect(alert).toContainText('Nama pengguna atau kata sandi salah.');
  await expect(page).toHaveURL(/\/login/);
  // What was typed stays, so the user only corrects the password.
  await expect(page.getByLabel('Nama pengguna')).toHaveValue('penyidik.polres');
});

test('empty fields are marked at the field before anything is sent', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByLabel('Nama pengguna')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Wajib diisi.').first()).toBeVisible();
});
