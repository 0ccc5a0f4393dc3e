import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/modules/demo/demo.seed.js';
import { expectRefusedEverywhere, type MatrixUser, type Operation, operationsOf } from './access-matrix.js';
import {
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

/**
 * The access matrix, generated from the OpenAPI document: every operation whose path takes the id
 * of a case record is tried, with the ids of a real case of the UPTD PPA, by users who must not
 * see it (another agency of the task force in each role, a coordinator of another task force, an
 * analyst). Every answer must be 404 (or 403 where the role itself is refused, or a 400 about the
 * request's own shape) and no answer may carry the record's data.
 */

const PASSWORD = 'Demo-Lingko-Sawah-2026';
const NAME = 'Korban Matriks Akses';
const NIK = '5310034405990002';
const SUSPECT = 'Tersangka Matriks Akses';

describe.each(DB_KINDS)('access matrix on %s', (kind) => {
  let env: TestEnv;
  let ids: Record<string, string>;
  let caseNumber: string;
  let owner: Session;
  let outsiders: MatrixUser[];
  let limitedViewers: MatrixUser[];
  let operations: Operation[];

  beforeAll(async () => {
    env = await createTestEnv(kind, { API_RATE_LIMIT: '1000000' });
    expect((await seedDemo(env.deps, PASSWORD)).status).toBe('seeded');
    owner = await signIn(env, 'manajer.uptdppa', PASSWORD);
    const created = await call(env, owner, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'victim',
      risk: 'high',
      narrative: 'Kronologi rahasia untuk uji matriks akses.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    caseNumber = c.caseNumber;
    const person = (
      await call(env, owner, 'POST', `/api/v1/cases/${c.id}/persons`, {
        role: 'victim',
        fullName: NAME,
        nik: NIK,
        sex: 'Female',
        estimatedAge: 27,
      })
    ).json().person;
    const consent = (
      await call(env, owner, 'POST', `/api/v1/cases/${c.id}/persons/${person.id}/consents`, {
        scopes: ['data_management'],
        givenOn: '2026-11-27',
        givenBy: 'self',
      })
    ).json().consents[0];
    const upload = await env.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/documents`,
      headers: {
        cookie: owner.cookie,
        'x-csrf-token': owner.csrf,
        'content-type': 'multipart/form-data; boundary=matriks',
      },
      payload: [
        '--matriks',
        'Content-Disposition: form-data; name="file"; filename="surat-korban.pdf"',
        'Content-Type: application/pdf',
        '',
        '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF',
        '--matriks--',
        '',
      ].join('\r\n'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    ids = { id: c.id, personId: person.id, consentId: consent.id, documentId: upload.json().id };
    // The legal track's records, made by an investigator of the lead agency (who may edit its track).
    const legalEditor = await signIn(
      env,
      (await buildUser(env, ['investigator'], { agencyId: c.leadAgency.id })).username,
    );
    const legalBase = `/api/v1/cases/${c.id}/legal`;
    const suspect = await call(env, legalEditor, 'POST', `${legalBase}/suspects`, {
      kind: 'person',
      fullName: SUSPECT,
      roleInProcess: 'RecruiterOrIntermediary',
      status: 'tersangka',
      statusOn: '2026-11-27',
    });
    expect(suspect.statusCode, suspect.body).toBe(201);
    const claim = await call(env, legalEditor, 'POST', `${legalBase}/restitutions`, {
      victimId: person.id,
      requestedOn: '2026-11-27',
      components: { suffering: 1_000_000 },
    });
    const protection = await call(env, legalEditor, 'POST', `${legalBase}/protections`, {
      personId: person.id,
      appliedOn: '2026-11-27',
    });
    Object.assign(ids, {
      suspectId: suspect.json().id,
      restitutionId: claim.json().restitutions[0].id,
      protectionId: protection.json().protections[0].id,
    });

    const dinsos = await signIn(env, 'layanan.dinsos', PASSWORD);
    const polres = await signIn(env, 'penyidik.polres', PASSWORD);
    const analyst = await signIn(env, 'analis.bappeda', PASSWORD);
    limitedViewers = [
      { name: 'leadership', session: await signIn(env, 'pimpinan.setda', PASSWORD) },
      { name: 'coordinator of the task force', session: await signIn(env, 'koordinator.dp3a', PASSWORD) },
    ];
    const otherTf = await buildTaskForce(env, '53.19');
    const otherAgency = await buildAgency(env, { taskForceId: otherTf.id });
    const farCoordinator = await signIn(
      env,
      (await buildUser(env, ['coordinator'], { agencyId: otherAgency.id })).username,
    );
    const farManager = await signIn(
      env,
      (await buildUser(env, ['case_manager'], { agencyId: otherAgency.id })).username,
    );
    outsiders = [
      { name: 'service provider of another agency', session: dinsos },
      { name: 'investigator of another agency', session: polres },
      { name: 'analyst', session: analyst },
      { name: 'coordinator of another task force', session: farCoordinator },
      { name: 'case manager of another task force', session: farManager },
    ];
    operations = await operationsOf(env, (p) => p.startsWith('/api/v1/cases/{id}'));
  }, 120_000);
  afterAll(async () => env?.close());

  const secrets = () => [NAME, NIK, SUSPECT, caseNumber, 'Kronologi rahasia', 'surat-korban', '%PDF-1.4'];
  const urlOf = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!ids[name]) throw new Error(`no id for {${name}} in ${path}`);
      return ids[name]!;
    });

  it('answers 404 (or a role-level 403) to everyone off the case, on every case operation, with none of its data', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(14);
    await expectRefusedEverywhere(env, outsiders, operations, urlOf, secrets());
    // The owner still sees everything: the matrix did not pass because the record was gone.
    expect((await call(env, owner, 'GET', `/api/v1/cases/${ids.id}`)).json().caseNumber).toBe(caseNumber);
  });

  it("lets the task force's coordinator and leadership read the case without any identifying data, and change nothing", async () => {
    const identifying = [NAME, NIK, SUSPECT, 'Kronologi rahasia', 'surat-korban', '%PDF-1.4'];
    for (const op of operations) {
      const url = urlOf(op.path);
      for (const o of limitedViewers) {
        const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : { version: 1 };
        const res = await call(env, o.session, op.method as 'GET', url, body);
        const where = `${o.name}: ${op.method} ${op.path} answered ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (op.method !== 'GET') expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, where).toBeLessThan(500);
        for (const s of identifying) expect(res.body.includes(s), `${where} leaks "${s}"`).toBe(false);
      }
    }
  });

  /** Every case operation by each of `who`: 404 (or a role-level 403, or a 400 about the request), no data. */
  const closedTo = (who: MatrixUser[], when: string) =>
    expectRefusedEverywhere(env, who, operations, urlOf, secrets(), when);

  it("keeps the case out of every outsider's list and search, by NIK, name and number", async () => {
    for (const o of outsiders) {
      for (const q of [NIK, NAME, caseNumber]) {
        const res = await call(env, o.session, 'GET', `/api/v1/cases?q=${encodeURIComponent(q)}`);
        expect([200, 403], `${o.name} searching`).toContain(res.statusCode);
        if (res.statusCode === 200) {
          expect(res.json().items.map((x: { id: string }) => x.id)).not.toContain(ids.id);
          for (const s of [NAME, NIK]) expect(res.body.includes(s)).toBe(false);
        }
      }
    }
  });

  it('stays closed to everyone else while a referral to another agency is pending and accepted; after revoke the receiving agency sees no identity either', async () => {
    const dinsos = outsiders.find((o) => o.name === 'service provider of another agency')!;
    const others = outsiders.filter((o) => o !== dinsos);
    const dinsosAgency = (
      await env.deps.db
        .selectFrom('users')
        .select('agency_id')
        .where('username', '=', 'layanan.dinsos')
        .executeTakeFirstOrThrow()
    ).agency_id;
    const consent = await call(
      env,
      owner,
      'POST',
      `/api/v1/cases/${ids.id}/persons/${ids.personId}/consents`,
      {
        scopes: ['data_management', 'services', 'sharing'],
        sharingAgencyIds: [dinsosAgency],
        givenOn: '2026-11-27',
        givenBy: 'self',
      },
    );
    expect(consent.statusCode, consent.body).toBe(201);
    const sent = await call(env, owner, 'POST', '/api/v1/referrals', {
      caseId: ids.id,
      toAgencyId: dinsosAgency,
      personIds: [ids.personId],
      services: ['shelter'],
      reason: 'AdditionalServicesRequired',
      urgency: 'high',
      details: 'Perlu rumah aman.',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const referralId = sent.json().id as string;
    await closedTo(others, 'referral pending');

    const accepted = await call(env, dinsos.session, 'POST', `/api/v1/referrals/${referralId}/accept`, {
      version: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    // The receiving agency now works with the referred person (so the referral really opened something).
    const seen = await call(env, dinsos.session, 'GET', `/api/v1/referrals/${referralId}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.body).toContain(NAME);
    await closedTo(others, 'referral accepted');

    const revoked = await call(env, owner, 'POST', `/api/v1/referrals/${referralId}/revoke`, {
      version: 2,
      reason: 'Korban dipindahkan ke rumah aman lain',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    await closedTo(others, 'referral revoked');
    // The receiving agency keeps the referral's history but none of the person's identity, story or files.
    const identifying = [NAME, NIK, SUSPECT, 'Kronologi rahasia', 'surat-korban', '%PDF-1.4'];
    for (const op of operations) {
      const url = urlOf(op.path);
      const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : { version: 1 };
      const res = await call(env, dinsos.session, op.method as 'GET', url, body);
      const where = `after revoke, receiving agency: ${op.method} ${op.path} answered ${res.statusCode} ${res.body.slice(0, 200)}`;
      expect(res.statusCode, where).toBeLessThan(500);
      for (const secret of identifying)
        expect(res.body.includes(secret), `${where} leaks "${secret}"`).toBe(false);
    }
  });
});
