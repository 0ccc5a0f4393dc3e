import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn, uniqueSuffix } from './helpers';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

test('the secretariat writes the recommendations, generates the 2025 yearly report and downloads DOCX and PDF', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'koordinator.dp3a');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Laporan tahunan' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan tahunan' })).toBeVisible();
  await page.goto('/reports/yearly?year=2025');
  await expect(page.getByRole('heading', { name: 'Laporan tahun 2025' })).toBeVisible();

  const recommendation = `Menambah psikolog klinis di RSUD ${uniqueSuffix()}.`;
  const field = page.getByRole('textbox', { name: 'Rekomendasi untuk pimpinan daerah' });
  await expect(field).toHaveValue(/Peraturan Daerah/);
  await field.fill(`${await field.inputValue()}\n- ${recommendation}`);
  await page.getByRole('button', { name: 'Simpan rekomendasi' }).click();
  await expect(page.getByText('Rekomendasi tersimpan.')).toBeVisible();

  // A slow connection: the first progress answers arrive late, so the queued job shows its bar.
  let delayed = 0;
  await page.route('**/api/v1/reports/yearly/2025/jobs/*', async (route) => {
    if (delayed++ < 2) await new Promise((r) => setTimeout(r, 1200));
    await route.continue();
  });
  await page.getByRole('button', { name: /^Buat (ulang )?laporan$/ }).click();
  const progress = page.getByTestId('report-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar', { name: 'Kemajuan pembuatan laporan' })).toHaveAttribute(
    'aria-valuenow',
    /^\d+$/,
  );
  await expect(progress.getByText(/^\d+% – /)).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}yearly-report-progress-1280.png`, fullPage: true });
  await expect(page.getByTestId('report-ready')).toBeVisible({ timeout: 30_000 });
  await page.unroute('**/api/v1/reports/yearly/2025/jobs/*');

  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh DOCX' }).click(),
  ]);
  expect(docx.suggestedFilename()).toMatch(/^laporan-tahunan-.*-2025\.docx$/);
  const docxBytes = fs.readFileSync((await docx.path())!);
  expect(docxBytes.length).toBeGreaterThan(5000);
  expect(docxBytes.subarray(0, 2).toString()).toBe('PK');
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh PDF' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/^laporan-tahunan-.*-2025\.pdf$/);
  const pdfBytes = fs.readFileSync((await pdf.path())!);
  expect(pdfBytes.length).toBeGreaterThan(5000);
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
  await page.screenshot({ path: `${ARTIFACTS}yearly-report-1280.png`, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId('report-ready')).toBeVisible();
  await expectNoSidewaysScroll(page, 'the yearly report at 390 px');
  await page.screenshot({ path: `${ARTIFACTS}yearly-report-390.png`, fullPage: true });
});

test('the chair reads the recommendations and may generate, but not edit them', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'pimpinan.setda');
  await page.goto('/reports/yearly?year=2025');
  await expect(page.getByText(/Peraturan Daerah/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Simpan rekomendasi' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Buat (ulang )?laporan$/ })).toBeEnabled();
  await expectNoSidewaysScroll(page, 'the yearly report for the chair at 390 px');
});
