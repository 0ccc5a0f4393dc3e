import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  buildAgency,
  buildTaskForce,
  buildUser,
  call,
  createTestEnv,
  DB_KINDS,
  multipart,
  type Session,
  signIn,
  type TestEnv,
} from './support.js';

const REPORT = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n% Hasil pemeriksaan psikologis\n%%EOF');

describe.each(DB_KINDS)('documents of a service on %s', (kind) => {
  let env: TestEnv;
  let manager: Session; // UPTD PPA case manager, on the case team
  let dinsos: Session; // the agency the victim is referred to
  let rsud: Session; // an agency of the same task force, not referred to
  let dinsosId: string;
  let caseId: string;
  let personId: string;
  let referralId: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    const uptd = await buildAgency(env, { taskForceId: tf.id, shortName: 'UPTD PPA D' });
    const dinsosAgency = await buildAgency(env, { taskForceId: tf.id, shortName: 'DINSOS D' });
    const rsudAgency = await buildAgency(env, { taskForceId: tf.id, shortName: 'RSUD D', sector: 'health' });
    dinsosId = dinsosAgency.id;
    manager = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    dinsos = await signIn(
      env,
      (await buildUser(env, ['service_provider'], { agencyId: dinsosAgency.id })).username,
    );
    rsud = await signIn(
      env,
      (await buildUser(env, ['service_provider'], { agencyId: rsudAgency.id })).username,
    );
    const c = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'family',
      risk: 'medium',
    });
    caseId = c.json().id;
    const p = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'victim',
      fullName: 'Theresia Dokumen Layanan',
      sex: 'Female',
      estimatedAge: 24,
    });
    personId = p.json().person.id;
    const consent = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/persons/${personId}/consents`, {
      scopes: ['data_management', 'services', 'sharing'],
      sharingAgencyIds: [dinsosId],
      givenOn: '2026-11-27',
      givenBy: 'self',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const r = await call(env, manager, 'POST', '/api/v1/referrals', {
      caseId,
      toAgencyId: dinsosId,
      personIds: [personId],
      services: ['psychosocial_support'],
      reason: 'AdditionalServicesRequired',
      urgency: 'high',
      details: 'Pendampingan psikososial.',
    });
    expect(r.statusCode, r.body).toBe(201);
    referralId = r.json().id;
    const accepted = await call(env, dinsos, 'POST', `/api/v1/referrals/${referralId}/accept`, {
      version: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });
  afterAll(async () => env?.close());

  function upload(s: Session, serviceId: string, filename: string, data: Buffer) {
    const body = multipart(filename, data);
    return env.app.inject({
      method: 'POST',
      url: `/api/v1/services/${serviceId}/documents`,
      payload: body.payload,
      headers: { ...body.headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  }
  const download = (s: Session, serviceId: string, documentId: string) =>
    call(env, s, 'GET', `/api/v1/services/${serviceId}/documents/${documentId}/content`);

  it('lets the providing agency attach its report, which the case team reads and a third agency never sees', async () => {
    const plan = (await call(env, dinsos, 'GET', `/api/v1/cases/${caseId}/services`)).json();
    const service = plan.services[0];
    expect(service.documents).toEqual([]);

    const refused = await upload(dinsos, service.id, 'catatan.exe', Buffer.from('MZ\x90\x00binary'));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.file).toMatch(/Jenis berkas/);
    // A third agency cannot attach to or read another agency's service: it does not exist for it.
    expect((await upload(rsud, service.id, 'laporan.pdf', REPORT)).statusCode).toBe(404);

    const res = await upload(dinsos, service.id, 'laporan psikolog.pdf', REPORT);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json().documents[0];
    expect(doc).toMatchObject({
      filename: 'laporan psikolog.pdf',
      mime: 'application/pdf',
      size: REPORT.length,
    });
    expect((await auditEvents(env, 'document.uploaded')).some((e) => e.entity_id === doc.id)).toBe(true);

    // The provider reads it back; so does the case team, on the service and among the case's files.
    const own = await download(dinsos, service.id, doc.id);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(REPORT)).toBe(true);
    const team = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/services`)).json();
    expect(team.services[0].documents).toEqual([
      expect.objectContaining({ id: doc.id, filename: 'laporan psikolog.pdf' }),
    ]);
    expect((await download(manager, service.id, doc.id)).rawPayload.equals(REPORT)).toBe(true);
    const caseFiles = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/documents`)).json();
    expect(caseFiles.items.map((d: { id: string }) => d.id)).toContain(doc.id);
    expect(
      (await auditEvents(env, 'document.downloaded')).filter((e) => e.entity_id === doc.id),
    ).toHaveLength(2);

    // The receiving agency still cannot list the case's other files; a third agency gets 404 everywhere.
    expect((await call(env, dinsos, 'GET', `/api/v1/cases/${caseId}/documents`)).statusCode).toBe(404);
    expect((await download(rsud, service.id, doc.id)).statusCode).toBe(404);
    // An id from another service does not open the file.
    const manual = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/services`, {
      personId,
      type: 'assessment',
    });
    expect(manual.statusCode, manual.body).toBe(201);
    expect((await download(manager, manual.json().id, doc.id)).statusCode).toBe(404);

    // After the referral ends the provider keeps reading its own service record and its file.
    const done = await call(env, dinsos, 'POST', `/api/v1/referrals/${referralId}/complete`, {
      version: 2,
      outcome: 'Pendampingan selesai.',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await download(dinsos, service.id, doc.id)).statusCode).toBe(200);
    // ...but attaches nothing more once the referral is closed.
    expect((await upload(dinsos, service.id, 'tambahan.pdf', REPORT)).statusCode).toBe(403);
  });
});
