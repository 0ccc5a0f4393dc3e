import { expect, test } from '@playwright/test';
import { chooseOption, expectNoSidewaysScroll, signIn, signOut, uniqueSuffix } from './helpers';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

test('the secretariat sets the year’s work programme and writes the year-end evaluation; the chair reads it', async ({
  page,
}) => {
  await signIn(page, 'koordinator.dp3a');
  await page.goto('/work-programme?year=2026');
  await expect(page.getByRole('heading', { level: 1, name: 'Program kerja dan evaluasi' })).toBeVisible();
  await page.getByRole('button', { name: 'Ubah program kerja' }).click();
  await page.getByRole('button', { name: 'Tambah kegiatan' }).click();
  const row = page.getByTestId('programme-row').last();
  await chooseOption(page, 'Kegiatan RAD', 'Sosialisasi migrasi aman di desa', 'Sosialisasi migrasi');
  await row.getByRole('combobox', { name: 'Bulan pelaksanaan' }).click({ force: true });
  await page.getByRole('option', { name: 'Mar', exact: true }).click();
  await page.getByRole('option', { name: 'Apr', exact: true }).click();
  await page.keyboard.press('Escape');
  const budget = String(10_000_000 + Math.floor(Math.random() * 1000) * 1000);
  await row.getByRole('textbox', { name: 'Anggaran (Rp)' }).fill(budget);
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(page.getByText('Tersimpan.')).toBeVisible();
  const saved = page.getByRole('row').filter({ hasText: 'Sosialisasi migrasi aman di desa' });
  await expect(saved.getByText('Mar')).toBeVisible();
  await expect(saved.getByText('Disnakertrans Manggarai')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}work-programme-1280.png`, fullPage: true });

  // The year-end evaluation: a draft from the reports, edited, saved.
  await page.getByRole('tab', { name: 'Evaluasi akhir tahun' }).click();
  await expect(page.getByTestId('evaluation-activity').first()).toBeVisible();
  const recommendation = `Anggarkan transportasi penyuluh desa ${uniqueSuffix()}.`;
  const achievements = page.getByRole('textbox', { name: 'Capaian', exact: true });
  await achievements.fill('');
  await page.getByRole('button', { name: 'Isi draf dari laporan' }).click();
  await expect(achievements).toHaveValue(/Sosialisasi migrasi aman di desa/);
  await page.getByRole('textbox', { name: 'Rekomendasi' }).fill(recommendation);
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(page.getByText('Tersimpan.').first()).toBeVisible();
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh PDF' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe('evaluasi-2026.pdf');
  await signOut(page);

  // The chair reads the programme and the evaluation, without editing.
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'pimpinan.setda');
  await page.goto('/work-programme?year=2026&tab=evaluation');
  await expect(page.getByText(recommendation)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Simpan perubahan' })).toHaveCount(0);
  await expectNoSidewaysScroll(page, 'the evaluation at 360 px');
  await page.screenshot({ path: `${ARTIFACTS}work-programme-evaluation-360.png`, fullPage: true });
});
