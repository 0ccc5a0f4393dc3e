import { expect, test } from '@playwright/test';
import {
  capture,
  choose,
  chooseMany,
  dayBefore,
  fillReportStep,
  personSection,
  waitForNotifications,
} from './case-helpers';
import { typeDate } from './date-field';
import { signIn, signOut } from './helpers';

test.use({ actionTimeout: 15_000 });

const CASE_TABS = [
  ['summary', 'Ringkasan'],
  ['people', 'Orang'],
  ['profile', 'Profil perdagangan'],
  ['screening', 'Penapisan'],
  ['documents', 'Dokumen'],
  ['timeline', 'Linimasa'],
] as const;

test('a case manager records a case on a phone, screens it and moves it on; other agencies cannot see it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const incident = dayBefore(7);
  const childBirth = `${Number(incident.slice(0, 4)) - 17}-01-01`;
  // Consent was given yesterday: the server compares consent dates with today's date in UTC, which
  // refuses "today" in WITA between midnight and 08.00 (reported to the server side).
  const consentDay = dayBefore(1);

  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, 'manajer.uptdppa');
  await expect(page.getByRole('heading', { name: 'Kasus', level: 2, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Terlambat ditanggapi' })).toBeVisible();
  await page.goto('/cases');
  await expect(page.getByText(/Menampilkan 1–\d+ dari \d+/)).toBeVisible();
  await capture(page, 'list', 360);

  // Step 1: the report.
  await page.getByRole('link', { name: 'Kasus baru' }).click();
  await expect(page.getByRole('heading', { name: 'Langkah 1 dari 4: Pengaduan' })).toBeVisible();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('combobox', { name: 'Jenis kasus' })).toHaveAttribute('aria-invalid', 'true');
  await fillReportStep(page, incident);
  await capture(page, 'intake-1-report', 360);
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // Step 2: the trafficking profile.
  await expect(page.getByRole('heading', { name: 'Langkah 2 dari 4: Profil perdagangan' })).toBeVisible();
  await chooseMany(page, 'Cara perekrutan', ['Tawaran kerja']);
  await choose(page, 'Hubungan perekrut dengan korban', 'Lainnya');
  await chooseMany(page, 'Bentuk eksploitasi', ['Kerja paksa']);
  await choose(page, 'Negara tujuan', 'Indonesia', 'Indonesia');
  await capture(page, 'intake-2-profile', 360);
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // Step 3: the mother as guardian, her 17-year-old son and his adult friend as victims.
  await expect(page.getByRole('heading', { name: 'Langkah 3 dari 4: Orang' })).toBeVisible();
  await page.getByRole('button', { name: 'Tambah wali' }).click();
  const guardian = personSection(page, 'Wali 1');
  await guardian.getByRole('textbox', { name: 'Nama lengkap' }).fill('Maria Goreti Jelahu');
  await choose(guardian, 'Jenis kelamin', 'Perempuan');
  await guardian.getByLabel('Perkiraan usia (tahun)').fill('42');
  await guardian.getByLabel('Nomor telepon').fill('0812 3456 7890');
  await guardian.getByLabel('Nomor telepon').blur();
  await expect(guardian.getByLabel('Nomor telepon')).toHaveValue('+6281234567890');
  await typeDate(guardian, 'Tanggal persetujuan', consentDay);

  await page.getByRole('button', { name: 'Tambah korban' }).click();
  const child = personSection(page, 'Korban 1');
  await child.getByRole('textbox', { name: 'Nama lengkap' }).fill('Yohanes Don Bosco');
  await choose(child, 'Jenis kelamin', 'Laki-laki');
  await child.getByLabel('NIK').fill('531017010109');
  await expect(child.getByText('12 dari 16 angka')).toBeVisible();
  await child.getByLabel('NIK').fill('5310170101090001');
  await expect(child.getByText('Susunan NIK masuk akal.')).toBeVisible();
  await typeDate(child, 'Tanggal lahir', childBirth);
  await expect(child.getByText('Usia saat kejadian: 17 tahun (anak, di bawah 18 tahun).')).toBeVisible();
  await choose(child, 'Wali korban', 'Wali 1: Maria Goreti Jelahu');
  await child.getByRole('radio', { name: 'Oleh wali' }).check();
  await typeDate(child, 'Tanggal persetujuan', consentDay);

  await page.getByRole('button', { name: 'Tambah korban' }).click();
  const friend = personSection(page, 'Korban 2');
  await friend.getByRole('textbox', { name: 'Nama lengkap' }).fill('Fransiskus Nggalu');
  await choose(friend, 'Jenis kelamin', 'Laki-laki');
  await friend.getByLabel('Perkiraan usia (tahun)').fill('19');
  await typeDate(friend, 'Tanggal persetujuan', consentDay);
  await capture(page, 'intake-3-people', 360);
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // Step 4: review, then save; the case page opens.
  await expect(page.getByRole('heading', { name: 'Langkah 4 dari 4: Periksa dan simpan' })).toBeVisible();
  await expect(page.getByText(/Korban 1: Yohanes Don Bosco · 17 tahun · anak/)).toBeVisible();
  await capture(page, 'intake-4-review', 360);
  await page.getByRole('button', { name: 'Simpan kasus' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /^TPPO\/53\.10\/\d{4}\/\d{4}$/ });
  await expect(heading).toBeVisible();
  const caseNumber = (await heading.textContent()) ?? '';
  const caseUrl = page.url();
  await expect(page.getByText(`Kasus ${caseNumber} telah disimpan.`)).toBeVisible();
  await expect(page.getByText('Ada korban yang belum memberikan persetujuan')).toHaveCount(0);

  // Screening the child: process and purpose are enough, the means element is not needed.
  await page.getByRole('tab', { name: 'Penapisan' }).click();
  await choose(page, 'Korban yang ditapis', 'Korban 1 (Y.D.B.) · 17 tahun · anak');
  await page.getByRole('checkbox', { name: 'Direkrut (ditawari pekerjaan, diajak, dibujuk)' }).check();
  await page.getByRole('checkbox', { name: 'Kerja paksa atau pelayanan paksa' }).check();
  await expect(page.getByText('Proses: ada')).toBeVisible();
  await expect(page.getByText('Cara: tidak ada')).toBeVisible();
  await expect(
    page.getByText(/Korban anak \(di bawah 18 tahun\): cukup unsur proses dan tujuan/),
  ).toBeVisible();
  await expect(
    page.getByRole('radio', { name: 'Teridentifikasi korban TPPO (sesuai hitungan)' }),
  ).toBeChecked();
  await page.getByRole('button', { name: 'Catat penapisan' }).click();
  await expect(page.getByText('Penapisan dicatat: Teridentifikasi korban TPPO.')).toBeVisible();
  await expect(page.getByText(/^Korban 1 · anak · Daftar periksa versi \d+$/)).toBeVisible();

  // The stage moves: screening, identified, assessment.
  await page.getByRole('tab', { name: 'Ringkasan' }).click();
  for (const stage of ['Penapisan', 'Teridentifikasi korban TPPO', 'Asesmen']) {
    await page.getByRole('button', { name: `Pindahkan ke: ${stage}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Pindahkan', exact: true }).click();
    await expect(page.getByText(`Tahap kasus sekarang: ${stage}.`)).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  await expect(page.getByText('TPPO · Asesmen', { exact: true })).toBeVisible();

  await waitForNotifications(page);
  for (const [tab, label] of CASE_TABS) {
    await page.getByRole('tab', { name: label }).click();
    await expect(page.getByRole('tab', { name: label })).toHaveAttribute('aria-selected', 'true');
    await page.waitForLoadState('networkidle');
    await capture(page, `page-${tab}`, 360);
  }

  // The same pages on a desktop.
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const [tab, label] of CASE_TABS) {
    await page.goto(tab === 'summary' ? caseUrl : `${caseUrl}?tab=${tab}`);
    await expect(page.getByRole('tab', { name: label })).toHaveAttribute('aria-selected', 'true');
    await page.waitForLoadState('networkidle');
    await capture(page, `page-${tab}`, 1280);
  }
  await page.goto('/cases');
  await expect(page.getByRole('link', { name: caseNumber })).toBeVisible();
  await capture(page, 'list', 1280);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^kasus-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByText(/Berkas Excel berisi \d+ kasus sedang diunduh\./)).toBeVisible();

  // The intake on a desktop; what is typed survives a reload as a draft on this device.
  await page.getByRole('link', { name: 'Kasus baru' }).click();
  await fillReportStep(page, incident);
  await capture(page, 'intake-1-report', 1280);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Langkah 2 dari 4: Profil perdagangan' })).toBeVisible();
  await capture(page, 'intake-2-profile', 1280);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('button', { name: 'Tambah korban' }).click();
  const draftVictim = personSection(page, 'Korban 1');
  await draftVictim.getByRole('textbox', { name: 'Nama lengkap' }).fill('Kristina Draf');
  await choose(draftVictim, 'Jenis kelamin', 'Perempuan');
  await expect(page.getByText(/Draf tersimpan di perangkat ini pukul/)).toBeVisible();
  await capture(page, 'intake-3-people', 1280);
  await page.reload();
  await expect(page.getByText('Ada draf yang belum disimpan')).toBeVisible();
  await page.getByRole('button', { name: 'Lanjutkan draf' }).click();
  await expect(page.getByRole('heading', { name: 'Langkah 3 dari 4: Orang' })).toBeVisible();
  await expect(personSection(page, 'Korban 1').getByRole('textbox', { name: 'Nama lengkap' })).toHaveValue(
    'Kristina Draf',
  );
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Langkah 4 dari 4: Periksa dan simpan' })).toBeVisible();
  await capture(page, 'intake-4-review', 1280);

  // Signing out removes the draft (it holds identifying data) from the device.
  await signOut(page);
  const drafts = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('sinergi.draft.')),
  );
  expect(drafts).toEqual([]);

  // Another agency: the case does not exist for them.
  await signIn(page, 'layanan.dinsos');
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
  await signOut(page);

  // The secretariat sees the case for oversight, without anyone's name.
  await signIn(page, 'koordinator.dp3a');
  await page.goto(`${caseUrl}?tab=people`);
  await expect(page.getByRole('heading', { level: 1, name: caseNumber })).toBeVisible();
  await expect(page.getByText('Identitas disembunyikan')).toBeVisible();
  await expect(page.getByRole('article', { name: 'Korban 1' })).toBeVisible();
  await expect(page.getByText('Yohanes')).toHaveCount(0);
  await expect(page.getByText('Maria Goreti')).toHaveCount(0);
  await capture(page, 'limited-people', 1280);
  await page.setViewportSize({ width: 360, height: 780 });
  await capture(page, 'limited-people', 360);
  await signOut(page);
});
