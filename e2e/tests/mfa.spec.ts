import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { generate } from 'otplib';
import { DEMO_PASSWORD, signOut, uniqueSuffix } from './helpers';

test.use({ actionTimeout: 15_000 });

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
const PASSWORD = 'Pagi-Cerah-di-Lingko-9';

/** The administrator's API session (the demo's admin signs in with a password only). */
async function adminApi(request: APIRequestContext) {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'admin', password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return { 'X-CSRF-Token': (await login.json()).csrfToken as string };
}

async function passwordStep(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

test.afterAll(async ({ request }) => {
  // Back to the demo's policy, whatever happened above.
  const headers = await adminApi(request);
  await request.put('/api/v1/security/mfa-policy', { headers, data: { requiredRoles: [] } });
});

test('a role that must use two-step verification sets it up at first sign-in, then signs in with a code or a recovery code', async ({
  page,
  request,
}) => {
  const headers = await adminApi(request);
  const agency = (await (await request.get('/api/v1/agencies?q=DP3A')).json()).items[0];
  const username = `pimpinan.uji.${uniqueSuffix()}`;
  const created = await request.post('/api/v1/users', {
    headers,
    data: {
      username,
      displayName: 'Pimpinan Uji Dua Langkah',
      email: null,
      agencyId: agency.id,
      roles: ['leadership'],
      password: PASSWORD,
    },
  });
  expect(created.status()).toBe(201);
  const policy = await request.put('/api/v1/security/mfa-policy', {
    headers,
    data: { requiredRoles: ['leadership', 'case_manager', 'coordinator'] },
  });
  expect(policy.status()).toBe(200);

  await page.setViewportSize({ width: 360, height: 780 });
  await passwordStep(page, username);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Aktifkan verifikasi dua langkah' }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}mfa-enrol-360.png`, fullPage: true });
  const secret = ((await page.locator('code').first().textContent()) ?? '').replace(/\s/g, '');
  await page.getByLabel('Kode verifikasi').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Aktifkan' }).click();
  const codes = page.locator('code');
  await expect(page.getByText('Kode pemulihan', { exact: true })).toBeVisible();
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent()) ?? '';
  await page.screenshot({ path: `${ARTIFACTS}mfa-recovery-360.png`, fullPage: true });
  const next = page.getByRole('button', { name: 'Lanjutkan' });
  await expect(next).toBeDisabled();
  await page.getByLabel('Saya sudah menyimpan kode pemulihan di tempat aman').check();
  await next.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  await signOut(page);

  // Next sign-in: the code is asked for; the phone is not at hand, so a recovery code.
  await page.setViewportSize({ width: 1280, height: 800 });
  await passwordStep(page, username);
  await expect(page.getByRole('heading', { level: 1, name: 'Verifikasi dua langkah' })).toBeVisible();
  await page.getByLabel('Kode verifikasi').fill('000000');
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(page.getByText(/^Kode salah atau sudah kedaluwarsa/)).toBeVisible();
  await page.getByRole('button', { name: 'Ponsel tidak ada? Pakai kode pemulihan' }).click();
  await page.getByLabel('Kode pemulihan').fill(recovery);
  await page.screenshot({ path: `${ARTIFACTS}mfa-verify-1280.png`, fullPage: true });
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  await page.goto('/profile');
  const card = page.getByRole('region', { name: 'Verifikasi dua langkah' });
  await expect(card.getByText('Wajib untuk peran Anda.', { exact: false })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Matikan' })).toHaveCount(0);
  const sessions = page.getByRole('region', { name: 'Sesi aktif' });
  await expect(sessions.getByText('Sesi ini')).toBeVisible();
  await expect(sessions.getByText(/^IP .* terakhir aktif/).first()).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}profile-security-1280.png`, fullPage: true });
  await signOut(page);

  // The administrator sees it on the user's page and can reset it.
  const user = (await created.json()) as { id: string };
  const status = await request.get(`/api/v1/users/${user.id}`);
  expect((await status.json()).mfaEnabled).toBe(true);
});
