import { type APIRequestContext, expect, request, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoSidewaysScroll, signIn } from './helpers';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

/** The API as another user, for what that user did earlier (never the step under test). */
async function asUser(baseURL: string, username: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  return { api, csrf: (await login.json()).csrfToken as string };
}

test.use({ viewport: { width: 360, height: 780 } });

test('Dinas Sosial opens Sinergi on a phone and Beranda is its work: referrals waiting, the count in the top bar', async ({
  page,
  baseURL,
}) => {
  // Earlier, the UPTD PPA case manager referred a consenting victim to Dinas Sosial.
  const { api, csrf } = await asUser(baseURL!, 'manajer.uptdppa');
  const headers = { 'X-CSRF-Token': csrf };
  const created = await api.post('/api/v1/cases', {
    headers,
    data: {
      caseType: 'tppo',
      reportedAt: new Date(Date.now() - 3_600_000).toISOString(),
      channel: 'walk_in',
      reportingParty: 'family',
      risk: 'high',
    },
  });
  const { id: caseId, caseNumber } = (await created.json()) as { id: string; caseNumber: string };
  const person = await api.post(`/api/v1/cases/${caseId}/persons`, {
    headers,
    data: { role: 'victim', fullName: 'Agustinus Antrean Kerja', sex: 'Male', estimatedAge: 22 },
  });
  const personId = (await person.json()).person.id as string;
  const agencies = (await (await api.get('/api/v1/agencies?pageSize=200')).json()).items as {
    id: string;
    shortName: string;
  }[];
  const dinsosId = agencies.find((a) => a.shortName === 'Dinsos Manggarai')!.id;
  const consent = await api.post(`/api/v1/cases/${caseId}/persons/${personId}/consents`, {
    headers,
    data: {
      scopes: ['data_management', 'services', 'sharing'],
      sharingAgencyIds: [dinsosId],
      givenOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      givenBy: 'self',
    },
  });
  expect(consent.status()).toBe(201);
  const referral = await api.post('/api/v1/referrals', {
    headers,
    data: {
      caseId,
      toAgencyId: dinsosId,
      personIds: [personId],
      services: ['shelter'],
      reason: 'AdditionalServicesRequired',
      urgency: 'high',
    },
  });
  expect(referral.status()).toBe(201);
  await api.dispose();

  await signIn(page, 'layanan.dinsos');
  await expect(page.getByRole('heading', { name: 'Tugas saya', level: 2 })).toBeVisible();
  const lane = page.getByTestId('work-lane-referrals');
  await expect(lane.getByRole('link', { name: 'Rujukan menunggu jawaban' })).toBeVisible();
  // No empty case counts for an agency that opens no cases.
  await expect(page.getByText('Semua kasus')).toHaveCount(0);
  // The count is in the top bar, without opening the menu.
  const count = page.getByRole('link', { name: /^Tugas saya: \d+$/ });
  await expect(count).toBeVisible();
  await expectNoSidewaysScroll(page, 'Beranda of Dinas Sosial at 360 px');
  await page.screenshot({ path: `${ARTIFACTS}home-work-dinsos-360.png`, fullPage: true });
  // The new referral opens from Beranda.
  await lane.getByRole('link').filter({ hasText: caseNumber }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Rujukan / })).toBeVisible();
  await count.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tugas saya' })).toBeVisible();
});

test('a case assigned to the Polres is on the investigator’s Beranda and opens its legal track', async ({
  page,
  baseURL,
}) => {
  // Earlier, the UPTD PPA case manager opened a case and handed it to the Polres.
  const { api, csrf } = await asUser(baseURL!, 'manajer.uptdppa');
  const headers = { 'X-CSRF-Token': csrf };
  const created = await api.post('/api/v1/cases', {
    headers,
    data: {
      caseType: 'tppo',
      reportedAt: new Date(Date.now() - 3_600_000).toISOString(),
      channel: 'walk_in',
      reportingParty: 'family',
      risk: 'high',
    },
  });
  expect(created.status()).toBe(201);
  const { id: caseId, caseNumber } = (await created.json()) as { id: string; caseNumber: string };
  const agencies = (await (await api.get('/api/v1/agencies?pageSize=200')).json()).items as {
    id: string;
    sector: string;
  }[];
  const track = await (await api.get(`/api/v1/cases/${caseId}/legal`)).json();
  const assigned = await api.put(`/api/v1/cases/${caseId}/legal/police-agency`, {
    headers,
    data: { version: track.version, policeAgencyId: agencies.find((a) => a.sector === 'police')!.id },
  });
  expect(assigned.status()).toBe(200);
  await api.dispose();

  await signIn(page, 'penyidik.polres');
  const lane = page.getByTestId('work-lane-legal');
  await expect(lane.getByRole('link', { name: 'Kasus ditugaskan ke kantor Anda' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'Beranda of the Polres at 360 px');
  await page.screenshot({ path: `${ARTIFACTS}home-work-polres-360.png`, fullPage: true });
  await lane.getByRole('link', { name: caseNumber }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Proses hukum ${caseNumber}` })).toBeVisible();
  // The Proses hukum list names it too, before any police report.
  await page.goto('/legal');
  await expect(page.getByTestId('legal-awaiting').getByRole('link', { name: caseNumber })).toBeVisible();
});
