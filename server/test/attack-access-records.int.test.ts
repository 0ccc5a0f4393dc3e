import type { Role } from '@sinergi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/modules/demo/demo.seed.js';
import { expectRefusedEverywhere, type MatrixUser, type Operation, operationsOf } from './access-matrix.js';
import {
  buildAgency,
  buildTaskForce,
  buildUser,
  call,
  createTestEnv,
  DB_KINDS,
  multipart,
  signIn,
  type TestEnv,
} from './support.js';

/**
 * The access matrix for every record outside a case, generated from the OpenAPI document: each
 * operation whose path names a record (a plan, a meeting, a decree, a referral, an import, a
 * user...) is tried with the ids of the demo task force's real records by every role of another
 * task force, and, for records that belong to one agency or one person rather than the whole task
 * force, by uninvolved users of the same task force. Every answer must be 404, a role-level 403 or
 * a 400 about the request's own shape, and none may carry the record's id or its content. The
 * operations on a case live in attack-access.int.test.ts.
 */

const PASSWORD = 'Demo-Lingko-Sawah-2026';

/** Path parameters that are not records of one task force: a year, a period, a document kind, a region. */
const NOT_RECORDS = new Set(['year', 'period', 'kind', 'code']);

/**
 * Operations every signed-in user may call with another task force's id, and why: the directory of
 * task forces and agencies (names, levels, regions) is deployment-wide so that referrals between
 * task forces can be addressed.
 */
const OPEN_TO_ALL = new Set(['GET /api/v1/agencies/{id}', 'GET /api/v1/taskforces/{id}']);

/**
 * Records of the case work that belong to the agencies involved: uninvolved case workers of the
 * same task force are refused (its coordinators oversee them without identities, by design).
 */
const AGENCY_PREFIXES = [
  '/api/v1/referrals/',
  '/api/v1/services/',
  '/api/v1/follow-up-visits/',
  '/api/v1/repatriation-legs/',
  '/api/v1/conference-actions/',
];

/** Records of one person or of the administrators: every other user of the task force is refused. */
const PERSONAL_PREFIXES = [
  '/api/v1/auth/sessions/',
  '/api/v1/notifications/',
  '/api/v1/imports/',
  '/api/v1/break-glass/',
  '/api/v1/security/',
  '/api/v1/users/',
];

describe.each(DB_KINDS)('access matrix of task-force records on %s', (kind) => {
  let env: TestEnv;
  let operations: Operation[];
  let ids: Record<string, string>;
  let secrets: string[];
  let farUsers: MatrixUser[];
  let nearWorkers: MatrixUser[];
  let nearCoordinator: MatrixUser;

  beforeAll(async () => {
    env = await createTestEnv(kind, { API_RATE_LIMIT: '1000000' });
    expect((await seedDemo(env.deps, PASSWORD)).status).toBe('seeded');
    const db = env.deps.db;
    const coordinator = await signIn(env, 'koordinator.dp3a', PASSWORD);
    // The case manager's own session: a record of one person that others must not end.
    await signIn(env, 'manajer.uptdppa', PASSWORD);
    const tf = await db
      .selectFrom('users')
      .innerJoin('agencies', 'agencies.id', 'users.agency_id')
      .select(['agencies.task_force_id as tf', 'agencies.id as agency'])
      .where('users.username', '=', 'koordinator.dp3a')
      .executeTakeFirstOrThrow();
    const tfId = tf.tf!;
    const first = async <T>(q: Promise<T | undefined>, what: string): Promise<T> => {
      const row = await q;
      if (!row) throw new Error(`the demo has no ${what}`);
      return row;
    };
    const plan = await first(
      db.selectFrom('plans').select(['id', 'title']).where('task_force_id', '=', tfId).executeTakeFirst(),
      'plan',
    );
    const meetingRow = await first(
      db
        .selectFrom('meetings')
        .select(['id', 'title_enc'])
        .where('task_force_id', '=', tfId)
        .executeTakeFirst(),
      'meeting',
    );
    const meeting = { id: meetingRow.id, title: env.deps.cipher.decrypt(meetingRow.title_enc) };
    const action = await first(
      db.selectFrom('meeting_actions').select('id').where('meeting_id', '=', meeting.id).executeTakeFirst(),
      'meeting action',
    );
    const alertRow = await first(
      db
        .selectFrom('recruitment_alerts')
        .select(['id', 'description_enc'])
        .where('task_force_id', '=', tfId)
        .executeTakeFirst(),
      'recruitment alert',
    );
    const alert = { id: alertRow.id, description: env.deps.cipher.decrypt(alertRow.description_enc) };
    const decree = await first(
      db
        .selectFrom('taskforce_decrees')
        .select(['id', 'title'])
        .where('task_force_id', '=', tfId)
        .executeTakeFirst(),
      'decree',
    );
    const focal = await first(
      db
        .selectFrom('focal_persons')
        .select(['id', 'name', 'phone'])
        .where('task_force_id', '=', tfId)
        .executeTakeFirst(),
      'focal person',
    );
    const sub = await first(
      db.selectFrom('sub_task_forces').select('id').where('task_force_id', '=', tfId).executeTakeFirst(),
      'sub-task force',
    );
    const referral = await first(
      db
        .selectFrom('referrals')
        .innerJoin('cases', 'cases.id', 'referrals.case_id')
        .select('referrals.id')
        .where('cases.task_force_id', '=', tfId)
        .executeTakeFirst(),
      'referral',
    );
    const service = await first(
      db
        .selectFrom('services')
        .innerJoin('cases', 'cases.id', 'services.case_id')
        .select('services.id')
        .where('cases.task_force_id', '=', tfId)
        .executeTakeFirst(),
      'service',
    );
    const visit = await first(
      db.selectFrom('follow_up_visits').select('id').executeTakeFirst(),
      'follow-up visit',
    );
    const leg = await first(
      db.selectFrom('repatriation_legs').select('id').executeTakeFirst(),
      'repatriation leg',
    );
    const conferenceAction = await first(
      db.selectFrom('conference_actions').select('id').executeTakeFirst(),
      'case conference action',
    );
    const managerId = (
      await db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'manajer.uptdppa')
        .executeTakeFirstOrThrow()
    ).id;
    const session = await first(
      db.selectFrom('sessions').select('id').where('user_id', '=', managerId).executeTakeFirst(),
      'session of the case manager',
    );

    // Records the demo does not hold are made the way users make them.
    const upload = multipart(
      'register-matriks.csv',
      Buffer.from('No;Tanggal Lapor;Nama\nM-1;01/02/2025;Rahasia'),
    );
    const imported = await env.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      payload: upload.payload,
      headers: { ...upload.headers, cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrf },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const someCase = await first(
      db
        .selectFrom('cases')
        .select(['id', 'case_number'])
        .where('task_force_id', '=', tfId)
        .where('lead_agency_id', '!=', tf.agency)
        .executeTakeFirst(),
      'case led by another agency than the coordinator’s',
    );
    const glass = await call(env, coordinator, 'POST', '/api/v1/break-glass', {
      caseNumber: someCase.case_number,
      reason: 'Anak dalam bahaya malam ini, perlu kontak wali segera.',
    });
    const grant = await first(
      db.selectFrom('case_access_grants').select('id').where('case_id', '=', someCase.id).executeTakeFirst(),
      `break-glass grant (${glass.statusCode} ${glass.body.slice(0, 120)})`,
    );
    const notice = await first(
      db.selectFrom('notifications').select('id').where('user_id', '=', managerId).executeTakeFirst(),
      'notification of the case manager',
    );
    const securityAlert = await db.selectFrom('security_alerts').select('id').executeTakeFirst();
    const securityAlertId =
      securityAlert?.id ??
      (
        await db
          .insertInto('security_alerts')
          .values({
            id: '4d7c1a3e-7b65-4c1e-9a51-0c1f5a7d2b11',
            kind: 'failed_logins_from_ip',
            detected_at: env.clock.now().toISOString(),
            window_start: env.clock.now().toISOString(),
            window_end: env.clock.now().toISOString(),
            count: 12,
            subject_user_id: null,
            subject_ip: '203.0.113.9',
            audit_seq: 1,
            acknowledged_at: null,
            acknowledged_by: null,
            acknowledge_note: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;

    // A signed decree file, and evidence on a progress report filed by its responsible agency.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const decreeUpload = multipart('sk-matriks-rahasia.pdf', pdf);
    const decreeFile = await env.app.inject({
      method: 'PUT',
      url: `/api/v1/taskforces/${tfId}/decrees/${decree.id}/file`,
      payload: decreeUpload.payload,
      headers: { ...decreeUpload.headers, cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrf },
    });
    expect(decreeFile.statusCode, decreeFile.body).toBe(200);
    const dinsos = await signIn(env, 'layanan.dinsos', PASSWORD);
    const report = await first(
      db
        .selectFrom('progress_reports')
        .innerJoin('plan_activities', 'plan_activities.id', 'progress_reports.activity_id')
        .innerJoin('users', 'users.agency_id', 'plan_activities.responsible_agency_id')
        .select(['progress_reports.activity_id', 'progress_reports.year', 'progress_reports.period'])
        .where('users.username', '=', 'layanan.dinsos')
        .where('plan_activities.plan_id', '=', plan.id)
        .executeTakeFirst(),
      'progress report of the Dinas Sosial',
    );
    const evidenceUpload = multipart('bukti-matriks-rahasia.pdf', pdf);
    const evidence = await env.app.inject({
      method: 'POST',
      url: `/api/v1/plans/${plan.id}/activities/${report.activity_id}/reports/${report.year}/${report.period}/evidence`,
      payload: evidenceUpload.payload,
      headers: { ...evidenceUpload.headers, cookie: dinsos.cookie, 'x-csrf-token': dinsos.csrf },
    });
    expect(evidence.statusCode, evidence.body).toBe(201);
    const evidenceId = (
      await db
        .selectFrom('attachments')
        .select('id')
        .where('owner_type', '=', 'progress_report')
        .orderBy('uploaded_at', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
    const activityRecord = await first(
      db
        .selectFrom('prevention_activities')
        .select('id')
        .where('task_force_id', '=', tfId)
        .executeTakeFirst(),
      'outreach activity',
    );
    const watchGroup = await first(
      db.selectFrom('watch_groups').select('id').where('task_force_id', '=', tfId).executeTakeFirst(),
      'community-watch group',
    );

    const job = await call(env, coordinator, 'POST', '/api/v1/reports/yearly/2025/jobs');
    expect(job.statusCode, job.body).toBeLessThan(300);
    // A shorter retention period proposed by the secretariat: a pending change with its own id.
    const retention = (await call(env, coordinator, 'GET', `/api/v1/taskforces/${tfId}/retention`)).json();
    const proposed = await call(env, coordinator, 'PUT', `/api/v1/taskforces/${tfId}/retention`, {
      closedCaseYears: Math.max(1, retention.closedCaseYears - 1),
      version: retention.version,
    });
    expect(proposed.statusCode, proposed.body).toBe(202);
    const changeId = proposed.json().pending.id as string;

    const byPrefix: [string, Record<string, string>][] = [
      ['/api/v1/plans/', { id: plan.id, activityId: report.activity_id, fileId: evidenceId }],
      ['/api/v1/meetings/', { id: meeting.id, actionId: action.id }],
      ['/api/v1/prevention/alerts/', { id: alert.id }],
      ['/api/v1/prevention/activities/', { id: activityRecord.id }],
      ['/api/v1/prevention/watch-groups/', { id: watchGroup.id }],
      [
        '/api/v1/taskforces/',
        {
          id: tfId,
          changeId,
          decreeId: decree.id,
          fileId: decreeFile.json().file.id,
          focalId: focal.id,
          agencyId: tf.agency,
          subId: sub.id,
        },
      ],
      ['/api/v1/agencies/', { id: tf.agency }],
      ['/api/v1/referrals/', { id: referral.id }],
      ['/api/v1/services/', { id: service.id, documentId: service.id }],
      ['/api/v1/follow-up-visits/', { id: visit.id }],
      ['/api/v1/repatriation-legs/', { id: leg.id }],
      ['/api/v1/conference-actions/', { id: conferenceAction.id }],
      ['/api/v1/imports/', { id: imported.json().id }],
      ['/api/v1/break-glass/', { id: grant.id }],
      ['/api/v1/notifications/', { id: notice.id }],
      ['/api/v1/security/alerts/', { id: securityAlertId }],
      ['/api/v1/users/', { id: managerId, sessionId: session.id }],
      ['/api/v1/reports/yearly/', { id: job.json().id }],
      ['/api/v1/auth/sessions/', { sessionId: session.id }],
    ];
    ids = {};
    for (const [prefix, values] of byPrefix)
      for (const [name, value] of Object.entries(values)) ids[`${prefix}:${name}`] = value;
    secrets = [
      plan.title,
      meeting.title,
      alert.description,
      decree.title,
      focal.name,
      ...(focal.phone ? [focal.phone] : []),
      'register-matriks',
      'sk-matriks-rahasia',
      'bukti-matriks-rahasia',
      ...Object.values(ids),
    ].filter((s) => s.length >= 8);

    operations = await operationsOf(env, (p) => p.includes('{') && !p.startsWith('/api/v1/cases/{id}'));

    const otherTf = await buildTaskForce(env, '53.19');
    const otherAgency = await buildAgency(env, { taskForceId: otherTf.id });
    const roles: Role[] = [
      'coordinator',
      'case_manager',
      'service_provider',
      'investigator',
      'leadership',
      'analyst',
    ];
    farUsers = [];
    for (const role of roles)
      farUsers.push({
        name: `${role} of another task force`,
        session: await signIn(env, (await buildUser(env, [role], { agencyId: otherAgency.id })).username),
      });
    const quietAgency = await buildAgency(env, { taskForceId: tfId });
    nearWorkers = [];
    for (const role of ['case_manager', 'service_provider', 'investigator'] as Role[])
      nearWorkers.push({
        name: `${role} of an uninvolved agency of the same task force`,
        session: await signIn(env, (await buildUser(env, [role], { agencyId: quietAgency.id })).username),
      });
    nearCoordinator = {
      name: 'coordinator of the same task force',
      session: await signIn(
        env,
        (await buildUser(env, ['coordinator'], { agencyId: quietAgency.id })).username,
      ),
    };
  }, 180_000);
  afterAll(async () => env?.close());

  function urlOf(path: string): string {
    const prefix = Object.keys(ids)
      .map((k) => k.slice(0, k.lastIndexOf(':')))
      .filter((p) => path.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    return path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'year') return '2025';
      if (name === 'period') return '1';
      if (name === 'kind') return 'minutes';
      if (name === 'code') return '53.10';
      const id = prefix ? ids[`${prefix}:${name}`] : undefined;
      if (!id) throw new Error(`no record id for {${name}} in ${path}: add it to the matrix`);
      return id;
    });
  }

  const refused = (who: MatrixUser[], ops: Operation[]) =>
    expectRefusedEverywhere(env, who, ops, urlOf, secrets);

  const recordOps = () =>
    operations.filter(
      (op) =>
        [...op.path.matchAll(/\{(\w+)\}/g)].some((m) => !NOT_RECORDS.has(m[1]!)) &&
        !OPEN_TO_ALL.has(`${op.method} ${op.path}`),
    );

  it('refuses every role of another task force on every operation that names a record, with none of its data', async () => {
    expect(recordOps().length).toBeGreaterThanOrEqual(40);
    await refused(farUsers, recordOps());
  });

  it('refuses uninvolved users of the same task force on records of the agencies involved and of one person', async () => {
    const agencyOps = recordOps().filter((op) =>
      [...AGENCY_PREFIXES, ...PERSONAL_PREFIXES].some((p) => op.path.startsWith(p)),
    );
    expect(agencyOps.length).toBeGreaterThanOrEqual(12);
    await refused(nearWorkers, agencyOps);
    const personalOps = recordOps().filter((op) => PERSONAL_PREFIXES.some((p) => op.path.startsWith(p)));
    await refused([nearCoordinator], personalOps);
  });

  it('still lets the owners read their records: the matrix did not pass because the records were gone', async () => {
    const coordinator = await signIn(env, 'koordinator.dp3a', PASSWORD);
    for (const prefix of ['/api/v1/plans/', '/api/v1/meetings/', '/api/v1/imports/']) {
      const res = await call(env, coordinator, 'GET', `${prefix}${ids[`${prefix}:id`]}`);
      expect(res.statusCode, `${prefix}: ${res.body.slice(0, 200)}`).toBe(200);
    }
  });
});
