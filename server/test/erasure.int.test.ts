import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const NIK = '5310035107950011';
const NAME = 'Yohana Rahasia Hapus';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n% Surat untuk Yohana\n%%EOF');

function multipart(data: Buffer, fields: Record<string, string>) {
  const boundary = '----sinergi-erasure-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="surat-yohana.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function storedFiles(env: TestEnv): string[] {
  const dir = path.join(env.dataDir, 'documents');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.bin'));
}

describe.each(DB_KINDS)("erasure on a person's request on %s", (kind) => {
  let env: TestEnv;
  let manager: Session;
  let coordinator: Session;
  let outsiderCoordinator: Session;
  let glassCoordinator: Session;
  let caseNumber: string;
  let caseId: string;
  let victimId: string;
  let witnessId: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    const uptd = await buildAgency(env, { taskForceId: tf.id });
    const other = await buildAgency(env, { taskForceId: (await buildTaskForce(env, '53.15')).id });
    manager = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: uptd.id })).username);
    outsiderCoordinator = await signIn(
      env,
      (await buildUser(env, ['coordinator'], { agencyId: other.id })).username,
    );
    const sibling = await buildAgency(env, { taskForceId: tf.id });
    glassCoordinator = await signIn(
      env,
      (await buildUser(env, ['coordinator'], { agencyId: sibling.id })).username,
    );
    const c = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'victim',
      risk: 'high',
      narrative: `${NAME} dibawa perekrut ke Kupang lalu ke Malaysia.`,
      teamUserIds: [coordinator.userId],
    });
    expect(c.statusCode, c.body).toBe(201);
    caseId = c.json().id;
    caseNumber = c.json().caseNumber;
    const v = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'victim',
      fullName: NAME,
      nik: NIK,
      sex: 'Female',
      birthDate: '1995-07-11',
      phone: '+6281234567890',
      occupation: 'Petani',
    });
    expect(v.statusCode, v.body).toBe(201);
    victimId = v.json().person.id;
    const w = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'witness',
      fullName: 'Saksi Tetap Ada',
      sex: 'Male',
      estimatedAge: 40,
    });
    witnessId = w.json().person.id;
    const body = multipart(PDF, { personId: victimId });
    const up = await env.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/documents`,
      payload: body.payload,
      headers: { ...body.headers, cookie: manager.cookie, 'x-csrf-token': manager.csrf },
    });
    expect(up.statusCode, up.body).toBe(201);
  });
  afterAll(async () => env?.close());

  const url = () => `/api/v1/cases/${caseId}/persons/${victimId}/erase`;

  it('is for coordinators of the case team: 401, 403 for a case manager, 404 for another agency; the ability travels with the case', async () => {
    const reason = { reason: 'Korban meminta datanya dihapus melalui surat tertulis.' };
    expect((await call(env, null, 'POST', url(), reason)).statusCode).toBe(401);
    expect((await call(env, manager, 'POST', url(), reason)).statusCode).toBe(403);
    const outside = await call(env, outsiderCoordinator, 'POST', url(), reason);
    expect(outside.statusCode).toBe(404);
    expect(outside.body).not.toContain(NAME);
    const unknown = await call(
      env,
      coordinator,
      'POST',
      `/api/v1/cases/${caseId}/persons/${caseId}/erase`,
      reason,
    );
    expect(unknown.statusCode).toBe(404);
    expect(
      (await call(env, coordinator, 'GET', `/api/v1/cases/${caseId}`)).json().abilities.erasePerson,
    ).toBe(true);
    expect((await call(env, manager, 'GET', `/api/v1/cases/${caseId}`)).json().abilities.erasePerson).toBe(
      false,
    );
  });

  it('is not open to a coordinator who is in through an emergency opening', async () => {
    const glass = await call(env, glassCoordinator, 'POST', '/api/v1/break-glass', {
      caseNumber,
      reason: 'Anak dalam bahaya malam ini, perlu kontak wali.',
    });
    expect(glass.statusCode, glass.body).toBe(201);
    const detail = await call(env, glassCoordinator, 'GET', `/api/v1/cases/${caseId}`);
    expect(detail.json().abilities).toMatchObject({ viewIdentity: true, erasePerson: false });
    const res = await call(env, glassCoordinator, 'POST', url(), { reason: 'Dicoba lewat akses darurat.' });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a missing or short reason with an Indonesian message', async () => {
    const res = await call(env, coordinator, 'POST', url(), { reason: 'minta' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.reason).toMatch(/karakter/);
    expect((await call(env, coordinator, 'POST', url(), {})).statusCode).toBe(400);
  });

  it('replaces the identifying fields at once, keeps the anonymous ones, removes the files, and audits without the values', async () => {
    const before = (
      await call(env, coordinator, 'GET', `/api/v1/cases/${caseId}/persons/${victimId}`)
    ).json();
    expect(storedFiles(env)).toHaveLength(1);
    const res = await call(env, coordinator, 'POST', url(), {
      reason: 'Korban meminta datanya dihapus melalui surat tertulis.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const erased = res.json();
    expect(erased.erasedAt).toBeTruthy();
    expect(erased.identity).toMatchObject({
      fullName: '[DIHAPUS]',
      nik: null,
      birthDate: null,
      phone: null,
      street: null,
    });
    expect(erased.initials).toBeNull();
    // The anonymous fields the statistics use are unchanged.
    for (const key of ['role', 'sex', 'ageAtIncident', 'isChild', 'occupation'] as const)
      expect(erased[key]).toEqual(before[key]);

    const again = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/persons/${victimId}`)).json();
    expect(again.identity.fullName).toBe('[DIHAPUS]');
    const witness = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/persons/${witnessId}`)).json();
    expect(witness.identity.fullName).toBe('Saksi Tetap Ada');
    const detail = await call(env, manager, 'GET', `/api/v1/cases/${caseId}`);
    expect(detail.body).not.toContain(NAME);
    const search = await call(env, manager, 'GET', `/api/v1/cases?q=${NIK}`);
    expect(search.json().total).toBe(0);
    const docs = await call(env, manager, 'GET', `/api/v1/cases/${caseId}/documents`);
    expect(docs.body).not.toContain('surat-yohana');
    expect(storedFiles(env)).toHaveLength(0);

    const row = await env.deps.db
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', victimId)
      .executeTakeFirstOrThrow();
    expect(row.nik_enc).toBeNull();
    expect(row.nik_hash).toBeNull();
    expect(row.phone_enc).toBeNull();
    expect(env.deps.cipher.decrypt(row.erasure_reason_enc!)).toContain('surat tertulis');

    const [event] = await auditEvents(env, 'person.erased');
    expect(event).toMatchObject({
      entity_type: 'person',
      entity_id: victimId,
      actor_user_id: coordinator.userId,
    });
    expect(event!.details).not.toContain('Yohana');
    expect(event!.details).not.toContain('surat tertulis');
    expect(JSON.parse(event!.details)).toEqual({ caseId, documents: 1 });
  });

  it('cannot be done twice, and the identity cannot be typed back in', async () => {
    const twice = await call(env, coordinator, 'POST', url(), { reason: 'Permintaan kedua dari korban.' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.fields._).toBe('Data identitas orang ini sudah dihapus.');
    const patch = await call(env, manager, 'PATCH', `/api/v1/cases/${caseId}/persons/${victimId}`, {
      version: 99,
      fullName: NAME,
    });
    expect(patch.statusCode).toBe(409);
  });
});
