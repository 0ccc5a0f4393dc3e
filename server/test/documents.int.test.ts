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
  multipart,
  type Session,
  signIn,
  type TestEnv,
} from './support.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n% Surat keterangan korban Yosef Rahasia\n%%EOF');

describe.each(DB_KINDS)('case documents on %s', (kind) => {
  let env: TestEnv;
  let manager: Session;
  let outsider: Session;
  let coordinator: Session;
  let caseId: string;

  beforeAll(async () => {
    env = await createTestEnv(kind, { DOCUMENT_MAX_BYTES: '4096' });
    const tf = await buildTaskForce(env);
    const uptd = await buildAgency(env, { taskForceId: tf.id });
    const other = await buildAgency(env, { taskForceId: tf.id });
    manager = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    outsider = await signIn(
      env,
      (await buildUser(env, ['service_provider'], { agencyId: other.id })).username,
    );
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: other.id })).username);
    const c = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00Z',
      channel: 'walk_in',
      reportingParty: 'victim',
      risk: 'medium',
    });
    caseId = c.json().id;
  });
  afterAll(async () => env?.close());

  function upload(s: Session, filename: string, data: Buffer, fields?: Record<string, string>) {
    const body = multipart(filename, data, fields);
    return env.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/documents`,
      payload: body.payload,
      headers: { ...body.headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  }

  it('stores a PDF encrypted and gives it back to the case team, audited', async () => {
    const res = await upload(manager, 'surat keterangan.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      filename: 'surat keterangan.pdf',
      mime: 'application/pdf',
      size: PDF.length,
    });
    const stored = fs
      .readdirSync(path.join(env.dataDir, 'documents'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.bin'));
    expect(stored.length).toBeGreaterThan(0);
    for (const f of stored)
      expect(fs.readFileSync(path.join(env.dataDir, 'documents', f)).toString('latin1')).not.toContain(
        'Rahasia',
      );
    const down = await call(env, manager, 'GET', `/api/v1/cases/${caseId}/documents/${doc.id}/content`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toContain('surat%20keterangan.pdf');
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect((await auditEvents(env, 'document.downloaded')).some((e) => e.entity_id === doc.id)).toBe(true);
    const timeline = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/timeline`)).json().items;
    expect(timeline.some((e: { kind: string }) => e.kind === 'document_added')).toBe(true);
  });

  it('checks the type by content, not by name, and refuses files over the limit', async () => {
    const exe = await upload(manager, 'foto.jpg', Buffer.from('MZ\x90\x00 this is a program'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.fields.file).toMatch(/Jenis berkas tidak diizinkan/);
    const big = await upload(
      manager,
      'besar.pdf',
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(8000, 0x20)]),
    );
    expect(big.statusCode).toBe(413);
  });

  it('hides documents from other agencies (404) and downloads from oversight without the team (403)', async () => {
    const doc = (await upload(manager, 'bukti.pdf', PDF)).json();
    expect((await call(env, outsider, 'GET', `/api/v1/cases/${caseId}/documents`)).statusCode).toBe(404);
    expect(
      (await call(env, outsider, 'GET', `/api/v1/cases/${caseId}/documents/${doc.id}/content`)).statusCode,
    ).toBe(404);
    expect((await upload(outsider, 'x.pdf', PDF)).statusCode).toBe(404);
    const list = (await call(env, coordinator, 'GET', `/api/v1/cases/${caseId}/documents`)).json();
    expect(list.items.find((d: { id: string }) => d.id === doc.id).filename).toBeNull();
    expect(
      (await call(env, coordinator, 'GET', `/api/v1/cases/${caseId}/documents/${doc.id}/content`)).statusCode,
    ).toBe(403);
  });

  it('removes a document only with a reason, keeping it for the audit', async () => {
    const doc = (await upload(manager, 'salah unggah.pdf', PDF)).json();
    const noReason = await call(env, manager, 'DELETE', `/api/v1/cases/${caseId}/documents/${doc.id}`, {});
    expect(noReason.statusCode).toBe(400);
    const res = await call(env, manager, 'DELETE', `/api/v1/cases/${caseId}/documents/${doc.id}`, {
      reason: 'Salah kasus',
    });
    expect(res.statusCode).toBe(204);
    const list = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/documents`)).json();
    expect(list.items.map((d: { id: string }) => d.id)).not.toContain(doc.id);
    const row = await env.deps.db
      .selectFrom('documents')
      .select(['deleted_at'])
      .where('id', '=', doc.id)
      .executeTakeFirst();
    expect(row?.deleted_at).not.toBeNull();
  });
});
