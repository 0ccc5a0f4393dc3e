import { expect, test } from '@playwright/test';
import { chooseOption, signIn, signOut, uniqueSuffix } from './helpers';

test('an administrator adds an agency and a case manager in it, who then sees no admin menus', async ({
  page,
}) => {
  const suffix = uniqueSuffix();
  const agencyName = `Yayasan Uji Perlindungan ${suffix}`;
  const shortName = `YUP ${suffix}`;
  const username = `manajer.${suffix}`;
  const displayName = `Maria Uji ${suffix}`;
  const password = 'Perahu-Layar-Kuat-58';

  await signIn(page, 'admin');
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });

  // The agency.
  await nav.getByRole('link', { name: 'Instansi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instansi' })).toBeVisible();
  await page.getByRole('link', { name: 'Tambah instansi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tambah instansi' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Nama instansi' }).fill(agencyName);
  await page.getByRole('textbox', { name: 'Singkatan' }).fill(shortName);
  await chooseOption(page, 'Jenis organisasi (HTCDS)', 'Organisasi nonpemerintah');
  await chooseOption(page, 'Sektor', 'Lembaga swadaya masyarakat');
  await chooseOption(page, 'Provinsi', 'Nusa Tenggara Timur', 'Nusa Tenggara T');
  await chooseOption(page, 'Kabupaten/kota', 'Kabupaten Manggarai', 'Kabupaten Manggarai');
  await page.getByRole('button', { name: 'Tambah instansi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: shortName })).toBeVisible();
  await expect(page.getByText(`Instansi ${shortName} telah ditambahkan.`)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Nama instansi' })).toHaveValue(agencyName);

  // It is in the list, found by the search kept in the URL.
  await nav.getByRole('link', { name: 'Instansi' }).click();
  await page.getByRole('searchbox', { name: 'Cari instansi' }).fill(suffix);
  await expect(page).toHaveURL(new RegExp(`q=${suffix}`));
  await expect(page.getByRole('link', { name: shortName })).toBeVisible();
  await expect(page.getByText('Menampilkan 1–1 dari 1')).toBeVisible();

  // The user.
  await nav.getByRole('link', { name: 'Pengguna' }).click();
  await page.getByRole('link', { name: 'Tambah pengguna' }).click();
  await page.getByRole('textbox', { name: 'Nama pengguna' }).fill(username);
  await page.getByRole('textbox', { name: 'Nama lengkap' }).fill(displayName);
  await chooseOption(page, 'Instansi', `${shortName} · ${agencyName}`, suffix);
  await page.getByRole('checkbox', { name: /^Manajer kasus/ }).check();
  await page.getByLabel('Kata sandi awal').fill(password);
  await expect(page.getByText('Minimal 10 karakter: terpenuhi')).toBeAttached();
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  await expect(page.getByRole('heading', { level: 1, name: displayName })).toBeVisible();
  await expect(page.getByText(`Akun ${displayName} telah dibuat.`)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Manajer kasus/ })).toBeChecked();
  await signOut(page);

  // The new user signs in: no administration in the menu, and the pages refuse them.
  await signIn(page, username, password);
  await expect(page.getByText(`Selamat datang, ${displayName}`)).toBeVisible();
  await expect(page.getByText(`${agencyName} (${shortName})`)).toBeVisible();
  await expect(page.getByText('Manajer kasus')).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Beranda' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Instansi' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Profil' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Pengguna' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Jejak Audit' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Instansi' }).click();
  await expect(page.getByRole('link', { name: 'Tambah instansi' })).toHaveCount(0);
  await page.goto('/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Tidak berwenang' })).toBeVisible();
  await signOut(page);
});
