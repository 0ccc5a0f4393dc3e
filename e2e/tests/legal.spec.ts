import { type Browser, expect, type Page, test } from '@playwright/test';
import { capture, choose, waitForNotifications } from './case-helpers';
import { typeDate, witaDay } from './date-field';
import { DEMO_PASSWORD, signIn } from './helpers';

/** A signed-in page; its API calls share the session with the browser. */
async function sessionPage(browser: Browser, username: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

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
      reportedAt: new Date(Date.now() - 86_400_000).toISOString(),
      channel: 'walk_in',
      reportingParty: 'family',
      risk: 'high',
      narrative: 'Lima pemuda dijanjikan kerja di kebun sawit Kalimantan; KTP diambil perekrut.',
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const victim = await page.request.post(`/api/v1/cases/${id}/persons`, {
    headers,
    data: { role: 'victim', fullName: 'Marselinus Jaya', sex: 'Male', estimatedAge: 19 },
  });
  expect(victim.status()).toBe(201);
  return id;
}

async function dialogSave(page: Page, button: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toHaveCount(0);
}

async function nextStage(
  page: Page,
  stage: string,
  documentNumber: string,
  extra?: (p: Page) => Promise<void>,
) {
  await page.getByRole('button', { name: 'Catat tahap berikutnya' }).click();
  const dialog = page.getByRole('dialog');
  await choose(dialog, 'Tahap', stage);
  await dialog.getByLabel('Nomor dokumen').fill(documentNumber);
  if (extra) await extra(page);
  await dialogSave(page, 'Simpan tahap');
  await expect(page.getByRole('region', { name: 'Tahapan' }).getByText(stage, { exact: true })).toBeVisible();
}

test('police and prosecutor walk a case to its verdict; the case manager sees the restitution owed', async ({
  browser,
}) => {
  const manager = await sessionPage(browser, 'manajer.uptdppa');
  const caseId = await openCase(manager);
  await manager.goto(`/cases/${caseId}?tab=legal`);
  await expect(manager.getByText('Belum dimulai')).toBeVisible();
  await choose(manager, 'Kepolisian yang menangani', 'Polres Manggarai');
  await manager.getByRole('button', { name: 'Tetapkan' }).click();
  await expect(manager.getByRole('button', { name: 'Tetapkan' })).toBeDisabled();

  // The Polres investigator records the police report and two suspects, and moves the file to tahap II.
  const police = await sessionPage(browser, 'penyidik.polres');
  await police.goto(`/legal/${caseId}`);
  await police.getByRole('button', { name: 'Catat laporan polisi' }).click();
  const report = police.getByRole('dialog');
  await report.getByLabel('Nomor LP').fill('LP/B/77/XI/2026/SPKT/Polres Manggarai');
  await dialogSave(police, 'Simpan laporan');
  await expect(police.getByText('LP/B/77/XI/2026/SPKT/Polres Manggarai').first()).toBeVisible();

  await police.getByRole('button', { name: 'Tambah terduga pelaku' }).click();
  await police.getByRole('dialog').getByLabel('Nama lengkap').fill('Kornelis Perekrut');
  await dialogSave(police, 'Simpan terduga pelaku');
  await police.getByRole('button', { name: 'Tambah terduga pelaku' }).click();
  const corp = police.getByRole('dialog');
  await corp.getByText('Korporasi').click();
  await corp.getByLabel('Nama perusahaan/badan').fill('PT Sawit Jaya Abadi');
  await choose(corp, 'Peran dalam proses', 'Pengeksploitasi');
  await dialogSave(police, 'Simpan terduga pelaku');
  const suspects = police.getByRole('region', { name: 'Terduga pelaku' });
  await expect(suspects.getByText('Kornelis Perekrut')).toBeVisible();
  await expect(suspects.getByText('PT Sawit Jaya Abadi')).toBeVisible();

  await nextStage(police, 'Penyidikan (SPDP)', 'SPDP/77/XI/2026/Reskrim');
  await nextStage(police, 'P21 (berkas lengkap)', 'B-77/N.3.21/Eku.2/11/2026');
  await nextStage(police, 'Tahap II', 'TAHAP-II/77/2026', async (p) =>
    choose(p.getByRole('dialog'), 'Kejaksaan penerima berkas', 'Kejari Manggarai'),
  );
  await waitForNotifications(police);
  await capture(police, 'legal-police', 1280);
  await police.setViewportSize({ width: 360, height: 800 });
  await capture(police, 'legal-police', 360);

  // The prosecutor finds the case on the legal-process list, records the claim, indictment and verdict.
  const prosecutor = await sessionPage(browser, 'jaksa.kejari');
  await prosecutor.getByRole('link', { name: 'Proses hukum' }).first().click();
  await expect(prosecutor.getByRole('heading', { level: 1, name: 'Proses hukum' })).toBeVisible();
  await choose(prosecutor, 'Tahap', 'Tahap II (1)');
  await prosecutor.getByRole('table').getByRole('link').first().click();
  await expect(prosecutor.getByText('Kornelis Perekrut')).toBeVisible();
  await prosecutor.getByRole('button', { name: 'Catat permohonan restitusi' }).click();
  const claim = prosecutor.getByRole('dialog');
  await claim.getByLabel('Kehilangan kekayaan atau penghasilan').fill('20000000');
  await claim.getByLabel('Penderitaan').fill('5000000');
  await dialogSave(prosecutor, 'Simpan perubahan');
  await nextStage(prosecutor, 'Penuntutan', 'PDM-77/RTG/Eku.2/11/2026', async (p) => {
    const charges = p.getByRole('dialog').getByLabel('Pasal yang didakwakan');
    await charges.fill('Pasal 2 ayat (1) UU 21/2007');
    await charges.press('Enter');
  });
  await nextStage(prosecutor, 'Putusan tingkat pertama', '77/Pid.Sus/2026/PN Rtg', async (p) => {
    const d = p.getByRole('dialog');
    await d.getByLabel('Pengadilan').fill('Pengadilan Negeri Ruteng');
    await d.getByLabel('Pidana penjara (bulan)').fill('36');
  });
  await prosecutor.getByRole('button', { name: 'Perbarui' }).click();
  const grant = prosecutor.getByRole('dialog');
  await grant.getByLabel('Dikabulkan').fill('25000000');
  await typeDate(grant, 'Tanggal putusan diberitahukan', witaDay(0));
  await dialogSave(prosecutor, 'Simpan perubahan');
  await expect(prosecutor.getByText('Dikabulkan, belum dibayar')).toBeVisible();

  // The case manager sees what is still owed on the case page.
  await manager.reload();
  const restitution = manager.getByRole('region', { name: 'Restitusi' });
  await expect(restitution.getByText('Sisa terutang: Rp 25.000.000')).toBeVisible();
  await expect(manager.getByText('Putusan tingkat pertama').first()).toBeVisible();
  await waitForNotifications(manager);
  await capture(manager, 'legal-manager', 1280);
  await manager.setViewportSize({ width: 360, height: 800 });
  await capture(manager, 'legal-manager', 360);
});

test('the legal-process list shows stalled cases and unpaid restitution from the demo data', async ({
  browser,
}) => {
  const police = await sessionPage(browser, 'penyidik.polres');
  await police.goto('/legal?view=unpaid');
  await expect(police.getByRole('table').getByText('lewat batas bayar').first()).toBeVisible();
  await police.goto('/legal?view=stalled');
  await expect(police.getByRole('table').getByRole('link').first()).toBeVisible();
  await capture(police, 'legal-list', 1280);
  await police.setViewportSize({ width: 360, height: 800 });
  await capture(police, 'legal-list', 360);
});
