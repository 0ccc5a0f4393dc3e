import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealLegacyStageNotes } from '../src/modules/legal/stage-note.js';
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

const DAY_MS = 86_400_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n% Surat untuk Veronika Purge\n%%EOF');
const NOTE = 'Saksi Veronika Purge takut kepada keluarga perekrut';

describe.each(DB_KINDS)('purge of deleted records and legal-stage notes on %s', (kind) => {
  let env: TestEnv;
  let manager: Session;
  let investigator: Session;
  let coordinator: Session;
  let caseId: string;
  let polresId: string;

  const files = () => {
    const dir = path.join(env.dataDir, 'documents');
    return fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { recursive: true })
          .map(String)
          .filter((f) => f.endsWith('.bin'))
      : [];
  };

  async function upload(name: string) {
    const body = multipart(name, PDF);
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/documents`,
      payload: body.payload,
      headers: { ...body.headers, cookie: manager.cookie, 'x-csrf-token': manager.csrf },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  async function again(s: Session) {
    const row = await env.deps.db
      .selectFrom('users')
      .select('username')
      .where('id', '=', s.userId)
      .executeTakeFirstOrThrow();
    return signIn(env, row.username);
  }

  beforeAll(async () => {
    env = await createTestEnv(kind, { DELETED_PURGE_DAYS: '30' });
    const tf = await buildTaskForce(env);
    const uptd = await buildAgency(env, { taskForceId: tf.id });
    const polres = await buildAgency(env, {
      taskForceId: tf.id,
      sector: 'police',
      htcdsType: 'LawEnforcement',
    });
    polresId = polres.id;
    manager = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: uptd.id })).username);
    investigator = await signIn(
      env,
      (await buildUser(env, ['investigator'], { agencyId: polres.id })).username,
    );
    const c = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: new Date(env.clock.now().getTime() - DAY_MS).toISOString(),
      channel: 'walk_in',
      reportingParty: 'victim',
      risk: 'high',
      teamUserIds: [coordinator.userId],
    });
    expect(c.statusCode, c.body).toBe(201);
    caseId = c.json().id;
  });
  afterAll(async () => env?.close());

  it('purges a document deleted with a reason only after the configured days, with its file; audited without its content', async () => {
    const kept = await upload('surat-tetap.pdf');
    const removed = await upload('surat-salah.pdf');
    expect(files()).toHaveLength(2);
    const del = await call(env, manager, 'DELETE', `/api/v1/cases/${caseId}/documents/${removed}`, {
      reason: 'Salah unggah',
    });
    expect(del.statusCode, del.body).toBe(204);

    // Within the period: hidden from the case, still on disk, not purged.
    env.clock.advance(29 * DAY_MS);
    expect(await runRetentionNow()).toMatchObject({ purged: 0 });
    expect(files()).toHaveLength(2);
    expect(await documentRow(removed)).toBeDefined();

    // Past it: the row and the file are gone; the kept document is untouched.
    env.clock.advance(2 * DAY_MS);
    expect(await runRetentionNow()).toMatchObject({ purged: 1 });
    expect(await documentRow(removed)).toBeUndefined();
    expect(await documentRow(kept)).toBeDefined();
    expect(files()).toHaveLength(1);
    manager = await again(manager);
    const list = await call(env, manager, 'GET', `/api/v1/cases/${caseId}/documents`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((d: { id: string }) => d.id)).toEqual([kept]);
    expect((await call(env, manager, 'GET', `/api/v1/cases/${caseId}/documents/${removed}`)).statusCode).toBe(
      404,
    );
    const [event] = await auditEvents(env, 'document.purged');
    expect(event).toMatchObject({ entity_id: removed, actor_user_id: null });
    expect(JSON.parse(event!.details)).toEqual({ caseId });
    expect(event!.details).not.toContain('surat-salah');

    // The coordinator's retention page says how long deleted records wait and what the run purged.
    coordinator = await again(coordinator);
    const view = await call(env, coordinator, 'GET', `/api/v1/taskforces/${await taskForceId()}/retention`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ deletedPurgeDays: 30, lastRun: { purged: 1 } });
  });

  it('purges prevention records removed with a reason once their days have passed; other records stay', async () => {
    const outreach = {
      heldOn: '2026-10-12',
      villageCode: '53.10.01.2006',
      targetGroup: 'prospective_migrants',
      topic: 'Migrasi aman',
      materials: '',
      participants: { adultMale: 21, adultFemale: 17, childMale: 3, childFemale: 4 },
    };
    coordinator = await again(coordinator);
    const twice = (await call(env, coordinator, 'POST', '/api/v1/prevention/activities', outreach)).json();
    const kept = (await call(env, coordinator, 'POST', '/api/v1/prevention/activities', outreach)).json();
    const removed = await call(env, coordinator, 'DELETE', `/api/v1/prevention/activities/${twice.id}`, {
      reason: 'Tercatat dua kali',
      version: twice.version,
    });
    expect(removed.statusCode, removed.body).toBe(204);
    const rows = () =>
      env.deps.db
        .selectFrom('prevention_activities')
        .select('id')
        .where('id', 'in', [twice.id, kept.id])
        .execute();
    env.clock.advance(10 * DAY_MS);
    expect(await runRetentionNow()).toMatchObject({ purged: 0 });
    expect(await rows()).toHaveLength(2);
    env.clock.advance(21 * DAY_MS);
    expect(await runRetentionNow()).toMatchObject({ purged: 1 });
    expect((await rows()).map((r) => r.id)).toEqual([kept.id]);
    const events = (await auditEvents(env, 'prevention.purged')).filter((e) => e.entity_id === twice.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity_type: 'prevention_activities', actor_user_id: null });
  });

  it('keeps a legal stage note encrypted at rest, seals notes written in clear before, and clears notes on erasure', async () => {
    investigator = await again(investigator);
    manager = await again(manager);
    const hand = await call(env, manager, 'PUT', `/api/v1/cases/${caseId}/legal/police-agency`, {
      version: 0,
      policeAgencyId: polresId,
    });
    expect(hand.statusCode, hand.body).toBe(200);
    const lp = await call(env, investigator, 'POST', `/api/v1/cases/${caseId}/legal/reports`, {
      number: 'LP/B/3/XI/2026/SPKT/Polres Manggarai',
      reportDate: '2026-11-02',
      unit: 'polres',
      type: 'B',
      victimIds: [],
    });
    expect(lp.statusCode, lp.body).toBe(201);
    const track = (await call(env, investigator, 'GET', `/api/v1/cases/${caseId}/legal`)).json();
    const st = await call(env, investigator, 'POST', `/api/v1/cases/${caseId}/legal/stages`, {
      version: track.version,
      stage: 'penyidikan',
      on: '2026-11-10',
      documentNumber: 'SPDP/11/2026',
      note: NOTE,
    });
    expect(st.statusCode, st.body).toBe(201);
    const rows = await env.deps.db
      .selectFrom('legal_stages')
      .select(['id', 'details', 'note_enc'])
      .where('case_id', '=', caseId)
      .execute();
    const written = rows.find((r) => r.note_enc !== null)!;
    expect(written.details).not.toContain('Veronika');
    expect(written.note_enc).not.toContain('Veronika');
    const read = async () =>
      (await call(env, investigator, 'GET', `/api/v1/cases/${caseId}/legal`)).json().stages as {
        note: string | null;
      }[];
    expect((await read()).map((s) => s.note)).toContain(NOTE);

    // A note stored in clear by an older version is moved into the encrypted column at start.
    await env.deps.db
      .updateTable('legal_stages')
      .set({ note_enc: null, details: JSON.stringify({ note: `${NOTE} (lama)` }) })
      .where('id', '=', written.id)
      .execute();
    expect(await sealLegacyStageNotes(env.deps.db, env.deps.cipher)).toBe(1);
    expect(await sealLegacyStageNotes(env.deps.db, env.deps.cipher)).toBe(0);
    const sealed = await env.deps.db
      .selectFrom('legal_stages')
      .select(['details', 'note_enc'])
      .where('id', '=', written.id)
      .executeTakeFirstOrThrow();
    expect(sealed.details).toBe('{}');
    expect(env.deps.cipher.decrypt(sealed.note_enc!)).toBe(`${NOTE} (lama)`);
    expect((await read()).map((s) => s.note)).toContain(`${NOTE} (lama)`);

    // Erasing a person of the case clears the case's free texts, the legal notes among them.
    const p = await call(env, manager, 'POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'witness',
      fullName: 'Veronika Purge',
      sex: 'Female',
      estimatedAge: 30,
    });
    expect(p.statusCode, p.body).toBe(201);
    coordinator = await again(coordinator);
    const erased = await call(
      env,
      coordinator,
      'POST',
      `/api/v1/cases/${caseId}/persons/${p.json().person.id}/erase`,
      {
        reason: 'Saksi meminta datanya dihapus melalui surat tertulis.',
      },
    );
    expect(erased.statusCode, erased.body).toBe(200);
    expect((await read()).every((s) => s.note === null)).toBe(true);
    const raw = await env.deps.db
      .selectFrom('legal_stages')
      .select(['details', 'note_enc'])
      .where('case_id', '=', caseId)
      .execute();
    expect(raw.every((r) => r.note_enc === null && !r.details.includes('note'))).toBe(true);
  });

  it('keeps the stored answer to a retried create encrypted, replays it, and drops it after a day', async () => {
    manager = await again(manager);
    const body = {
      caseType: 'tppo',
      reportedAt: new Date(env.clock.now().getTime() - DAY_MS).toISOString(),
      channel: 'walk_in',
      reportingParty: 'victim',
      risk: 'high',
      narrative: 'Veronika Ulang dibawa ke Batam oleh perekrut.',
    };
    const headers = { 'idempotency-key': 'retry-veronika-1' };
    const first = await call(env, manager, 'POST', '/api/v1/cases', body, headers);
    expect(first.statusCode, first.body).toBe(201);
    const again1 = await call(env, manager, 'POST', '/api/v1/cases', body, headers);
    expect(again1.statusCode).toBe(201);
    expect(again1.json().id).toBe(first.json().id);
    const stored = await env.deps.db
      .selectFrom('idempotency_keys')
      .select('response')
      .where('key', '=', 'retry-veronika-1')
      .executeTakeFirstOrThrow();
    expect(stored.response).not.toContain('Veronika');
    expect(stored.response.startsWith('v1.')).toBe(true);
    env.clock.advance(25 * 3_600_000);
    await runRetentionNow();
    expect(
      await env.deps.db
        .selectFrom('idempotency_keys')
        .select('key')
        .where('key', '=', 'retry-veronika-1')
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('uses a shorter DELETED_PURGE_DAYS only a grace period after a run first saw it; setting it back cancels it', async () => {
    const { runScheduledRetention } = await import('../src/modules/retention/retention.service.js');
    const { purgeDaysInForce } = await import('../src/modules/retention/purge.service.js');
    const withDays = (days: number) => ({
      ...env.deps,
      config: { ...env.deps.config, DELETED_PURGE_DAYS: days },
    });
    const runWith = (days: number) => runScheduledRetention(withDays(days), { force: true });
    const inDays = (n: number) => new Date(env.clock.now().getTime() + n * DAY_MS).toISOString();
    manager = await again(manager);
    expect(await purgeDaysInForce(env.deps, { record: false })).toEqual({ days: 30, pending: null });
    const doc = await upload('surat-terhapus.pdf');
    const del = await call(env, manager, 'DELETE', `/api/v1/cases/${caseId}/documents/${doc}`, {
      reason: 'Salah unggah',
    });
    expect(del.statusCode, del.body).toBe(204);
    env.clock.advance(3 * DAY_MS);

    // An operator's typo (1 for 10): the run keeps thirty days and says when one day would count.
    const firstSeen = inDays(7);
    expect(await runWith(1)).toMatchObject({ purged: 0 });
    expect(await documentRow(doc)).toBeDefined();
    expect(await purgeDaysInForce(withDays(1), { record: false })).toEqual({
      days: 30,
      pending: { days: 1, effectiveAt: firstSeen },
    });
    env.clock.advance(2 * DAY_MS);
    expect(await runWith(1)).toMatchObject({ purged: 0 });
    expect(await purgeDaysInForce(withDays(1), { record: false })).toMatchObject({
      pending: { effectiveAt: firstSeen },
    });

    // Set back before the date: the shorter value is forgotten; set again, it waits the full period.
    expect(await runWith(30)).toMatchObject({ purged: 0 });
    expect(await purgeDaysInForce(env.deps, { record: false })).toEqual({ days: 30, pending: null });
    env.clock.advance(DAY_MS);
    const again1 = inDays(7);
    expect(await runWith(1)).toMatchObject({ purged: 0 });
    env.clock.advance(7 * DAY_MS - 60_000);
    expect(await runWith(1)).toMatchObject({ purged: 0 });
    expect(await documentRow(doc)).toBeDefined();
    expect(await purgeDaysInForce(withDays(1), { record: false })).toMatchObject({
      days: 30,
      pending: { days: 1, effectiveAt: again1 },
    });
    env.clock.advance(60_000);
    expect(await runWith(1)).toMatchObject({ purged: 1 });
    expect(await documentRow(doc)).toBeUndefined();
    expect(await purgeDaysInForce(withDays(1), { record: false })).toEqual({ days: 1, pending: null });
    // A longer period counts at once.
    expect(await runWith(30)).toMatchObject({ purged: 0 });
    expect(await purgeDaysInForce(env.deps, { record: false })).toEqual({ days: 30, pending: null });
  });

  async function runRetentionNow() {
    const { runScheduledRetention } = await import('../src/modules/retention/retention.service.js');
    return runScheduledRetention(env.deps, { force: true });
  }
  async function documentRow(id: string) {
    return env.deps.db.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
  }
  async function taskForceId() {
    const row = await env.deps.db
      .selectFrom('cases')
      .select('task_force_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    return row.task_force_id;
  }
});
