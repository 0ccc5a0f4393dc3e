import { expect, type Page, test } from '@playwright/test';
import { dayBefore, waitForNotifications } from './case-helpers';
import { typeDate } from './date-field';
import { signIn, signOut } from './helpers';

async function csrfToken(page: Page): Promise<string> {
  const me = await page.request.get('/api/v1/auth/me');
  return (await me.json()).csrfToken as string;
}

test('a person changed meanwhile by someone else shows both versions; consents are recorded and withdrawn', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'manajer.uptdppa');
  await page.goto('/cases?stage=in_services');
  await page.getByRole('table').getByRole('link').first().click();
  const caseId = /\/cases\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  await page.getByRole('tab', { name: 'Orang' }).click();
  const victim = page.getByRole('article', { name: 'Korban 1' });
  await victim.getByRole('button', { name: 'Ubah data' }).click();
  const form = page.getByRole('dialog', { name: 'Ubah data orang' });
  await expect(form.getByRole('textbox', { name: 'Nama lengkap' })).not.toHaveValue('');

  // Someone else saves the same person first.
  const persons = await (await page.request.get(`/api/v1/cases/${caseId}/persons`)).json();
  const person = persons.items.find((p: { role: string }) => p.role === 'victim');
  const changed = await page.request.patch(`/api/v1/cases/${caseId}/persons/${person.id}`, {
    headers: { 'X-CSRF-Token': await csrfToken(page) },
    data: { version: person.version, occupation: 'Petani kopi' },
  });
  expect(changed.status()).toBe(200);

  await form.getByRole('textbox', { name: 'Pekerjaan' }).fill('Buruh perkebunan');
  await form.getByRole('button', { name: 'Simpan perubahan' }).click();
  const conflict = page.getByRole('dialog', { name: 'Data ini sudah diubah orang lain' });
  await expect(conflict.getByText('Isian Anda: Buruh perkebunan')).toBeVisible();
  await expect(conflict.getByText('Tersimpan sekarang: Petani kopi')).toBeVisible();
  await conflict.getByRole('button', { name: 'Muat versi tersimpan' }).click();
  await expect(form.getByRole('textbox', { name: 'Pekerjaan' })).toHaveValue('Petani kopi');
  await form.getByRole('button', { name: 'Batal' }).click();

  // A consent recorded, then withdrawn (the victim may already have consents from the demo's referrals).
  const sharing = victim.getByText(/Berbagi data dengan instansi lain/);
  const sharedBefore = await sharing.count();
  await victim.getByRole('button', { name: 'Catat persetujuan' }).click();
  const consent = page.getByRole('dialog', { name: /^Catat persetujuan/ });
  await consent.getByRole('checkbox', { name: 'Berbagi data dengan instansi lain' }).check();
  // Sharing names the agencies that may receive the data.
  await consent.getByRole('button', { name: 'Catat persetujuan' }).click();
  await expect(consent.getByText('Pilih instansi yang boleh menerima data orang ini.')).toBeVisible();
  const agencies = consent.getByRole('combobox', { name: 'Instansi yang boleh menerima data' });
  await agencies.click();
  await agencies.fill('Dinsos');
  await page.getByRole('option', { name: /^Dinsos Manggarai/ }).click();
  await agencies.press('Escape');
  await typeDate(consent, 'Tanggal persetujuan', dayBefore(1));
  await consent.getByRole('button', { name: 'Catat persetujuan' }).click();
  await expect(page.getByText('Persetujuan Korban 1 telah dicatat.')).toBeVisible();
  await expect(sharing).toHaveCount(sharedBefore + 1);
  const before = await victim.getByRole('button', { name: 'Tarik persetujuan' }).count();
  await victim.getByRole('button', { name: 'Tarik persetujuan' }).last().click();
  const withdraw = page.getByRole('dialog', { name: 'Catat penarikan persetujuan?' });
  await typeDate(withdraw, 'Tanggal ditarik', dayBefore(1));
  await withdraw.getByRole('button', { name: 'Ya, catat penarikan' }).click();
  await expect(page.getByText('Penarikan persetujuan telah dicatat.')).toBeVisible();
  await expect(victim.getByRole('button', { name: 'Tarik persetujuan' })).toHaveCount(before - 1);
  await expect(victim.getByText(/^Ditarik /).first()).toBeVisible();

  // A second person with the same NIK: saved, with a warning that names the other record's case.
  const caseNumber = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  for (const name of ['Saksi Uji Satu', 'Saksi Uji Ganda']) {
    await page.getByRole('button', { name: 'Tambah orang' }).click();
    const add = page.getByRole('dialog', { name: 'Tambah orang' });
    await add.getByRole('combobox', { name: 'Peran dalam kasus' }).click();
    await page.getByRole('option', { name: 'Saksi', exact: true }).click();
    await add.getByRole('combobox', { name: 'Jenis kelamin' }).click();
    await page.getByRole('option', { name: 'Perempuan', exact: true }).click();
    await add.getByRole('textbox', { name: 'Nama lengkap' }).fill(name);
    await add.getByLabel('NIK').fill('5310174506900002');
    await add.getByRole('checkbox', { name: 'Catat persetujuan sekarang' }).uncheck();
    await add.getByRole('button', { name: 'Tambahkan' }).click();
    await expect(add).toHaveCount(0);
  }
  const duplicates = page.getByRole('alert').filter({ hasText: 'Kemungkinan data ganda' });
  await expect(duplicates).toContainText('Saksi');
  await expect(duplicates).toContainText('NIK sama');
  await expect(duplicates.getByRole('link', { name: caseNumber })).toBeVisible();

  // The same page in English.
  await waitForNotifications(page);
  await page.getByRole('radiogroup').locator('label').filter({ hasText: 'English' }).click();
  await expect(page.getByRole('tab', { name: 'People' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('article', { name: 'Victim 1' })).toBeVisible();
  await page.getByRole('tab', { name: 'Summary' }).click();
  await expect(page.getByText('Stage actions')).toBeVisible();
  await page.getByRole('radiogroup').locator('label').filter({ hasText: 'Bahasa Indonesia' }).click();
  await signOut(page);
});
