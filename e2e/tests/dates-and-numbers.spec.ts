import { expect, type Page, test } from '@playwright/test';
import { choose, waitForNotifications } from './case-helpers';
import { dateField, longDay, shownDate, typeDate, witaDay } from './date-field';
import { DEMO_PASSWORD, expectNoSidewaysScroll, signIn } from './helpers';

/** Opens a TPPO case with one victim through the API, as the case manager. */
async function openCase(page: Page): Promise<string> {
  const login = await page.request.post('/api/v1/auth/login', {
    data: { username: 'manajer.uptdppa', password: DEMO_PASSWORD },
  });
  const { csrfToken } = await login.json();
  const headers = { 'X-CSRF-Token': csrfToken };
  const created = await page.request.post('/api/v1/cases', {
    headers,
    data: {
      caseType: 'tppo',
      reportedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      channel: 'walk_in',
      reportingParty: 'family',
      risk: 'high',
      narrative: 'Tiga pemuda dijanjikan kerja di kapal ikan; paspor ditahan agen.',
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  return id;
}

test('an English-set phone at 360 px: the police report date is typed day first, defaults to today in WITA and is shown in words; figures use a decimal comma in Indonesian', async ({
  browser,
}, testInfo) => {
  // The case manager hands the case to the police on a desktop.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const manager = await desk.newPage();
  await signIn(manager, 'manajer.uptdppa');
  const caseId = await openCase(manager);
  await manager.goto(`/cases/${caseId}?tab=legal`);
  await choose(manager, 'Kepolisian yang menangani', 'Polres Manggarai');
  await manager.getByRole('button', { name: 'Tetapkan' }).click();
  await expect(manager.getByRole('button', { name: 'Tetapkan' })).toBeDisabled();
  await desk.close();

  // The investigator's phone is set to American English in New York: a native date input would
  // show mm/dd/yyyy and a browser-local "today" would be a different day from WITA's for hours.
  const phone = await browser.newContext({
    locale: 'en-US',
    timezoneId: 'America/New_York',
    viewport: { width: 360, height: 780 },
  });
  const page = await phone.newPage();
  await signIn(page, 'penyidik.polres');
  await page.goto(`/legal/${caseId}`);
  await page.getByRole('button', { name: 'Catat laporan polisi' }).click();
  const dialog = page.getByRole('dialog');
  const field = dateField(dialog, 'Tanggal LP');
  const today = witaDay(0);
  const [y, m, d] = today.split('-');
  await expect.poll(() => shownDate(field)).toBe(`${d}/${m}/${y}`);
  await expect(field.getByRole('spinbutton', { name: 'Tanggal', exact: true })).toHaveValue(d!);
  await expect(field.getByRole('spinbutton', { name: 'Bulan', exact: true })).toHaveValue(m!);
  await expect(field.getByRole('spinbutton', { name: 'Tahun', exact: true })).toHaveValue(y!);
  await expectNoSidewaysScroll(page, 'the police report form at 360 px');
  await page.screenshot({ path: testInfo.outputPath('police-report-360.png') });

  // The calendar opens from its button in Indonesian and picks a day.
  await dialog.getByRole('button', { name: 'Pilih dari kalender' }).click();
  const monthName = new Intl.DateTimeFormat('id-ID', { month: 'long', timeZone: 'UTC' }).format(
    new Date(`${today}T00:00:00Z`),
  );
  const monthLevel = page.getByRole('button', { name: new RegExp(`^${monthName} ${y}$`) });
  await expect(monthLevel).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('police-report-calendar-360.png') });
  // Escape closes the calendar only; the report form stays open.
  await page.keyboard.press('Escape');
  await expect(monthLevel).toHaveCount(0);
  await expect(dialog).toBeVisible();

  // Typed day first, as on the letter: two days ago in WITA.
  const reported = witaDay(-2);
  await dialog.getByLabel('Nomor LP').fill('LP/B/88/XII/2026/SPKT/Polres Manggarai');
  await typeDate(dialog, 'Tanggal LP', reported);
  await dialog.getByRole('button', { name: 'Simpan laporan' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(`LP/B/88/XII/2026/SPKT/Polres Manggarai · ${longDay(reported)}`)).toBeVisible();
  await waitForNotifications(page);

  // Plan figures with decimals are written with a decimal comma, never a point.
  await page.goto('/plans');
  await choose(page, 'Tahun', '2026');
  const villages = page.getByTestId('activity').filter({ hasText: 'Sosialisasi migrasi aman di desa' });
  await expect(villages).toContainText(/\d+,\d dari 12 desa/);
  await expect(villages).not.toContainText(/\d\.\d dari 12 desa/);
  const bySubTaskForce = page.getByRole('table', { name: 'Capaian per sub gugus tugas' });
  await expect(bySubTaskForce.getByRole('cell', { name: /^\d+,\d%$/ }).first()).toBeVisible();
  await expect(bySubTaskForce.getByRole('cell', { name: /^\d+\.\d%$/ })).toHaveCount(0);
  await expect(page.getByText(/Capaian \d+,\d%/).first()).toBeVisible();
  await expect(page.getByText(/Capaian \d+\.\d%/)).toHaveCount(0);
  // The same figures in English have a decimal point.
  await page.getByRole('radiogroup').locator('label').filter({ hasText: 'English' }).click();
  await expect(villages).toContainText(/\d+\.\d of 12 desa/);
  await phone.close();
});

test('the meeting form at 360 px: start and end typed with a 24-hour time in WITA, shown as 14.30 WITA', async ({
  browser,
}, testInfo) => {
  const phone = await browser.newContext({
    locale: 'en-US',
    timezoneId: 'America/New_York',
    viewport: { width: 360, height: 780 },
  });
  const page = await phone.newPage();
  await signIn(page, 'koordinator.dp3a');
  await page.goto('/meetings/new');
  const starts = dateField(page, 'Mulai (waktu WITA)');
  await expect(starts).toBeVisible();
  await expect.poll(() => shownDate(starts)).toBe('--/--/---- --:--');
  const day = witaDay(3);
  const title = `Rapat uji tanggal ${Date.now().toString(36)}`;
  await page.getByLabel(/^Judul rapat/).fill(title);
  await typeDate(page, 'Mulai (waktu WITA)', `${day}T14:30`);
  await typeDate(page, 'Selesai (waktu WITA)', `${day}T16:05`);
  await page.getByLabel(/^Tempat/).fill('Aula Ranaka, Kantor Bupati Manggarai');
  await expectNoSidewaysScroll(page, 'the meeting form at 360 px');
  await page.screenshot({ path: testInfo.outputPath('meeting-form-360.png'), fullPage: true });
  await page.getByRole('button', { name: 'Simpan rapat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(`${longDay(day)} 14.30 WITA – 16.05 WITA`)).toBeVisible();
  await phone.close();
});
