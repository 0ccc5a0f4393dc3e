import { expect, type Page, request, test } from '@playwright/test';
import { waitForNotifications } from './case-helpers';
import { dateField, typeInto } from './date-field';
import { DEMO_PASSWORD, expectNoSidewaysScroll, signIn, signOut, uniqueSuffix } from './helpers';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

/** The API as another user, for what that user did earlier (never a step under test). */
async function apiAs(baseURL: string, username: string) {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  return { api, csrf: (await login.json()).csrfToken as string };
}

/** A screenshot of the step at a phone's and a desktop's width; nothing may scroll sideways. */
async function step(page: Page, name: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await waitForNotifications(page);
    await expectNoSidewaysScroll(page, `${name} at ${width} px`);
    await page.screenshot({ path: `${ARTIFACTS}referral-${name}-${width}.png`, fullPage: true });
  }
}

test('the UPTD PPA refers a victim to Dinas Sosial for shelter; Dinas Sosial accepts, records and completes it; the case manager sees the completed service', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  // Earlier, the secretariat recorded the case for the UPTD PPA, with the case manager on its team
  // and the victim named; the victim's consent is not recorded yet.
  const { api, csrf } = await apiAs(baseURL!, 'koordinator.dp3a');
  const headers = { 'X-CSRF-Token': csrf };
  const agencies = (await (await api.get('/api/v1/agencies?pageSize=200')).json()).items as {
    id: string;
    shortName: string;
  }[];
  const uptdId = agencies.find((a) => a.shortName === 'UPTD PPA Manggarai')!.id;
  const candidates = (await (await api.get(`/api/v1/cases/team-candidates?agencyId=${uptdId}`)).json())
    .items as { id: string; roles: string[] }[];
  const created = await api.post('/api/v1/cases', {
    headers,
    data: {
      caseType: 'tppo',
      reportedAt: new Date(Date.now() - 3_600_000).toISOString(),
      channel: 'walk_in',
      reportingParty: 'family',
      risk: 'high',
      leadAgencyId: uptdId,
      // The UPTD PPA's case manager (manajer.uptdppa, the only one in the demo).
      teamUserIds: [candidates.find((u) => u.roles.includes('case_manager'))!.id],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const caseId = (await created.json()).id as string;
  const name = `Yoseph Rujukan ${uniqueSuffix()}`;
  const person = await api.post(`/api/v1/cases/${caseId}/persons`, {
    headers,
    data: { role: 'victim', fullName: name, sex: 'Male', estimatedAge: 19 },
  });
  expect(person.status(), await person.text()).toBe(201);
  await api.dispose();
  await signIn(page, 'manajer.uptdppa');

  // 1. The case manager refers the victim to Dinas Sosial for a safe house.
  await page.goto(`/cases/${caseId}?tab=services`);
  await expect(page.getByRole('heading', { name: 'Rencana layanan per korban' })).toBeVisible();
  await page.getByRole('button', { name: 'Rujuk ke instansi lain' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rujuk korban ke instansi lain' });
  const agency = dialog.getByRole('combobox', { name: 'Instansi tujuan' });
  await agency.click();
  await agency.fill('Dinsos');
  await page.getByRole('option', { name: /^Dinsos Manggarai/ }).click();
  const services = dialog.getByRole('combobox', { name: 'Layanan yang diminta' });
  await services.click();
  await services.fill('Rumah aman');
  await page.getByRole('option', { name: 'Rumah aman', exact: true }).click();
  await services.press('Escape');
  await dialog.getByLabel('Keterangan').fill('Perlu rumah aman segera; keluarga sedang diases.');
  // No consent to share with Dinas Sosial yet: the dialog says so and offers to record it in place.
  await expect(dialog.getByText('Belum ada persetujuan untuk instansi ini')).toBeVisible();
  await step(page, '1-refer-dialog-consent-needed');
  await dialog.getByRole('button', { name: `Catat persetujuan sekarang untuk ${name}` }).click();
  const consent = page.getByRole('dialog', { name: /^Catat persetujuan/ });
  // Pre-filled for the agency being referred to: services and sharing with Dinas Sosial.
  await expect(consent.getByRole('checkbox', { name: 'Berbagi data dengan instansi lain' })).toBeChecked();
  await expect(consent.getByText(/^Dinsos Manggarai/)).toBeVisible();
  await consent.getByRole('radio', { name: 'Oleh yang bersangkutan' }).check();
  await step(page, '1b-consent-in-place');
  await consent.getByRole('button', { name: 'Catat persetujuan' }).click();
  await expect(consent).toBeHidden();
  await expect(dialog.getByText('Persetujuan berbagi data ada')).toBeVisible();
  await dialog.getByRole('button', { name: 'Kirim rujukan' }).click();
  await expect(page.getByText('Rujukan dikirim.')).toBeVisible();
  await expect(page.getByTestId('referral-card').getByText('Menunggu jawaban')).toBeVisible();
  await step(page, '2-sent');
  await signOut(page);

  // 2. The Dinas Sosial worker finds it in the incoming queue and accepts it.
  await signIn(page, 'layanan.dinsos');
  await expect(page.getByTestId('my-work-count')).toBeVisible();
  await page.getByRole('link', { name: 'Rujukan', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rujukan' })).toBeVisible();
  const card = page.getByTestId('referral-card').filter({ hasText: 'Dinsos Manggarai' }).first();
  await expect(card.getByText('Menunggu jawaban')).toBeVisible();
  await step(page, '3-incoming-queue');
  await card.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Rujukan TPPO/ })).toBeVisible();
  // Before accepting, the victim is shown by initials only.
  await expect(page.getByText(name)).toHaveCount(0);
  await page.getByRole('button', { name: 'Terima' }).click();
  const accept = page.getByRole('dialog', { name: 'Terima rujukan' });
  await expect(accept.getByRole('combobox', { name: 'Petugas yang ditugaskan' })).toBeVisible();
  await step(page, '4-accept-dialog');
  await accept.getByRole('button', { name: 'Terima' }).click();
  await expect(page.getByText('Rujukan diperbarui.')).toBeVisible();
  await expect(page.getByRole('cell', { name })).toBeVisible();

  // 3. She records the shelter stay as started.
  const shelter = page.getByTestId('service-item').filter({ hasText: 'Rumah aman' });
  await shelter.getByRole('button', { name: 'Ubah status' }).click();
  const status = page.getByRole('dialog', { name: 'Ubah status layanan' });
  await status.getByRole('combobox', { name: 'Status baru' }).click();
  await page.getByRole('option', { name: 'Berjalan', exact: true }).click();
  await status.getByLabel('Catatan').fill('Tinggal di rumah aman Dinas Sosial sejak hari ini.');
  await status.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(shelter.getByText('Berjalan')).toBeVisible();
  // ...and attaches the shelter's intake form to the service.
  await shelter.getByRole('button', { name: 'Lampirkan berkas' }).click();
  const attach = page.getByRole('dialog', { name: 'Lampirkan berkas ke layanan' });
  await attach.locator('input[type=file]').setInputFiles({
    name: 'formulir rumah aman.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% Formulir penerimaan rumah aman\n%%EOF'),
  });
  await attach.getByRole('button', { name: 'Unggah' }).click();
  await expect(attach).toBeHidden();
  await expect(shelter.getByRole('button', { name: 'formulir rumah aman.pdf' })).toBeVisible();
  await step(page, '5-service-recorded');

  // 4. She completes the referral with its outcome.
  await page.getByRole('button', { name: 'Selesaikan' }).click();
  const complete = page.getByRole('dialog', { name: 'Selesaikan rujukan' });
  await complete
    .getByLabel('Hasil')
    .fill('Korban aman di rumah aman; keluarga sudah diases dan siap menerima.');
  await complete.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(page.getByText('Rujukan diperbarui.')).toBeVisible();
  await expect(page.getByText('Akses ke data korban sudah berakhir.')).toBeVisible();
  await expect(
    page.getByTestId('service-item').filter({ hasText: 'Rumah aman' }).getByText('Selesai'),
  ).toBeVisible();
  await step(page, '6-completed-by-dinsos');
  // The rest of the case stays out of reach.
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/TPPO\//);
  await signOut(page);

  // 5. The case manager sees the completed service on the case.
  await signIn(page, 'manajer.uptdppa');
  await page.goto(`/cases/${caseId}?tab=services`);
  const done = page.getByTestId('stage-rehabilitasi_sosial').getByTestId('service-item');
  await expect(done.getByText('Selesai')).toBeVisible();
  await expect(done.getByText(/Korban aman di rumah aman/)).toBeVisible();
  // The provider's file is there for the case team to open.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    done.getByRole('button', { name: 'formulir rumah aman.pdf' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('formulir rumah aman.pdf');
  await expect(page.getByTestId('referral-card').getByText('Selesai', { exact: true })).toBeVisible();
  await step(page, '7-case-manager-sees-completed');
});

test('the deportee’s chain home, reintegration follow-ups with the re-migration flag, and My work of Dinas Sosial', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'manajer.uptdppa');
  const list = (await (await page.request.get('/api/v1/cases?pageSize=200')).json()).items as {
    id: string;
  }[];
  let caseId = '';
  for (const c of list) {
    const r = await (await page.request.get(`/api/v1/cases/${c.id}/reintegration`)).json();
    if (r.legs?.length) {
      caseId = c.id;
      break;
    }
  }
  expect(caseId).not.toBe('');
  await page.goto(`/cases/${caseId}?tab=reintegration`);
  await expect(page.getByRole('heading', { name: 'Rantai pemulangan' })).toBeVisible();
  await expect(page.getByTestId('repatriation-leg')).toHaveCount(4);
  await expect(page.getByText('Korban bermigrasi kembali')).toBeVisible();
  await expect(page.getByTestId('follow-up').getByText('Bermigrasi kembali')).toBeVisible();
  await step(page, '8-repatriation-chain');
  await signOut(page);

  await signIn(page, 'layanan.dinsos');
  // The count in the top bar leads to the work, on a phone and a desktop alike.
  await page.getByRole('link', { name: /^Tugas saya: \d+$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tugas saya' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kunjungan tindak lanjut jatuh tempo' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tindak lanjut pembahasan kasus' })).toBeVisible();
  await step(page, '9-my-work-dinsos');
});

test('an administrator keeps the deadline rules and holidays of the task force', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Aturan tenggat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aturan tenggat' })).toBeVisible();
  await expect(page.getByText('Jawaban atas rujukan')).toBeVisible();
  await page.getByRole('button', { name: 'Tambah hari libur' }).click();
  await typeInto(dateField(page, 'Tanggal').last(), '2026-12-25');
  await page.getByLabel('Nama hari libur').last().fill('Hari Raya Natal');
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(page.getByText('Aturan tenggat disimpan.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Nama hari libur').last()).toHaveValue('Hari Raya Natal');
  await step(page, '10-deadline-rules');
});
