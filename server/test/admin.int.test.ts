import { ROLES } from '@sinergi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  buildAgency,
  buildUser,
  call,
  createTestEnv,
  DB_KINDS,
  type Session,
  signIn,
  type TestEnv,
} from './support.js';

const ADMIN_ONLY: [method: 'GET' | 'POST' | 'PATCH', url: string][] = [
  ['GET', '/api/v1/users'],
  ['POST', '/api/v1/users'],
  ['POST', '/api/v1/agencies'],
  ['GET', '/api/v1/audit'],
];

describe.each(DB_KINDS)('administration on %s', (kind) => {
  let env: TestEnv;
  let admin: Session;
  beforeAll(async () => {
    env = await createTestEnv(kind);
    const a = await buildUser(env, ['admin']);
    admin = await signIn(env, a.username);
  });
  afterAll(async () => env?.close());

  it('refuses admin-only endpoints to every other role (403) and to anonymous callers (401)', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const u = await buildUser(env, [role]);
      const s = await signIn(env, u.username);
      for (const [method, url] of ADMIN_ONLY) {
        const res = await call(env, s, method, url, method === 'GET' ? undefined : {});
        expect(res.statusCode, `${role} ${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
      const denied = await auditEvents(env, 'access.denied');
      expect(
        denied.filter((e) => e.actor_user_id === u.id && JSON.parse(e.details).reason === 'permission'),
      ).toHaveLength(ADMIN_ONLY.length);
      const target = await buildAgency(env);
      const patch = await call(env, s, 'PATCH', `/api/v1/agencies/${target.id}`, {
        version: 1,
        name: 'Diubah Tanpa Hak',
      });
      expect(patch.statusCode).toBe(403);
    }
    for (const [method, url] of ADMIN_ONLY) {
      const res = await call(env, null, method, url, method === 'GET' ? undefined : {});
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('creates an agency, lists and finds it, and audits the creation', async () => {
    const res = await call(env, admin, 'POST', '/api/v1/agencies', {
      name: 'Dinas Sosial Kabupaten Manggarai Timur',
      shortName: 'Dinsos Matim',
      htcdsType: 'LocalGovernmentOrganisation',
      sector: 'social',
      regionCode: '53.19',
    });
    expect(res.statusCode).toBe(201);
    const agency = res.json();
    expect(agency).toMatchObject({
      shortName: 'Dinsos Matim',
      regionName: 'Kabupaten Manggarai Timur',
      active: true,
      version: 1,
    });
    const list = await call(env, admin, 'GET', '/api/v1/agencies?q=matim');
    expect(list.json().items.map((a: { id: string }) => a.id)).toContain(agency.id);
    expect(list.json().total).toBeGreaterThanOrEqual(1);
    const events = await auditEvents(env, 'agency.created');
    expect(events.some((e) => e.entity_id === agency.id && e.actor_user_id === admin.userId)).toBe(true);
  });

  it('explains invalid agency input per field, in Indonesian and in English', async () => {
    const bad = { name: 'X', shortName: '', htcdsType: 'Police', sector: 'social', regionCode: '99.99' };
    const id = await call(env, admin, 'POST', '/api/v1/agencies', bad);
    expect(id.statusCode).toBe(400);
    expect(id.json().error.fields).toMatchObject({
      name: 'Terlalu pendek: minimal 3 karakter.',
      shortName: 'Wajib diisi.',
      htcdsType: 'Pilih salah satu nilai yang tersedia.',
    });
    const unknownRegion = await call(
      env,
      admin,
      'POST',
      '/api/v1/agencies',
      { ...bad, name: 'Instansi Baru', shortName: 'BARU', htcdsType: 'NGO' },
      { 'accept-language': 'en' },
    );
    expect(unknownRegion.statusCode).toBe(400);
    expect(unknownRegion.json().error.fields.regionCode).toBe('Unknown region.');
  });

  it('refuses a duplicate short name with 409, whatever the case', async () => {
    const a = await buildAgency(env, { shortName: 'LBH Flores' });
    expect(a.shortName).toBe('LBH Flores');
    const res = await call(env, admin, 'POST', '/api/v1/agencies', {
      name: 'Lembaga Bantuan Hukum Lain',
      shortName: 'lbh flores',
      htcdsType: 'LegalService',
      sector: 'legal_aid',
      regionCode: '53.10',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields.shortName).toBe('Singkatan ini sudah dipakai instansi lain.');
  });

  it('updates an agency with its version and answers a stale version with 409 and the current record', async () => {
    const a = await buildAgency(env);
    const first = await call(env, admin, 'PATCH', `/api/v1/agencies/${a.id}`, {
      version: 1,
      name: 'Nama Baru Instansi',
      active: false,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: 'Nama Baru Instansi', active: false, version: 2 });
    const stale = await call(env, admin, 'PATCH', `/api/v1/agencies/${a.id}`, {
      version: 1,
      name: 'Tertimpa',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(stale.json().error.current).toMatchObject({ name: 'Nama Baru Instansi', version: 2 });
    const missing = await call(env, admin, 'PATCH', '/api/v1/agencies/00000000-0000-4000-8000-000000000000', {
      version: 1,
      name: 'Tidak Ada',
    });
    expect(missing.statusCode).toBe(404);
    const updated = await auditEvents(env, 'agency.updated');
    expect(updated.find((e) => e.entity_id === a.id)?.details).toBe(
      JSON.stringify({ fields: ['name', 'active'] }),
    );
  });

  it('creates a user who can sign in, refuses weak passwords and taken usernames', async () => {
    const agency = await buildAgency(env);
    const weak = await call(env, admin, 'POST', '/api/v1/users', {
      username: 'petugas.baru',
      displayName: 'Petugas Baru',
      agencyId: agency.id,
      roles: ['case_manager'],
      password: 'bismillah123',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.password).toMatch(/terlalu umum/);
    const body = {
      username: 'Petugas.Baru',
      displayName: 'Petugas Baru',
      agencyId: agency.id,
      roles: ['case_manager', 'coordinator'],
      password: 'Golo-Curu-Lingko-44',
    };
    const res = await call(env, admin, 'POST', '/api/v1/users', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'petugas.baru',
      roles: ['case_manager', 'coordinator'],
      agencyShortName: agency.shortName,
    });
    expect(JSON.stringify(res.json())).not.toMatch(/hash|Golo-Curu/);
    const dup = await call(env, admin, 'POST', '/api/v1/users', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields.username).toBe('Nama pengguna sudah dipakai.');
    const s = await signIn(env, 'petugas.baru', 'Golo-Curu-Lingko-44');
    const me = await call(env, s, 'GET', '/api/v1/auth/me');
    expect(me.json().permissions).toEqual(expect.arrayContaining(['case.create', 'stats.exact']));
    const created = await auditEvents(env, 'user.created');
    expect(created.some((e) => e.entity_id === res.json().id && e.actor_user_id === admin.userId)).toBe(true);
  });

  it('replays a create with the same Idempotency-Key instead of creating twice', async () => {
    const body = {
      name: 'Puskesmas Kota Ruteng',
      shortName: 'PKM Ruteng',
      htcdsType: 'HealthServiceOrganisation',
      sector: 'health',
      regionCode: '53.10',
    };
    const headers = { 'idempotency-key': 'pkm-ruteng-1' };
    const first = await call(env, admin, 'POST', '/api/v1/agencies', body, headers);
    const second = await call(env, admin, 'POST', '/api/v1/agencies', body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    const list = await call(env, admin, 'GET', '/api/v1/agencies?q=PKM%20Ruteng');
    expect(list.json().total).toBe(1);
  });

  it('resets a password: the user signs in with the new one and the old sessions end', async () => {
    const u = await buildUser(env, ['service_provider']);
    const old = await signIn(env, u.username);
    const res = await call(env, admin, 'POST', `/api/v1/users/${u.id}/reset-password`, {
      password: 'Sawah-Lingko-Baru-2026',
    });
    expect(res.statusCode).toBe(200);
    expect((await call(env, old, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    await signIn(env, u.username, 'Sawah-Lingko-Baru-2026');
    expect((await auditEvents(env, 'user.password_reset')).some((e) => e.entity_id === u.id)).toBe(true);
  });

  it('does not let administrators disable themselves or drop their own admin role', async () => {
    const me = await call(env, admin, 'GET', `/api/v1/users/${admin.userId}`);
    const disable = await call(env, admin, 'PATCH', `/api/v1/users/${admin.userId}`, {
      version: me.json().version,
      active: false,
    });
    expect(disable.statusCode).toBe(400);
    expect(disable.json().error.fields.active).toBe('Anda tidak dapat menonaktifkan akun sendiri.');
    const demote = await call(env, admin, 'PATCH', `/api/v1/users/${admin.userId}`, {
      version: me.json().version,
      roles: ['analyst'],
    });
    expect(demote.statusCode).toBe(400);
  });

  it('sorts agencies and users as asked', async () => {
    const names = (await call(env, admin, 'GET', '/api/v1/agencies?sort=-shortName&pageSize=200'))
      .json()
      .items.map((a: { shortName: string }) => a.shortName.toLowerCase());
    expect(names.length).toBeGreaterThan(2);
    expect(names).toEqual([...names].sort().reverse());
    const users = (await call(env, admin, 'GET', '/api/v1/users?sort=-username&pageSize=200'))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(users).toEqual([...users].sort().reverse());
    expect((await call(env, admin, 'GET', '/api/v1/users?sort=password')).statusCode).toBe(400);
  });

  it('filters users by role and agency', async () => {
    const agency = await buildAgency(env);
    const inv = await buildUser(env, ['investigator'], { agencyId: agency.id });
    await buildUser(env, ['analyst'], { agencyId: agency.id });
    const res = await call(env, admin, 'GET', `/api/v1/users?agencyId=${agency.id}&role=investigator`);
    expect(res.json().items.map((u: { id: string }) => u.id)).toEqual([inv.id]);
    expect(res.json().total).toBe(1);
  });

  it('shows the audit trail to administrators with filters, and records that it was read', async () => {
    const res = await call(env, admin, 'GET', '/api/v1/audit?action=auth.login&pageSize=5');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.json().items.every((e: { action: string }) => e.action === 'auth.login')).toBe(true);
    const reads = await auditEvents(env, 'audit.read');
    expect(reads.some((e) => e.actor_user_id === admin.userId)).toBe(true);
  });
});
