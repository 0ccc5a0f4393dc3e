import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * A case handed to a police office is that office's work from the day it is assigned: it is on
 * the investigators' "Proses hukum" list before any police report, and they are told.
 */
describe.each(DB_KINDS)('a case assigned to the police on %s', (kind) => {
  let env: TestEnv;
  let manager: Session;
  let investigator: Session;
  let otherPolice: Session;
  let dinsos: Session;
  let polresId: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    const uptd = await buildAgency(env, { taskForceId: tf.id });
    const polres = await buildAgency(env, { taskForceId: tf.id, sector: 'police', shortName: 'POLRES A' });
    const polsek = await buildAgency(env, { taskForceId: tf.id, sector: 'police', shortName: 'POLSEK B' });
    const dinsosAgency = await buildAgency(env, { taskForceId: tf.id });
    polresId = polres.id;
    manager = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    investigator = await signIn(
      env,
      (await buildUser(env, ['investigator'], { agencyId: polres.id })).username,
    );
    otherPolice = await signIn(
      env,
      (await buildUser(env, ['investigator'], { agencyId: polsek.id })).username,
    );
    dinsos = await signIn(
      env,
      (await buildUser(env, ['service_provider'], { agencyId: dinsosAgency.id })).username,
    );
  });
  afterAll(async () => env?.close());

  it('lists the case for the assigned office before any police report and notifies its investigators; no one else', async () => {
    const c = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: '2026-11-27T02:00:00.000Z',
      channel: 'walk_in',
      reportingParty: 'family',
      risk: 'high',
    });
    expect(c.statusCode, c.body).toBe(201);
    const { id: caseId, caseNumber } = c.json() as { id: string; caseNumber: string };
    const before = (await call(env, investigator, 'GET', '/api/v1/legal/cases')).json();
    expect(before.awaiting).toEqual([]);

    const track = (await call(env, manager, 'GET', `/api/v1/cases/${caseId}/legal`)).json();
    const assigned = await call(env, manager, 'PUT', `/api/v1/cases/${caseId}/legal/police-agency`, {
      version: track.version,
      policeAgencyId: polresId,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);

    const list = (await call(env, investigator, 'GET', '/api/v1/legal/cases')).json();
    expect(list.awaiting).toEqual([expect.objectContaining({ caseId, caseNumber })]);
    expect(list.items).toEqual([]);
    const notes = (await call(env, investigator, 'GET', '/api/v1/notifications')).json();
    expect(notes.items).toEqual([
      expect.objectContaining({ kind: 'legal_police_assigned', caseId, caseNumber, readAt: null }),
    ]);
    // The investigator opens the track from there.
    expect((await call(env, investigator, 'GET', `/api/v1/cases/${caseId}/legal`)).statusCode).toBe(200);

    // Another police office, and a service agency, see neither the case nor a notice of it.
    for (const other of [otherPolice, dinsos]) {
      const theirs = (await call(env, other, 'GET', '/api/v1/legal/cases')).json();
      expect(theirs.awaiting ?? []).toEqual([]);
      const theirNotes = (await call(env, other, 'GET', '/api/v1/notifications')).json();
      expect(JSON.stringify(theirNotes)).not.toContain(caseId);
    }

    // Once a police report is recorded, the case moves to the list by stage.
    const report = await call(env, investigator, 'POST', `/api/v1/cases/${caseId}/legal/reports`, {
      number: 'LP/B/77/XI/2026/NTT/Res Mgr',
      reportDate: '2026-11-27',
      unit: 'polres',
      type: 'B',
      victimIds: [],
    });
    expect(report.statusCode, report.body).toBe(201);
    const after = (await call(env, investigator, 'GET', '/api/v1/legal/cases')).json();
    expect(after.awaiting).toEqual([]);
    expect(after.items.map((i: { caseId: string }) => i.caseId)).toEqual([caseId]);
  });
});
