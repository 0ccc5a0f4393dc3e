import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { typeDate } from './date-field';
import { expectNoSidewaysScroll, signIn } from './helpers';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
const SAMPLE = new URL('../../docs/import/contoh-register.xlsx', import.meta.url).pathname;

async function shot(page: import('@playwright/test').Page, name: string, width: number) {
  await page.setViewportSize({ width, height: 800 });
  // At phone width the navigation sits behind the menu button; wait until it has moved there.
  if (width < 768)
    await expect(
      page.getByRole('button', { name: /Buka atau tutup menu navigasi|Open or close the navigation menu/ }),
    ).toBeVisible();
  await expectNoSidewaysScroll(page, `${name} at ${width} px`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}exports-${name}-${width}.png`, fullPage: true });
}

test('a coordinator downloads the k-anonymous CTDC data set', async ({ page }) => {
  await signIn(page, 'koordinator.dp3a');
  await page.getByRole('link', { name: 'Ekspor data' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ekspor data' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Data set CTDC/ })).toBeChecked();
  await typeDate(page, 'Dari tanggal lapor', '2020-01-01');
  await typeDate(page, 'Sampai tanggal lapor', '2026-11-28');
  const k = page.getByLabel('Nilai k');
  await k.fill('4');
  await expect(page.getByText('Nilai k minimal 5')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unduh' })).toBeDisabled();
  await k.fill('11');
  const summary = page.getByTestId('ctdc-summary');
  await expect(summary).toContainText('korban dalam periode ini');
  await expect(summary).toContainText('ditekan (tidak dirilis)');
  await shot(page, 'ctdc', 1280);
  await shot(page, 'ctdc', 360);
  await page.setViewportSize({ width: 1280, height: 800 });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ctdc-2020-01-01-2026-11-28-k11\.csv$/);
  const body = fs.readFileSync((await download.path())!, 'utf8');
  expect(body).toContain('# Data set CTDC k-anonim (k = 11)');
  expect(body).toContain('yearOfRegistration,Datasource,gender,ageBroad');
  await expect(page.getByText('Berkas diunduh dan tercatat di jejak audit.')).toBeVisible();

  // The HTCDS records say which identifying fields come along.
  await page.getByRole('radio', { name: /Catatan HTCDS/ }).check();
  await expect(page.getByText(/hanya diisi untuk kasus yang timnya Anda ikuti/)).toBeVisible();
});

test('a coordinator imports the sample register: mapping, dry run, import, report', async ({ page }) => {
  await signIn(page, 'koordinator.dp3a');
  await page.getByRole('link', { name: 'Impor register' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impor register' })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(SAMPLE);
  await page.getByRole('button', { name: 'Unggah', exact: true }).click();

  // Known headers are mapped already; the mapping is saved for the next register.
  await expect(page.getByRole('combobox', { name: 'Kunci impor (nomor register)' })).toHaveValue(
    'No. Register',
  );
  await expect(page.getByRole('combobox', { name: 'Nama korban' })).toHaveValue('Nama Korban');
  await page.getByLabel('Simpan pemetaan dengan nama (opsional)').fill('Register contoh UPTD');
  await shot(page, 'import-mapping', 1280);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Simpan pemetaan' }).click();

  await expect(page.getByRole('heading', { name: 'Pratinjau lima baris pertama' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Pratinjau lima baris pertama' })).toContainText('REG-');
  await page.getByRole('button', { name: 'Jalankan uji coba' }).click();
  await expect(page.getByRole('heading', { name: 'Hasil uji coba' })).toBeVisible();
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('40 baris');
  await expect(counts).toContainText('4 ditolak');
  await expect(page.getByText('Nilai "X" tidak dikenal.')).toBeVisible();
  await shot(page, 'import-dry-run', 1280);
  await shot(page, 'import-dry-run', 360);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Rows already imported by an earlier run of this spec would be skipped, never doubled.
  await page.getByRole('button', { name: /^Impor \d+ baris$/ }).click();
  await expect(page.getByRole('heading', { name: 'Laporan impor' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Impor selesai: \d+ kasus baru dibuat/)).toBeVisible();
  await expect(page.getByTestId('import-counts')).toContainText('4 ditolak');
  await expect(
    page
      .getByText('Baris dengan kunci impor')
      .or(page.getByText(/Kunci impor yang sama/))
      .first(),
  ).toBeVisible();
  await shot(page, 'import-report', 1280);
  await shot(page, 'import-report', 360);
});

test('an analyst sees only the k-anonymous data set, in English too', async ({ page }) => {
  await signIn(page, 'analis.bappeda');
  await page.goto('/exports');
  await expect(page.getByRole('radio', { name: /Data set CTDC/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /Catatan HTCDS/ })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: /Tabel SIMFONI/ })).toHaveCount(0);
  await page.goto('/imports');
  await expect(page.getByRole('heading', { level: 1, name: 'Impor register' })).toHaveCount(0);
  await page.goto('/exports');
  await page.locator('label').filter({ hasText: 'English' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Data export' })).toBeVisible();
  await expect(page.getByText('k-anonymity protection')).toBeVisible();
  await shot(page, 'ctdc-analyst-en', 360);
  await page.locator('label').filter({ hasText: 'Bahasa Indonesia' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ekspor data' })).toBeVisible();
});
