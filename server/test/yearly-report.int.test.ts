import { randomUUID } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleReportJobs } from '../src/modules/reports/reports.service.js';
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

/** One file out of a zip archive (a DOCX), read through its central directory. */
function unzipEntry(zip: Buffer, name: string): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : Buffer.from(data);
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`${name} not in the archive`);
}

/** The words of a DOCX body, one space between runs and paragraphs. */
function docxText(docx: Buffer): string {
  return unzipEntry(docx, 'word/document.xml')
    .toString('utf8')
    .replace(/<\/w:p>/g, ' ')
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const text = (await parser.getText()).text.replace(/\s+/g, ' ');
  await parser.destroy();
  return text;
}

const VICTIM_NAME = 'Maria Goreti Jebarus';
const CASE_PREFIX = 'UJI-LAPORAN';

/**
 * A small fixed year. 2025: cases in March, June and November with three victims each (men,
 * women, girls), a deportee case with three men and one body returned (a single victim, which
 * the report must hide even from the secretariat); 2024: three cases of one victim each.
 */
describe.each(DB_KINDS)('yearly report on %s', (kind) => {
  let env: TestEnv;
  let tf: string;
  let agency: string;
  let coordinator: Session;
  let leader: Session;
  let caseManager: Session;
  let otherCoordinator: Session;
  let userId: string;

  async function addCase(
    type: string,
    reportedAt: string,
    victims: { sex: string; age: number }[],
  ): Promise<{ id: string; personIds: string[] }> {
    const db = env.deps.db;
    const id = randomUUID();
    const reported = new Date(reportedAt);
    await db
      .insertInto('cases')
      .values({
        id,
        task_force_id: tf,
        case_number: `${CASE_PREFIX}/${id.slice(0, 6)}`,
        case_type: type,
        stage: 'in_services',
        risk: 'medium',
        reported_at: reported.toISOString(),
        report_year: reported.getUTCFullYear(),
        channel: 'walk_in',
        reporting_party: 'victim',
        lead_agency_id: agency,
        origin_district_code: '53.10.01',
        destination_country: 'MY',
        exploitation_types: ',forced_labour,',
        profile: '{}',
        migrant: '{}',
        version: 1,
        first_response_due_at: new Date(reported.getTime() + 3_600_000).toISOString(),
        first_response_at: null,
        victim_count: victims.length,
        child_victim_count: victims.filter((v) => v.age < 18).length,
        created_by: userId,
        created_at: reported.toISOString(),
        updated_at: reported.toISOString(),
      })
      .execute();
    const personIds: string[] = [];
    for (const v of victims) {
      const pid = randomUUID();
      personIds.push(pid);
      await db
        .insertInto('persons')
        .values({
          id: pid,
          case_id: id,
          task_force_id: tf,
          role: 'victim',
          full_name_enc: env.deps.cipher.encrypt(VICTIM_NAME),
          name_hash: randomUUID(),
          age_at_incident: v.age,
          is_child: v.age < 18 ? 1 : 0,
          sex: v.sex,
          version: 1,
          created_by: userId,
          created_at: reported.toISOString(),
          updated_at: reported.toISOString(),
        })
        .execute();
    }
    return { id, personIds };
  }

  beforeAll(async () => {
    env = await createTestEnv(kind);
    tf = (await buildTaskForce(env)).id;
    const otherTf = (await buildTaskForce(env, '53.19')).id;
    agency = (await buildAgency(env, { taskForceId: tf, shortName: 'DP3A Uji' })).id;
    const otherAgency = (await buildAgency(env, { taskForceId: otherTf, shortName: 'DP3A Lain' })).id;
    const u = async (roles: Parameters<typeof buildUser>[1], agencyId: string) =>
      signIn(env, (await buildUser(env, roles, { agencyId })).username);
    coordinator = await u(['coordinator'], agency);
    userId = coordinator.userId;
    leader = await u(['leadership'], agency);
    caseManager = await u(['case_manager'], agency);
    otherCoordinator = await u(['coordinator'], otherAgency);

    const men = (n: number) => Array.from({ length: n }, () => ({ sex: 'Male', age: 30 }));
    const women = (n: number) => Array.from({ length: n }, () => ({ sex: 'Female', age: 26 }));
    const girls = (n: number) => Array.from({ length: n }, () => ({ sex: 'Female', age: 15 }));
    const c1 = await addCase('tppo', '2025-03-10T02:00:00.000Z', men(3));
    const c2 = await addCase('tppo', '2025-06-10T02:00:00.000Z', women(3));
    const c3 = await addCase('tppo', '2025-11-10T02:00:00.000Z', girls(3));
    await addCase('pmi_deportee', '2025-09-10T02:00:00.000Z', men(3));
    await addCase('pmi_deceased', '2025-09-20T02:00:00.000Z', men(1));
    for (const month of ['02', '05', '08']) await addCase('tppo', `2024-${month}-10T02:00:00.000Z`, women(1));

    const db = env.deps.db;
    await db
      .insertInto('services')
      .values(
        c1.personIds.map((personId) => ({
          id: randomUUID(),
          case_id: c1.id,
          person_id: personId,
          type: 'medical_examination',
          stage: 'rehabilitasi_kesehatan',
          provider_agency_id: agency,
          status: 'completed',
          requested_at: '2025-03-11T02:00:00.000Z',
          due_at: '2025-03-12T02:00:00.000Z',
          completed_at: '2025-03-11T08:00:00.000Z',
          created_by: userId,
          version: 1,
          updated_at: '2025-03-11T08:00:00.000Z',
        })),
      )
      .execute();
    let seq = 0;
    for (const c of [c1, c2, c3])
      for (const [stage, details] of [
        ['laporan_polisi', {}],
        ['putusan', { verdict: { outcome: 'guilty', court: 'PN Ruteng' } }],
      ] as const)
        await db
          .insertInto('legal_stages')
          .values({
            id: randomUUID(),
            case_id: c.id,
            seq: ++seq,
            stage,
            on_date: '2025-10-01',
            details: JSON.stringify(details),
            created_by: userId,
            created_at: '2025-10-01T00:00:00.000Z',
          })
          .execute();
    const restitutionId = randomUUID();
    await db
      .insertInto('legal_restitutions')
      .values({
        id: restitutionId,
        case_id: c1.id,
        victim_person_id: c1.personIds[0]!,
        requested_on: '2025-10-01',
        components: '[]',
        requested_amount: 40_000_000,
        granted_amount: 30_000_000,
        replaced_by_detention: 0,
        version: 1,
        created_by: userId,
        created_at: '2025-10-01T00:00:00.000Z',
        updated_at: '2025-10-01T00:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('legal_restitution_payments')
      .values({
        id: randomUUID(),
        restitution_id: restitutionId,
        amount: 12_500_000,
        paid_on: '2025-12-01',
        created_by: userId,
        created_at: '2025-12-01T00:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('prevention_activities')
      .values({
        id: randomUUID(),
        task_force_id: tf,
        agency_id: agency,
        held_on: '2025-07-15',
        village_code: '53.10.01.2006',
        target_group: 'students',
        topic: 'Tawaran kerja palsu',
        materials: '',
        adult_male: 10,
        adult_female: 20,
        child_male: 30,
        child_female: 40,
        activity_id: null,
        created_by: userId,
        version: 1,
        created_at: '2025-07-15T00:00:00.000Z',
        updated_at: '2025-07-15T00:00:00.000Z',
      })
      .execute();

    // The RAD: one activity with a 2025 target of 10 villages, reported at 5.
    const plan = (
      await call(env, coordinator, 'POST', '/api/v1/plans', {
        title: 'RAD Uji 2025-2029',
        startYear: 2025,
        endYear: 2029,
        periodKind: 'quarter',
      })
    ).json().id as string;
    const programmeId = (
      await call(env, coordinator, 'POST', `/api/v1/plans/${plan}/programmes`, {
        title: 'Pencegahan',
        horizon: 'short_term',
      })
    ).json().id as string;
    const activity = (
      await call(env, coordinator, 'POST', `/api/v1/plans/${plan}/activities`, {
        programmeId,
        title: 'Sosialisasi migrasi aman',
        indicator: 'Desa',
        unit: 'desa',
        baseline: 0,
        targets: [{ year: 2025, value: 10 }],
        responsibleAgencyId: agency,
        budgets: [],
      })
    ).json().id as string;
    const progress = await call(
      env,
      coordinator,
      'POST',
      `/api/v1/plans/${plan}/activities/${activity}/reports`,
      {
        year: 2025,
        period: 4,
        realised: 5,
        budgetSpent: 0,
        achievement: 'Lima desa menerima sosialisasi.',
        obstacles: '',
        intervention: '',
        interventionAgencyId: null,
      },
    );
    expect(progress.statusCode, progress.body).toBe(201);
  }, 120_000);
  afterAll(async () => env?.close());

  const base = '/api/v1/reports/yearly/2025';

  it('keeps the recommendations per year with a version, for the secretariat only', async () => {
    const empty = (await call(env, leader, 'GET', base)).json();
    expect(empty).toMatchObject({
      recommendations: '',
      version: 0,
      latestJob: null,
      can: { generate: true, editRecommendations: false },
    });
    const text = 'Menetapkan Perda pencegahan TPPO.\n- Menambah anggaran sosialisasi desa.';
    expect(
      (await call(env, leader, 'PUT', `${base}/recommendations`, { version: 0, recommendations: text }))
        .statusCode,
    ).toBe(403);
    const saved = await call(env, coordinator, 'PUT', `${base}/recommendations`, {
      version: 0,
      recommendations: text,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      recommendations: text,
      version: 1,
      can: { editRecommendations: true },
    });
    const stale = await call(env, coordinator, 'PUT', `${base}/recommendations`, {
      version: 0,
      recommendations: 'x',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.recommendations).toBe(text);
    // The same text is the year-end evaluation's recommendations.
    expect((await call(env, coordinator, 'GET', '/api/v1/evaluations/2025')).json().recommendations).toBe(
      text,
    );
    expect(await auditEvents(env, 'report.recommendations_saved')).toHaveLength(1);
    // Another task force has its own (empty) recommendations for the year.
    expect((await call(env, otherCoordinator, 'GET', base)).json().recommendations).toBe('');
  });

  it('refuses generation to roles without the statistics and hides a job from another task force', async () => {
    expect((await call(env, null, 'POST', `${base}/jobs`)).statusCode).toBe(401);
    expect((await call(env, caseManager, 'POST', `${base}/jobs`)).statusCode).toBe(403);
    expect((await call(env, caseManager, 'GET', base)).statusCode).toBe(403);
    expect((await call(env, coordinator, 'POST', '/api/v1/reports/yearly/1999/jobs')).statusCode).toBe(400);
    const started = await call(env, leader, 'POST', `${base}/jobs`);
    expect(started.statusCode, started.body).toBe(201);
    await settleReportJobs();
    const id = started.json().id as string;
    expect((await call(env, otherCoordinator, 'GET', `${base}/jobs/${id}`)).statusCode).toBe(404);
    expect(
      (await call(env, otherCoordinator, 'GET', `${base}/jobs/${id}/download?format=pdf`)).statusCode,
    ).toBe(404);
    expect((await call(env, coordinator, 'GET', `${base}/jobs/${randomUUID()}`)).statusCode).toBe(404);
    expect((await call(env, coordinator, 'GET', `${base}/jobs/${id}`)).json().status).toBe('done');
  });

  it('generates DOCX and PDF with the year’s figures, protected as for leadership, without victims’ names', async () => {
    const started = await call(env, coordinator, 'POST', `${base}/jobs`, undefined, {
      'idempotency-key': 'laporan-2025',
    });
    expect(started.statusCode, started.body).toBe(201);
    const job = started.json();
    expect(job).toMatchObject({ year: 2025, percent: 0, step: 'queued' });
    // A repeated click with the same key does not start a second generation.
    const again = await call(env, coordinator, 'POST', `${base}/jobs`, undefined, {
      'idempotency-key': 'laporan-2025',
    });
    expect(again.json().id).toBe(job.id);
    await settleReportJobs();
    const done = (await call(env, coordinator, 'GET', `${base}/jobs/${job.id}`)).json();
    expect(done).toMatchObject({ status: 'done', percent: 100, step: 'done' });
    expect(done.docxBytes).toBeGreaterThan(1000);
    expect((await call(env, coordinator, 'GET', base)).json().latestJob.id).toBe(job.id);

    const docxRes = await call(env, coordinator, 'GET', `${base}/jobs/${job.id}/download?format=docx`);
    expect(docxRes.statusCode).toBe(200);
    expect(docxRes.headers['content-type']).toContain('wordprocessingml');
    expect(docxRes.headers['content-disposition']).toMatch(/laporan-tahunan-.*-2025\.docx/);
    const pdfRes = await call(env, coordinator, 'GET', `${base}/jobs/${job.id}/download?format=pdf`);
    expect(pdfRes.headers['content-type']).toBe('application/pdf');
    expect(pdfRes.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const texts = { docx: docxText(docxRes.rawPayload), pdf: await pdfText(pdfRes.rawPayload) };
    for (const [format, text] of Object.entries(texts)) {
      const has = (s: string | RegExp) =>
        typeof s === 'string'
          ? expect(text, `${format}: ${s}`).toContain(s)
          : expect(text, format).toMatch(s);
      has('LAPORAN TAHUNAN');
      has('TAHUN 2025');
      // cases and victims, compared with 2024
      has('menerima 5 kasus dengan 13 korban, di antaranya 3 korban anak');
      has('naik 2 dari 3 pada tahun sebelumnya');
      has(/Laki-laki 7 .*Perempuan 6/);
      // a single body returned stays hidden, even though the secretariat generated the report
      has(/Jenazah PMI dipulangkan 0 < 3/);
      has('PMI deportan diterima 0 3');
      // services, verdicts, restitution
      has(/Rehabilitasi kesehatan \S+ 3/);
      has(/Putusan 3 .*Terbukti bersalah 3/);
      has('Rp 30.000.000');
      has('Rp 12.500.000');
      // prevention reach and RAD achievement
      has('dengan 100 peserta');
      has('5 / 10 desa');
      has('50%');
      // the secretariat's recommendations
      has('Menetapkan Perda pencegahan TPPO.');
      has('Menambah anggaran sosialisasi desa.');
      expect(text, format).not.toContain(VICTIM_NAME);
      expect(text, format).not.toContain(CASE_PREFIX);
      expect(text, format).not.toMatch(
        /\b(tppo|pmi_deportee|rehabilitasi_kesehatan|forced_labour|on_track)\b/,
      );
    }
    const generated = await auditEvents(env, 'report.generated');
    expect(generated.length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(generated.at(-1)!.details as unknown as string)).toMatchObject({
      year: 2025,
      cases: 5,
    });
    const downloads = await auditEvents(env, 'report.downloaded');
    expect(downloads.map((e) => JSON.parse(e.details as unknown as string).format)).toEqual(['docx', 'pdf']);
    expect(await auditEvents(env, 'report.generation_started')).toHaveLength(2);
  }, 60_000);

  it('answers a second request with the generation under way, and reports one whose server stopped as failed', async () => {
    const id = randomUUID();
    const now = env.deps.clock.now();
    await env.deps.db
      .insertInto('report_jobs')
      .values({
        id,
        task_force_id: tf,
        year: 2024,
        created_by: userId,
        status: 'running',
        percent: 40,
        step: 'law_enforcement',
        error: null,
        docx_b64: null,
        pdf_b64: null,
        docx_bytes: null,
        pdf_bytes: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        finished_at: null,
        expires_at: new Date(now.getTime() + 3_600_000).toISOString(),
      })
      .execute();
    const second = await call(env, leader, 'POST', '/api/v1/reports/yearly/2024/jobs');
    expect(second.json()).toMatchObject({ id, status: 'running', percent: 40, step: 'law_enforcement' });
    const download = await call(
      env,
      leader,
      'GET',
      `/api/v1/reports/yearly/2024/jobs/${id}/download?format=pdf`,
    );
    expect(download.statusCode).toBe(409);
    expect(download.json().error.fields._).toBe(
      'Laporan belum selesai dibuat; tunggu sampai proses selesai.',
    );

    // The instance running it stopped: no progress for more than ten minutes.
    await env.deps.db
      .updateTable('report_jobs')
      .set({ updated_at: new Date(now.getTime() - 11 * 60_000).toISOString() })
      .where('id', '=', id)
      .execute();
    expect((await call(env, leader, 'GET', `/api/v1/reports/yearly/2024/jobs/${id}`)).json().status).toBe(
      'failed',
    );
    const fresh = await call(env, leader, 'POST', '/api/v1/reports/yearly/2024/jobs');
    expect(fresh.json().id).not.toBe(id);
    await settleReportJobs();
    expect(
      (await call(env, leader, 'GET', `/api/v1/reports/yearly/2024/jobs/${fresh.json().id}`)).json().status,
    ).toBe('done');
  });
});
