import { expect, test } from '@playwright/test';
import { capture, choose, dayBefore, fillReportStep, personSection } from './case-helpers';
import { signIn, signOut } from './helpers';

test('a save that stops part-way keeps what was typed and finishes on the case page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'manajer.uptdppa');
  await page.goto('/cases/new');
  await fillReportStep(page, dayBefore(3));
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  for (const [n, name] of [
    [1, 'Agustina Uji Satu'],
    [2, 'Benediktus Uji Dua'],
  ] as const) {
    await page.getByRole('button', { name: 'Tambah korban' }).click();
    const victim = personSection(page, `Korban ${n}`);
    await victim.getByRole('textbox', { name: 'Nama lengkap' }).fill(name);
    await choose(victim, 'Jenis kelamin', n === 1 ? 'Perempuan' : 'Laki-laki');
    await victim.getByLabel('Perkiraan usia (tahun)').fill('24');
    await victim.getByRole('checkbox', { name: 'Catat persetujuan sekarang' }).uncheck();
  }
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // The connection drops while the second victim is being sent.
  let posts = 0;
  await page.route('**/api/v1/cases/*/persons', (route) =>
    route.request().method() === 'POST' && ++posts === 2
      ? route.abort('internetdisconnected')
      : route.continue(),
  );
  await page.getByRole('button', { name: 'Simpan kasus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^TPPO\/53\.10\/\d{4}\/\d{4}$/ })).toBeVisible();
  const pending = page.getByRole('region', { name: 'Sebagian data pengaduan belum tersimpan' });
  await expect(pending).toBeVisible();
  await expect(pending.getByText('Korban 1: data diri')).toBeVisible();
  await expect(pending.getByText('Tidak dapat menghubungi server')).toBeVisible();
  await capture(page, 'save-interrupted', 1280);

  // Back online: the rest is saved, once.
  await page.unroute('**/api/v1/cases/*/persons');
  await pending.getByRole('button', { name: 'Simpan sisanya' }).click();
  await expect(page.getByText('Semua data pengaduan telah tersimpan.')).toBeVisible();
  await expect(pending).toHaveCount(0);
  await page.getByRole('tab', { name: 'Orang' }).click();
  await expect(page.getByRole('article', { name: /^Korban \d$/ })).toHaveCount(2);
  await expect(page.getByText('Korban 2: Benediktus Uji Dua')).toBeVisible();
  await signOut(page);
});
