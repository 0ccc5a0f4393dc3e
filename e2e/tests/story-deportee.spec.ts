import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSidewaysScroll, signIn, signOut, uniqueSuffix } from './helpers';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

/** The field roles work on cheap phones: every step is at 360 px and must not scroll sideways. */
async function shot(page: Page, name: string) {
  await expect(page.locator('.mantine-Notifications-root').getByRole('alert')).toHaveCount(0, {
    timeout: 15_000,
  });
  await expectNoSidewaysScroll(page, `${name} at 360 px`);
  await page.screenshot({ path: `${ARTIFACTS}deportee-${name}-360.png`, fullPage: true });
}

/** Types a place's name into a place field and chooses the match shown with its full path. */
async function choosePlace(scope: Locator, label: string, typed: string, option: string) {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await scope.page().getByRole('option', { name: option, exact: true }).click();
  await expect(input).toHaveValue(option);
}

async function chooseOption(scope: Locator, label: string, typed: string, option: string | RegExp) {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await scope.page().getByRole('option', { name: option }).click();
}

test('walkthrough 4: Nunukan refers a deportee home to Manggarai; Dinas Sosial records the legs by place name', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, 'layanan.dinsosnnk');

  // Earlier, not under test: the Nunukan social worker opened the deportee's case with him as victim.
  const csrf = (await (await page.request.get('/api/v1/auth/me')).json()).csrfToken as string;
  const created = await page.request.post('/api/v1/cases', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      caseType: 'pmi_deportee',
      reportedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      channel: 'referral',
      reportingParty: 'agency',
      risk: 'medium',
    },
  });
  expect(created.status()).toBe(201);
  const caseId = (await created.json()).id as string;
  const name = `Fransiskus Deportan ${uniqueSuffix()}`;
  const person = await page.request.post(`/api/v1/cases/${caseId}/persons`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { role: 'victim', fullName: name, sex: 'Male', estimatedAge: 26 },
  });
  expect(person.status()).toBe(201);

  // 1. Nunukan refers him to Manggarai's Dinas Sosial for repatriation, recording his consent in place.
  await page.goto(`/cases/${caseId}?tab=services`);
  await page.getByRole('button', { name: 'Rujuk ke instansi lain' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rujuk korban ke instansi lain' });
  await chooseOption(dialog, 'Instansi tujuan', 'Dinsos Mang', /^Dinsos Manggarai/);
  const services = dialog.getByRole('combobox', { name: 'Layanan yang diminta' });
  await services.click();
  await services.fill('Pemulangan');
  await page.getByRole('option', { name: 'Pemulangan', exact: true }).click();
  await services.press('Escape');
  await dialog.getByLabel('Keterangan').fill('Deportan dari Tawau, kampung halaman di Kecamatan Cibal.');
  await expect(dialog.getByText('Belum ada persetujuan untuk instansi ini')).toBeVisible();
  await shot(page, '1-refer-to-manggarai');
  await dialog.getByRole('button', { name: `Catat persetujuan sekarang untuk ${name}` }).click();
  const consent = page.getByRole('dialog', { name: /^Catat persetujuan/ });
  await expect(consent.getByText(/^Dinsos Manggarai/)).toBeVisible();
  await consent.getByRole('radio', { name: 'Oleh yang bersangkutan' }).check();
  await consent.getByRole('button', { name: 'Catat persetujuan' }).click();
  await expect(consent).toBeHidden();
  await expect(dialog.getByText('Persetujuan berbagi data ada')).toBeVisible();
  await dialog.getByRole('button', { name: 'Kirim rujukan' }).click();
  await expect(page.getByText('Rujukan dikirim.')).toBeVisible();
  await expect(page.getByTestId('referral-card').getByText('Menunggu jawaban')).toBeVisible();
  await shot(page, '2-referral-sent');
  await signOut(page);

  // 2. Manggarai's Dinas Sosial finds it among the incoming referrals and accepts it.
  await signIn(page, 'layanan.dinsos');
  await page.goto('/referrals');
  const card = page.getByTestId('referral-card').filter({ hasText: 'Dinsos Nunukan' }).first();
  await expect(card.getByText('Menunggu jawaban')).toBeVisible();
  await card.getByRole('link').first().click();
  await page.getByRole('button', { name: 'Terima' }).click();
  const accept = page.getByRole('dialog', { name: 'Terima rujukan' });
  await accept.getByRole('button', { name: 'Terima' }).click();
  await expect(page.getByText('Rujukan diperbarui.')).toBeVisible();
  await expect(page.getByRole('cell', { name })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Rantai pemulangan' })).toBeVisible();

  // 3. She records the chain home by typing place names: Nunukan -> Kupang -> Ruteng -> Rado (Cibal).
  const legs = [
    {
      from: ['Nunukan', 'Kab. Nunukan, Kalimantan Utara'],
      to: ['Kupang', 'Kota Kupang, Nusa Tenggara Timur'],
      agency: ['BP3MI Nun', 'BP3MI Nunukan'],
    },
    {
      to: ['Ruteng', 'Kec. Ruteng, Kab. Manggarai, Nusa Tenggara Timur'],
      agency: ['Dinsos Mang', 'Dinsos Manggarai'],
    },
    {
      to: ['Rado Cibal', 'Desa Rado, Kec. Cibal, Kab. Manggarai, Nusa Tenggara Timur'],
      agency: ['Dinsos Mang', 'Dinsos Manggarai'],
    },
  ];
  let lastTo = '';
  for (const [i, leg] of legs.entries()) {
    await page.getByRole('button', { name: 'Tambah tahap pemulangan' }).click();
    const form = page.getByRole('dialog', { name: 'Tambah tahap pemulangan' });
    const from = form.getByRole('combobox', { name: 'Dari', exact: true });
    if (leg.from) {
      // A code typed out of habit finds nothing: only names are offered.
      await from.click();
      await from.fill('65.03');
      await expect(page.getByText('Tidak ada yang cocok')).toBeVisible();
      await choosePlace(form, 'Dari', leg.from[0]!, leg.from[1]!);
    } else {
      // The next leg starts where the last one ended, shown by name.
      await expect(from).toHaveValue(lastTo);
    }
    if (i === 0) {
      // Both Kupangs are offered, each with its province; the list shows names, never codes.
      const to = form.getByRole('combobox', { name: 'Ke', exact: true });
      await to.click();
      await to.fill('Kupang');
      await expect(
        page.getByRole('option', { name: 'Kab. Kupang, Nusa Tenggara Timur', exact: true }),
      ).toBeVisible();
      await expect(page.getByRole('option', { name: /\d{2}\.\d{2}/ })).toHaveCount(0);
      await page.screenshot({ path: `${ARTIFACTS}deportee-3a-kupang-matches-360.png` });
    }
    await choosePlace(form, 'Ke', leg.to[0]!, leg.to[1]!);
    await chooseOption(form, 'Instansi penanggung jawab', leg.agency[0]!, leg.agency[1]!);
    if (i === 0) await shot(page, '3-leg-by-place-name');
    await form.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect(form).toBeHidden();
    lastTo = leg.to[1]!;
  }
  const chain = page.getByTestId('repatriation-leg');
  await expect(chain).toHaveCount(3);
  await expect(chain.nth(0)).toContainText('Kab. Nunukan → Kota Kupang');
  await expect(chain.nth(1)).toContainText('Kota Kupang → Kec. Ruteng, Kab. Manggarai');
  await expect(chain.nth(2)).toContainText('Kec. Ruteng, Kab. Manggarai → Desa Rado, Kec. Cibal');
  await expect(chain.nth(0)).toContainText('BP3MI Nunukan');
  // The first leg happened today.
  await chain.nth(0).getByRole('button', { name: 'Catat terlaksana hari ini' }).click();
  await expect(chain.nth(0)).toContainText('Terlaksana');
  await shot(page, '4-chain-by-name');
  await signOut(page);

  // 4. Back in Nunukan, the case team sees the same chain, by name, on the case.
  await signIn(page, 'layanan.dinsosnnk');
  await page.goto(`/cases/${caseId}?tab=reintegration`);
  await expect(page.getByTestId('repatriation-leg')).toHaveCount(3);
  await expect(page.getByTestId('repatriation-leg').nth(2)).toContainText('Desa Rado, Kec. Cibal');
  await expect(page.getByText('53.10')).toHaveCount(0);
  await shot(page, '5-sender-sees-chain');
});
