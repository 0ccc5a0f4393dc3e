import { expect, test } from '@playwright/test';
import { capture, waitForNotifications } from './case-helpers';
import { signIn, signOut } from './helpers';

test('documents are uploaded, refused by type, downloaded and removed with a reason; the summary prints', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'manajer.uptdppa');
  await page.goto('/cases?stage=in_services');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^TPPO\// })).toBeVisible();
  await page.getByRole('tab', { name: 'Dokumen' }).click();

  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles({
    name: 'catatan.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('bukan dokumen'),
  });
  await page.getByRole('button', { name: 'Unggah', exact: true }).click();
  await expect(page.getByText('Jenis berkas tidak diizinkan.')).toBeVisible();

  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  await fileInput.setInputFiles({ name: 'surat-rujukan.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Unggah', exact: true }).click();
  await expect(page.getByText('Dokumen telah diunggah.')).toBeVisible();
  const doc = page.getByRole('article').filter({ hasText: 'surat-rujukan.pdf' });
  await expect(doc).toContainText('PDF');

  const download = page.waitForEvent('download');
  await doc.getByRole('button', { name: 'Unduh' }).click();
  expect((await download).suggestedFilename()).toBe('surat-rujukan.pdf');
  await waitForNotifications(page);
  await capture(page, 'page-documents-uploaded', 1280);

  await doc.getByRole('button', { name: 'Hapus' }).click();
  const dialog = page.getByRole('dialog', { name: 'Hapus dokumen dari kasus?' });
  await expect(dialog.getByRole('button', { name: 'Ya, hapus' })).toBeDisabled();
  await dialog.getByLabel('Alasan').fill('Salah unggah, dokumen kasus lain');
  await dialog.getByRole('button', { name: 'Ya, hapus' }).click();
  await expect(page.getByText('Dokumen telah dihapus dari kasus.')).toBeVisible();
  await expect(page.getByText('surat-rujukan.pdf')).toHaveCount(0);

  // The printed summary: no navigation, no buttons, people by initials only.
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: 'Cetak ringkasan' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText(/^Ringkasan kasus TPPO\//)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Cetak ringkasan' })).toBeHidden();
  await waitForNotifications(page);
  await page.screenshot({
    path: new URL('../artifacts/case-print-1280.png', import.meta.url).pathname,
    fullPage: true,
  });
  await page.emulateMedia({ media: 'screen' });
  await signOut(page);
});
