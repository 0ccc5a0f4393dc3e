import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention, runScheduledRetention } from '../src/modules/retention/retention.service.js';
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

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const YEAR_MS = 365.25 * 86_400_000;

const NIK = '5310035107950021';
const NAME = 'Maria Retensi Lama';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n% Surat Maria\n%%EOF');

function multipart(data: Buffer, fields: Record<string, string>) {
  const boundary = '----sinergi-retention-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="surat-maria.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(DB_KINDS)('retention of identifying data on %s', (kind) => {
  let env: TestEnv;
  let manager: Session;
  let coordinator: Session;
  let admin: Session;
  let admin2: Session;
  let outsider: Session;
  let outsiderAdmin: Session;
  let tfId: string;
  let oldCase: string;
  let recentCase: string;
  let openCase: string;

  async function newCase(narrative: string, fullName: string, nik?: string) {
    const c = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: new Date(env.clock.now().getTime() - 86_400_000).toISOString(),
      channel: 'walk_in',
      reportingParty: 'victim',
      risk: 'high',
      narrative,
    });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id as string;
    const p = await call(env, manager, 'POST', `/api/v1/cases/${id}/persons`, {
      role: 'victim',
      fullName,
      ...(nik && { nik }),
      sex: 'Female',
      estimatedAge: 22,
      occupation: 'Penenun',
    });
    expect(p.statusCode, p.body).toBe(201);
    return { id, personId: p.json().person.id as string };
  }

  async function close(id: string) {
    const detail = (await call(env, manager, 'GET', `/api/v1/cases/${id}`)).json();
    const res = await call(env, manager, 'POST', `/api/v1/cases/${id}/transitions`, {
      version: detail.version,
      to: 'closed',
      reason: `Layanan selesai untuk ${NAME}`,
      closureReason: 'services_completed',
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    tfId = tf.id;
    const uptd = await buildAgency(env, { taskForceId: tf.id });
    const otherTf = await buildTaskForce(env, '53.15');
    const other = await buildAgency(env, { taskForceId: otherTf.id });
    manager = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: uptd.id })).username);
    admin = await signIn(env, (await buildUser(env, ['admin'], { agencyId: uptd.id })).username);
    admin2 = await signIn(env, (await buildUser(env, ['admin'], { agencyId: uptd.id })).username);
    outsider = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: other.id })).username);
    outsiderAdmin = await signIn(env, (await buildUser(env, ['admin'], { agencyId: other.id })).username);

    // Closed twelve years ago (by the test clock), then time moves to today.
    const today = env.clock.now().getTime();
    const moveTo = (t: number) => env.clock.advance(t - env.clock.now().getTime());
    moveTo(today - 12 * YEAR_MS);
    const old = await newCase(`${NAME} dibawa ke Malaysia oleh perekrut.`, NAME, NIK);
    oldCase = old.id;
    const body = multipart(PDF, { personId: old.personId });
    const up = await env.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${oldCase}/documents`,
      payload: body.payload,
      headers: { ...body.headers, cookie: manager.cookie, 'x-csrf-token': manager.csrf },
    });
    expect(up.statusCode, up.body).toBe(201);
    await close(oldCase);
    moveTo(today - 2 * YEAR_MS);
    recentCase = (await newCase('Cerita kasus yang baru ditutup.', 'Agustina Baru Tutup')).id;
    await close(recentCase);
    moveTo(today);
    openCase = (await newCase('Cerita kasus yang masih berjalan.', 'Yuliana Masih Buka')).id;
    // Sessions signed in at the start are long expired after moving the clock: sign in again.
    manager = await signIn(
      env,
      (
        await env.deps.db
          .selectFrom('users')
          .select('username')
          .where('id', '=', manager.userId)
          .executeTakeFirstOrThrow()
      ).username,
    );
  });
  afterAll(async () => env?.close());

  const url = () => `/api/v1/taskforces/${tfId}/retention`;

  it("shows the rule (10 years by default) and what is due to the task force's administrators and coordinators only", async () => {
    expect((await call(env, null, 'GET', url())).statusCode).toBe(401);
    expect((await call(env, manager, 'GET', url())).statusCode).toBe(403);
    // Another task force's coordinator or administrator finds nothing there.
    expect((await call(env, outsider, 'GET', url())).statusCode).toBe(404);
    expect((await call(env, outsiderAdmin, 'GET', url())).statusCode).toBe(404);
    expect((await call(env, admin, 'GET', `/api/v1/taskforces/${oldCase}/retention`)).statusCode).toBe(404);
    const res = await call(env, coordinator, 'GET', url());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      closedCaseYears: 10,
      version: 0,
      dueNow: 1,
      applied: 0,
      lastRun: null,
      pending: null,
    });
    // What a shorter rule would do, before it is saved.
    const preview = await call(env, coordinator, 'GET', `${url()}?ifYears=1`);
    expect(preview.json()).toMatchObject({ closedCaseYears: 10, dueNow: 2 });
    expect((await call(env, coordinator, 'GET', `${url()}?ifYears=99`)).statusCode).toBe(400);
  });

  it('counts without changing anything on a dry run', async () => {
    const counts = await runRetention(env.deps, { dryRun: true });
    expect(counts).toEqual({ cases: 1, persons: 1, documents: 1, purged: 0 });
    const detail = await call(env, manager, 'GET', `/api/v1/cases/${oldCase}`);
    expect(detail.body).toContain(NAME);
  });

  it('replaces the identifying data of closed cases past retention and keeps the statistics fields', async () => {
    const personsBefore = (await call(env, manager, 'GET', `/api/v1/cases/${oldCase}/persons`)).json().items;
    const counts = await runScheduledRetention(env.deps);
    expect(counts).toEqual({ cases: 1, persons: 1, documents: 1, purged: 0 });
    const detail = await call(env, manager, 'GET', `/api/v1/cases/${oldCase}`);
    expect(detail.body).not.toContain(NAME);
    expect(detail.json().narrative).toBe('[DIHAPUS]');
    const persons = (await call(env, manager, 'GET', `/api/v1/cases/${oldCase}/persons`)).json().items;
    expect(persons[0].identity).toMatchObject({ fullName: '[DIHAPUS]', nik: null });
    expect(persons[0].erasedAt).toBeTruthy();
    for (const key of ['role', 'sex', 'ageAtIncident', 'isChild', 'occupation'] as const)
      expect(persons[0][key]).toEqual(personsBefore[0][key]);
    expect((await call(env, manager, 'GET', `/api/v1/cases?q=${NIK}`)).json().total).toBe(0);
    expect(
      fs.existsSync(path.join(env.dataDir, 'documents'))
        ? fs
            .readdirSync(path.join(env.dataDir, 'documents'), { recursive: true })
            .map(String)
            .filter((f) => f.endsWith('.bin'))
        : [],
    ).toEqual([]);
    const timeline = await call(env, manager, 'GET', `/api/v1/cases/${oldCase}/timeline`);
    expect(timeline.body).not.toContain(NAME);
    // The recent and the open case are untouched.
    expect((await call(env, manager, 'GET', `/api/v1/cases/${recentCase}/persons`)).body).toContain(
      'Agustina Baru Tutup',
    );
    expect((await call(env, manager, 'GET', `/api/v1/cases/${openCase}/persons`)).body).toContain(
      'Yuliana Masih Buka',
    );
    const [event] = await auditEvents(env, 'case.retention_applied');
    expect(event).toMatchObject({ entity_id: oldCase, actor_user_id: null });
    expect(JSON.parse(event!.details)).toEqual({ persons: 1, documents: 1, years: 10 });
    expect(event!.details).not.toContain('Maria');
  });

  it('runs once a day: a second instance finds the run done and skips; a later run has nothing left', async () => {
    expect(await runScheduledRetention(env.deps)).toBeNull();
    const view = (await call(env, coordinator, 'GET', url())).json();
    expect(view).toMatchObject({
      dueNow: 0,
      applied: 1,
      lastRun: { cases: 1, persons: 1, documents: 1, purged: 0 },
    });
    env.clock.advance(21 * 3_600_000);
    expect(await runScheduledRetention(env.deps)).toEqual({ cases: 0, persons: 0, documents: 0, purged: 0 });
  });

  it('refuses a retention period that is not a whole number of years, changing nothing', async () => {
    // The clock moved past the sessions' lifetime: sign in again.
    const again = async (s: Session) =>
      signIn(
        env,
        (
          await env.deps.db
            .selectFrom('users')
            .select('username')
            .where('id', '=', s.userId)
            .executeTakeFirstOrThrow()
        ).username,
      );
    coordinator = await again(coordinator);
    admin = await again(admin);
    admin2 = await again(admin2);
    outsider = await again(outsider);
    outsiderAdmin = await again(outsiderAdmin);
    manager = await again(manager);
    const before = (await call(env, coordinator, 'GET', url())).json();
    const whole = 'Isi jumlah tahun dengan bilangan bulat, misalnya 10.';
    const cases: [unknown, string][] = [
      [true, whole],
      ['7', whole],
      [[5], whole],
      [[[1]], whole],
      [null, 'Wajib diisi.'],
      [7.5, whole],
      [0, 'Minimal 1.'],
    ];
    for (const [value, message] of cases) {
      const res = await call(env, coordinator, 'PUT', url(), { closedCaseYears: value, version: 0 });
      expect(res.statusCode, JSON.stringify(value)).toBe(400);
      expect(res.json().error.fields.closedCaseYears, JSON.stringify(value)).toBe(message);
    }
    const english = await call(
      env,
      admin,
      'PUT',
      url(),
      { closedCaseYears: true, version: 0 },
      {
        'accept-language': 'en',
      },
    );
    expect(english.json().error.fields.closedCaseYears).toBe(
      'Enter a whole number of years, for example 10.',
    );
    expect((await call(env, coordinator, 'GET', url())).json()).toEqual(before);
    expect(await env.deps.db.selectFrom('retention_rules').selectAll().execute()).toEqual([]);
    expect(await env.deps.db.selectFrom('pending_setting_changes').selectAll().execute()).toEqual([]);
    for (const action of ['retention.rule_changed', 'retention.change_proposed'])
      expect(await auditEvents(env, action)).toEqual([]);
  });

  it('takes a shorter rule from the coordinator as a proposal, with the version read; audited', async () => {
    expect((await call(env, outsider, 'PUT', url(), { closedCaseYears: 1, version: 0 })).statusCode).toBe(
      404,
    );
    const ok = await call(env, coordinator, 'PUT', url(), { closedCaseYears: 1, version: 0 });
    expect(ok.statusCode, ok.body).toBe(202);
    expect(ok.json()).toMatchObject({
      closedCaseYears: 10,
      version: 0,
      dueNow: 0,
      pending: { fromYears: 10, toYears: 1, status: 'pending', impact: { cases: 1, persons: 1 } },
    });
    const stale = await call(env, admin, 'PUT', url(), { closedCaseYears: 5, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const [event] = await auditEvents(env, 'retention.change_proposed');
    expect(JSON.parse(event!.details)).toMatchObject({ from: 10, to: 1, cases: 1, persons: 1, documents: 0 });
  });

  it('`sinergi retention run --dry-run` prints the counts and changes nothing', async () => {
    const dbEnv = env.databaseUrl
      ? { DATABASE_URL: env.databaseUrl, DATA_DIR: env.dataDir }
      : { DATA_DIR: env.dataDir };
    const cli = (args: string[]) =>
      run(
        process.execPath,
        ['--conditions=sinergi-source', '--import', 'tsx', 'server/src/main.ts', ...args],
        {
          cwd: root,
          env: { ...process.env, ...dbEnv, LOG_LEVEL: 'silent' },
        },
      );
    // The proposed rule is not in force yet: the command line's run uses the rule in force only.
    const waiting = await cli(['retention', 'run', '--dry-run']);
    expect(waiting.stdout).toMatch(/Dry run: 0 closed cases past retention/);
    const changeId = (await call(env, coordinator, 'GET', url())).json().pending.id as string;
    const confirm = await call(env, admin2, 'POST', `${url()}/changes/${changeId}/confirm`);
    expect(confirm.statusCode, confirm.body).toBe(200);
    const dry = await cli(['retention', 'run', '--dry-run']);
    expect(dry.stdout).toMatch(
      /Dry run: 1 closed cases past retention, 1 people and 0 documents would be replaced; 0 deleted records would be purged\. Nothing was changed\./,
    );
    expect((await call(env, manager, 'GET', `/api/v1/cases/${recentCase}/persons`)).body).toContain(
      'Agustina Baru Tutup',
    );
    // The run itself, as the CLI makes it (in process: the test's data key lives only here).
    expect(await runScheduledRetention(env.deps, { force: true })).toEqual({
      cases: 1,
      persons: 1,
      documents: 0,
      purged: 0,
    });
    expect((await call(env, manager, 'GET', `/api/v1/cases/${recentCase}/persons`)).body).not.toContain(
      'Agustina',
    );
  }, 60_000);
});
