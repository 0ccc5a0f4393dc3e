import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importsInProgress } from '../src/modules/imports/imports.service.js';
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

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE = fs.readFileSync(path.join(here, '..', '..', 'docs', 'import', 'contoh-register.xlsx'));

const HEADER =
  'No. Register;Tanggal Lapor;Jenis Kasus;Nama Korban;L/P;Umur;Negara Tujuan;Jenis Eksploitasi;Kode Wilayah';
const GOOD_ROWS = [
  'A-001;10/05/2024;TPPO;Yosefina Ndoa;P;19;Malaysia;Kerja paksa;53.10.03',
  'A-002;2024-06-01;potensi tppo;Petrus Dagur;L;23;MY;;53.10.05',
  'A-003;01/07/2024;PMI deportan;Maria Teba;perempuan;;;;',
];
const BAD_ROWS = [
  'A-004;31/02/2024;TPPO;Theresia Latu;X;20;Atlantis;;99.99.99',
  'A-001;10/05/2024;TPPO;Ganda Ganda;P;19;;;',
  ';10/05/2024;Penipuan;;L;abc;;;',
];

function multipart(filename: string, data: Buffer) {
  const boundary = '----sinergi-import-boundary';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(DB_KINDS)('import of legacy registers on %s', (kind) => {
  let env: TestEnv;
  let coordinator: Session;
  let otherCoordinator: Session;
  let manager: Session;
  let taskForceId: string;

  function upload(who: Session, filename: string, data: Buffer) {
    const body = multipart(filename, data);
    return env.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      payload: body.payload,
      headers: { ...body.headers, cookie: who.cookie, 'x-csrf-token': who.csrf },
    });
  }

  async function casesInTaskForce() {
    const rows = await env.deps.db
      .selectFrom('cases')
      .select(['id', 'case_number'])
      .where('task_force_id', '=', taskForceId)
      .execute();
    return rows;
  }

  async function waitForImport(who: Session, id: string) {
    await Promise.all(importsInProgress());
    const res = await call(env, who, 'GET', `/api/v1/imports/${id}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    taskForceId = tf.id;
    const dp3a = await buildAgency(env, { taskForceId: tf.id });
    const otherTf = await buildTaskForce(env, '53.19');
    const otherAgency = await buildAgency(env, { taskForceId: otherTf.id });
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: dp3a.id })).username);
    manager = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: dp3a.id })).username);
    otherCoordinator = await signIn(
      env,
      (await buildUser(env, ['coordinator'], { agencyId: otherAgency.id })).username,
    );
  });
  afterAll(async () => {
    await Promise.all(importsInProgress());
    await env?.close();
  });

  it('refuses without a session or the permission, and refuses files it cannot read', async () => {
    expect((await call(env, null, 'GET', '/api/v1/imports')).statusCode).toBe(401);
    expect((await call(env, manager, 'GET', '/api/v1/imports')).statusCode).toBe(403);
    expect((await upload(manager, 'r.csv', Buffer.from(HEADER))).statusCode).toBe(403);
    const pdf = await upload(coordinator, 'register.pdf', Buffer.from('%PDF-1.4'));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.fields.file).toBe('Berkas harus XLSX atau CSV.');
    const empty = await upload(coordinator, 'register.csv', Buffer.from(`${HEADER}\n`));
    expect(empty.json().error.fields.file).toMatch(/tidak berisi baris data/);
    const fake = await upload(coordinator, 'register.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.fields.file).toMatch(/tidak dapat dibaca/);
  });

  it('maps, dry-runs without storing anything, reports bad rows, imports once, and skips a re-import', async () => {
    const csv = Buffer.from([HEADER, ...GOOD_ROWS, ...BAD_ROWS].join('\r\n'));
    const up = await upload(coordinator, 'register-lama.csv', csv);
    expect(up.statusCode, up.body).toBe(201);
    const job = up.json();
    expect(job.totalRows).toBe(6);
    expect(job.suggestedMapping).toMatchObject({
      importKey: 'No. Register',
      reportedDate: 'Tanggal Lapor',
      fullName: 'Nama Korban',
      sex: 'L/P',
      estimatedAge: 'Umur',
      destinationCountry: 'Negara Tujuan',
    });

    // Out of scope looks like not found.
    expect((await call(env, otherCoordinator, 'GET', `/api/v1/imports/${job.id}`)).statusCode).toBe(404);
    expect((await call(env, otherCoordinator, 'GET', `/api/v1/imports/${job.id}/preview`)).statusCode).toBe(
      404,
    );
    expect((await call(env, otherCoordinator, 'POST', `/api/v1/imports/${job.id}/dry-run`)).statusCode).toBe(
      404,
    );

    // Running before a dry run is refused.
    const early = await call(env, coordinator, 'POST', `/api/v1/imports/${job.id}/run`);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields._).toMatch(/uji coba/);

    const badMapping = await call(env, coordinator, 'PUT', `/api/v1/imports/${job.id}/mapping`, {
      mapping: { importKey: 'No. Register', fullName: 'Tidak Ada' },
    });
    expect(badMapping.statusCode).toBe(400);
    expect(badMapping.json().error.fields['mapping.fullName']).toBe('Kolom ini tidak ada di berkas.');
    expect(badMapping.json().error.fields['mapping.sex']).toMatch(/Petakan kolom wajib/);

    const mapped = await call(env, coordinator, 'PUT', `/api/v1/imports/${job.id}/mapping`, {
      mapping: job.suggestedMapping,
      saveAs: 'Register UPTD lama',
    });
    expect(mapped.statusCode, mapped.body).toBe(200);

    const preview = await call(env, coordinator, 'GET', `/api/v1/imports/${job.id}/preview`);
    expect(preview.json().rows[0]).toEqual({
      row: 2,
      values: expect.objectContaining({ importKey: 'A-001', fullName: 'Yosefina Ndoa', sex: 'P' }),
    });
    expect((await auditEvents(env, 'import.previewed')).length).toBe(1);

    const before = await casesInTaskForce();
    const dry = await call(env, coordinator, 'POST', `/api/v1/imports/${job.id}/dry-run`);
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json();
    expect(report).toMatchObject({ status: 'validated', validRows: 3, rejectedRows: 3, skippedRows: 0 });
    expect(await casesInTaskForce()).toEqual(before);
    const byRow = Object.fromEntries(
      report.rejected.map((r: { row: number; reasons: { field: string; message: string }[] }) => [
        r.row,
        Object.fromEntries(r.reasons.map((x) => [x.field, x.message])),
      ]),
    );
    expect(byRow[5]).toMatchObject({
      sex: 'Nilai "X" tidak dikenal.',
      destinationCountry: 'Nilai "Atlantis" tidak dikenal.',
      reportedDate: 'Tanggal tidak valid (format TTTT-BB-HH).',
    });
    expect(byRow[6]).toMatchObject({ importKey: expect.stringMatching(/sudah muncul di baris sebelumnya/) });
    expect(byRow[7]).toMatchObject({
      importKey: 'Wajib diisi.',
      caseType: 'Nilai "Penipuan" tidak dikenal.',
      fullName: 'Wajib diisi.',
      estimatedAge: 'Harus berupa angka.',
    });

    const started = await call(env, coordinator, 'POST', `/api/v1/imports/${job.id}/run`);
    expect(started.statusCode, started.body).toBe(202);
    const again = await call(env, coordinator, 'POST', `/api/v1/imports/${job.id}/run`);
    expect(again.statusCode).toBe(409);
    const done = await waitForImport(coordinator, job.id);
    expect(done).toMatchObject({
      status: 'done',
      importedRows: 3,
      rejectedRows: 3,
      skippedRows: 0,
      processedRows: 6,
    });
    const after = await casesInTaskForce();
    expect(after.length - before.length).toBe(3);
    for (const c of after) expect(c.case_number).toMatch(/^TPPO\/53\.10\/2024\/\d{4}$/);

    // Identities are stored encrypted, through the person service.
    const people = await env.deps.db
      .selectFrom('persons')
      .select(['full_name_enc', 'case_id', 'sex', 'age_at_incident', 'district_code'])
      .where('task_force_id', '=', taskForceId)
      .execute();
    expect(people).toHaveLength(3);
    expect(people.map((p) => p.full_name_enc).join()).not.toContain('Yosefina');
    expect(people.map((p) => env.deps.cipher.decrypt(p.full_name_enc)).sort()).toEqual([
      'Maria Teba',
      'Petrus Dagur',
      'Yosefina Ndoa',
    ]);
    // The importing coordinator is on the case team and sees the imported case in full.
    const detail = await call(env, coordinator, 'GET', `/api/v1/cases/${people[0]!.case_id}/persons`);
    expect(detail.json().items[0].identity.fullName).toBeTruthy();
    const created = await auditEvents(env, 'case.created');
    expect(created.some((e) => JSON.parse(e.details).importJobId === job.id)).toBe(true);
    expect((await auditEvents(env, 'import.completed')).length).toBe(1);

    // The same register again: nothing new, every good row skipped.
    const second = (await upload(coordinator, 'register-lama.csv', csv)).json();
    const mappings = (await call(env, coordinator, 'GET', '/api/v1/imports/mappings')).json().items;
    expect(mappings).toEqual([
      expect.objectContaining({ name: 'Register UPTD lama', mapping: job.suggestedMapping }),
    ]);
    expect(
      (
        await call(env, coordinator, 'PUT', `/api/v1/imports/${second.id}/mapping`, {
          mapping: mappings[0].mapping,
        })
      ).statusCode,
    ).toBe(200);
    const dry2 = (await call(env, coordinator, 'POST', `/api/v1/imports/${second.id}/dry-run`)).json();
    expect(dry2).toMatchObject({ validRows: 0, skippedRows: 3, rejectedRows: 3 });
    await call(env, coordinator, 'POST', `/api/v1/imports/${second.id}/run`);
    expect(await waitForImport(coordinator, second.id)).toMatchObject({
      status: 'done',
      importedRows: 0,
      skippedRows: 3,
    });
    expect((await casesInTaskForce()).length).toBe(after.length);

    // Mappings are the task force's own.
    expect((await call(env, otherCoordinator, 'GET', '/api/v1/imports/mappings')).json().items).toEqual([]);
  });

  it('imports the shipped sample register and reports its four faulty rows', async () => {
    const up = await upload(coordinator, 'contoh-register.xlsx', SAMPLE);
    expect(up.statusCode, up.body).toBe(201);
    const job = up.json();
    expect(job.totalRows).toBe(40);
    await call(env, coordinator, 'PUT', `/api/v1/imports/${job.id}/mapping`, {
      mapping: job.suggestedMapping,
    });
    const dry = (await call(env, coordinator, 'POST', `/api/v1/imports/${job.id}/dry-run`)).json();
    expect(dry).toMatchObject({ validRows: 36, rejectedRows: 4 });
    await call(env, coordinator, 'POST', `/api/v1/imports/${job.id}/run`);
    const done = await waitForImport(coordinator, job.id);
    expect(done).toMatchObject({ status: 'done', importedRows: 36, rejectedRows: 4, processedRows: 40 });
  });
  it('resumes an import whose run stopped part-way, without importing a row twice', async () => {
    const rows = Array.from(
      { length: 120 },
      (_, n) => `R-${String(n + 1).padStart(3, '0')};01/03/2025;TPPO;Korban Lanjut ${n + 1};P;20;Malaysia;;`,
    );
    const up = await upload(coordinator, 'register-besar.csv', Buffer.from([HEADER, ...rows].join('\r\n')));
    expect(up.statusCode, up.body).toBe(201);
    const job = up.json();
    await call(env, coordinator, 'PUT', `/api/v1/imports/${job.id}/mapping`, {
      mapping: job.suggestedMapping,
    });
    const dry = (await call(env, coordinator, 'POST', `/api/v1/imports/${job.id}/dry-run`)).json();
    expect(dry).toMatchObject({ validRows: 120, resumable: false });
    const before = (await casesInTaskForce()).length;

    // The database goes away after the first batch (as when the server dies mid-run).
    const db = env.deps.db as unknown as { transaction: () => unknown };
    const original = db.transaction;
    let calls = 0;
    db.transaction = function (this: unknown) {
      calls++;
      if (calls === 3) throw new Error('connection lost');
      return original.call(this);
    };
    try {
      expect((await call(env, coordinator, 'POST', `/api/v1/imports/${job.id}/run`)).statusCode).toBe(202);
      await Promise.all(importsInProgress());
    } finally {
      db.transaction = original;
    }
    const stopped = await waitForImport(coordinator, job.id);
    expect(stopped).toMatchObject({ status: 'failed', resumable: true });
    const partial = (await casesInTaskForce()).length - before;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(120);

    // Another user of the task force cannot resume it; the owner can, and it finishes the rest.
    expect((await call(env, otherCoordinator, 'POST', `/api/v1/imports/${job.id}/run`)).statusCode).toBe(404);
    expect((await call(env, coordinator, 'POST', `/api/v1/imports/${job.id}/run`)).statusCode).toBe(202);
    const done = await waitForImport(coordinator, job.id);
    expect(done).toMatchObject({
      status: 'done',
      importedRows: 120,
      skippedRows: 0,
      rejectedRows: 0,
      processedRows: 120,
      resumable: false,
    });
    expect((await casesInTaskForce()).length - before).toBe(120);
    // A run still marked as running by a server that stopped writing its heartbeat can be taken over.
    await env.deps.db
      .updateTable('import_jobs')
      .set({
        status: 'running',
        heartbeat_at: new Date(env.clock.now().getTime() - 10 * 60_000).toISOString(),
      })
      .where('id', '=', job.id)
      .execute();
    expect((await call(env, coordinator, 'GET', `/api/v1/imports/${job.id}`)).json().resumable).toBe(true);
    expect((await call(env, coordinator, 'POST', `/api/v1/imports/${job.id}/run`)).statusCode).toBe(202);
    expect(await waitForImport(coordinator, job.id)).toMatchObject({ status: 'done', importedRows: 120 });
    expect((await casesInTaskForce()).length - before).toBe(120);
    const started = (await auditEvents(env, 'import.started')).filter((e) => e.entity_id === job.id);
    expect(started.map((e) => JSON.parse(e.details).resumed ?? false).sort()).toEqual([false, true, true]);
    // Cases from a register were answered before Sinergi: none arrives as an overdue first response.
    const overdue = await call(env, coordinator, 'GET', '/api/v1/cases?overdue=true');
    expect(overdue.statusCode, overdue.body).toBe(200);
    expect(overdue.json().total).toBe(0);
  });
});
