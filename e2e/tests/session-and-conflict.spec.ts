import { expect, type Page, test } from '@playwright/test';
import { signIn, uniqueSuffix } from './helpers';

/** The CSRF token of the browser's own session (the page's request context shares its cookies). */
async function csrfToken(page: Page): Promise<string> {
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.status()).toBe(200);
  return (await me.json()).csrfToken as string;
}

test('an ended session sends the user to sign in, with a notice, and back to the same list', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.goto('/agencies?sector=health');
  await expect(page.getByRole('link', { name: 'Dinkes Manggarai' })).toBeVisible();

  // The session ends elsewhere (here: signed out through the API with the same cookie).
  const token = await csrfToken(page);
  const logout = await page.request.post('/api/v1/auth/logout', { headers: { 'X-CSRF-Token': token } });
  expect(logout.status()).toBe(204);

  // The next request the page makes finds the session gone.
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Aktif', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk ke Sinergi' })).toBeVisible();
  await expect(page.getByText('Sesi Anda telah berakhir')).toBeVisible();

  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill('Lingko-Demo-2026');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instansi' })).toBeVisible();
  await expect(page).toHaveURL(/\/agencies\?.*sector=health/);
  await expect(page.getByRole('link', { name: 'Dinkes Manggarai' })).toBeVisible();
});

test('a save over someone else’s change shows both versions and can load the saved one', async ({ page }) => {
  const suffix = uniqueSuffix();
  await signIn(page, 'admin');
  const token = await csrfToken(page);
  const created = await page.request.post('/api/v1/agencies', {
    headers: { 'X-CSRF-Token': token },
    data: {
      name: `Pos Pelayanan Uji ${suffix}`,
      shortName: `PPU ${suffix}`,
      htcdsType: 'NGO',
      sector: 'ngo',
      regionCode: '53.10',
    },
  });
  expect(created.status()).toBe(201);
  const agency = await created.json();

  await page.goto(`/agencies/${agency.id}`);
  const name = page.getByRole('textbox', { name: 'Nama instansi' });
  await expect(name).toHaveValue(`Pos Pelayanan Uji ${suffix}`);

  // Someone else saves first.
  const theirs = `Pos Pelayanan Terpadu ${suffix}`;
  const patched = await page.request.patch(`/api/v1/agencies/${agency.id}`, {
    headers: { 'X-CSRF-Token': token },
    data: { version: agency.version, name: theirs },
  });
  expect(patched.status()).toBe(200);

  const mine = `Pos Layanan Korban ${suffix}`;
  await name.fill(mine);
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Data ini sudah diubah orang lain' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Isian Anda: ${mine}`);
  await expect(dialog).toContainText(`Tersimpan sekarang: ${theirs}`);
  await dialog.getByRole('button', { name: 'Muat versi tersimpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(name).toHaveValue(theirs);

  // Saving again now carries the current version and succeeds.
  await name.fill(mine);
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(page.getByText(`Perubahan data PPU ${suffix} telah disimpan.`)).toBeVisible();
  const reloaded = await page.request.get(`/api/v1/agencies/${agency.id}`);
  expect((await reloaded.json()).name).toBe(mine);
});
