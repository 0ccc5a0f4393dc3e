import { expect, test } from '@playwright/test';
import { capture, choose, chooseMany, dayBefore, fillReportStep } from './case-helpers';
import { signIn, signOut } from './helpers';

test.use({ actionTimeout: 15_000 });

const UPTD = 'UPTD Perlindungan Perempuan dan Anak Kabupaten Manggarai';
const MANAGER = 'Yosefina Manajer Kasus (demo)';

test('a coordinator records a case for the UPTD PPA with its case manager on the team, who then works on it', async ({
  page,
}) => {
  await signIn(page, 'koordinator.dp3a');
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/cases/new');
  await fillReportStep(page, dayBefore(2));
  const team = page.getByRole('group', { name: 'Penanggung jawab dan tim kasus' });
  await choose(team, 'Instansi penanggung jawab', UPTD, 'UPTD');
  await chooseMany(page, 'Tim kasus', [MANAGER]);
  await expect(team.getByText('Anda otomatis menjadi anggota tim.', { exact: false })).toBeVisible();
  await team.scrollIntoViewIfNeeded();
  await page.screenshot({ path: new URL('../artifacts/case-intake-team-360.png', import.meta.url).pathname });
  await page.setViewportSize({ width: 1280, height: 800 });
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Lanjut' }).click();
  const review = page.getByRole('region', { name: 'Pengaduan' });
  await expect(review.getByText(UPTD)).toBeVisible();
  await expect(review.getByText(`Maria Koordinator (demo), ${MANAGER}`)).toBeVisible();
  await page.getByRole('button', { name: 'Simpan kasus' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /^TPPO\/53\.10\/\d{4}\/\d{4}$/ });
  await expect(heading).toBeVisible();
  const url = page.url();
  const handling = page.getByRole('region', { name: 'Penanganan' });
  await expect(handling.getByText('UPTD PPA Manggarai')).toBeVisible();
  await expect(handling.getByText(MANAGER, { exact: false })).toBeVisible();
  await signOut(page);

  // The case manager on the team opens it with full access and can change the team.
  await signIn(page, 'manajer.uptdppa');
  await page.goto(url);
  await expect(heading).toBeVisible();
  await page.getByRole('button', { name: 'Ubah tim' }).click();
  const field = page.getByRole('group', { name: 'Penanggung jawab dan tim kasus' });
  await expect(field.getByText('Hanya tim kasus yang dapat melihat identitas')).toBeVisible();
  // The coordinator who recorded it stays listed (and on the team) unless removed on purpose.
  await expect(field.getByText('Maria Koordinator (demo)')).toBeVisible();
  await capture(page, 'team-edit', 1280);
  await page.getByRole('button', { name: 'Batal' }).click();
  await expect(handling.getByText(`Maria Koordinator (demo), ${MANAGER}`)).toBeVisible();

  // Who saw what: the case manager sees the coordinator's intake and their own reads.
  await page.getByRole('tab', { name: 'Log akses' }).click();
  const log = page.getByRole('table', { name: 'Log akses' });
  await expect(log.getByRole('row').filter({ hasText: 'Kasus dicatat' })).toContainText(
    'Maria Koordinator (demo)',
  );
  await expect(log.getByRole('row').filter({ hasText: 'Kasus dibuka' }).first()).toContainText(MANAGER);
  await capture(page, 'access-log', 1280);
  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload();
  await expect(page.getByRole('table', { name: 'Log akses' })).toBeVisible();
  await capture(page, 'access-log', 360);
  await signOut(page);
});
