import { expect, test } from '@playwright/test';
import { typeDate } from './date-field';
import { chooseOption, expectNoSidewaysScroll, signIn, signOut, uniqueSuffix } from './helpers';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

/** A calendar day in the task force's zone, `days` from today (YYYY-MM-DD). */
function dayFromToday(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

test('the secretariat builds the agenda pack, records the meeting and assigns an action; the agency closes it', async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  const title = `Rapat Koordinasi Uji ${suffix}`;
  const action = `Siapkan data korban yang dipulangkan ${suffix}`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'koordinator.dp3a');
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Rapat koordinasi' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapat koordinasi' })).toBeVisible();
  await expect(
    page.getByRole('link', { name: /Rapat Koordinasi Gugus Tugas PP TPPO Kabupaten Manggarai/ }),
  ).toBeVisible();
  // Filters stay in the address.
  await chooseOption(page, 'Jenis rapat', 'Rapat evaluasi');
  await expect(page).toHaveURL(/type=evaluation/);
  await expect(page.getByRole('link', { name: /Rapat Evaluasi Triwulan III/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /bersama IOM/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Catat rapat' }).click();

  // A bad record is refused with the reason next to the field.
  await page.getByLabel(/^Judul rapat/).fill(title);
  await page.getByRole('button', { name: 'Simpan rapat' }).click();
  await expect(page.getByText('Isi tempat rapat atau tautan rapat daring.')).toBeVisible();

  await typeDate(page, /^Mulai/, `${dayFromToday(1)}T09:00`);
  await typeDate(page, /^Selesai/, `${dayFromToday(1)}T12:00`);
  await page.getByLabel(/^Tempat/).fill('Aula Ranaka, Kantor Bupati Manggarai');
  await page.getByLabel(/^Pimpinan rapat/).fill('Wakil Bupati Manggarai (demo)');
  await page.getByRole('button', { name: 'Tambah peserta' }).click();
  await page.getByLabel(/^Nama/).fill('Kristoforus Adur');
  await chooseOption(page, 'Instansi anggota', 'Dinsos Manggarai', 'Dinsos');
  await page.getByRole('button', { name: 'Simpan rapat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // The agenda pack: reports since the January meeting, and its actions still open.
  const pack = page.getByRole('region', { name: 'Bahan rapat' });
  await expect(pack.getByText(/Sejak rapat sebelumnya/)).toBeVisible();
  await expect(pack.getByText(/Menyusun rancangan Peraturan Bupati/)).toBeVisible();
  // Reports with an obstacle or an intervention request, grouped by agency.
  await pack
    .getByRole('button', { name: /laporan/ })
    .first()
    .click();
  const report = pack.getByTestId('pack-report').filter({ hasText: 'Kendala' }).first();
  const reportTitle = (await report.locator('p').first().textContent()) ?? '';
  await page.screenshot({ path: `${ARTIFACTS}meeting-pack-1280.png`, fullPage: true });
  await report.getByRole('button', { name: 'Jadikan mata acara' }).click();
  await expect(page.getByText('Ditambahkan ke acara rapat.')).toBeVisible();
  await page.getByRole('tab', { name: 'Catatan rapat' }).click();
  await expect(page.getByTestId('agenda')).toContainText(reportTitle);

  await page.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Apa yang harus dikerjakan/).fill(action);
  await chooseOption(page, 'Instansi pelaksana', 'Dinsos Manggarai', 'Dinsos');
  await typeDate(dialog, /^Batas waktu/, dayFromToday(15));
  await dialog.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
  await expect(dialog).toBeHidden();
  const assigned = page.getByTestId('meeting-action').filter({ hasText: action });
  await expect(assigned.getByText('Terbuka')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}meeting-1280.png`, fullPage: true });

  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the agenda pack at 360 px');
  await page.screenshot({ path: `${ARTIFACTS}meeting-pack-360.png`, fullPage: true });
  await page.getByRole('tab', { name: 'Catatan rapat' }).click();
  await expectNoSidewaysScroll(page, 'the meeting record at 360 px');
  await page.screenshot({ path: `${ARTIFACTS}meeting-360.png`, fullPage: true });

  await page.goto('/meetings/overview');
  await expect(page.getByRole('heading', { level: 1, name: 'Ikhtisar sekretariat' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Tindak lanjut terlambat/ })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the overview at 360 px');
  await page.screenshot({ path: `${ARTIFACTS}meeting-overview-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await signOut(page);

  // The owner agency sees the action on My work and closes it.
  await signIn(page, 'layanan.dinsos');
  await page.goto('/my-work');
  const mine = page.getByTestId('meeting-action').filter({ hasText: action });
  await expect(mine.getByRole('link', { name: `Dari ${title}` })).toBeVisible();
  await mine.getByRole('button', { name: 'Tutup tindak lanjut' }).click();
  const close = page.getByRole('dialog');
  await close.getByLabel(/^Catatan/).fill('Data 12 korban sudah diserahkan ke sekretariat.');
  await close.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(page.getByText('Status tindak lanjut tersimpan.')).toBeVisible();
  await expect(mine).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}meeting-mywork-1280.png`, fullPage: true });

  // The meeting now shows it done, with the note.
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Rapat koordinasi' })
    .click();
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('tab', { name: 'Catatan rapat' }).click();
  const done = page.getByTestId('meeting-action').filter({ hasText: action });
  await expect(done.getByText('Selesai')).toBeVisible();
  await expect(done.getByText('Data 12 korban sudah diserahkan ke sekretariat.')).toBeVisible();
});
