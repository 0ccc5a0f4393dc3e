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

const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;
const THREE = 'Fransiska Tiga Tahun';
const ONE_AND_HALF = 'Veronika Satu Setengah';

describe.each(DB_KINDS)('a shorter retention period waits for its grace period on %s', (kind) => {
  let env: TestEnv;
  const users: Record<string, { username: string; session: Session }> = {};
  let tfId: string;
  let otherTfId: string;
  let threeYears: { id: string; number: string };
  let oneAndHalf: { id: string; number: string };

  const as = (who: string) => users[who]!.session;
  const url = (tf = tfId) => `/api/v1/taskforces/${tf}/retention`;

  /** Time moves by days here: every session signs in again afterwards. */
  async function advance(ms: number) {
    env.clock.advance(ms);
    for (const u of Object.values(users)) u.session = await signIn(env, u.username);
  }

  async function closedCase(fullName: string, yearsAgo: number) {
    const today = env.clock.now().getTime();
    env.clock.advance(-yearsAgo * YEAR_MS);
    const manager = await signIn(env, users.manager!.username);
    const c = await call(env, manager, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt: new Date(env.clock.now().getTime() - DAY_MS).toISOString(),
      channel: 'walk_in',
      reportingParty: 'victim',
      risk: 'medium',
      narrative: `${fullName} direkrut ke Kalimantan.`,
    });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id as string;
    const p = await call(env, manager, 'POST', `/api/v1/cases/${id}/persons`, {
      role: 'victim',
      fullName,
      sex: 'Female',
      estimatedAge: 24,
    });
    expect(p.statusCode, p.body).toBe(201);
    const detail = (await call(env, manager, 'GET', `/api/v1/cases/${id}`)).json();
    const closed = await call(env, manager, 'POST', `/api/v1/cases/${id}/transitions`, {
      version: detail.version,
      to: 'closed',
      reason: 'Layanan selesai',
      closureReason: 'services_completed',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    env.clock.advance(today - env.clock.now().getTime());
    return { id, number: detail.caseNumber as string };
  }

  async function personsOf(caseId: string) {
    return (await call(env, as('manager'), 'GET', `/api/v1/cases/${caseId}/persons`)).body;
  }

  async function view() {
    const res = await call(env, as('coordinator'), 'GET', url());
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    tfId = tf.id;
    const agency = await buildAgency(env, { taskForceId: tf.id });
    const otherTf = await buildTaskForce(env, '53.15');
    otherTfId = otherTf.id;
    const otherAgency = await buildAgency(env, { taskForceId: otherTf.id });
    const make = async (key: string, roles: Parameters<typeof buildUser>[1], agencyId: string) => {
      const u = await buildUser(env, roles, { agencyId });
      users[key] = { username: u.username, session: await signIn(env, u.username) };
    };
    await make('manager', ['case_manager'], agency.id);
    await make('coordinator', ['coordinator'], agency.id);
    await make('admin1', ['admin'], agency.id);
    await make('admin2', ['admin'], agency.id);
    await make('otherAdmin', ['admin'], otherAgency.id);
    await make('otherCoordinator', ['coordinator'], otherAgency.id);
    await make('adminWithoutTaskForce', ['admin'], (await buildAgency(env)).id);
    threeYears = await closedCase(THREE, 3);
    oneAndHalf = await closedCase(ONE_AND_HALF, 1.5);
    await advance(0);
  });
  afterAll(async () => env?.close());

  it('shows what a shorter period would replace, with the case numbers for the secretariat only', async () => {
    const res = await call(env, as('coordinator'), 'GET', `${url()}/preview?years=2`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      closedCaseYears: 2,
      currentYears: 10,
      destructive: true,
      effectiveAt: new Date(env.clock.now().getTime() + 7 * DAY_MS).toISOString(),
      cases: 1,
      persons: 1,
      documents: 0,
      dueAnyway: 0,
      caseNumbers: [threeYears.number],
    });
    const forAdmin = (await call(env, as('admin1'), 'GET', `${url()}/preview?years=1`)).json();
    expect(forAdmin).toMatchObject({ cases: 2, persons: 2, destructive: true, caseNumbers: null });
    const longer = (await call(env, as('admin1'), 'GET', `${url()}/preview?years=12`)).json();
    expect(longer).toMatchObject({
      destructive: false,
      cases: 0,
      effectiveAt: env.clock.now().toISOString(),
    });
    for (const bad of ['0', '51', 'true', ''])
      expect((await call(env, as('admin1'), 'GET', `${url()}/preview?years=${bad}`)).statusCode).toBe(400);
  });

  it("is out of reach of another task force's administrators and coordinators (404) and of case managers (403)", async () => {
    const change = await call(env, as('coordinator'), 'PUT', url(), { closedCaseYears: 2, version: 0 });
    expect(change.statusCode, change.body).toBe(202);
    const changeId = change.json().pending.id as string;
    for (const who of ['otherAdmin', 'otherCoordinator', 'adminWithoutTaskForce']) {
      expect((await call(env, as(who), 'GET', url())).statusCode, who).toBe(404);
      expect((await call(env, as(who), 'GET', `${url()}/preview?years=1`)).statusCode, who).toBe(404);
      expect((await call(env, as(who), 'GET', `${url()}/changes`)).statusCode, who).toBe(404);
      expect(
        (await call(env, as(who), 'PUT', url(), { closedCaseYears: 1, version: 0 })).statusCode,
        who,
      ).toBe(404);
      for (const action of ['cancel', 'confirm'])
        expect(
          (await call(env, as(who), 'POST', `${url()}/changes/${changeId}/${action}`)).statusCode,
          `${who} ${action}`,
        ).toBe(404);
    }
    // The change id under the other task force's address is not found either, even for its admin.
    expect(
      (await call(env, as('otherAdmin'), 'POST', `${url(otherTfId)}/changes/${changeId}/confirm`)).statusCode,
    ).toBe(404);
    expect((await call(env, as('manager'), 'GET', url())).statusCode).toBe(403);
    expect((await call(env, as('manager'), 'POST', `${url()}/changes/${changeId}/cancel`)).statusCode).toBe(
      403,
    );
    expect((await call(env, null, 'GET', `${url()}/changes`)).statusCode).toBe(401);
    // Nothing of that touched the change.
    const { items } = (await call(env, as('coordinator'), 'GET', `${url()}/changes`)).json();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: changeId, status: 'pending', toYears: 2 });
    expect((await call(env, as('admin1'), 'POST', `${url()}/changes/${changeId}/cancel`)).statusCode).toBe(
      200,
    );
  });

  it('does not change what the run replaces during the grace period; cancelling stops it for good', async () => {
    const res = await call(env, as('coordinator'), 'PUT', url(), { closedCaseYears: 2, version: 0 });
    expect(res.statusCode, res.body).toBe(202);
    const effectiveAt = new Date(env.clock.now().getTime() + 7 * DAY_MS).toISOString();
    expect(res.json()).toMatchObject({
      closedCaseYears: 10,
      version: 0,
      dueNow: 0,
      graceDays: 7,
      pending: {
        fromYears: 10,
        toYears: 2,
        status: 'pending',
        effectiveAt,
        proposedBy: { id: as('coordinator').userId },
        impact: { cases: 1, persons: 1, caseNumbers: [threeYears.number] },
        // The coordinator may cancel, not confirm: confirming early takes a second administrator.
        abilities: { cancel: true, confirm: false },
      },
    });
    const changeId = res.json().pending.id as string;
    const [proposed] = (await auditEvents(env, 'retention.change_proposed')).slice(-1);
    expect(proposed).toMatchObject({ entity_id: tfId, actor_user_id: as('coordinator').userId });
    expect(JSON.parse(proposed!.details)).toMatchObject({ change: changeId, from: 10, to: 2, cases: 1 });

    // A second proposal waits for the first to be resolved.
    const second = await call(env, as('admin1'), 'PUT', url(), { closedCaseYears: 1, version: 0 });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.fields._).toBe(
      'Sudah ada perubahan masa simpan yang menunggu. Batalkan dulu sebelum mengajukan yang lain.',
    );

    // Six days on, the daily run and the command line's run still use ten years.
    await advance(6 * DAY_MS);
    expect(await runRetention(env.deps, { dryRun: true })).toMatchObject({ cases: 0 });
    expect(await runScheduledRetention(env.deps, { force: true })).toMatchObject({ cases: 0 });
    expect(await personsOf(threeYears.id)).toContain(THREE);
    expect((await view()).pending).toMatchObject({ id: changeId, status: 'pending' });

    const cancel = await call(env, as('coordinator'), 'POST', `${url()}/changes/${changeId}/cancel`);
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json()).toMatchObject({
      status: 'cancelled',
      resolution: 'cancelled',
      resolvedBy: { id: as('coordinator').userId },
      impact: null,
      abilities: { cancel: false, confirm: false },
    });
    const [cancelled] = (await auditEvents(env, 'retention.change_cancelled')).slice(-1);
    expect(cancelled).toMatchObject({ entity_id: tfId, actor_user_id: as('coordinator').userId });
    expect(JSON.parse(cancelled!.details)).toEqual({ change: changeId, from: 10, to: 2 });
    const again = await call(env, as('admin1'), 'POST', `${url()}/changes/${changeId}/confirm`);
    expect(again.statusCode).toBe(409);

    // Past the date it would have taken effect: nothing changes.
    await advance(2 * DAY_MS);
    expect(await runScheduledRetention(env.deps, { force: true })).toMatchObject({ cases: 0 });
    expect(await personsOf(threeYears.id)).toContain(THREE);
    expect(await view()).toMatchObject({ closedCaseYears: 10, version: 0, pending: null });
  });

  it('applies once the grace period has ended, at the daily run, audited', async () => {
    const res = await call(env, as('admin1'), 'PUT', url(), { closedCaseYears: 2, version: 0 });
    expect(res.statusCode, res.body).toBe(202);
    const changeId = res.json().pending.id as string;
    await advance(7 * DAY_MS - 60_000);
    expect(await runScheduledRetention(env.deps, { force: true })).toMatchObject({ cases: 0 });
    expect(await personsOf(threeYears.id)).toContain(THREE);
    await advance(60_000);
    expect(await runScheduledRetention(env.deps, { force: true })).toEqual({
      cases: 1,
      persons: 1,
      documents: 0,
      purged: 0,
    });
    expect(await personsOf(threeYears.id)).not.toContain(THREE);
    expect(await personsOf(oneAndHalf.id)).toContain(ONE_AND_HALF);
    expect(await view()).toMatchObject({ closedCaseYears: 2, version: 1, pending: null, applied: 1 });
    const { items } = (await call(env, as('coordinator'), 'GET', `${url()}/changes`)).json();
    expect(items[0]).toMatchObject({
      id: changeId,
      status: 'applied',
      resolution: 'grace_period',
      resolvedBy: null,
    });
    const [applied] = (await auditEvents(env, 'retention.rule_changed')).slice(-1);
    expect(applied).toMatchObject({ entity_id: tfId, actor_user_id: null });
    expect(JSON.parse(applied!.details)).toEqual({ from: 10, to: 2, change: changeId, by: 'grace_period' });
  });

  it('takes effect at once when a second administrator confirms it; the proposer cannot', async () => {
    const res = await call(env, as('admin1'), 'PUT', url(), { closedCaseYears: 1, version: 1 });
    expect(res.statusCode, res.body).toBe(202);
    const changeId = res.json().pending.id as string;
    expect(res.json().pending.abilities).toEqual({ cancel: true, confirm: false });
    const own = await call(env, as('admin1'), 'POST', `${url()}/changes/${changeId}/confirm`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.fields._).toBe(
      'Perubahan harus disetujui oleh administrator lain, bukan yang mengajukannya.',
    );
    const coordinator = await call(env, as('coordinator'), 'POST', `${url()}/changes/${changeId}/confirm`);
    expect(coordinator.statusCode).toBe(403);
    expect(await view()).toMatchObject({ closedCaseYears: 2, pending: { id: changeId } });

    const forSecond = (await call(env, as('admin2'), 'GET', url())).json();
    expect(forSecond.pending.abilities).toEqual({ cancel: true, confirm: true });
    const confirm = await call(env, as('admin2'), 'POST', `${url()}/changes/${changeId}/confirm`);
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toMatchObject({
      status: 'applied',
      resolution: 'confirmed',
      resolvedBy: { id: as('admin2').userId },
    });
    expect(await view()).toMatchObject({ closedCaseYears: 1, version: 2, pending: null, dueNow: 1 });
    const [confirmed] = (await auditEvents(env, 'retention.change_confirmed')).slice(-1);
    expect(confirmed).toMatchObject({ actor_user_id: as('admin2').userId });
    expect(JSON.parse(confirmed!.details)).toEqual({ change: changeId, proposedBy: as('admin1').userId });
    const [rule] = (await auditEvents(env, 'retention.rule_changed')).slice(-1);
    expect(rule).toMatchObject({ actor_user_id: as('admin2').userId });
    expect(JSON.parse(rule!.details)).toEqual({ from: 2, to: 1, change: changeId, by: 'confirmed' });
    expect(await runScheduledRetention(env.deps, { force: true })).toMatchObject({ cases: 1, persons: 1 });
    expect(await personsOf(oneAndHalf.id)).not.toContain(ONE_AND_HALF);
    expect((await call(env, as('admin1'), 'POST', `${url()}/changes/${changeId}/cancel`)).statusCode).toBe(
      409,
    );
  });

  it('lengthens the period at once (it only delays replacement), audited', async () => {
    const res = await call(env, as('coordinator'), 'PUT', url(), { closedCaseYears: 15, version: 2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ closedCaseYears: 15, version: 3, pending: null });
    const [rule] = (await auditEvents(env, 'retention.rule_changed')).slice(-1);
    expect(JSON.parse(rule!.details)).toEqual({ from: 1, to: 15, by: 'longer' });
    // The same value again changes nothing.
    const same = await call(env, as('coordinator'), 'PUT', url(), { closedCaseYears: 15, version: 3 });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ version: 3 });
    expect(await auditEvents(env, 'retention.rule_changed')).toHaveLength(3);
  });
});
