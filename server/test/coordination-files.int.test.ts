import fs from 'node:fs';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
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

const DECREE = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n% SK Bupati Manggarai HK/41/2022\n%%EOF');
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from('[Content_Types].xml word/document.xml daftar hadir'),
]);

async function pdfText(body: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(body) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe.each(DB_KINDS)('task-force files, evidence and letterhead on %s', (kind) => {
  let env: TestEnv;
  let tfId: string;
  let otherTfId: string;
  let coordinator: Session;
  let disnaker: Session;
  let dinsos: Session;
  let leader: Session;
  let otherCoordinator: Session;
  let decreeId: string;
  let planId: string;
  let activityId: string;

  function send(s: Session, method: 'POST' | 'PUT', url: string, filename: string, data: Buffer) {
    const body = multipart(filename, data);
    return env.app.inject({
      method,
      url,
      payload: body.payload,
      headers: { ...body.headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  }

  beforeAll(async () => {
    env = await createTestEnv(kind);
    tfId = (await buildTaskForce(env)).id;
    otherTfId = (await buildTaskForce(env, '53.19')).id;
    const dp3a = (await buildAgency(env, { taskForceId: tfId, shortName: 'DP3A F' })).id;
    const disnakerId = (await buildAgency(env, { taskForceId: tfId, shortName: 'Disnakertrans F' })).id;
    const dinsosId = (await buildAgency(env, { taskForceId: tfId, shortName: 'Dinsos F' })).id;
    const foreign = (await buildAgency(env, { taskForceId: otherTfId, shortName: 'DP3A Lain F' })).id;
    const u = async (roles: Parameters<typeof buildUser>[1], agencyId: string) =>
      signIn(env, (await buildUser(env, roles, { agencyId })).username);
    coordinator = await u(['coordinator'], dp3a);
    disnaker = await u(['service_provider'], disnakerId);
    dinsos = await u(['service_provider'], dinsosId);
    leader = await u(['leadership'], dp3a);
    otherCoordinator = await u(['coordinator'], foreign);
    decreeId = (
      await call(env, coordinator, 'POST', `/api/v1/taskforces/${tfId}/decrees`, {
        number: 'HK/41/2022',
        title: 'Pembentukan Gugus Tugas PP TPPO Kabupaten Manggarai',
        signedOn: '2022-02-14',
      })
    ).json().id;
    planId = (
      await call(env, coordinator, 'POST', '/api/v1/plans', {
        title: 'RAD 2025-2029',
        startYear: 2025,
        endYear: 2029,
        periodKind: 'quarter',
      })
    ).json().id;
    const programmeId = (
      await call(env, coordinator, 'POST', `/api/v1/plans/${planId}/programmes`, {
        title: 'Pencegahan',
        horizon: 'short_term',
      })
    ).json().id;
    activityId = (
      await call(env, coordinator, 'POST', `/api/v1/plans/${planId}/activities`, {
        programmeId,
        title: 'Sosialisasi migrasi aman',
        indicator: 'Desa',
        unit: 'desa',
        baseline: 0,
        targets: [{ year: 2026, value: 10 }],
        responsibleAgencyId: disnakerId,
        budgets: [],
      })
    ).json().id;
  });
  afterAll(async () => env?.close());

  it('keeps the signed decree encrypted; the secretariat uploads and replaces, every member downloads', async () => {
    const url = `/api/v1/taskforces/${tfId}/decrees/${decreeId}/file`;
    expect((await send(disnaker, 'PUT', url, 'sk.pdf', DECREE)).statusCode).toBe(403);
    expect((await send(otherCoordinator, 'PUT', url, 'sk.pdf', DECREE)).statusCode).toBe(404);
    const docx = await send(coordinator, 'PUT', url, 'sk.docx', DOCX);
    expect(docx.statusCode).toBe(400);
    expect(docx.json().error.fields.file).toBe('Unggah SK sebagai PDF atau gambar (JPG, PNG).');
    const up = await send(coordinator, 'PUT', url, 'SK HK-41-2022.pdf', DECREE);
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().file).toMatchObject({ filename: 'SK HK-41-2022.pdf', mime: 'application/pdf' });
    const firstFile = up.json().file.id;
    const stored = fs
      .readdirSync(path.join(env.dataDir, 'documents'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.bin'));
    for (const f of stored)
      expect(fs.readFileSync(path.join(env.dataDir, 'documents', f)).toString('latin1')).not.toContain(
        'HK/41/2022',
      );

    const membership = (await call(env, leader, 'GET', `/api/v1/taskforces/${tfId}/membership`)).json();
    expect(membership.decrees[0].file.filename).toBe('SK HK-41-2022.pdf');
    const content = `/api/v1/taskforces/${tfId}/decrees/${decreeId}/files/${firstFile}/content`;
    for (const s of [dinsos, leader, coordinator]) {
      const down = await call(env, s, 'GET', content);
      expect(down.statusCode).toBe(200);
      expect(down.headers['content-type']).toBe('application/pdf');
      expect(down.rawPayload.equals(DECREE)).toBe(true);
    }
    expect((await call(env, otherCoordinator, 'GET', content)).statusCode).toBe(404);

    const replaced = await send(coordinator, 'PUT', url, 'sk-scan.png', PHOTO);
    expect(replaced.json().file).toMatchObject({ filename: 'sk-scan.png', mime: 'image/png' });
    expect((await call(env, dinsos, 'GET', content)).statusCode).toBe(404);
    const uploads = await auditEvents(env, 'taskforce.decree_file_uploaded');
    expect(uploads).toHaveLength(2);
    expect(JSON.parse(uploads[1]!.details as string).replaced).toEqual([firstFile]);
    expect(await auditEvents(env, 'taskforce.decree_file_downloaded')).toHaveLength(3);
  });

  it('lets the reporting agency attach evidence; the task force reads it; corrections keep the history', async () => {
    const reports = `/api/v1/plans/${planId}/activities/${activityId}/reports`;
    const filed = await call(env, disnaker, 'POST', reports, {
      year: 2026,
      period: 3,
      realised: 4,
      budgetSpent: 2_500_000,
      achievement: 'Sosialisasi di empat desa Satarmese.',
      obstacles: '',
      intervention: '',
      interventionAgencyId: null,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ evidence: [], can: { attach: true } });
    const evidence = `${reports}/2026/3/evidence`;
    expect((await send(dinsos, 'POST', evidence, 'foto.png', PHOTO)).statusCode).toBe(403);
    expect((await send(coordinator, 'POST', evidence, 'foto.png', PHOTO)).statusCode).toBe(403);
    expect((await send(otherCoordinator, 'POST', evidence, 'foto.png', PHOTO)).statusCode).toBe(404);
    expect((await send(disnaker, 'POST', `${reports}/2026/4/evidence`, 'foto.png', PHOTO)).statusCode).toBe(
      404,
    );
    const photo = await send(disnaker, 'POST', evidence, 'foto sosialisasi.png', PHOTO);
    expect(photo.statusCode, photo.body).toBe(201);
    const list = await send(disnaker, 'POST', evidence, 'daftar hadir.docx', DOCX);
    expect(list.json().evidence.map((e: { filename: string }) => e.filename)).toEqual([
      'foto sosialisasi.png',
      'daftar hadir.docx',
    ]);
    const [photoId, listId] = list.json().evidence.map((e: { id: string }) => e.id);

    // A correction starts with the evidence of the version it corrects.
    const corrected = await call(env, disnaker, 'PUT', `${reports}/2026/3`, {
      realised: 5,
      budgetSpent: 2_500_000,
      achievement: 'Sosialisasi di lima desa Satarmese.',
      obstacles: '',
      intervention: '',
      interventionAgencyId: null,
      version: 1,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().evidence).toHaveLength(2);
    const newListId = corrected.json().evidence[1].id;
    const removed = await call(env, disnaker, 'DELETE', `${evidence}/${newListId}`, {
      reason: 'Daftar hadir keliru, dari kegiatan lain',
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().evidence.map((e: { filename: string }) => e.filename)).toEqual([
      'foto sosialisasi.png',
    ]);
    // The superseded version still shows (and serves) the file taken off the correction.
    const history = (await call(env, dinsos, 'GET', reports)).json().items;
    expect(
      history.map((r: { version: number; evidence: unknown[] }) => [r.version, r.evidence.length]),
    ).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(history[1].can.attach).toBe(false);
    for (const s of [coordinator, dinsos, leader]) {
      const down = await call(
        env,
        s,
        'GET',
        `/api/v1/plans/${planId}/activities/${activityId}/evidence/${listId}/content`,
      );
      expect(down.statusCode).toBe(200);
      expect(down.rawPayload.equals(DOCX)).toBe(true);
    }
    const gone = `/api/v1/plans/${planId}/activities/${activityId}/evidence/${newListId}/content`;
    expect((await call(env, coordinator, 'GET', gone)).statusCode).toBe(404);
    const foreign = `/api/v1/plans/${planId}/activities/${activityId}/evidence/${photoId}/content`;
    expect((await call(env, otherCoordinator, 'GET', foreign)).statusCode).toBe(404);
    expect((await call(env, otherCoordinator, 'GET', reports)).statusCode).toBe(404);
    expect(await auditEvents(env, 'plan.evidence_attached')).toHaveLength(2);
    expect(await auditEvents(env, 'plan.evidence_removed')).toHaveLength(1);
    expect(await auditEvents(env, 'plan.evidence_downloaded')).toHaveLength(3);
  });

  it('prints the saved letterhead and numbers an invitation once, per year, in the pattern set', async () => {
    const url = `/api/v1/taskforces/${tfId}/letterhead`;
    const initial = (await call(env, leader, 'GET', url)).json();
    expect(initial).toMatchObject({
      version: 0,
      numberPattern: '{seq}/GT-TPPO/{roman_month}/{year}',
      example: '1/GT-TPPO/XI/2026',
      can: { manage: false },
    });
    expect((await call(env, otherCoordinator, 'GET', url)).statusCode).toBe(404);
    const head = {
      governmentName: 'PEMERINTAH KABUPATEN MANGGARAI',
      agencyName: 'GUGUS TUGAS PP TPPO',
      address: 'Jalan Motang Rua No. 1, Ruteng',
      contact: 'Telp. (0385) 21000, surel gugustugas@manggaraikab.go.id',
      numberPattern: '400.2/{seq3}/GT-TPPO/{roman_month}/{year}',
      version: 0,
    };
    expect((await call(env, leader, 'PUT', url, head)).statusCode).toBe(403);
    expect((await call(env, otherCoordinator, 'PUT', url, head)).statusCode).toBe(404);
    const bad = await call(env, coordinator, 'PUT', url, { ...head, numberPattern: 'GT/{tahun}' });
    expect(bad.json().error.fields.numberPattern).toBe(
      'Pola nomor surat harus memuat nomor urut: seq atau seq3 dalam kurung kurawal.',
    );
    const saved = await call(env, coordinator, 'PUT', url, head);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, example: '400.2/001/GT-TPPO/XI/2026' });
    const stale = await call(env, coordinator, 'PUT', url, head);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.version).toBe(1);
    const logo = await send(coordinator, 'PUT', `${url}/logo`, 'logo.png', PHOTO);
    expect(logo.json().logo).toMatchObject({ filename: 'logo.png', mime: 'image/png' });
    expect((await send(coordinator, 'PUT', `${url}/logo`, 'logo.pdf', DECREE)).json().error.fields.file).toBe(
      'Logo harus berupa gambar PNG atau JPG.',
    );

    const meeting = (title: string) => ({
      type: 'rakor',
      title,
      startsAt: '2026-12-03T09:00:00+08:00',
      endsAt: '2026-12-03T12:30:00+08:00',
      place: 'Aula Ranaka',
      chair: 'Wakil Bupati',
      minuteTaker: 'Sekretariat DP3A',
    });
    const first = (
      await call(env, coordinator, 'POST', '/api/v1/meetings', meeting('Rakor Triwulan IV'))
    ).json().id;
    const second = (await call(env, coordinator, 'POST', '/api/v1/meetings', meeting('Rakor Khusus'))).json()
      .id;
    // Leadership may print the invitation, but only the secretariat issues it (gives the number).
    const preview = await call(env, leader, 'GET', `/api/v1/meetings/${first}/pdf/invitation`);
    expect(await pdfText(preview.rawPayload)).toContain('Nomor : -');
    const issued = await call(env, coordinator, 'GET', `/api/v1/meetings/${first}/pdf/invitation`);
    const text = await pdfText(issued.rawPayload);
    expect(text).toContain('PEMERINTAH KABUPATEN MANGGARAI');
    expect(text).toContain('GUGUS TUGAS PP TPPO');
    expect(text).toContain('Jalan Motang Rua No. 1, Ruteng');
    expect(text).toContain('Nomor : 400.2/001/GT-TPPO/XI/2026');
    expect(issued.rawPayload.toString('latin1')).toContain('/Subtype /Image');
    await call(env, coordinator, 'GET', `/api/v1/meetings/${second}/pdf/invitation`);
    // Printed again after the pattern changed: the number given is kept.
    const changed = await call(env, coordinator, 'PUT', url, {
      ...head,
      numberPattern: '{seq}/UND/{year}',
      version: 1,
    });
    expect(changed.json().example).toBe('3/UND/2026');
    const again = await call(env, coordinator, 'GET', `/api/v1/meetings/${first}/pdf/invitation`);
    expect(await pdfText(again.rawPayload)).toContain('Nomor : 400.2/001/GT-TPPO/XI/2026');
    expect((await call(env, leader, 'GET', `/api/v1/meetings/${second}`)).json().invitationNumber).toBe(
      '400.2/002/GT-TPPO/XI/2026',
    );
    for (const kind of ['attendance', 'minutes']) {
      const doc = await pdfText(
        (await call(env, leader, 'GET', `/api/v1/meetings/${first}/pdf/${kind}`)).rawPayload,
      );
      expect(doc).toContain('PEMERINTAH KABUPATEN MANGGARAI');
      expect(doc).toContain('400.2/001/GT-TPPO/XI/2026');
    }
    const evaluation = await call(env, coordinator, 'GET', '/api/v1/evaluations/2026/pdf');
    expect(evaluation.statusCode).toBe(200);
    const evalText = await pdfText(evaluation.rawPayload);
    expect(evalText).toContain('PEMERINTAH KABUPATEN MANGGARAI');
    expect(evalText).toContain('Telp. (0385) 21000');
    expect(await auditEvents(env, 'meeting.invitation_numbered')).toHaveLength(2);

    // Two first prints at once give the invitation one number and take one from the sequence.
    const third = (await call(env, coordinator, 'POST', '/api/v1/meetings', meeting('Rakor Darurat'))).json()
      .id;
    const both = await Promise.all(
      [0, 1].map(() => call(env, coordinator, 'GET', `/api/v1/meetings/${third}/pdf/invitation`)),
    );
    for (const r of both) expect(await pdfText(r.rawPayload)).toContain('Nomor : 3/UND/2026');
    expect((await call(env, leader, 'GET', url)).json().example).toBe('4/UND/2026');
    expect(await auditEvents(env, 'meeting.invitation_numbered')).toHaveLength(3);

    // Another task force numbers from 1 with its own default letterhead.
    const foreignMeeting = (
      await call(env, otherCoordinator, 'POST', '/api/v1/meetings', meeting('Rakor gugus tugas lain'))
    ).json().id;
    const theirs = await pdfText(
      (await call(env, otherCoordinator, 'GET', `/api/v1/meetings/${foreignMeeting}/pdf/invitation`))
        .rawPayload,
    );
    expect(theirs).toContain('Nomor : 1/GT-TPPO/XI/2026');
    expect(theirs).toContain('PEMERINTAH KABUPATEN MANGGARAI TIMUR');
    expect(theirs).not.toContain('Jalan Motang Rua');
    expect(
      (await call(env, otherCoordinator, 'GET', `/api/v1/meetings/${first}/pdf/invitation`)).statusCode,
    ).toBe(404);
  });
});
