import fs from 'node:fs';
import { caseListQuerySchema } from '@sinergi/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseRepository } from '../src/modules/cases/case.repository.js';
import { verifyAuditChain } from '../src/platform/audit.js';
import { HOUR } from '../src/platform/clock.js';
import {
  auditEvents,
  buildAgency,
  buildTaskForce,
  buildUser,
  call,
  createTestEnv,
  DB_KINDS,
  type Session,
  signIn,
  type TestEnv,
} from './support.js';

const NIK = '5310031507080000';

describe.each(DB_KINDS)('cases on %s', (kind) => {
  let env: TestEnv;
  let manager: Session; // on the case team (UPTD PPA)
  let colleague: Session; // same agency, not on the team
  let coordinator: Session; // secretariat of the same task force
  let outsider: Session; // case manager of another agency
  let otherTfCoordinator: Session; // coordinator of another task force
  let analyst: Session;
  let leadership: Session;
  let managerId: string;

  const intake = (over: Record<string, unknown> = {}) => ({
    caseType: 'tppo',
    reportedAt: '2026-11-27T02:00:00.000Z',
    incidentDate: '2026-11-20',
    channel: 'walk_in',
    reportingParty: 'family',
    narrative: 'Korban dijanjikan kerja di kebun sawit Kalimantan oleh perekrut dari desa tetangga.',
    placeOfOccurrence: 'Pelabuhan Reo',
    occurrenceRegionCode: '53.10.06',
    risk: 'high',
    profile: {
      recruitmentMethods: ['JobOffer'],
      exploitationTypes: ['forced_labour'],
      labourSectors: ['Agriculture'],
      departure: 'non_procedural',
      destinationRegionCode: '64',
    },
    ...over,
  });

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    const uptd = await buildAgency(env, { taskForceId: tf.id, shortName: 'UPTD PPA Uji' });
    const dp3a = await buildAgency(env, { taskForceId: tf.id });
    const dinsos = await buildAgency(env, { taskForceId: tf.id });
    const otherTf = await buildTaskForce(env, '53.19');
    const otherAgency = await buildAgency(env, { taskForceId: otherTf.id });
    const m = await buildUser(env, ['case_manager'], { agencyId: uptd.id });
    managerId = m.id;
    manager = await signIn(env, m.username);
    colleague = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: dp3a.id })).username);
    outsider = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: dinsos.id })).username);
    otherTfCoordinator = await signIn(
      env,
      (await buildUser(env, ['coordinator'], { agencyId: otherAgency.id })).username,
    );
    analyst = await signIn(env, (await buildUser(env, ['analyst'], { agencyId: dp3a.id })).username);
    leadership = await signIn(env, (await buildUser(env, ['leadership'], { agencyId: dp3a.id })).username);
  });
  afterAll(async () => env?.close());

  async function newCase(over: Record<string, unknown> = {}) {
    const res = await call(env, manager, 'POST', '/api/v1/cases', intake(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  async function addPerson(caseId: string, body: Record<string, unknown>, as: Session = manager) {
    const res = await call(env, as, 'POST', `/api/v1/cases/${caseId}/persons`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('opens a case with a number per task force and year, and the first-response deadline of its risk', async () => {
    const a = await newCase();
    const b = await newCase({ risk: 'medium' });
    expect(a.caseNumber).toMatch(/^TPPO\/53\.10\/2026\/\d{4}$/);
    expect(Number(b.caseNumber.slice(-4))).toBe(Number(a.caseNumber.slice(-4)) + 1);
    expect(a).toMatchObject({
      stage: 'reported',
      risk: 'high',
      access: 'full',
      narrative: expect.stringContaining('kebun sawit'),
      team: [{ userId: managerId }],
    });
    expect(a.firstResponse.dueAt).toBe('2026-11-27T03:00:00.000Z');
    expect(b.firstResponse.dueAt).toBe('2026-11-27T08:00:00.000Z');
    expect(a.firstResponse.status).toBe('overdue'); // the test clock is 28 November
    expect(a.profile.exploitationTypes).toEqual(['forced_labour']);
    expect(a.warnings).toContain('no_victim');
    expect(a.abilities).toMatchObject({ viewIdentity: true, edit: true, transition: true });
    expect((await auditEvents(env, 'case.created')).some((e) => e.entity_id === a.id)).toBe(true);
  });

  it('refuses bad intake data with a message per field', async () => {
    const res = await call(
      env,
      manager,
      'POST',
      '/api/v1/cases',
      intake({
        reportedAt: '2027-01-01T00:00:00Z',
        incidentDate: '2026-13-40',
        occurrenceRegionCode: '99.99',
        caseType: 'perdagangan',
        risk: undefined,
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({
      incidentDate: expect.any(String),
      caseType: 'Pilih salah satu nilai yang tersedia.',
      risk: 'Wajib diisi.',
    });
    const future = await call(
      env,
      manager,
      'POST',
      '/api/v1/cases',
      intake({
        reportedAt: '2027-01-01T00:00:00Z',
        incidentDate: '2027-02-01',
        occurrenceRegionCode: '99.99',
      }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toMatchObject({
      reportedAt: 'Tanggal tidak boleh di masa depan.',
      incidentDate: 'Tanggal tidak boleh di masa depan.',
      occurrenceRegionCode: 'Wilayah tidak ditemukan.',
    });
    const after = await call(env, manager, 'POST', '/api/v1/cases', intake({ incidentDate: '2026-11-28' }));
    expect(after.json().error.fields.incidentDate).toBe(
      'Tanggal kejadian tidak boleh setelah tanggal laporan.',
    );
  });

  it('refuses every case endpoint to anonymous callers (401) and to analysts (403)', async () => {
    const c = await newCase();
    const id = c.id;
    const p = '00000000-0000-4000-8000-000000000001';
    const endpoints: ['GET' | 'POST' | 'PATCH' | 'DELETE', string][] = [
      ['GET', '/api/v1/cases'],
      ['GET', '/api/v1/cases/export.xlsx'],
      ['POST', '/api/v1/cases'],
      ['GET', `/api/v1/cases/${id}`],
      ['PATCH', `/api/v1/cases/${id}`],
      ['POST', `/api/v1/cases/${id}/transitions`],
      ['GET', `/api/v1/cases/${id}/timeline`],
      ['GET', `/api/v1/cases/${id}/persons`],
      ['POST', `/api/v1/cases/${id}/persons`],
      ['GET', `/api/v1/cases/${id}/persons/${p}`],
      ['PATCH', `/api/v1/cases/${id}/persons/${p}`],
      ['POST', `/api/v1/cases/${id}/persons/${p}/consents`],
      ['GET', `/api/v1/cases/${id}/screenings`],
      ['POST', `/api/v1/cases/${id}/screenings`],
      ['GET', `/api/v1/cases/${id}/documents`],
      ['POST', `/api/v1/cases/${id}/documents`],
      ['GET', `/api/v1/cases/${id}/documents/${p}/content`],
      ['DELETE', `/api/v1/cases/${id}/documents/${p}`],
    ];
    for (const [method, url] of endpoints) {
      expect(
        (await call(env, null, method, url, method === 'GET' ? undefined : {})).statusCode,
        `${method} ${url}`,
      ).toBe(401);
      expect(
        (await call(env, analyst, method, url, method === 'GET' ? undefined : {})).statusCode,
        `${method} ${url}`,
      ).toBe(403);
    }
    expect((await call(env, analyst, 'PUT', '/api/v1/screening-checklist', {})).statusCode).toBe(403);
    expect((await call(env, manager, 'PUT', '/api/v1/screening-checklist', {})).statusCode).toBe(403);
  });

  it('refuses anonymous callers (401) and analysts (403)', async () => {
    expect((await call(env, null, 'GET', '/api/v1/cases')).statusCode).toBe(401);
    expect((await call(env, analyst, 'GET', '/api/v1/cases')).statusCode).toBe(403);
    expect((await call(env, analyst, 'POST', '/api/v1/cases', intake())).statusCode).toBe(403);
  });

  it('hides a case from other agencies and from colleagues off the team: 404 on every endpoint, absent from lists and searches', async () => {
    const c = await newCase();
    const victim = (
      await addPerson(c.id, {
        role: 'victim',
        fullName: 'Yohanes Isolasi Jelahu',
        nik: '5310031507080000',
        sex: 'Male',
        birthDate: '2008-07-15',
      })
    ).person;
    for (const s of [outsider, colleague, otherTfCoordinator]) {
      for (const url of [
        `/api/v1/cases/${c.id}`,
        `/api/v1/cases/${c.id}/persons`,
        `/api/v1/cases/${c.id}/persons/${victim.id}`,
        `/api/v1/cases/${c.id}/timeline`,
        `/api/v1/cases/${c.id}/screenings`,
      ]) {
        const res = await call(env, s, 'GET', url);
        expect(res.statusCode, url).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
      expect(
        (await call(env, s, 'PATCH', `/api/v1/cases/${c.id}`, { version: 1, risk: 'low' })).statusCode,
      ).toBe(404);
      expect(
        (await call(env, s, 'POST', `/api/v1/cases/${c.id}/transitions`, { version: 1, to: 'screening' }))
          .statusCode,
      ).toBe(404);
      expect(
        (
          await call(env, s, 'POST', `/api/v1/cases/${c.id}/persons`, {
            role: 'witness',
            fullName: 'Saksi Lain',
            sex: 'Female',
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (await call(env, s, 'POST', `/api/v1/cases/${c.id}/screenings`, { checked: [] })).statusCode,
      ).toBe(404);
      const list = (await call(env, s, 'GET', '/api/v1/cases?pageSize=200')).json();
      expect(list.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
      for (const q of [NIK, 'Yohanes Isolasi Jelahu', c.caseNumber]) {
        const found = (await call(env, s, 'GET', `/api/v1/cases?q=${encodeURIComponent(q)}`)).json();
        expect(found.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
      }
    }
  });

  it('shows coordinators and leadership of the task force only the non-identifying fields', async () => {
    const c = await newCase();
    await addPerson(c.id, {
      role: 'victim',
      fullName: 'Maria Rahasia Ndora',
      sex: 'Female',
      estimatedAge: 24,
    });
    for (const s of [coordinator, leadership]) {
      const detail = (await call(env, s, 'GET', `/api/v1/cases/${c.id}`)).json();
      expect(detail).toMatchObject({
        access: 'limited',
        narrative: null,
        placeOfOccurrence: null,
        victimInitials: null,
        victimCount: 1,
      });
      expect(detail.abilities).toMatchObject({ viewIdentity: false, edit: false });
      const persons = (await call(env, s, 'GET', `/api/v1/cases/${c.id}/persons`)).json();
      expect(persons.items[0]).toMatchObject({
        identity: null,
        initials: null,
        sex: 'Female',
        ageAtIncident: 24,
      });
      expect(JSON.stringify(persons)).not.toContain('Rahasia');
      const edit = await call(env, s, 'PATCH', `/api/v1/cases/${c.id}`, {
        version: detail.version,
        risk: 'low',
      });
      expect(edit.statusCode).toBe(403);
    }
    const list = (await call(env, coordinator, 'GET', '/api/v1/cases?pageSize=200')).json();
    expect(list.items.find((x: { id: string }) => x.id === c.id)).toMatchObject({
      access: 'limited',
      victimInitials: null,
    });
  });

  it("lists victims' initials in the order they were added, only on the rows of the reader's team cases", async () => {
    // A coordinator who opened a case is on its team: full access there, limited on the others.
    const res = await call(env, coordinator, 'POST', '/api/v1/cases', intake());
    expect(res.statusCode, res.body).toBe(201);
    const own = res.json();
    const add = (body: Record<string, unknown>) => {
      // A second apart: people are listed in the order they were added.
      env.clock.advance(1000);
      return addPerson(own.id, body, coordinator);
    };
    await add({ role: 'victim', fullName: 'Zakarias Urutan Pertama', sex: 'Male', estimatedAge: 30 });
    await add({ role: 'witness', fullName: 'Wilhelmus Saksi Saja', sex: 'Male', estimatedAge: 40 });
    const erased = await add({
      role: 'victim',
      fullName: 'Hilang Dihapus Data',
      sex: 'Male',
      estimatedAge: 22,
    });
    const third = await add({
      role: 'victim',
      fullName: 'Agnes Urutan Ketiga',
      sex: 'Female',
      estimatedAge: 19,
    });
    const erase = await call(
      env,
      coordinator,
      'POST',
      `/api/v1/cases/${own.id}/persons/${erased.person.id}/erase`,
      {
        reason: 'Korban meminta datanya dihapus melalui surat tertulis.',
      },
    );
    expect(erase.statusCode, erase.body).toBe(200);
    const other = await newCase();
    await addPerson(other.id, {
      role: 'victim',
      fullName: 'Bukan Tim Koordinator',
      sex: 'Male',
      estimatedAge: 33,
    });

    const list = (await call(env, coordinator, 'GET', '/api/v1/cases?pageSize=200')).json();
    const row = (id: string) => list.items.find((x: { id: string }) => x.id === id);
    expect(row(own.id)).toMatchObject({ access: 'full', victimInitials: ['Z.U.P.', 'A.U.K.'] });
    expect(row(other.id)).toMatchObject({ access: 'limited', victimInitials: null });
    expect(JSON.stringify(list)).not.toContain('B.T.K.');
    const beyond = (await call(env, coordinator, 'GET', '/api/v1/cases?pageSize=100&page=50')).json();
    expect(beyond).toMatchObject({ items: [], total: list.total, totalExact: true });
    // The same rows through a search, and for leadership (no identities) nothing at all.
    const found = (
      await call(env, coordinator, 'GET', `/api/v1/cases?q=${encodeURIComponent(own.caseNumber)}`)
    ).json();
    expect(found.items[0]).toMatchObject({ id: own.id, victimInitials: ['Z.U.P.', 'A.U.K.'] });
    const led = (await call(env, leadership, 'GET', '/api/v1/cases?pageSize=200')).json();
    expect(led.items.find((x: { id: string }) => x.id === own.id)).toMatchObject({
      access: 'limited',
      victimInitials: null,
    });
    // The case team's own list shows them the same way.
    const mine = (await call(env, manager, 'GET', '/api/v1/cases?pageSize=200')).json();
    expect(mine.items.find((x: { id: string }) => x.id === other.id)).toMatchObject({
      access: 'full',
      victimInitials: ['B.T.K.'],
    });
    // A corrected name shows at once in the list (initials are kept by ciphertext, not by person).
    const fix = await call(env, coordinator, 'PATCH', `/api/v1/cases/${own.id}/persons/${third.person.id}`, {
      version: third.person.version,
      fullName: 'Maria Nama Benar',
    });
    expect(fix.statusCode, fix.body).toBe(200);
    const again = (await call(env, coordinator, 'GET', '/api/v1/cases?pageSize=200')).json();
    expect(again.items.find((x: { id: string }) => x.id === own.id)).toMatchObject({
      victimInitials: ['Z.U.P.', 'M.N.B.'],
    });
  });

  it('records people with encrypted identities: neither database holds the name or NIK in clear', async () => {
    const c = await newCase();
    const name = 'Fransiska Enkripsi Wunggu';
    const nik = '5310035212990000';
    await addPerson(c.id, {
      role: 'victim',
      fullName: name,
      nik,
      sex: 'Female',
      birthDate: '1999-12-12',
      phone: '+6281234567890',
      addressRegionCode: '53.10.03.2002',
      street: 'Jalan Rahasia 7',
    });
    if (kind === 'sqlite') {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(env.deps.db);
      const bytes = fs.readFileSync(env.sqliteFile!).toString('latin1');
      expect(bytes).not.toContain(name);
      expect(bytes).not.toContain(nik);
      expect(bytes).not.toContain('Jalan Rahasia');
    }
    const rows = await sql<{
      t: string;
    }>`select cast(p.* as text) as t from persons p where p.case_id = ${c.id}`
      .execute(env.deps.db)
      .catch(async () =>
        sql<{
          t: string;
        }>`select full_name_enc || coalesce(nik_enc,'') || coalesce(street_enc,'') || coalesce(phone_enc,'') || coalesce(birth_date_enc,'') || coalesce(village_code_enc,'') as t from persons where case_id = ${c.id}`.execute(
          env.deps.db,
        ),
      );
    const dump = rows.rows.map((r) => r.t).join('|');
    expect(dump.length).toBeGreaterThan(100);
    for (const secret of [name, nik, 'Jalan Rahasia', '+6281234567890', '1999-12-12', '53.10.03.2002'])
      expect(dump).not.toContain(secret);
    const person = (await call(env, manager, 'GET', `/api/v1/cases/${c.id}/persons`)).json().items[0];
    expect(person.identity).toMatchObject({
      fullName: name,
      nik,
      street: 'Jalan Rahasia 7',
      addressRegionCode: '53.10.03.2002',
    });
    expect(person.district.code).toBe('53.10.03');
    expect(person.initials).toBe('F.E.W.');
  });

  it('validates people: NIK, future birth date, unknown region, phone', async () => {
    const c = await newCase();
    const res = await call(env, manager, 'POST', `/api/v1/cases/${c.id}/persons`, {
      role: 'victim',
      fullName: 'A B',
      nik: '12345',
      sex: 'Male',
      birthDate: '2030-01-01',
      addressRegionCode: '53.99.99',
      phone: '0812',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({
      nik: 'NIK harus 16 angka dengan tanggal lahir yang masuk akal.',
      phone: expect.stringContaining('Nomor telepon'),
    });
    const res2 = await call(env, manager, 'POST', `/api/v1/cases/${c.id}/persons`, {
      role: 'victim',
      fullName: 'A B',
      sex: 'Male',
      birthDate: '2030-01-01',
      addressRegionCode: '53.99.99',
    });
    expect(res2.json().error.fields).toMatchObject({
      birthDate: 'Tanggal tidak boleh di masa depan.',
      addressRegionCode: 'Wilayah tidak ditemukan.',
    });
  });

  it('finds a case by exact NIK, by full name and by number for the case team, and audits the search', async () => {
    const c = await newCase();
    await addPerson(c.id, {
      role: 'victim',
      fullName: 'Kornelis  Cari Nama',
      nik: '5310010101010000',
      sex: 'Male',
      estimatedAge: 30,
    });
    const byNik = (await call(env, manager, 'GET', '/api/v1/cases?q=5310010101010000')).json();
    expect(byNik.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(byNik.items[0].victimInitials).toEqual(['K.C.N.']);
    const byName = (
      await call(env, manager, 'GET', `/api/v1/cases?q=${encodeURIComponent('kornelis cari nama')}`)
    ).json();
    expect(byName.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const byNumber = (
      await call(env, manager, 'GET', `/api/v1/cases?q=${encodeURIComponent(c.caseNumber)}`)
    ).json();
    expect(byNumber.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const searches = await auditEvents(env, 'case.search');
    expect(searches.filter((e) => e.actor_user_id === managerId).length).toBeGreaterThanOrEqual(3);
    // The record names what was found, in the server's own form (PostgreSQL writes it in the
    // search's statement), and the chain still verifies.
    const mine = searches.filter((e) => e.actor_user_id === managerId).slice(-3);
    expect(mine.map((e) => e.details)).toEqual(
      ['nik', 'name', 'number_prefix'].map((by) => JSON.stringify({ by, results: 1, caseIds: [c.id] })),
    );
    const none = await call(env, manager, 'GET', '/api/v1/cases?q=5310019999999999');
    expect(none.json()).toMatchObject({ items: [], total: 0 });
    const empty = (await auditEvents(env, 'case.search')).at(-1)!;
    expect(empty).toMatchObject({
      actor_user_id: managerId,
      outcome: 'success',
      details: JSON.stringify({ by: 'nik', results: 0, caseIds: [] }),
    });
    expect((await verifyAuditChain(env.deps.db)).ok).toBe(true);
    expect(
      searches.every(
        (e) => !e.details.includes('5310010101010000') && !e.details.toLowerCase().includes('kornelis'),
      ),
    ).toBe(true);
  });

  it('filters the list by type, risk, stage, date range, origin kecamatan and exploitation type', async () => {
    const c = await newCase({
      caseType: 'pmi_deportee',
      risk: 'low',
      reportedAt: '2025-03-10T01:00:00Z',
      incidentDate: '2025-03-01',
      profile: { exploitationTypes: ['sexual_exploitation'], destinationCountry: 'MY' },
    });
    await addPerson(c.id, {
      role: 'victim',
      fullName: 'Filter Korban Satu',
      sex: 'Female',
      estimatedAge: 30,
      addressRegionCode: '53.10.06',
    });
    const q =
      '/api/v1/cases?type=pmi_deportee&risk=low&stage=reported&from=2025-03-01&to=2025-03-31&originDistrict=53.10.06&exploitationType=sexual_exploitation&destinationCountry=MY';
    const res = (await call(env, manager, 'GET', q)).json();
    expect(res.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(res.items[0].originDistrict).toEqual({ code: '53.10.06', name: 'Cibal' });
    expect(
      (
        await call(
          env,
          manager,
          'GET',
          '/api/v1/cases?type=pmi_deportee&exploitationType=forced_labour&from=2025-03-01&to=2025-03-31',
        )
      ).json().total,
    ).toBe(0);
    const overdue = (await call(env, manager, 'GET', '/api/v1/cases?overdue=true&pageSize=200')).json();
    expect(
      overdue.items.every((x: { firstResponse: { status: string } }) => x.firstResponse.status === 'overdue'),
    ).toBe(true);
    expect((await call(env, manager, 'GET', '/api/v1/cases?risk=extreme')).statusCode).toBe(400);
  });

  it('runs the service track: screening, identification of a child without the means element, guardian, closing and reopening', async () => {
    const c = await newCase();
    const child = (
      await addPerson(c.id, {
        role: 'victim',
        fullName: 'Anak Tujuh Belas',
        sex: 'Male',
        birthDate: '2009-03-01',
      })
    ).person;
    expect(child).toMatchObject({ isChild: true, ageAtIncident: 17 });
    let cur = (
      await call(env, manager, 'POST', `/api/v1/cases/${c.id}/transitions`, {
        version: c.version + 1,
        to: 'screening',
      })
    ).json();
    expect(cur.stage).toBe('screening');
    expect(cur.firstResponse.doneAt).not.toBeNull();
    const early = await call(env, manager, 'POST', `/api/v1/cases/${c.id}/transitions`, {
      version: cur.version,
      to: 'identified',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.to).toBe('Lakukan penapisan terlebih dahulu.');
    const checklist = (await call(env, manager, 'GET', '/api/v1/screening-checklist')).json();
    expect(checklist.version).toBeGreaterThanOrEqual(1);
    const screening = await call(env, manager, 'POST', `/api/v1/cases/${c.id}/screenings`, {
      personId: child.id,
      checked: ['process_recruitment', 'process_transport', 'purpose_forced_labour'],
      note: 'KTP ditahan perekrut',
    });
    expect(screening.statusCode, screening.body).toBe(201);
    expect(screening.json()).toMatchObject({
      isChild: true,
      computedResult: 'identified',
      result: 'identified',
      elements: { process: true, means: false, purpose: true },
    });
    cur = (await call(env, manager, 'GET', `/api/v1/cases/${c.id}`)).json();
    const blocked = await call(env, manager, 'POST', `/api/v1/cases/${c.id}/transitions`, {
      version: cur.version,
      to: 'identified',
    });
    expect(blocked.json().error.fields.to).toBe('Korban anak harus memiliki wali yang dicatat.');
    const guardian = (
      await addPerson(c.id, {
        role: 'guardian',
        fullName: 'Ibu Wali Korban',
        sex: 'Female',
        estimatedAge: 45,
      })
    ).person;
    const linked = await call(env, manager, 'PATCH', `/api/v1/cases/${c.id}/persons/${child.id}`, {
      version: child.version,
      guardianPersonId: guardian.id,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    cur = (await call(env, manager, 'GET', `/api/v1/cases/${c.id}`)).json();
    expect(cur.warnings).not.toContain('guardian_missing');
    cur = (
      await call(env, manager, 'POST', `/api/v1/cases/${c.id}/transitions`, {
        version: cur.version,
        to: 'identified',
      })
    ).json();
    expect(cur.stage).toBe('identified');
    cur = (
      await call(env, manager, 'POST', `/api/v1/cases/${c.id}/transitions`, {
        version: cur.version,
        to: 'assessment',
      })
    ).json();
    expect(cur.stage).toBe('assessment');
    const noReason = await call(env, manager, 'POST', `/api/v1/cases/${c.id}/transitions`, {
      version: cur.version,
      to: 'closed',
    });
    expect(noReason.json().error.fields.reason).toBe('Alasan wajib diisi.');
    cur = (
      await call(env, manager, 'POST', `/api/v1/cases/${c.id}/transitions`, {
        version: cur.version,
        to: 'closed',
        reason: 'Keluarga pindah ke Kupang',
        closureReason: 'not_reachable',
      })
    ).json();
    expect(cur).toMatchObject({
      stage: 'closed',
      closureReason: 'not_reachable',
      abilities: { edit: false },
    });
    cur = (
      await call(env, manager, 'POST', `/api/v1/cases/${c.id}/transitions`, {
        version: cur.version,
        to: 'reopen',
        reason: 'Keluarga kembali ke Ruteng',
      })
    ).json();
    expect(cur.stage).toBe('assessment');
    const timeline = (await call(env, manager, 'GET', `/api/v1/cases/${c.id}/timeline`)).json().items;
    const kinds = timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['created', 'person_added', 'stage_changed', 'screening_recorded', 'reopened']),
    );
    expect(timeline.find((e: { kind: string }) => e.kind === 'reopened').details.reason).toBe(
      'Keluarga kembali ke Ruteng',
    );
    const limited = (await call(env, coordinator, 'GET', `/api/v1/cases/${c.id}/timeline`)).json().items;
    expect(limited.find((e: { kind: string }) => e.kind === 'reopened').details.reason).toBeNull();
  });

  it('lets an administrator publish a new checklist version while old screenings keep theirs', async () => {
    const c = await newCase();
    const v1 = (await call(env, manager, 'GET', '/api/v1/screening-checklist')).json();
    const first = (
      await call(env, manager, 'POST', `/api/v1/cases/${c.id}/screenings`, {
        checked: ['process_recruitment'],
      })
    ).json();
    expect(first.checklistVersion).toBe(v1.version);
    const admin = await signIn(env, (await buildUser(env, ['admin'])).username);
    const indicators = [
      ...v1.indicators,
      {
        id: 'means_online_scam',
        element: 'means',
        labelId: 'Penipuan lowongan kerja daring',
        labelEn: 'Online job scam',
      },
    ];
    const bad = await call(env, admin, 'PUT', '/api/v1/screening-checklist', {
      indicators: indicators.filter((i: { element: string }) => i.element !== 'means'),
    });
    expect(bad.statusCode).toBe(400);
    const published = await call(env, admin, 'PUT', '/api/v1/screening-checklist', {
      indicators,
      note: 'Tambah indikator daring',
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().version).toBe(v1.version + 1);
    env.clock.advance(60_000);
    const second = (
      await call(env, manager, 'POST', `/api/v1/cases/${c.id}/screenings`, { checked: ['means_online_scam'] })
    ).json();
    expect(second.checklistVersion).toBe(v1.version + 1);
    const history = (await call(env, manager, 'GET', `/api/v1/cases/${c.id}/screenings`)).json().items;
    expect(history.map((h: { checklistVersion: number }) => h.checklistVersion)).toEqual([
      v1.version + 1,
      v1.version,
    ]);
    expect((await auditEvents(env, 'checklist.updated')).length).toBeGreaterThanOrEqual(1);
  });

  it('keeps an adult without the means element as potential', async () => {
    const c = await newCase();
    const adult = (
      await addPerson(c.id, { role: 'victim', fullName: 'Orang Dewasa Uji', sex: 'Male', estimatedAge: 27 })
    ).person;
    const s = (
      await call(env, manager, 'POST', `/api/v1/cases/${c.id}/screenings`, {
        personId: adult.id,
        checked: ['process_recruitment', 'purpose_forced_labour'],
      })
    ).json();
    expect(s).toMatchObject({ computedResult: 'potential', result: 'potential', isChild: false });
    expect(
      (await call(env, manager, 'POST', `/api/v1/cases/${c.id}/screenings`, { checked: ['tidak_ada'] }))
        .statusCode,
    ).toBe(400);
  });

  it('answers a stale version with 409 and the current record, for cases and people', async () => {
    const c = await newCase();
    const ok = await call(env, manager, 'PATCH', `/api/v1/cases/${c.id}`, {
      version: c.version,
      risk: 'low',
      narrative: 'Versi pertama',
    });
    expect(ok.statusCode).toBe(200);
    const stale = await call(env, manager, 'PATCH', `/api/v1/cases/${c.id}`, {
      version: c.version,
      narrative: 'Versi basi',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ narrative: 'Versi pertama', risk: 'low' });
    const p = (await addPerson(c.id, { role: 'witness', fullName: 'Saksi Versi', sex: 'Male' })).person;
    await call(env, manager, 'PATCH', `/api/v1/cases/${c.id}/persons/${p.id}`, {
      version: p.version,
      occupation: 'Petani',
    });
    const staleP = await call(env, manager, 'PATCH', `/api/v1/cases/${c.id}/persons/${p.id}`, {
      version: p.version,
      occupation: 'Nelayan',
    });
    expect(staleP.statusCode).toBe(409);
    expect(staleP.json().error.current.occupation).toBe('Petani');
  });

  it('warns of a possible duplicate, naming the case only when the caller may see it', async () => {
    const first = await newCase();
    await addPerson(first.id, {
      role: 'victim',
      fullName: 'Duplikat Satu',
      nik: '5310024405950000',
      sex: 'Female',
    });
    const second = await newCase();
    const dup = await addPerson(second.id, {
      role: 'victim',
      fullName: 'Nama Lain',
      nik: '5310024405950000',
      sex: 'Female',
    });
    expect(dup.duplicates).toEqual([{ kind: 'nik', caseId: first.id, caseNumber: first.caseNumber }]);
    // A colleague's own case meets the same person, whose first case is outside their access.
    const otherCase = await call(env, colleague, 'POST', '/api/v1/cases', intake());
    const hidden = await call(env, colleague, 'POST', `/api/v1/cases/${otherCase.json().id}/persons`, {
      role: 'victim',
      fullName: 'Duplikat Satu',
      nik: '5310024405950000',
      sex: 'Female',
    });
    expect(hidden.json().duplicates).toEqual(
      expect.arrayContaining([{ kind: 'nik', caseId: null, caseNumber: null }]),
    );
  });

  it('records and withdraws consent', async () => {
    const c = await newCase();
    const p = (
      await addPerson(c.id, {
        role: 'victim',
        fullName: 'Korban Persetujuan',
        sex: 'Female',
        estimatedAge: 22,
      })
    ).person;
    const rec = await call(env, manager, 'POST', `/api/v1/cases/${c.id}/persons/${p.id}/consents`, {
      scopes: ['data_management', 'services'],
      givenOn: '2026-11-27',
      givenBy: 'self',
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const consent = rec.json().consents[0];
    expect(consent).toMatchObject({ scopes: ['data_management', 'services'], withdrawnOn: null });
    expect((await call(env, manager, 'GET', `/api/v1/cases/${c.id}`)).json().warnings).not.toContain(
      'consent_missing',
    );
    const w = await call(
      env,
      manager,
      'POST',
      `/api/v1/cases/${c.id}/persons/${p.id}/consents/${consent.id}/withdraw`,
      { withdrawnOn: '2026-11-28' },
    );
    expect(w.json().consents[0].withdrawnOn).toBe('2026-11-28');
    expect((await call(env, manager, 'GET', `/api/v1/cases/${c.id}`)).json().warnings).toContain(
      'consent_missing',
    );
  });

  it('exports the filtered list to XLSX with only the fields the caller may see, audited', async () => {
    const c = await newCase({
      caseType: 'pmi_other',
      reportedAt: '2024-06-10T01:00:00Z',
      incidentDate: '2024-06-01',
    });
    await addPerson(c.id, { role: 'victim', fullName: 'Ekspor Korban Satu', sex: 'Male', estimatedAge: 33 });
    const { default: ExcelJS } = await import('exceljs');
    const read = async (s: Session, lang = 'id') => {
      const res = await env.app.inject({
        method: 'GET',
        url: '/api/v1/cases/export.xlsx?type=pmi_other&from=2024-06-01&to=2024-06-30',
        headers: { cookie: s.cookie, 'accept-language': lang },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows: string[][] = [];
      wb.worksheets[0]!.eachRow((row) =>
        rows.push(
          (row.values as unknown[])
            .slice(1)
            .map((v) => (v instanceof Date ? v.toISOString() : String(v ?? ''))),
        ),
      );
      return rows;
    };
    const team = await read(manager);
    expect(team[0]![0]).toBe('Nomor kasus');
    const mine = team.find((r) => r[0] === c.caseNumber)!;
    expect(mine).toEqual(
      expect.arrayContaining(['PMI bermasalah lainnya', 'Dilaporkan', 'Tinggi', 'E.K.S.']),
    );
    const oversight = await read(coordinator, 'en');
    expect(oversight[0]![0]).toBe('Case number');
    const seen = oversight.find((r) => r[0] === c.caseNumber)!;
    expect(seen[9]).toBe('');
    expect(JSON.stringify(oversight)).not.toContain('E.K.S.');
    const foreign = await read(outsider);
    expect(foreign.some((r) => r[0] === c.caseNumber)).toBe(false);
    const exports = await auditEvents(env, 'case.export');
    expect(
      exports.some((e) => e.actor_user_id === managerId && JSON.parse(e.details).identifying === true),
    ).toBe(true);
  });

  it('lists who may join a case team to the agency and its coordinators only', async () => {
    const me = (await call(env, manager, 'GET', '/api/v1/auth/me')).json();
    const agencyId = me.user.agencyId as string;
    const mine = await call(env, manager, 'GET', `/api/v1/cases/team-candidates?agencyId=${agencyId}`);
    expect(mine.statusCode, mine.body).toBe(200);
    const ids = mine.json().items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([managerId, colleague.userId]));
    expect(mine.json().items[0]).toEqual({
      id: expect.any(String),
      displayName: expect.any(String),
      roles: ['case_manager'],
    });
    expect(
      (await call(env, coordinator, 'GET', `/api/v1/cases/team-candidates?agencyId=${agencyId}`)).statusCode,
    ).toBe(200);
    for (const s of [outsider, otherTfCoordinator])
      expect(
        (await call(env, s, 'GET', `/api/v1/cases/team-candidates?agencyId=${agencyId}`)).statusCode,
      ).toBe(404);
    expect(
      (await call(env, analyst, 'GET', `/api/v1/cases/team-candidates?agencyId=${agencyId}`)).statusCode,
    ).toBe(403);
  });

  it('audits reads of identifying data', async () => {
    const c = await newCase();
    await addPerson(c.id, { role: 'victim', fullName: 'Baca Audit', sex: 'Male', estimatedAge: 30 });
    await call(env, manager, 'GET', `/api/v1/cases/${c.id}`);
    await call(env, manager, 'GET', `/api/v1/cases/${c.id}/persons`);
    expect(
      (await auditEvents(env, 'case.read')).some(
        (e) => e.entity_id === c.id && e.actor_user_id === managerId,
      ),
    ).toBe(true);
    expect(
      (await auditEvents(env, 'person.read')).some(
        (e) => e.entity_id === c.id && e.actor_user_id === managerId,
      ),
    ).toBe(true);
  });
});

describe.each(DB_KINDS)("a case manager's plain list on %s", (kind) => {
  it('pages through the team cases newest first (and oldest first on request) with the right total', async () => {
    const env = await createTestEnv(kind);
    try {
      const tf = await buildTaskForce(env);
      const agency = await buildAgency(env, { taskForceId: tf.id });
      const m = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: agency.id })).username);
      const other = await signIn(
        env,
        (await buildUser(env, ['case_manager'], { agencyId: agency.id })).username,
      );
      const made: string[] = [];
      for (const day of ['2026-03-01', '2026-05-01', '2026-01-01', '2026-04-01', '2026-02-01']) {
        const res = await call(env, m, 'POST', '/api/v1/cases', {
          caseType: 'tppo',
          reportedAt: `${day}T02:00:00.000Z`,
          channel: 'walk_in',
          reportingParty: 'victim',
          risk: 'low',
        });
        made.push(res.json().reportedAt.slice(0, 10));
      }
      await call(env, other, 'POST', '/api/v1/cases', {
        caseType: 'tppo',
        reportedAt: '2026-06-01T02:00:00.000Z',
        channel: 'walk_in',
        reportingParty: 'victim',
        risk: 'low',
      });
      const p1 = (await call(env, m, 'GET', '/api/v1/cases?pageSize=2')).json();
      const p2 = (await call(env, m, 'GET', '/api/v1/cases?pageSize=2&page=2')).json();
      const p3 = (await call(env, m, 'GET', '/api/v1/cases?pageSize=2&page=3')).json();
      expect(p1.total).toBe(5);
      // A page past the end has no rows but still the total.
      const beyond = (await call(env, m, 'GET', '/api/v1/cases?pageSize=2&page=4')).json();
      expect(beyond).toMatchObject({ items: [], total: 5, totalExact: true, page: 4 });
      const dates = [...p1.items, ...p2.items, ...p3.items].map((c: { reportedAt: string }) =>
        c.reportedAt.slice(0, 10),
      );
      expect(dates).toEqual(['2026-05-01', '2026-04-01', '2026-03-01', '2026-02-01', '2026-01-01']);
      const asc = (await call(env, m, 'GET', '/api/v1/cases?pageSize=2&sort=reported_at')).json();
      expect(asc.items.map((c: { reportedAt: string }) => c.reportedAt.slice(0, 10))).toEqual([
        '2026-01-01',
        '2026-02-01',
      ]);
      // Moving a case's report date moves it in the list.
      const oldest = p3.items[0];
      const moved = await call(env, m, 'PATCH', `/api/v1/cases/${oldest.id}`, {
        version: oldest.version,
        reportedAt: '2026-05-15T02:00:00.000Z',
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((await call(env, m, 'GET', '/api/v1/cases?pageSize=1')).json().items[0].id).toBe(oldest.id);

      // Past the counting cap the total is a lower bound that grows as the pages move on.
      const visibility = { mode: 'team' as const, userId: m.userId };
      const at = { now: env.clock.now().toISOString(), timeZone: 'Asia/Makassar', totalCap: 3 };
      const listed = (page: number) =>
        caseRepository.list(
          env.deps.db,
          visibility,
          caseListQuerySchema.parse({ pageSize: '2', page: String(page) }),
          at,
        );
      expect(await listed(1)).toMatchObject({ total: 3, totalExact: false });
      expect(await listed(2)).toMatchObject({ total: 5, totalExact: true });
      expect((await call(env, m, 'GET', '/api/v1/cases')).json()).toMatchObject({
        total: 5,
        totalExact: true,
      });
    } finally {
      await env.close();
    }
  });
});

describe.each(DB_KINDS)("the task force's calendar on %s", (kind) => {
  it('takes days in the task force zone: today for future-date checks, from/to in the list; sorts by risk; offers reopening', async () => {
    const env = await createTestEnv(kind);
    try {
      const tf = await buildTaskForce(env); // Asia/Makassar, UTC+8
      const agency = await buildAgency(env, { taskForceId: tf.id });
      // 01.30 WITA on 29 November: still 28 November in UTC.
      env.clock.advance(16.5 * HOUR);
      const m = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: agency.id })).username);
      const open = async (reportedAt: string, risk: string, incidentDate?: string) =>
        call(env, m, 'POST', '/api/v1/cases', {
          caseType: 'tppo',
          reportedAt,
          ...(incidentDate && { incidentDate }),
          channel: 'walk_in',
          reportingParty: 'victim',
          risk,
        });
      // Reported 00.45 WITA on 29 November; the incident the same local day is not "after the report".
      const today = await open('2026-11-28T16:45:00.000Z', 'low', '2026-11-29');
      expect(today.statusCode, today.body).toBe(201);
      const tomorrow = await open('2026-11-28T16:45:00.000Z', 'low', '2026-11-30');
      expect(tomorrow.json().error.fields.incidentDate).toBe('Tanggal tidak boleh di masa depan.');
      const c = today.json();
      const born = await call(env, m, 'POST', `/api/v1/cases/${c.id}/persons`, {
        role: 'victim',
        fullName: 'Bayi Lahir Hari Ini',
        sex: 'Female',
        birthDate: '2026-11-29',
      });
      expect(born.statusCode, born.body).toBe(201);
      const personId = born.json().person.id;
      const consent = (givenOn: string) =>
        call(env, m, 'POST', `/api/v1/cases/${c.id}/persons/${personId}/consents`, {
          scopes: ['data_management'],
          givenOn,
          givenBy: 'guardian',
        });
      expect((await consent('2026-11-30')).json().error.fields.givenOn).toBe(
        'Tanggal tidak boleh di masa depan.',
      );
      expect((await consent('2026-11-29')).statusCode).toBe(201);

      // 1 March 2026 in Manggarai runs from 16.00 UTC on 28 February.
      const march = (await open('2026-02-28T17:00:00.000Z', 'medium')).json();
      const high = (await open('2026-01-10T02:00:00.000Z', 'high')).json();
      const ids = async (q: string) =>
        (await call(env, m, 'GET', `/api/v1/cases?${q}`)).json().items.map((x: { id: string }) => x.id);
      expect(await ids('from=2026-03-01&to=2026-03-01')).toEqual([march.id]);
      expect(await ids('from=2026-02-01&to=2026-02-28')).toEqual([]);
      expect(await ids('sort=risk')).toEqual([high.id, march.id, c.id]);

      const current = (await call(env, m, 'GET', `/api/v1/cases/${c.id}`)).json();
      const closed = await call(env, m, 'POST', `/api/v1/cases/${c.id}/transitions`, {
        version: current.version,
        to: 'closed',
        reason: 'Korban tidak dapat dihubungi',
        closureReason: 'not_reachable',
      });
      expect(closed.json()).toMatchObject({ stage: 'closed', nextStages: ['reopen'] });
      // The case manager's list reads copies of the list columns on the team rows: they follow the case.
      expect(await ids('stage=closed')).toEqual([c.id]);
      expect(await ids('stage=reported&sort=risk')).toEqual([high.id, march.id]);
    } finally {
      await env.close();
    }
  });
});

describe('task force settings on sqlite', () => {
  it('lets the coordinator change the first-response limits, which new cases then use', async () => {
    const env = await createTestEnv('sqlite');
    try {
      const tf = await buildTaskForce(env);
      const other = await buildTaskForce(env, '53.19');
      const uptd = await buildAgency(env, { taskForceId: tf.id });
      const coord = await signIn(
        env,
        (await buildUser(env, ['coordinator'], { agencyId: uptd.id })).username,
      );
      const manager = await signIn(
        env,
        (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username,
      );
      const before = (await call(env, coord, 'GET', `/api/v1/taskforces/${tf.id}/settings`)).json();
      expect(before.responseLimits).toEqual({ highHours: 1, mediumHours: 6, lowWorkingDays: 1 });
      const res = await call(env, coord, 'PATCH', `/api/v1/taskforces/${tf.id}/settings`, {
        responseLimits: { highHours: 2 },
        caseNumberPrefix: 'GT-TPPO',
        version: before.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        responseLimits: { highHours: 2, mediumHours: 6, lowWorkingDays: 1 },
        caseNumberPrefix: 'GT-TPPO',
        version: before.version + 1,
      });
      expect(
        (
          await call(env, manager, 'PATCH', `/api/v1/taskforces/${tf.id}/settings`, {
            caseNumberPrefix: 'X',
            version: before.version + 1,
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await call(env, coord, 'PATCH', `/api/v1/taskforces/${other.id}/settings`, {
            caseNumberPrefix: 'X',
            version: 1,
          })
        ).statusCode,
      ).toBe(404);
      const c = (
        await call(env, manager, 'POST', '/api/v1/cases', {
          caseType: 'tppo',
          reportedAt: '2026-11-27T02:00:00.000Z',
          channel: 'hotline',
          reportingParty: 'victim',
          risk: 'high',
        })
      ).json();
      expect(c.caseNumber).toMatch(/^GT-TPPO\/53\.10\/2026\/0001$/);
      expect(c.firstResponse.dueAt).toBe('2026-11-27T04:00:00.000Z');
      expect((await auditEvents(env, 'taskforce.settings_changed')).length).toBe(1);
    } finally {
      await env.close();
    }
  });
});
