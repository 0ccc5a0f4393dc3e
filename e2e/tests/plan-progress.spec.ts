import { expect, test } from '@playwright/test';
import { chooseOption, expectNoSidewaysScroll, signIn } from './helpers';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

test('an agency focal person files a quarterly report with an obstacle and an intervention request', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'layanan.dinsos');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Rencana Aksi (RAD)' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /Rencana Aksi Daerah PP TPPO/ })).toBeVisible();
  await chooseOption(page, 'Tahun', '2026');
  const card = page.getByTestId('activity').filter({ hasText: 'Pemulangan korban ke desa asal' });
  // Only the responsible agency sees the report button.
  await expect(
    page
      .getByTestId('activity')
      .filter({ hasText: 'Penyidikan perkara TPPO' })
      .getByRole('button', { name: 'Laporkan capaian' }),
  ).toHaveCount(0);
  await card.getByRole('button', { name: 'Laporkan capaian' }).click();
  const dialog = page.getByRole('dialog');
  await chooseOption(page, 'Periode tahun 2026', 'Triwulan 4');
  await dialog.getByLabel('Realisasi (orang)').fill('24');
  await dialog.getByLabel('Anggaran terserap').fill('15000000');
  await dialog.getByLabel(/^Capaian/).fill('24 korban dipulangkan ke desa asal.');
  await dialog.getByLabel('Kendala').fill('Anggaran transportasi dipotong.');
  await dialog.getByLabel('Intervensi yang dibutuhkan').fill('Bappeda diminta memulihkan anggaran.');
  await chooseOption(page, 'Instansi yang diminta bertindak', 'Bappeda Manggarai', 'Bappeda');
  await dialog.getByRole('button', { name: 'Kirim laporan' }).click();
  // Filed: the report opens with its evidence, where the agency attaches the photos and lists.
  const evidence = page.getByRole('dialog', { name: /^Laporan dan bukti: Pemulangan korban/ });
  const report = evidence.getByTestId('progress-report').filter({ hasText: 'Triwulan 4 2026' });
  await expect(report.getByText('Versi 1 (berlaku)')).toBeVisible();
  const fileInput = report.locator('input[type="file"]');
  await fileInput.setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('teks') });
  await report.getByRole('button', { name: 'Unggah', exact: true }).click();
  await expect(report.getByText('Jenis berkas tidak diizinkan.')).toBeVisible();
  const photo = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  await fileInput.setInputFiles({ name: 'foto-pemulangan.png', mimeType: 'image/png', buffer: photo });
  await report.getByRole('button', { name: 'Unggah', exact: true }).click();
  const line = report.getByTestId('attachment').filter({ hasText: 'foto-pemulangan.png' });
  await expect(line).toContainText('PNG');
  const download = page.waitForEvent('download');
  await line.getByRole('button', { name: 'Unduh foto-pemulangan.png' }).click();
  expect((await download).suggestedFilename()).toBe('foto-pemulangan.png');
  await page.screenshot({ path: `${ARTIFACTS}plan-evidence-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page, 'the report evidence at 390 px');
  await page.screenshot({ path: `${ARTIFACTS}plan-evidence-390.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.keyboard.press('Escape');
  await expect(evidence).toBeHidden();
  await expect(card.getByText('24 dari 25 orang')).toBeVisible();
  await expect(card.getByText('Sesuai target')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}plan-1280.png`, fullPage: true });

  // The same period cannot be filed twice.
  await card.getByRole('button', { name: 'Laporkan capaian' }).click();
  await chooseOption(page, 'Periode tahun 2026', 'Triwulan 4');
  await dialog.getByLabel('Realisasi (orang)').fill('25');
  await dialog.getByLabel(/^Capaian/).fill('Laporan kedua.');
  await dialog.getByRole('button', { name: 'Kirim laporan' }).click();
  await expect(
    dialog.getByText('Periode ini sudah dilaporkan; perbaiki laporan yang ada.').first(),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Batal' }).click();

  // Corrected instead: the earlier version stays in the history with its evidence.
  await card.getByRole('button', { name: /^Laporan dan bukti Pemulangan korban/ }).click();
  await report.getByRole('button', { name: 'Perbaiki laporan' }).click();
  const correction = page.getByRole('dialog', { name: /^Perbaiki laporan: Pemulangan korban/ });
  await expect(correction.getByLabel(/^Periode tahun 2026/)).toBeDisabled();
  await expect(correction.getByLabel('Kendala')).toHaveValue('Anggaran transportasi dipotong.');
  await correction.getByLabel('Realisasi (orang)').fill('25');
  await correction
    .getByLabel(/^Capaian/)
    .fill('25 korban dipulangkan ke desa asal (satu terlambat dicatat).');
  await correction.getByRole('button', { name: 'Simpan perbaikan' }).click();
  await expect(correction).toBeHidden();
  const versions = evidence.getByTestId('progress-report');
  await expect(versions.filter({ hasText: 'Versi 2 (berlaku)' })).toContainText('satu terlambat dicatat');
  await expect(versions.filter({ hasText: 'Versi 1 (sudah dikoreksi)' })).toContainText(
    '24 korban dipulangkan',
  );
  await page.screenshot({ path: `${ARTIFACTS}plan-correction-1280.png` });
  await page.keyboard.press('Escape');
  await expect(evidence).toBeHidden();
  await expect(card.getByText('25 dari 25 orang')).toBeVisible();

  // On a phone (opened there, as a phone user would): nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the plan at 360 px');
  await page.screenshot({ path: `${ARTIFACTS}plan-360.png` });
});
