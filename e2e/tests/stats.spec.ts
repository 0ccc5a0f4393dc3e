import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn } from './helpers';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

test('the chair signs in and sees the leadership dashboard', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'pimpinan.setda');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Dasbor pimpinan' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dasbor pimpinan' })).toBeVisible();
  // All time: the demo's cases span more than one year.
  await page.getByLabel('Tahun').selectOption('all');
  const figures = page.getByRole('region', { name: 'Dasbor pimpinan' });
  await expect(figures.getByText('Korban anak')).toBeVisible();
  await expect(figures.getByText('Respons pertama tepat waktu')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kasus dan korban per bulan' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Kasus dan korban per bulan' }).locator('svg').first(),
  ).toBeVisible();
  await expect(page.getByText(/ditampilkan sebagai "< 3"/)).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}stats-dashboard-1280.png`, fullPage: true });

  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dasbor pimpinan' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kasus dan korban per bulan' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the leadership dashboard at 360 px');
  await page.screenshot({ path: `${ARTIFACTS}stats-dashboard-360.png`, fullPage: true });
});

test('an analyst breaks victims down by destination and sex and downloads it as XLSX and PNG', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'analis.bappeda');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Analisis data' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analisis data' })).toBeVisible();
  await page.getByLabel('Indikator').selectOption('victims');
  await page.getByLabel('Rincian menurut').selectOption('destination_country');
  await page.getByLabel('Dibandingkan menurut').selectOption('sex');
  await page.getByLabel('Tahun').selectOption('all');
  await page.getByText('Batang bertumpuk').click();
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Negara tujuan' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Perempuan' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Malaysia' })).toBeVisible();
  await expect(page).toHaveURL(/dimension=destination_country/);
  await expect(
    page
      .getByRole('img', { name: /Korban — Negara tujuan × Jenis kelamin/ })
      .locator('svg')
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}stats-analysis-1280.png`, fullPage: true });

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh XLSX' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsxBytes = fs.readFileSync((await xlsx.path())!);
  expect(xlsxBytes.subarray(0, 2).toString()).toBe('PK');

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const pngBytes = fs.readFileSync((await png.path())!);
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  fs.writeFileSync(`${ARTIFACTS}stats-analysis-download.png`, pngBytes);

  // The same breakdown on a phone, reached from its shared address.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload();
  await expect(page.getByRole('rowheader', { name: 'Malaysia' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the analysis page at 360 px');
  await page.screenshot({ path: `${ARTIFACTS}stats-analysis-360.png`, fullPage: true });
});

test('the province analyst sees the regencies rolled up, protected, and cannot open their cases', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'analis.provinsi');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Dasbor pimpinan' })
    .click();
  await page.getByLabel('Tahun').selectOption('all');
  await expect(page.getByText('Gabungan 2 gugus tugas.')).toBeVisible();
  await expect(page.getByText(/ditampilkan sebagai "< 3"/)).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Kasus' }),
  ).toHaveCount(0);
  const res = await page.request.get('/api/v1/cases');
  expect([403, 404]).toContain(res.status());
});

test('the secretariat sees work in progress, services, referrals and the RAD with exact counts', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'koordinator.dp3a');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Dasbor sekretariat' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dasbor sekretariat' })).toBeVisible();
  await page.getByLabel('Tahun').selectOption('all');
  await expect(page.getByRole('table', { name: 'Kasus menurut tahap' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Layanan dibutuhkan dan diberikan per tahap SOP' }),
  ).toBeVisible();
  await expect(page.getByText('Laporan kemajuan RAD yang belum masuk')).toBeVisible();
  await expect(page.getByText('Tenggat layanan terpenuhi')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tindak lanjut rapat menurut status' })).toBeVisible();
  await expect(page.getByText('Tindak lanjut lewat tenggat')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}stats-secretariat-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload();
  await expect(page.getByRole('table', { name: 'Kasus menurut tahap' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the secretariat dashboard at 360 px');
  await page.screenshot({ path: `${ARTIFACTS}stats-secretariat-360.png`, fullPage: true });
});

test('the province analyst narrows the analysis to Manggarai and reads prevention reach and RAD achievement', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'analis.provinsi');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Analisis data' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analisis data' })).toBeVisible();
  const picker = page.getByLabel('Gugus tugas', { exact: true });
  // only the province itself and the regency below it, never a task force elsewhere
  await expect(picker.locator('option')).toHaveText([
    'Semua di bawah wewenang Anda',
    'Gugus Tugas PP TPPO Provinsi Nusa Tenggara Timur',
    'Gugus Tugas PP TPPO Kabupaten Manggarai',
  ]);
  await picker.selectOption({ label: 'Gugus Tugas PP TPPO Kabupaten Manggarai' });
  await page.getByLabel('Indikator').selectOption('prevention_participants');
  await page.getByLabel('Rincian menurut').selectOption('target_group');
  await page.getByLabel('Dibandingkan menurut').selectOption('age_group');
  await page.getByLabel('Tahun').selectOption('all');
  await expect(page).toHaveURL(/taskForce=[0-9a-f-]{36}/);
  await expect(page).toHaveURL(/indicator=prevention_participants/);
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Kelompok sasaran' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Anak' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Pelajar' })).toBeVisible();
  await expect(page.getByText('Gabungan 1 gugus tugas.')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}stats-picker-1280.png`, fullPage: true });

  // the narrowed view survives a reload from its address, on a phone too
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByLabel('Gugus tugas', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByRole('rowheader', { name: 'Pelajar' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the narrowed analysis at 390 px');
  await page.screenshot({ path: `${ARTIFACTS}stats-picker-390.png`, fullPage: true });

  // RAD achievement is a percentage per sub-task force, for one year
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByLabel('Indikator').selectOption('rad_achievement');
  await page.getByLabel('Tahun').selectOption(String(new Date().getUTCFullYear()));
  await expect(page.getByText(/Capaian RAD adalah rata-rata capaian kegiatan/)).toBeVisible();
  await expect(page.getByRole('table').getByRole('columnheader', { name: 'Sub gugus tugas' })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Dasbor pimpinan' })
    .click();
  await page.getByLabel('Tahun').selectOption('all');
  await expect(page.getByRole('heading', { name: 'Jangkauan pencegahan' })).toBeVisible();
  await expect(page.getByText('Desa/kelurahan terjangkau')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Peserta kegiatan pencegahan' })).toBeVisible();
  await expect(page.getByText('Capaian RAD dihitung per tahun')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}stats-leadership-prevention-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel('Tahun').selectOption(String(new Date().getUTCFullYear()));
  await expect(page.getByRole('heading', { name: 'Capaian RAD per sub gugus tugas' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the leadership dashboard with prevention at 390 px');
  await page.screenshot({ path: `${ARTIFACTS}stats-leadership-prevention-390.png`, fullPage: true });
});
