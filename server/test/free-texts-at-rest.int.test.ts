import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_CLASSIFICATION } from '../src/platform/db/column-classification.js';
import type { Db } from '../src/platform/db/connect.js';
import { JSON_FREE_TEXTS } from '../src/platform/db/json-free-texts.js';
import { MIGRATION_NAMES, migrateToLatest, migrateToMigration } from '../src/platform/db/migrate.js';
import {
  CASE_TEXTS_SETTING,
  SEALED_ALERT_TEXTS,
  SEALED_FREE_TEXTS,
  sealFreeTexts,
} from '../src/platform/db/sealed-free-texts.js';
import { keyUses, runRotation, startRotation } from '../src/platform/keys/rotation.js';
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

/** Distinctive texts, one per field, that must never be found in clear in the database. */
function secrets(tag: string) {
  return {
    simfoniId: `SIMFONI-${tag}-0041`,
    occupation: `Penenun Ikat ${tag} Wae Rebo`,
    disability: `Tunarungu sejak lahir ${tag}`,
    consentNote: `Persetujuan dibacakan ibunya ${tag}`,
    title: `Konferensi kasus Maria ${tag}`,
    place: `Rumah aman Jalan Kenari ${tag}`,
    chair: `Ketua Rapat ${tag}`,
    minuteTaker: `Notulis Rapat ${tag}`,
    invitedPeople: `Ayah korban Yosef ${tag}`,
    agendaNote: `Korban Maria ${tag} takut pulang`,
    attendee: `Paman korban Agustinus ${tag}`,
    minutes: `Notulen menyebut Maria ${tag} dari Satarmese`,
    decision: `Maria ${tag} dititipkan di rumah aman`,
    actionDescription: `Antar Maria ${tag} ke RSUD`,
    actionNote: `Maria ${tag} sudah diantar`,
    eventDescription: `Direkrut calo Anton ${tag} di pasar Lembor`,
    consulateReference: `KJRI-KK/${tag}/077`,
    placeOfDeath: `Ladang sawit Keningau ${tag}`,
    deathCause: `Dipukul mandor ${tag}`,
    arrivalFlight: `Penerbangan IW ${tag}`,
    onwardTransport: `Ambulans Puskesmas ${tag}`,
    transportPaidBy: `Keluarga Bapak Yosef ${tag}`,
    alertDescription: `Calo Bernadus ${tag} menawarkan kerja di Malaysia`,
    alertPlace: `Rumah kuning dekat gereja ${tag}`,
    alertNote: `Sudah dilaporkan ke polres ${tag}`,
  };
}
type Secrets = ReturnType<typeof secrets>;

/** Every row of every table as text (PostgreSQL), so nothing outside the columns checked hides a secret. */
async function allRowsAsText(db: Db): Promise<string> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ t: string }>`select t::text as t from ${sql.table(table_name)} t`.execute(db);
    for (const r of rows.rows) parts.push(r.t);
  }
  return parts.join('\n');
}

/** The SQLite database file and its WAL as they are on disk (nothing checkpointed first). */
function sqliteBytes(file: string): string {
  const wal = `${file}-wal`;
  return (
    fs.readFileSync(file).toString('latin1') +
    (fs.existsSync(wal) ? fs.readFileSync(wal).toString('latin1') : '')
  );
}

/** What the database holds, raw: the files on SQLite (before and after a checkpoint), every row on PostgreSQL. */
async function rawDatabase(env: TestEnv): Promise<string> {
  if (env.sqliteFile) {
    const before = sqliteBytes(env.sqliteFile);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(env.deps.db);
    return before + sqliteBytes(env.sqliteFile);
  }
  return allRowsAsText(env.deps.db);
}

function expectNoneIn(raw: string, s: Secrets) {
  expect(raw.length).toBeGreaterThan(1000);
  const found = Object.entries(s).filter(([, v]) => raw.includes(v) || raw.includes(JSON.stringify(v)));
  expect(found.map(([k]) => k)).toEqual([]);
}

interface Planted {
  caseId: string;
  personId: string;
  meetingId: string;
  alertId: string;
}

/** The case's profile as the API takes it, with a free-text event description. */
function profileOf(s: Secrets) {
  return {
    recruitmentMethods: ['JobOffer'],
    events: [
      { type: 'Recruitment', regionCode: null, date: '2026-10-01', description: s.eventDescription },
      { type: 'Exploitation', countryCode: 'MY', description: null },
    ],
    exploitationTypes: ['forced_labour'],
    labourSectors: ['Agriculture'],
    destinationCountry: 'MY',
  };
}

/** The case's migrant-worker details as the API takes them, every free text filled. */
function migrantOf(s: Secrets) {
  return {
    bp2miCategory: 'died',
    deportee: { depot: 'Tawau', consulateReference: s.consulateReference },
    deceased: {
      placeOfDeath: s.placeOfDeath,
      countryOfDeath: 'MY',
      dateOfDeath: '2026-11-01',
      cause: s.deathCause,
      yearsAbroad: 4,
      arrivalFlight: s.arrivalFlight,
      onwardTransport: s.onwardTransport,
      transportPaidBy: s.transportPaidBy,
    },
  };
}

/** Writes each secret through the API, as a user would. */
async function plant(env: TestEnv, coordinator: Session, agencyId: string, s: Secrets): Promise<Planted> {
  const c = await call(env, coordinator, 'POST', '/api/v1/cases', {
    caseType: 'tppo',
    reportedAt: '2026-11-27T02:00:00.000Z',
    channel: 'walk_in',
    reportingParty: 'victim',
    risk: 'high',
    simfoniId: s.simfoniId,
    profile: profileOf(s),
  });
  expect(c.statusCode, c.body).toBe(201);
  const caseId = c.json().id as string;
  // The migrant-worker details through a correction, the other way they are written.
  const patched = await call(env, coordinator, 'PATCH', `/api/v1/cases/${caseId}`, {
    version: c.json().version,
    migrant: migrantOf(s),
  });
  expect(patched.statusCode, patched.body).toBe(200);
  const p = await call(env, coordinator, 'POST', `/api/v1/cases/${caseId}/persons`, {
    role: 'victim',
    fullName: 'Maria Uji Rahasia',
    sex: 'Female',
    estimatedAge: 24,
    occupation: s.occupation,
    disability: s.disability,
  });
  expect(p.statusCode, p.body).toBe(201);
  const personId = p.json().person.id as string;
  const consent = await call(
    env,
    coordinator,
    'POST',
    `/api/v1/cases/${caseId}/persons/${personId}/consents`,
    {
      scopes: ['data_management'],
      givenOn: '2026-11-27',
      givenBy: 'self',
      note: s.consentNote,
    },
  );
  expect(consent.statusCode, consent.body).toBeLessThan(300);
  const m = await call(env, coordinator, 'POST', '/api/v1/meetings', {
    type: 'case_conference',
    title: s.title,
    startsAt: '2026-12-03T09:00:00+08:00',
    place: s.place,
    chair: s.chair,
    minuteTaker: s.minuteTaker,
    invitedPeople: s.invitedPeople,
    agenda: [{ title: 'Konferensi kasus', caseNumber: c.json().caseNumber, notes: s.agendaNote }],
    attendees: [{ name: s.attendee, organisation: 'Keluarga' }],
    minutes: s.minutes,
    decisions: [s.decision],
  });
  expect(m.statusCode, m.body).toBe(201);
  const meetingId = m.json().id as string;
  const a = await call(env, coordinator, 'POST', `/api/v1/meetings/${meetingId}/actions`, {
    description: s.actionDescription,
    ownerAgencyId: agencyId,
    dueDate: '2026-12-10',
  });
  expect(a.statusCode, a.body).toBe(201);
  const done = await call(env, coordinator, 'PATCH', `/api/v1/meetings/${meetingId}/actions/${a.json().id}`, {
    status: 'done',
    note: s.actionNote,
    version: a.json().version,
  });
  expect(done.statusCode, done.body).toBe(200);
  const alert = await call(env, coordinator, 'POST', '/api/v1/prevention/alerts', {
    channel: 'Facebook',
    description: s.alertDescription,
    placeNote: s.alertPlace,
    reportedBy: 'Kepala Desa',
    seenOn: '2026-11-20',
  });
  expect(alert.statusCode, alert.body).toBe(201);
  const alertId = alert.json().id as string;
  const verified = await call(env, coordinator, 'PATCH', `/api/v1/prevention/alerts/${alertId}`, {
    status: 'verified',
    note: s.alertNote,
    version: alert.json().version,
  });
  expect(verified.statusCode, verified.body).toBe(200);
  return { caseId, personId, meetingId, alertId };
}

/**
 * What a version before migration 202612081300 left for the planted case and alert: the texts
 * inside the case JSON and in the alert's columns, in clear (run with the schema before it).
 */
async function writeCaseTextsInClear(db: Db, ids: Planted, s: Secrets) {
  await sql`update cases set profile = ${JSON.stringify(profileOf(s))}, migrant = ${JSON.stringify(migrantOf(s))}
    where id = ${ids.caseId}`.execute(db);
  await sql`update recruitment_alerts set description = ${s.alertDescription}, place_note = ${s.alertPlace},
    status_note = ${s.alertNote} where id = ${ids.alertId}`.execute(db);
}

/** The API still answers every secret to the coordinator who wrote them. */
async function expectReadable(env: TestEnv, coordinator: Session, ids: Planted, s: Secrets) {
  const c = (await call(env, coordinator, 'GET', `/api/v1/cases/${ids.caseId}`)).json();
  expect(c.simfoniId).toBe(s.simfoniId);
  expect(c.profile).toMatchObject(profileOf(s));
  expect(c.profile.events[0].description).toBe(s.eventDescription);
  expect(c.migrant).toEqual(migrantOf(s));
  const alerts = (await call(env, coordinator, 'GET', '/api/v1/prevention/alerts')).json();
  expect(alerts.items.find((a: { id: string }) => a.id === ids.alertId)).toMatchObject({
    description: s.alertDescription,
    placeNote: s.alertPlace,
    statusNote: s.alertNote,
  });
  const person = (
    await call(env, coordinator, 'GET', `/api/v1/cases/${ids.caseId}/persons/${ids.personId}`)
  ).json();
  expect(person).toMatchObject({ occupation: s.occupation, disability: s.disability });
  expect(person.consents[0].note).toBe(s.consentNote);
  const m = (await call(env, coordinator, 'GET', `/api/v1/meetings/${ids.meetingId}`)).json();
  expect(m).toMatchObject({
    title: s.title,
    place: s.place,
    chair: s.chair,
    minuteTaker: s.minuteTaker,
    invitedPeople: s.invitedPeople,
    minutes: s.minutes,
    decisions: [s.decision],
  });
  expect(m.agenda[0].notes).toBe(s.agendaNote);
  expect(m.attendees[0].name).toBe(s.attendee);
  expect(m.actions[0]).toMatchObject({ description: s.actionDescription, statusNote: s.actionNote });
  const list = (await call(env, coordinator, 'GET', '/api/v1/meetings')).json();
  expect(JSON.stringify(list)).toContain(s.title);
}

describe.each(DB_KINDS)('free texts about people and meetings are encrypted at rest on %s', (kind) => {
  let env: TestEnv;
  let coordinator: Session;
  let agencyId: string;

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tfId = (await buildTaskForce(env)).id;
    agencyId = (await buildAgency(env, { taskForceId: tfId })).id;
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId })).username);
  });
  afterAll(async () => {
    await env.close();
  });

  it('keeps every planted text out of the raw database while the API answers it', async () => {
    const s = secrets(`A${randomBytes(3).toString('hex')}`);
    const ids = await plant(env, coordinator, agencyId, s);
    expectNoneIn(await rawDatabase(env), s);
    await expectReadable(env, coordinator, ids, s);
    // The PDF minutes are built from the decrypted record.
    const pdf = await call(env, coordinator, 'GET', `/api/v1/meetings/${ids.meetingId}/pdf/minutes`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    // The HTCDS events sheet still carries the event's description, decrypted for the export.
    const events = await call(
      env,
      coordinator,
      'GET',
      '/api/v1/exports/htcds?from=2026-11-01&to=2026-11-30&format=csv&table=events',
    );
    expect(events.statusCode, events.body.slice(0, 200)).toBe(200);
    expect(events.body).toContain(s.eventDescription);

    // Erasure replaces the consent note and the disability; occupation stays (an HTCDS column).
    const erased = await call(
      env,
      coordinator,
      'POST',
      `/api/v1/cases/${ids.caseId}/persons/${ids.personId}/erase`,
      {
        reason: 'Permintaan korban untuk menghapus data',
      },
    );
    expect(erased.statusCode, erased.body).toBe(200);
    const after = (
      await call(env, coordinator, 'GET', `/api/v1/cases/${ids.caseId}/persons/${ids.personId}`)
    ).json();
    expect(after.disability).toBeNull();
    expect(after.consents[0].note).toBeNull();
    expect(after.occupation).toBe(s.occupation);
    // The case's profile and migrant-worker free texts go too; their codes stay for the statistics.
    const erasedCase = (await call(env, coordinator, 'GET', `/api/v1/cases/${ids.caseId}`)).json();
    expect(
      erasedCase.profile.events.map((e: { description?: string | null }) => e.description ?? null),
    ).toEqual([null, null]);
    expect(erasedCase.profile).toMatchObject({
      exploitationTypes: ['forced_labour'],
      destinationCountry: 'MY',
    });
    expect(erasedCase.migrant).toEqual({
      bp2miCategory: 'died',
      deportee: { depot: 'Tawau' },
      deceased: { countryOfDeath: 'MY', dateOfDeath: '2026-11-01', yearsAbroad: 4 },
    });
  });

  it('seals rows written in clear before the migration, in place, and only once', async () => {
    const s = secrets(`B${randomBytes(3).toString('hex')}`);
    const ids = await plant(env, coordinator, agencyId, s);
    const db = env.deps.db;
    const mine = MIGRATION_NAMES.indexOf('202612081100_sealed_free_texts');
    await migrateToMigration(db, MIGRATION_NAMES[mine - 1]!);
    // What an older version left: the same columns under their old names, in clear.
    await sql`update cases set simfoni_id = ${s.simfoniId} where id = ${ids.caseId}`.execute(db);
    await sql`update persons set occupation = ${s.occupation}, disability = ${s.disability} where id = ${ids.personId}`.execute(
      db,
    );
    await sql`update consents set note = ${s.consentNote} where person_id = ${ids.personId}`.execute(db);
    await sql`update meetings set title = ${s.title}, place = ${s.place}, online_link = '', chair = ${s.chair},
      minute_taker = ${s.minuteTaker}, invited_people = ${s.invitedPeople},
      agenda = ${JSON.stringify([{ title: 'Konferensi kasus', activityId: null, caseNumber: null, notes: s.agendaNote }])},
      attendees = ${JSON.stringify([{ name: s.attendee, position: '', agencyId: null, organisation: 'Keluarga' }])},
      minutes = ${s.minutes}, decisions = ${JSON.stringify([s.decision])} where id = ${ids.meetingId}`.execute(
      db,
    );
    await sql`update meeting_actions set description = ${s.actionDescription}, status_note = ${s.actionNote}
      where meeting_id = ${ids.meetingId}`.execute(db);
    await writeCaseTextsInClear(db, ids, s);
    await db.deleteFrom('settings').where('key', 'in', ['free_texts_sealed', 'case_texts_sealed']).execute();
    // The raw reading does see clear text when there is some (so its silence below means something).
    const before = await rawDatabase(env);
    for (const v of [
      s.simfoniId,
      s.occupation,
      s.consentNote,
      s.minutes,
      s.actionNote,
      s.eventDescription,
      s.alertNote,
    ])
      expect(before).toContain(v);

    await migrateToLatest(db);
    const sealed = await sealFreeTexts(db, env.deps.dbKind, env.deps.cipher);
    // 1 SIMFONI + 2 person + 1 consent + 10 meeting + 2 action values, 3 alert values and the two
    // case JSON texts; the other rows are already ciphertexts: left as they are.
    expect(sealed).toBe(21);
    expectNoneIn(await rawDatabase(env), s);
    await expectReadable(env, coordinator, ids, s);
    expect(await sealFreeTexts(db, env.deps.dbKind, env.deps.cipher)).toBe(0);
  });

  it('re-encrypts the sealed columns when the data key is rotated', async () => {
    const s = secrets(`C${randomBytes(3).toString('hex')}`);
    const ids = await plant(env, coordinator, agencyId, s);
    const deps = env.deps;
    // The test cipher is shared by both databases' runs in this file: each rotates to its own key.
    const next = kind === 'sqlite' ? 'k8' : 'k9';
    deps.cipher.addKeys({ [next]: randomBytes(32) });
    await startRotation(deps, next);
    const { left } = await runRotation(deps);
    expect(left.records).toEqual({});
    const others = deps.cipher.keyIds.filter((id) => id !== next);
    expect(others.length).toBeGreaterThan(0);
    expect(await keyUses(deps, others)).toEqual({ records: {}, files: 0 });
    const sealedColumns = {
      ...SEALED_FREE_TEXTS,
      ...SEALED_ALERT_TEXTS,
      cases: [...SEALED_FREE_TEXTS.cases!, ...JSON_FREE_TEXTS.map((j) => j.textsColumn)],
    };
    for (const [table, columns] of Object.entries(sealedColumns)) {
      const rows = await sql<Record<string, string | null>>`select ${sql.join(
        columns.map((c) => sql.ref(c)),
      )} from ${sql.table(table)}`.execute(deps.db);
      const values = rows.rows.flatMap((r) => Object.values(r)).filter((v): v is string => v !== null);
      expect(values.length, table).toBeGreaterThan(0);
      for (const v of values) expect(v.startsWith(`v1.${next}.`), `${table}: ${v.slice(0, 12)}`).toBe(true);
    }
    await expectReadable(env, coordinator, ids, s);
  });

  it('moves the case JSON texts and alert texts written before their migration, and a round trip keeps the sealed ones', async () => {
    const old = secrets(`D${randomBytes(3).toString('hex')}`);
    const kept = secrets(`E${randomBytes(3).toString('hex')}`);
    const oldIds = await plant(env, coordinator, agencyId, old);
    const keptIds = await plant(env, coordinator, agencyId, kept);
    const db = env.deps.db;
    const mine = MIGRATION_NAMES.indexOf('202612081300_sealed_case_texts');
    expect(mine).toBeGreaterThan(0);
    await migrateToMigration(db, MIGRATION_NAMES[mine - 1]!);
    // Down, the sealed texts stay ciphertexts inside the JSON: nothing comes out in clear.
    expectNoneIn(await rawDatabase(env), kept);
    await writeCaseTextsInClear(db, oldIds, old);
    await db.deleteFrom('settings').where('key', '=', CASE_TEXTS_SETTING).execute();
    const before = await rawDatabase(env);
    for (const v of [old.eventDescription, old.transportPaidBy, old.consulateReference, old.alertDescription])
      expect(before).toContain(v);

    await migrateToLatest(db);
    // Only this round runs (the first one is recorded as done): 3 alert values and the 2 JSON texts.
    expect(await sealFreeTexts(db, env.deps.dbKind, env.deps.cipher)).toBe(5);
    expectNoneIn(await rawDatabase(env), old);
    expectNoneIn(await rawDatabase(env), kept);
    await expectReadable(env, coordinator, oldIds, old);
    await expectReadable(env, coordinator, keptIds, kept);
    const json = await db
      .selectFrom('cases')
      .select(['profile', 'migrant', 'profile_texts_enc', 'migrant_texts_enc'])
      .where('id', 'in', [oldIds.caseId, keptIds.caseId])
      .execute();
    for (const row of json) {
      const events = (JSON.parse(row.profile) as { events: { description?: unknown }[] }).events;
      expect(events.map((e) => typeof e.description)).toEqual(['undefined', 'object']);
      expect(row.profile).not.toContain('textsEnc');
      expect(JSON.parse(row.migrant)).toEqual({
        bp2miCategory: 'died',
        deportee: { depot: 'Tawau' },
        deceased: { countryOfDeath: 'MY', dateOfDeath: '2026-11-01', yearsAbroad: 4 },
      });
      expect(row.profile_texts_enc).toMatch(/^v1\./);
      expect(row.migrant_texts_enc).toMatch(/^v1\./);
    }
    expect(await sealFreeTexts(db, env.deps.dbKind, env.deps.cipher)).toBe(0);
  });
});

// Every column that held free text about people in clear is now encrypted or split.
it('leaves no column classified as free text in clear', () => {
  const gaps = Object.entries(COLUMN_CLASSIFICATION).flatMap(([table, columns]) =>
    Object.entries(columns)
      .filter(([, c]) => c.startsWith('gap:'))
      .map(([column]) => `${table}.${column}`),
  );
  expect(gaps).toEqual([]);
});
