import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from './helpers';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

test('the secretariat downloads the RAD matrix and checks it for import', async ({ page }) => {
  await signIn(page, 'koordinator.dp3a');
  await page.goto('/plans');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rencana Aksi Daerah');
  // Achievement rolls up by sub-task force above the programmes.
  const bySub = page.getByRole('table', { name: 'Capaian per sub gugus tugas' });
  await expect(bySub.getByRole('row')).not.toHaveCount(1);
  await page.screenshot({ path: `${ARTIFACTS}rad-by-sub-task-force.png` });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh matriks RAD (XLSX)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^RAD-\d{4}-\d{4}\.xlsx$/);
  const file = `${ARTIFACTS}rad-export.xlsx`;
  await download.saveAs(file);
  expect(fs.statSync(file).size).toBeGreaterThan(1000);

  // The same file, checked for import: every row passes, nothing is saved by the check.
  await page.getByRole('button', { name: 'Impor RAD dari XLSX' }).click();
  const dialog = page.getByRole('dialog', { name: 'Impor rencana aksi dari XLSX' });
  await dialog.locator('input[type=file]').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Periksa berkas' }).click();
  await expect(dialog.getByText(/^Semua baris benar\./)).toBeVisible();
  await expect(dialog.getByText(/program, \d+ kegiatan/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Impor', exact: true })).toBeEnabled();
  await page.screenshot({ path: `${ARTIFACTS}rad-import-check.png` });

  // A file that is not a workbook is refused at the field, in Indonesian.
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'rad.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from('bukan berkas excel'),
  });
  await dialog.getByRole('button', { name: 'Periksa berkas' }).click();
  await expect(dialog.getByText(/tidak dapat dibaca sebagai XLSX/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Batal' }).click();

  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Unduh matriks RAD (XLSX)' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the plan page at 360 px');
});
