import { expect, test } from '@playwright/test';
import { typeDate } from './date-field';
import { chooseOption, expectNoSidewaysScroll, signIn, uniqueSuffix } from './helpers';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

test('an agency records outreach in a village and a recruitment alert, then moves the alert along', async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  const topic = `Migrasi aman untuk pemuda ${suffix}`;
  const alertText = `Tawaran kerja kebun sawit tanpa dokumen ${suffix}`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'layanan.dinsos');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Pencegahan' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pencegahan' })).toBeVisible();
  await expect(page.getByTestId('outreach').first()).toBeVisible();

  await page.getByRole('button', { name: 'Catat sosialisasi' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Wajib diisi.').first()).toBeVisible();
  await typeDate(dialog, 'Tanggal', '2026-11-02');
  await chooseOption(page, 'Kecamatan', 'Wae Rii', 'Wae');
  await chooseOption(page, 'Desa/kelurahan', 'Golo Cador', 'Golo C');
  await chooseOption(page, 'Sasaran', 'Calon pekerja migran');
  await dialog.getByLabel(/^Topik/).fill(topic);
  await dialog.getByLabel('Laki-laki dewasa').fill('12');
  await dialog.getByLabel('Perempuan dewasa').fill('9');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  const card = page.getByTestId('outreach').filter({ hasText: topic });
  await expect(card.getByText('Golo Cador, Wae Rii')).toBeVisible();
  await expect(card.getByText(/^21 peserta/)).toBeVisible();

  await page.getByRole('tab', { name: 'Laporan perekrutan' }).click();
  await page.getByRole('button', { name: 'Laporkan perekrutan' }).click();
  await chooseOption(page, 'Media atau cara perekrutan', 'Facebook', 'Face');
  await dialog.getByLabel(/^Apa yang terlihat/).fill(alertText);
  await dialog.getByLabel(/^Sumber laporan/).fill('Kepala Desa');
  await typeDate(dialog, 'Tanggal terlihat', '2026-11-20');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  const alert = page.getByTestId('alert').filter({ hasText: alertText });
  await expect(alert.getByText('Dilaporkan', { exact: true })).toBeVisible();
  await alert.getByRole('button', { name: 'Ubah status' }).click();
  await chooseOption(page, 'Status baru', 'Terverifikasi');
  await dialog.getByLabel('Catatan').fill('Akun perekrut dicek bersama BP3MI.');
  await dialog.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(dialog).toBeHidden();
  await expect(alert.getByText('Terverifikasi', { exact: true })).toBeVisible();
  // The recording agency corrects what the alert says; the status stays.
  await alert.getByRole('button', { name: 'Ubah Facebook', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Ubah laporan perekrutan' })).toBeVisible();
  await dialog.getByLabel(/^Sumber laporan/).fill('Sekretaris Desa Golo Cador');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  await expect(alert.getByText(/dilaporkan oleh Sekretaris Desa Golo Cador/)).toBeVisible();
  await expect(alert.getByText('Terverifikasi', { exact: true })).toBeVisible();
  await alert.getByRole('button', { name: 'Ubah status' }).click();
  await chooseOption(page, 'Status baru', 'Diteruskan ke BP3MI');
  await dialog.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(dialog).toBeHidden();
  await expect(alert.getByText('Diteruskan ke BP3MI', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}prevention-alerts-1280.png`, fullPage: true });

  // An outreach session recorded twice is removed with a reason, after a confirmation.
  await page.getByRole('tab', { name: 'Sosialisasi dan KIE' }).click();
  await card.getByRole('button', { name: `Hapus ${topic}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Hapus catatan' });
  await confirm.getByRole('button', { name: 'Hapus catatan' }).click();
  await expect(confirm.getByText('Tulis alasan penghapusan (paling sedikit 3 huruf).')).toBeVisible();
  await confirm.getByLabel(/^Alasan penghapusan/).fill('Tercatat dua kali');
  await confirm.getByRole('button', { name: 'Hapus catatan' }).click();
  await expect(confirm).toBeHidden();
  await expect(card).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/prevention?tab=alerts');
  await alert.getByRole('button', { name: 'Ubah Facebook', exact: true }).click();
  await expect(dialog).toBeVisible();
  await expectNoSidewaysScroll(page, 'the alert edit dialog at 390 px');
  await page.screenshot({ path: `${ARTIFACTS}prevention-edit-390.png` });
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/prevention?tab=outreach');
  await expect(page.getByTestId('outreach').first()).toBeVisible();
  await expectNoSidewaysScroll(page, 'prevention at 360 px');
  await page.screenshot({ path: `${ARTIFACTS}prevention-360.png` });
});
