import { expect, test } from '@playwright/test';
import { capture, waitForNotifications } from './case-helpers';
import { signIn, signOut, uniqueSuffix } from './helpers';

test('an administrator publishes a new checklist version, which the next screening offers', async ({
  page,
}) => {
  const suffix = uniqueSuffix().replace(/[^a-z0-9]/g, '');
  const labelId = `Dipaksa bekerja di kapal ikan ${suffix}`;
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'admin');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Daftar periksa penapisan' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Daftar periksa penapisan' })).toBeVisible();
  const current = await page.getByText(/^Versi berlaku: \d+/).textContent();
  const version = Number(/Versi berlaku: (\d+)/.exec(current ?? '')?.[1]);

  const purpose = page.getByRole('group', { name: 'Tujuan: eksploitasi' });
  await purpose.getByRole('button', { name: 'Tambah indikator' }).click();
  const added = purpose.locator('.mantine-Card-root').last();
  await added.getByLabel('Kode indikator').fill('purpose_forced_labour');
  await added.getByLabel('Teks (Bahasa Indonesia)').fill(labelId);
  await added.getByLabel('Teks (English)').fill(`Forced to work on a fishing boat ${suffix}`);
  await page.getByRole('button', { name: 'Terbitkan versi baru' }).click();
  await expect(added.getByText('Kode ini sudah dipakai indikator lain.')).toBeVisible();
  await added.getByLabel('Kode indikator').fill(`purpose_fishing_${suffix}`);
  await capture(page, 'checklist-editor', 1280);
  await page.getByRole('button', { name: 'Terbitkan versi baru' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Terbitkan versi baru' }).click();
  await expect(page.getByText(`Daftar periksa versi ${version + 1} telah terbit.`)).toBeVisible();
  await expect(page.getByText(new RegExp(`^Versi berlaku: ${version + 1}`))).toBeVisible();
  await waitForNotifications(page);
  await signOut(page);

  await signIn(page, 'manajer.uptdppa');
  await page.goto('/cases?stage=reported');
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('tab', { name: 'Penapisan' }).click();
  await expect(page.getByRole('checkbox', { name: labelId })).toBeVisible();
  await expect(page.getByText(`Daftar periksa versi ${version + 1}`).first()).toBeVisible();
  await signOut(page);
});
