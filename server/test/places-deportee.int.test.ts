import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/modules/demo/demo.seed.js';
import { call, createTestEnv, DB_KINDS, type Session, signIn, type TestEnv } from './support.js';

const PASSWORD = 'Lingko-Demo-2026';

/**
 * Walkthrough 4 on the API: the Nunukan task force (demo) refers a deportee home to Manggarai's
 * Dinas Sosial for repatriation; the receiving agency records the legs by place and sees only them.
 */
describe.each(DB_KINDS)('places by name and the deportee from Nunukan on %s', (kind) => {
  let env: TestEnv;
  let nunukan: Session;
  let dinsos: Session;
  let bp3mi: Session;
  let agencies: Record<string, string>;

  beforeAll(async () => {
    env = await createTestEnv(kind, { API_RATE_LIMIT: '1000000' });
    expect((await seedDemo(env.deps, PASSWORD)).status).toBe('seeded');
    // The demo password is accepted for the Nunukan users too (no place name of 65.03 in it).
    nunukan = await signIn(env, 'layanan.dinsosnnk', PASSWORD);
    bp3mi = await signIn(env, 'bp3mi.nunukan', PASSWORD);
    dinsos = await signIn(env, 'layanan.dinsos', PASSWORD);
    const rows = await env.deps.db.selectFrom('agencies').select(['id', 'short_name']).execute();
    agencies = Object.fromEntries(rows.map((r) => [r.short_name, r.id]));
  });
  afterAll(async () => env?.close());

  it('seeds the Nunukan task force in WITA with its two agencies and their users', async () => {
    const tf = await env.deps.db
      .selectFrom('task_forces')
      .selectAll()
      .where('region_code', '=', '65.03')
      .executeTakeFirstOrThrow();
    expect(tf).toMatchObject({ level: 'regency', time_zone: 'Asia/Makassar', parent_id: null });
    const own = await env.deps.db
      .selectFrom('agencies')
      .select('short_name')
      .where('task_force_id', '=', tf.id)
      .orderBy('short_name')
      .execute();
    expect(own.map((a) => a.short_name)).toEqual(['BP3MI Nunukan', 'Dinsos Nunukan']);
    const me = (await call(env, nunukan, 'GET', '/api/v1/auth/me')).json();
    expect(me.user.roles).toEqual(['case_manager']);
    expect((await call(env, bp3mi, 'GET', '/api/v1/auth/me')).json().user.roles).toEqual([
      'service_provider',
    ]);
  });

  it('finds places by name with their path, best match first, and keeps codes out of reach of typos', async () => {
    const nnk = (await call(env, nunukan, 'GET', '/api/v1/regions?q=Nunukan&limit=3')).json().items;
    expect(nnk[0]).toMatchObject({ code: '65.03', name: 'Kabupaten Nunukan', level: 'regency' });
    expect(nnk[0].path.map((p: { name: string }) => p.name)).toEqual(['Kalimantan Utara']);
    const village = (await call(env, dinsos, 'GET', '/api/v1/regions?q=rado%20cibal')).json().items;
    expect(village.map((r: { code: string }) => r.code)).toEqual(['53.10.06.2002']);
    const inside = (await call(env, dinsos, 'GET', '/api/v1/regions?q=rado&within=53.10')).json().items;
    expect(inside.map((r: { code: string }) => r.code)).toEqual(['53.10.06.2002']);
    expect((await call(env, dinsos, 'GET', '/api/v1/regions?q=rado&within=5x')).statusCode).toBe(400);
    expect((await call(env, null, 'GET', '/api/v1/regions?q=rado')).statusCode).toBe(401);
  });

  it('refers the deportee across task forces; Manggarai’s Dinas Sosial records the legs home and sees only them', async () => {
    const created = await call(env, nunukan, 'POST', '/api/v1/cases', {
      caseType: 'pmi_deportee',
      reportedAt: '2026-11-20T01:00:00.000Z',
      channel: 'referral',
      reportingParty: 'agency',
      risk: 'medium',
    });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().id as string;
    const person = (
      await call(env, nunukan, 'POST', `/api/v1/cases/${caseId}/persons`, {
        role: 'victim',
        fullName: 'Yohanes Deportan Uji',
        sex: 'Male',
        estimatedAge: 24,
      })
    ).json().person;
    const other = (
      await call(env, nunukan, 'POST', `/api/v1/cases/${caseId}/persons`, {
        role: 'victim',
        fullName: 'Saksi Lain Uji',
        sex: 'Male',
        estimatedAge: 30,
      })
    ).json().person;
    const dinsosId = agencies['Dinsos Manggarai']!;
    expect(
      (
        await call(env, nunukan, 'POST', `/api/v1/cases/${caseId}/persons/${person.id}/consents`, {
          scopes: ['data_management', 'services', 'sharing'],
          sharingAgencyIds: [dinsosId],
          givenOn: '2026-11-20',
          givenBy: 'self',
        })
      ).statusCode,
    ).toBe(201);
    const sent = await call(env, nunukan, 'POST', '/api/v1/referrals', {
      caseId,
      toAgencyId: dinsosId,
      personIds: [person.id],
      services: ['repatriation'],
      reason: 'MigrationOrChangeOfLocation',
      urgency: 'high',
      details: 'Deportan asal Cibal; pulang ke desa.',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().crossTaskForce).toBe(true);
    const referralId = sent.json().id as string;
    // Pending: nothing of the chain is open to the receiving agency yet.
    expect((await call(env, dinsos, 'GET', `/api/v1/cases/${caseId}/reintegration`)).statusCode).toBe(404);
    const accepted = await call(env, dinsos, 'POST', `/api/v1/referrals/${referralId}/accept`, {
      version: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);

    const empty = (await call(env, dinsos, 'GET', `/api/v1/cases/${caseId}/reintegration`)).json();
    expect(empty).toMatchObject({ legs: [], plans: [], flags: [], abilities: { edit: false, addLeg: true } });
    const leg = (from: string, to: string, agency: string, plannedDate: string) => ({
      personId: person.id,
      from,
      to,
      agencyId: agencies[agency],
      plannedDate,
    });
    // A name typed where the code belongs is refused with a message that says what to do.
    const typed = await call(
      env,
      dinsos,
      'POST',
      `/api/v1/cases/${caseId}/repatriation-legs`,
      leg('Nunukan', '53.71', 'BP3MI Nunukan', '2026-11-21'),
    );
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.fields.from).toBe(
      'Pilih negara atau wilayah Indonesia dari daftar (ketik namanya, misalnya Nunukan).',
    );
    const unknown = await call(
      env,
      dinsos,
      'POST',
      `/api/v1/cases/${caseId}/repatriation-legs`,
      leg('65.03', '53.99', 'BP3MI Nunukan', '2026-11-21'),
    );
    expect(unknown.json().error.fields.to).toBe('Wilayah tidak ditemukan.');
    // Only the person referred to the agency, never another of the case.
    const notReferred = await call(env, dinsos, 'POST', `/api/v1/cases/${caseId}/repatriation-legs`, {
      ...leg('65.03', '53.71', 'BP3MI Nunukan', '2026-11-21'),
      personId: other.id,
    });
    expect(notReferred.statusCode).toBe(400);
    expect(notReferred.json().error.fields.personId).toBeDefined();

    const chain = [
      leg('65.03', '53.71', 'BP3MI Nunukan', '2026-11-21'),
      leg('53.71', '53.10.03', 'BP3MI NTT', '2026-11-23'),
      leg('53.10.03', '53.10.06.2002', 'Dinsos Manggarai', '2026-11-25'),
    ];
    let last: { legs: { fromName: string; toName: string; personId: string }[] } | null = null;
    for (const l of chain) {
      const res = await call(env, dinsos, 'POST', `/api/v1/cases/${caseId}/repatriation-legs`, l);
      expect(res.statusCode, res.body).toBe(201);
      last = res.json();
    }
    expect(last!.legs.map((l) => `${l.fromName} → ${l.toName}`)).toEqual([
      'Kab. Nunukan → Kota Kupang',
      'Kota Kupang → Kec. Ruteng, Kab. Manggarai',
      'Kec. Ruteng, Kab. Manggarai → Desa Rado, Kec. Cibal',
    ]);
    // The receiving agency may not plan the reintegration of the case (that is the case team's).
    const plan = await call(env, dinsos, 'POST', `/api/v1/cases/${caseId}/reintegration-plans`, {
      personId: person.id,
      supportType: 'economic',
      providerAgencyId: dinsosId,
      startDate: '2026-12-01',
    });
    expect(plan.statusCode).toBe(403);
    // The sending case team sees the same chain; an agency without a referral sees nothing.
    const seen = (await call(env, nunukan, 'GET', `/api/v1/cases/${caseId}/reintegration`)).json();
    expect(seen.legs).toHaveLength(3);
    expect(seen.abilities).toEqual({ edit: true, addLeg: true });
    expect((await call(env, bp3mi, 'GET', `/api/v1/cases/${caseId}/reintegration`)).statusCode).toBe(404);
    // A leg the case team adds for the other person stays out of the receiving agency's view.
    const own = await call(env, nunukan, 'POST', `/api/v1/cases/${caseId}/repatriation-legs`, {
      ...leg('MY', '65.03', 'BP3MI Nunukan', '2026-11-19'),
      personId: other.id,
    });
    expect(own.statusCode, own.body).toBe(201);
    const theirs = (await call(env, dinsos, 'GET', `/api/v1/cases/${caseId}/reintegration`)).json();
    expect(theirs.legs.every((l: { personId: string }) => l.personId === person.id)).toBe(true);
    const hidden = own.json().legs.find((l: { personId: string }) => l.personId === other.id);
    expect(
      (
        await call(env, dinsos, 'PATCH', `/api/v1/repatriation-legs/${hidden.id}`, {
          version: hidden.version,
          actualDate: '2026-11-19',
        })
      ).statusCode,
    ).toBe(404);
    // The receiving agency records the day a leg happened.
    const first = theirs.legs[0];
    const done = await call(env, dinsos, 'PATCH', `/api/v1/repatriation-legs/${first.id}`, {
      version: first.version,
      actualDate: '2026-11-21',
    });
    expect(done.statusCode, done.body).toBe(200);

    // Once the referral is completed the chain is closed to the receiving agency.
    const completed = await call(env, dinsos, 'POST', `/api/v1/referrals/${referralId}/complete`, {
      version: 2,
      outcome: 'Sudah tiba di desa dan diterima keluarga.',
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect((await call(env, dinsos, 'GET', `/api/v1/cases/${caseId}/reintegration`)).statusCode).toBe(404);
  });
});
