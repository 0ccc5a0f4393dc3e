import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/platform/audit.js';
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

describe.each(DB_KINDS)("administrator's audit view and alerts on %s", (kind) => {
  let env: TestEnv;
  let admin: Session;
  let manager: Session;
  let managerId: string;
  let coordinator: Session;
  let uptdId: string;
  const caseIds: string[] = [];

  beforeAll(async () => {
    env = await createTestEnv(kind, { ALERT_READS_PER_HOUR: '3', ALERT_FAILED_LOGINS_PER_HOUR: '4' });
    const tf = await buildTaskForce(env);
    const uptd = await buildAgency(env, { taskForceId: tf.id, shortName: 'UPTD Uji Audit' });
    uptdId = uptd.id;
    const dp3a = await buildAgency(env, { taskForceId: tf.id });
    admin = await signIn(env, (await buildUser(env, ['admin'], { agencyId: dp3a.id })).username);
    const m = await buildUser(env, ['case_manager'], { agencyId: uptd.id });
    managerId = m.id;
    manager = await signIn(env, m.username);
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: dp3a.id })).username);
    for (let i = 0; i < 4; i++) {
      const c = await call(env, manager, 'POST', '/api/v1/cases', {
        caseType: 'tppo',
        reportedAt: '2026-11-27T02:00:00.000Z',
        channel: 'walk_in',
        reportingParty: 'victim',
        risk: 'high',
      });
      expect(c.statusCode, c.body).toBe(201);
      caseIds.push(c.json().id);
    }
    await call(env, manager, 'POST', `/api/v1/cases/${caseIds[0]}/persons`, {
      role: 'victim',
      fullName: 'Korban Audit Admin',
      sex: 'Female',
      estimatedAge: 24,
    });
  });
  afterAll(async () => env?.close());

  it('is for administrators only: 401 without a session, 403 for a coordinator', async () => {
    for (const url of [
      '/api/v1/audit',
      '/api/v1/audit/export.csv',
      '/api/v1/security/alerts',
      '/api/v1/security/alerts/summary',
    ]) {
      expect((await call(env, null, 'GET', url)).statusCode).toBe(401);
      expect((await call(env, coordinator, 'GET', url)).statusCode).toBe(403);
    }
    const ack = await call(env, coordinator, 'POST', `/api/v1/security/alerts/${caseIds[0]}/acknowledge`, {
      note: 'bukan urusan saya',
    });
    expect(ack.statusCode).toBe(403);
  });

  it('filters by user, agency, action family, record and time, with paging and the total', async () => {
    await call(env, manager, 'GET', `/api/v1/cases/${caseIds[1]}`);
    const byUser = await call(env, admin, 'GET', `/api/v1/audit?actor=${managerId}&action=case.&pageSize=2`);
    expect(byUser.statusCode, byUser.body).toBe(200);
    const page1 = byUser.json();
    expect(page1.total).toBeGreaterThanOrEqual(5); // four creations and a read
    expect(page1.items).toHaveLength(2);
    for (const e of page1.items) {
      expect(e.actorUserId).toBe(managerId);
      expect(e.action.startsWith('case.')).toBe(true);
      expect(e.actorAgencyShortName).toBe('UPTD Uji Audit');
    }
    const page2 = (
      await call(env, admin, 'GET', `/api/v1/audit?actor=${managerId}&action=case.&pageSize=2&page=2`)
    ).json();
    expect(page2.items[0].seq).toBeLessThan(page1.items[1].seq);

    const byAgency = (await call(env, admin, 'GET', `/api/v1/audit?agency=${uptdId}&pageSize=200`)).json();
    expect(byAgency.items.every((e: { actorAgencyId: string }) => e.actorAgencyId === uptdId)).toBe(true);
    expect(byAgency.total).toBeGreaterThanOrEqual(page1.total);

    const byRecord = (
      await call(env, admin, 'GET', `/api/v1/audit?entityType=case&entityId=${caseIds[1]}`)
    ).json();
    expect(byRecord.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'case.created',
      'case.read',
    ]);

    const now = env.clock.now().getTime();
    const future = new Date(now + 3_600_000).toISOString();
    const empty = (await call(env, admin, 'GET', `/api/v1/audit?from=${encodeURIComponent(future)}`)).json();
    expect(empty.total).toBe(0);
    const past = new Date(now - 3_600_000).toISOString();
    const inRange = (
      await call(
        env,
        admin,
        'GET',
        `/api/v1/audit?from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}&entityId=${caseIds[1]}`,
      )
    ).json();
    expect(inRange.total).toBe(2);
  });

  it('refuses bad filters with Indonesian messages', async () => {
    const range = await call(
      env,
      admin,
      'GET',
      '/api/v1/audit?from=2026-11-28T00:00:00Z&to=2026-11-27T00:00:00Z',
    );
    expect(range.statusCode).toBe(400);
    expect(range.json().error.fields.to).toBe('Tanggal akhir harus setelah tanggal awal.');
    const badUser = await call(env, admin, 'GET', '/api/v1/audit?actor=bukan-uuid');
    expect(badUser.statusCode).toBe(400);
    expect(badUser.json().error.fields.actor).toBeTruthy();
    const badAction = await call(
      env,
      admin,
      'GET',
      `/api/v1/audit/export.csv?action=${encodeURIComponent("x' or 1=1")}`,
    );
    expect(badAction.statusCode).toBe(400);
  });

  it('exports the filtered trail as CSV with formulas neutralised, and audits the export', async () => {
    // A value that a spreadsheet would run, planted where a record id goes.
    await env.deps.db.transaction().execute((trx) =>
      recordAudit(
        trx,
        env.deps.dbKind,
        { userId: managerId, agencyId: uptdId },
        { requestId: 'plant', ip: '198.51.100.7' },
        {
          action: 'case.read',
          entityType: 'case',
          entityId: '=HYPERLINK("http://x","klik")',
          details: { access: 'limited' },
        },
        env.clock.now(),
      ),
    );
    const res = await call(env, admin, 'GET', `/api/v1/audit/export.csv?actor=${managerId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = res.body.replace(/^\uFEFF/, '');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'No,Waktu (UTC),Pengguna,Instansi,Tindakan,Jenis data,ID data,Hasil,IP,ID permintaan,Rincian',
    );
    expect(Number(res.headers['x-export-rows'])).toBe(lines.length - 1);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text).not.toContain('Korban Audit Admin');
    const english = await call(env, admin, 'GET', `/api/v1/audit/export.csv?actor=${managerId}`, undefined, {
      'accept-language': 'en',
    });
    expect(english.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^No,Time \(UTC\),User,Agency/);
    const exported = await auditEvents(env, 'audit.exported');
    expect(exported.length).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(exported[0]!.details)).toMatchObject({ format: 'csv', filters: ['actor'] });
    expect(exported[0]!.actor_user_id).toBe(admin.userId);
  });

  it('raises alerts for bulk identifying reads, failed sign-ins from one address and identifying exports, once each', async () => {
    for (const id of caseIds)
      expect((await call(env, manager, 'GET', `/api/v1/cases/${id}`)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) {
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: `tidak.ada.${i}`, password: 'Salah-Sandi-99' },
        remoteAddress: '203.0.113.9',
      });
      expect(r.statusCode).toBe(401);
    }
    const xlsx = await call(env, manager, 'GET', '/api/v1/cases/export.xlsx');
    expect(xlsx.statusCode).toBe(200);

    const summary = await call(env, admin, 'GET', '/api/v1/security/alerts/summary');
    expect(summary.json()).toEqual({ open: 3 });
    const list = (await call(env, admin, 'GET', '/api/v1/security/alerts')).json();
    expect(list.total).toBe(3);
    const byKind = Object.fromEntries(list.items.map((a: { kind: string }) => [a.kind, a]));
    expect(byKind.bulk_identifying_reads).toMatchObject({
      subjectUserId: managerId,
      count: 4,
      acknowledgedAt: null,
    });
    expect(byKind.bulk_identifying_reads.subjectAgencyShortName).toBe('UPTD Uji Audit');
    expect(byKind.failed_logins_from_ip).toMatchObject({
      subjectIp: '203.0.113.9',
      count: 4,
      subjectUserId: null,
    });
    expect(byKind.identifying_export).toMatchObject({ subjectUserId: managerId });
    expect(list.items.some((a: { auditSeq: number }) => a.auditSeq > 0)).toBe(true);

    // More of the same within the hour raises nothing new.
    await call(env, manager, 'GET', `/api/v1/cases/${caseIds[0]}`);
    await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'tidak.ada.9', password: 'Salah-Sandi-99' },
      remoteAddress: '203.0.113.9',
    });
    expect((await call(env, admin, 'GET', '/api/v1/security/alerts/summary')).json()).toEqual({ open: 3 });
  });

  it('acknowledges an alert with a note, once; audited; unknown ids are 404 and short notes 400', async () => {
    const [alert] = (await call(env, admin, 'GET', '/api/v1/security/alerts')).json().items;
    const short = await call(env, admin, 'POST', `/api/v1/security/alerts/${alert.id}/acknowledge`, {
      note: 'x',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.note).toBeTruthy();
    const ok = await call(env, admin, 'POST', `/api/v1/security/alerts/${alert.id}/acknowledge`, {
      note: 'Dicek dengan atasan: tugas rutin.',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id: alert.id, acknowledgeNote: 'Dicek dengan atasan: tugas rutin.' });
    expect(ok.json().acknowledgedAt).toBeTruthy();
    const again = await call(env, admin, 'POST', `/api/v1/security/alerts/${alert.id}/acknowledge`, {
      note: 'Sekali lagi ditinjau.',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields._).toBe(
      'Peringatan ini sudah ditandai ditinjau oleh administrator lain.',
    );
    const missing = await call(env, admin, 'POST', `/api/v1/security/alerts/${caseIds[0]}/acknowledge`, {
      note: 'Tidak ada peringatan ini.',
    });
    expect(missing.statusCode).toBe(404);
    expect((await call(env, admin, 'GET', '/api/v1/security/alerts/summary')).json()).toEqual({ open: 2 });
    const all = (await call(env, admin, 'GET', '/api/v1/security/alerts?status=all')).json();
    expect(all.total).toBe(3);
    const events = await auditEvents(env, 'security.alert_acknowledged');
    expect(events.map((e) => e.entity_id)).toEqual([alert.id]);
  });
});
