import { expect, type Page, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn, signOut } from './helpers';

const DAY_MS = 86_400_000;

/** `15 Desember 2026` in WITA, as the app writes the date a change takes effect. */
function witaDate(at: number): string {
  return new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Makassar',
  }).format(new Date(at));
}

/** At phone width the navigation sits behind the menu button. */
async function goTo(page: Page, link: string) {
  await page.getByRole('button', { name: 'Buka atau tutup menu navigasi' }).click();
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: link }).click();
}

test('on a phone, the secretariat proposes a shorter retention period, sees it waiting on the home page and cancels it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'koordinator.dp3a');
  await goTo(page, 'Retensi data');
  await expect(page.getByRole('heading', { level: 1, name: 'Retensi Data Identitas' })).toBeVisible();
  const years = page.getByLabel('Lama penyimpanan setelah kasus ditutup (tahun)');
  await expect(years).toHaveValue('10');

  // Before anything is proposed, the page says what the shorter period would replace and when.
  await years.fill('1');
  const proposedAt = Date.now();
  await page.getByRole('button', { name: 'Simpan aturan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Perpendek masa simpan?' });
  await expect(dialog).toContainText('dari 10 menjadi 1 tahun');
  await expect(dialog).toContainText(/\d+ kasus tertutup, \d+ orang dan \d+ dokumen\./);
  await expect(dialog).toContainText('Nomor kasus:');
  await expect(dialog).toContainText(witaDate(proposedAt + 7 * DAY_MS));
  await expect(dialog).toContainText('dapat dibatalkan');
  await expectNoSidewaysScroll(page, 'the proposal dialog at 360 px');
  await page.screenshot({ path: '/tmp/retention-propose-360.png', fullPage: true });
  await dialog.getByRole('button', { name: 'Ajukan perubahan' }).click();
  await expect(dialog).toHaveCount(0);

  const pending = page.getByRole('region', { name: 'Perubahan masa simpan menunggu' });
  await expect(pending).toContainText(
    `Masa simpan akan diperpendek dari 10 menjadi 1 tahun pada ${witaDate(proposedAt + 7 * DAY_MS)}`,
  );
  await expect(pending).toContainText('Diajukan oleh');
  // The rule in force is still ten years, and another change waits for this one.
  await expect(years).toHaveValue('10');
  await expect(page.getByRole('button', { name: 'Simpan aturan' })).toBeDisabled();
  // A coordinator cannot confirm early: that takes a second administrator.
  await expect(pending.getByRole('button', { name: 'Setujui sekarang' })).toHaveCount(0);

  // The home page (the secretariat's board) says it plainly, with the date and a way there.
  await goTo(page, 'Beranda');
  const alert = page.getByRole('alert').filter({ hasText: 'Perubahan masa simpan data identitas menunggu' });
  await expect(alert).toContainText(`dari 10 menjadi 1 tahun pada ${witaDate(proposedAt + 7 * DAY_MS)}`);
  await expect(alert).toContainText(/data identitas \d+ kasus tertutup akan diganti/);
  await expectNoSidewaysScroll(page, 'the home page with the pending change at 360 px');
  await page.screenshot({ path: '/tmp/retention-home-360.png', fullPage: true });

  // Cancelling, from the link on the home page.
  await alert.getByRole('link', { name: 'Buka pengaturan retensi' }).click();
  await pending.getByRole('button', { name: 'Batalkan perubahan' }).click();
  const ask = page.getByRole('dialog', { name: 'Batalkan perubahan masa simpan?' });
  await expect(ask).toContainText('Aturan tetap 10 tahun.');
  await page.screenshot({ path: '/tmp/retention-cancel-360.png', fullPage: true });
  await ask.getByRole('button', { name: 'Ya, batalkan perubahan' }).click();
  await expect(page.getByText('Perubahan dibatalkan. Aturan tidak berubah.')).toBeVisible();
  await expect(pending).toHaveCount(0);
  await expect(years).toHaveValue('10');
  await expect(page.getByRole('button', { name: 'Simpan aturan' })).toBeEnabled();
  await page.screenshot({ path: '/tmp/retention-page-360.png', fullPage: true });

  await goTo(page, 'Beranda');
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  await expect(page.getByText('Perubahan masa simpan data identitas menunggu')).toHaveCount(0);
  await signOut(page);
});
