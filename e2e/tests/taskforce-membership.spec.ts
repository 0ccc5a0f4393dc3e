import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn, signOut, uniqueSuffix } from './helpers';

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

test('the secretariat uploads the signed decree; a member agency downloads it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'koordinator.dp3a');
  await page.goto('/taskforce');
  const decree = page.getByTestId('decree').filter({ has: page.getByText('HK/41/2022', { exact: true }) });
  const fileInput = decree.locator('input[type="file"]');
  await fileInput.setInputFiles({
    name: 'ringkasan.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml word/')]),
  });
  await decree.getByRole('button', { name: /^(Unggah|Ganti)$/ }).click();
  await expect(decree.getByText('Unggah SK sebagai PDF atau gambar (JPG, PNG).')).toBeVisible();
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  await fileInput.setInputFiles({ name: 'SK-HK-41-2022.pdf', mimeType: 'application/pdf', buffer: pdf });
  await decree.getByRole('button', { name: /^(Unggah|Ganti)$/ }).click();
  const line = decree.getByTestId('attachment').filter({ hasText: 'SK-HK-41-2022.pdf' });
  await expect(line).toContainText('PDF');
  await page.screenshot({ path: `${ARTIFACTS}taskforce-decree-file-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page, 'the decree file at 390 px');
  await page.screenshot({ path: `${ARTIFACTS}taskforce-decree-file-390.png`, fullPage: true });

  await page.setViewportSize({ width: 1280, height: 900 });
  await signOut(page);
  await signIn(page, 'layanan.dinsos');
  await page.goto('/taskforce');
  const seen = page.getByTestId('decree').filter({ has: page.getByText('HK/41/2022', { exact: true }) });
  await expect(seen.locator('input[type="file"]')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await seen.getByRole('button', { name: 'Unduh SK-HK-41-2022.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('SK-HK-41-2022.pdf');
});

test('the secretariat sets the letterhead and the letter-number pattern', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'koordinator.dp3a');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Kop surat dan penomoran' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kop surat dan penomoran' })).toBeVisible();
  await page.getByLabel(/^Alamat/).fill('Jalan Motang Rua No. 1, Ruteng');
  await page.getByLabel(/^Pola nomor surat/).fill('GT/{tahun}');
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(
    page.getByText('Pola nomor surat harus memuat nomor urut: seq atau seq3 dalam kurung kurawal.'),
  ).toBeVisible();
  await page.getByLabel(/^Pola nomor surat/).fill('400.2/{seq3}/GT-TPPO/{roman_month}/{year}');
  await expect(page.getByTestId('number-example')).toContainText('400.2/007/GT-TPPO/');
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(page.getByText('Kop surat tersimpan.')).toBeVisible();
  await expect(page.getByTestId('letterhead-preview')).toContainText('Jalan Motang Rua No. 1, Ruteng');
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'logo-manggarai.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: 'Unggah', exact: true }).click();
  await expect(page.getByText('Logo terpasang: logo-manggarai.png')).toBeVisible();
  const logo = page.getByRole('img', { name: 'Logo pada kop surat' });
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await page.screenshot({ path: `${ARTIFACTS}letterhead-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page, 'the letterhead settings at 390 px');
  await page.screenshot({ path: `${ARTIFACTS}letterhead-390.png`, fullPage: true });
});
