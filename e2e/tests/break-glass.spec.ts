import { expect, test } from '@playwright/test';
import { capture } from './case-helpers';
import { signIn, signOut } from './helpers';

test.use({ actionTimeout: 15_000 });

test('a coordinator opens a case in an emergency with a reason; the team sees it; an administrator reviews it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'manajer.uptdppa');
  const list = await (await page.request.get('/api/v1/cases?stage=in_services&pageSize=1')).json();
  const target = list.items[0] as { id: string; caseNumber: string };
  await signOut(page);

  await signIn(page, 'koordinator.dp3a');
  await page.goto('/cases');
  await page.getByRole('button', { name: 'Akses darurat' }).click();
  const dialog = page.getByRole('dialog', { name: 'Buka kasus dalam keadaan darurat' });
  await dialog.getByLabel('Nomor kasus').fill(target.caseNumber);
  await dialog
    .getByLabel('Alasan')
    .fill('Keluarga melapor anak dibawa perekrut malam ini; perlu alamat dan kontak wali.');
  await capture(page, 'break-glass-dialog', 1280);
  await dialog.getByRole('button', { name: 'Buka dengan akses darurat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: target.caseNumber })).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: 'Kasus ini pernah dibuka dengan akses darurat' });
  await expect(alert).toContainText('Maria Koordinator (demo)');
  await expect(alert).toContainText('perekrut malam ini');
  // Full access now: the people's identities are shown.
  await page.getByRole('tab', { name: 'Orang' }).click();
  await expect(page.getByRole('button', { name: 'Ubah data' }).first()).toBeVisible();
  await signOut(page);

  await signIn(page, 'admin');
  await page.goto('/emergency-access');
  const card = page.getByRole('article', { name: target.caseNumber });
  await expect(card).toContainText('perekrut malam ini');
  await card.getByLabel('Catatan tinjauan').fill('Dikonfirmasi dengan Polres; pembukaan wajar.');
  await card.getByRole('button', { name: 'Tandai sudah ditinjau' }).click();
  await expect(page.getByText('Tidak ada akses darurat untuk ditinjau.')).toBeVisible();
  await page.getByText('Semua', { exact: true }).click();
  await expect(page.getByRole('article', { name: target.caseNumber })).toContainText(
    'Dikonfirmasi dengan Polres',
  );
  await capture(page, 'break-glass-review', 1280);
  await signOut(page);
});
