import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const FORMULA_NAME = '=HYPERLINK("http://contoh.invalid","klik")';

/** The rows of a CSV body (comment lines and the byte-order mark dropped; no quoted newlines here). */
function csvRows(body: string): string[][] {
  return body
    .replace(/^\uFEFF/, '')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const out: string[] = [];
      let cur = '';
      let quoted = false;
      for (let i = 0; i < l.length; i++) {
        const ch = l[i]!;
        if (quoted) {
          if (ch === '"' && l[i + 1] === '"') {
            cur += '"';
            i++;
          } else if (ch === '"') quoted = false;
          else cur += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') {
          out.push(cur);
          cur = '';
        } else cur += ch;
      }
      out.push(cur);
      return out;
    });
}

async function workbookOf(raw: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  return wb;
}

function sheetRows(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow((r) => {
    rows.push((r.values as unknown[]).slice(1));
  });
  return rows;
}

describe.each(DB_KINDS)('exports on %s', (kind) => {
  let env: TestEnv;
  let coordinator: Session;
  let manager: Session;
  let leadership: Session;
  let analyst: Session;
  let otherCoordinator: Session;
  const caseIds: string[] = [];
  let coordinatorCaseId: string;

  async function openCase(
    who: Session,
    reportedAt: string,
    profile: Record<string, unknown>,
    victims: Record<string, unknown>[],
  ) {
    const res = await call(env, who, 'POST', '/api/v1/cases', {
      caseType: 'tppo',
      reportedAt,
      channel: 'walk_in',
      reportingParty: 'family',
      risk: 'medium',
      simfoniId: 'SIMFONI-5310-0001',
      profile,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    for (const v of victims) {
      const p = await call(env, who, 'POST', `/api/v1/cases/${id}/persons`, { role: 'victim', ...v });
      expect(p.statusCode, p.body).toBe(201);
    }
    caseIds.push(id);
    return id;
  }

  beforeAll(async () => {
    env = await createTestEnv(kind);
    const tf = await buildTaskForce(env);
    const uptd = await buildAgency(env, { taskForceId: tf.id });
    const dp3a = await buildAgency(env, { taskForceId: tf.id });
    const otherTf = await buildTaskForce(env, '53.19');
    const otherDp3a = await buildAgency(env, { taskForceId: otherTf.id });
    manager = await signIn(env, (await buildUser(env, ['case_manager'], { agencyId: uptd.id })).username);
    coordinator = await signIn(env, (await buildUser(env, ['coordinator'], { agencyId: dp3a.id })).username);
    leadership = await signIn(env, (await buildUser(env, ['leadership'], { agencyId: dp3a.id })).username);
    analyst = await signIn(env, (await buildUser(env, ['analyst'], { agencyId: dp3a.id })).username);
    otherCoordinator = await signIn(
      env,
      (await buildUser(env, ['coordinator'], { agencyId: otherDp3a.id })).username,
    );
    const labour = {
      exploitationTypes: ['forced_labour'],
      labourSectors: ['Agriculture'],
      methodsOfControl: ['DebtBondage', 'WithholdsDocuments'],
      recruitmentMethods: ['JobOffer'],
      recruiterRelation: 'Friend',
      destinationCountry: 'MY',
    };
    const woman = (i: number) => ({
      fullName: `Korban Uji ${i}`,
      sex: 'Female',
      estimatedAge: 22,
      nationality: 'ID',
    });
    // Six women reported in 2024 and six in 2025 (same profile), two men in 2025.
    await openCase(manager, '2024-05-10T02:00:00.000Z', labour, [0, 1, 2, 3, 4, 5].map(woman));
    await openCase(manager, '2025-03-10T02:00:00.000Z', labour, [6, 7, 8, 9, 10, 11].map(woman));
    coordinatorCaseId = await openCase(
      coordinator,
      '2025-06-10T02:00:00.000Z',
      { ...labour, destinationCountry: 'SG' },
      [
        { fullName: FORMULA_NAME, sex: 'Male', estimatedAge: 40, nationality: 'ID', nik: '5310031507850001' },
        {
          fullName: 'Korban Uji Laki',
          sex: 'Male',
          estimatedAge: 41,
          nationality: 'ID',
          education: 'primary',
        },
      ],
    );
    // A suspect on the coordinator's case and one on the case manager's.
    for (const [caseId, name] of [
      [coordinatorCaseId, 'Tersangka Satu'],
      [caseIds[0]!, 'Tersangka Dua'],
    ] as const) {
      await env.deps.db
        .insertInto('legal_suspects')
        .values({
          id: randomUUID(),
          case_id: caseId,
          task_force_id: tf.id,
          kind: 'person',
          full_name_enc: env.deps.cipher.encrypt(name),
          name_hash: null,
          nik_enc: null,
          nik_hash: null,
          birth_date_enc: null,
          address_enc: env.deps.cipher.encrypt('-1+1 Jalan Uji'),
          sex: 'Male',
          nationality: 'ID',
          company_name: null,
          role_in_process: 'RecruiterOrIntermediary',
          relation_to_victims: 'Friend',
          status: 'tersangka',
          status_history: '[]',
          detentions: '[]',
          version: 1,
          created_by: coordinator.userId,
          created_at: '2025-06-11T00:00:00.000Z',
          updated_at: '2025-06-11T00:00:00.000Z',
        })
        .execute();
    }
  });
  afterAll(async () => env?.close());

  const period = 'from=2024-01-01&to=2025-12-31';

  it('refuses without a session, and refuses roles without the export permission', async () => {
    expect((await call(env, null, 'GET', `/api/v1/exports/ctdc?${period}`)).statusCode).toBe(401);
    expect((await call(env, manager, 'GET', `/api/v1/exports/ctdc?${period}`)).statusCode).toBe(403);
    expect((await call(env, manager, 'GET', `/api/v1/exports/htcds?${period}`)).statusCode).toBe(403);
    expect((await call(env, analyst, 'GET', `/api/v1/exports/htcds?${period}`)).statusCode).toBe(403);
    expect((await call(env, leadership, 'GET', `/api/v1/exports/simfoni.xlsx?${period}`)).statusCode).toBe(
      403,
    );
    expect((await call(env, analyst, 'GET', `/api/v1/exports/simfoni.xlsx?${period}`)).statusCode).toBe(403);
  });

  it('refuses k below 5 and a reversed period with Indonesian messages', async () => {
    const low = await call(env, coordinator, 'GET', `/api/v1/exports/ctdc?${period}&k=4`);
    expect(low.statusCode).toBe(400);
    expect(low.json().error.fields.k).toMatch(/minimal 5/);
    const reversed = await call(
      env,
      coordinator,
      'GET',
      '/api/v1/exports/ctdc?from=2025-12-31&to=2024-01-01',
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields.to).toMatch(/Tanggal akhir/);
  });

  it('suppresses the CTDC data set on a fixed data set and says how', async () => {
    const summary = await call(env, analyst, 'GET', `/api/v1/exports/ctdc/summary?${period}&k=11`);
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json()).toEqual({
      k: 11,
      inputRows: 14,
      releasedRows: 12,
      suppressedRows: 2,
      generalisations: ['yearOfRegistration:two_year_period'],
    });
    const csv = await call(env, analyst, 'GET', `/api/v1/exports/ctdc?${period}&k=11&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['x-ctdc-suppressed']).toBe('2');
    expect(csv.body).toContain('# Data set CTDC k-anonim (k = 11)');
    const rows = csvRows(csv.body);
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual(['yearOfRegistration', 'Datasource', 'gender', 'ageBroad']);
    expect(rows).toHaveLength(13);
    const col = (name: string) => header.indexOf(name);
    for (const r of rows.slice(1)) {
      expect(r[col('yearOfRegistration')]).toBe('2024-2025');
      expect(r[col('gender')]).toBe('Female');
      expect(r[col('ageBroad')]).toBe('21-23');
      expect(r[col('citizenship')]).toBe('ID');
      expect(r[col('CountryOfExploitation')]).toBe('MY');
      expect(r[col('isForcedLabour')]).toBe('1');
      expect(r[col('typeOfSexProstitution')]).toBe('-99');
    }
    // Nothing of a person reaches the data set.
    expect(csv.body).not.toContain('Korban Uji');
    const events = await auditEvents(env, 'export.ctdc');
    expect(JSON.parse(events.at(-1)!.details)).toMatchObject({ suppressedRows: 2, releasedRows: 12, k: 11 });
  });

  it('writes the CTDC data set as XLSX with a note sheet', async () => {
    const res = await call(env, coordinator, 'GET', `/api/v1/exports/ctdc?${period}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = await workbookOf(res.rawPayload);
    expect(sheetRows(wb, 'CTDC')).toHaveLength(13);
    const note = sheetRows(wb, 'Catatan').flat().join(' ');
    expect(note).toContain('ditekan (tidak dirilis): 2');
    expect(note).toContain('yearOfRegistration:two_year_period');
  });

  it('gives the coordinator identities only on their own team cases, neutralised', async () => {
    const res = await call(env, coordinator, 'GET', `/api/v1/exports/htcds?${period}&format=xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-export-identifying']).toBe('true');
    const wb = await workbookOf(res.rawPayload);
    const persons = sheetRows(wb, 'persons');
    const header = persons[0] as string[];
    expect(header).toContain('FullName');
    const name = header.indexOf('FullName');
    const caseCol = header.indexOf('CaseId');
    const named = persons.slice(1).filter((r) => r[name]);
    expect(named).toHaveLength(2);
    expect(named.every((r) => r[caseCol] === coordinatorCaseId)).toBe(true);
    expect(named.map((r) => r[name])).toContain(`'${FORMULA_NAME}`);
    expect(persons).toHaveLength(15);
    const perpetrators = sheetRows(wb, 'perpetrators');
    const pHeader = perpetrators[0] as string[];
    const filled = perpetrators.slice(1).filter((r) => r[pHeader.indexOf('FullName')]);
    expect(filled.map((r) => r[pHeader.indexOf('FullName')])).toEqual(['Tersangka Satu']);
    expect(filled[0]![pHeader.indexOf('Address')]).toBe("'-1+1 Jalan Uji");
    const cases = sheetRows(wb, 'cases');
    expect(cases).toHaveLength(4);
    expect(cases[0]).toContain('Status');
    const events = await auditEvents(env, 'export.htcds');
    expect(JSON.parse(events.at(-1)!.details)).toMatchObject({
      identifying: true,
      cases: 3,
      persons: 14,
      perpetrators: 2,
      casesWithIdentities: 1,
    });
  });

  it('leaves identifying fields out for leadership', async () => {
    const res = await call(
      env,
      leadership,
      'GET',
      `/api/v1/exports/htcds?${period}&format=csv&table=persons`,
    );
    expect(res.statusCode).toBe(200);
    const rows = csvRows(res.body);
    expect(rows[0]).not.toContain('FullName');
    expect(rows[0]).not.toContain('NationalIdNumber');
    expect(rows).toHaveLength(15);
    expect(res.body).not.toContain('Korban Uji');
    expect(res.body).not.toContain('HYPERLINK');
    const perpetrators = await call(
      env,
      leadership,
      'GET',
      `/api/v1/exports/htcds?${period}&format=csv&table=perpetrators`,
    );
    expect(perpetrators.body).not.toContain('Tersangka');
    const events = await auditEvents(env, 'export.htcds');
    expect(JSON.parse(events.at(-1)!.details)).toMatchObject({ identifying: false });
  });

  it("never lets another task force's coordinator export these records", async () => {
    const res = await call(
      env,
      otherCoordinator,
      'GET',
      `/api/v1/exports/htcds?${period}&format=csv&table=cases`,
    );
    expect(res.statusCode).toBe(200);
    expect(csvRows(res.body)).toHaveLength(1);
    for (const id of caseIds) expect(res.body).not.toContain(id);
    const ctdc = await call(env, otherCoordinator, 'GET', `/api/v1/exports/ctdc/summary?${period}`);
    expect(ctdc.json().inputRows).toBe(0);
  });

  it('counts the period by SIMFONI categories', async () => {
    const res = await call(env, coordinator, 'GET', `/api/v1/exports/simfoni.xlsx?${period}`);
    expect(res.statusCode).toBe(200);
    const wb = await workbookOf(res.rawPayload);
    expect(sheetRows(wb, 'Ringkasan').slice(2)).toEqual([
      ['Kasus', 3],
      ['Korban', 14],
    ]);
    const violence = Object.fromEntries(sheetRows(wb, 'Jenis kekerasan').slice(2) as [string, number][]);
    expect(violence['Perdagangan orang (TPPO)']).toBe(14);
    expect(violence.Eksploitasi).toBe(14);
    const ages = sheetRows(wb, 'Umur korban').slice(2);
    expect(ages.find((r) => r[0] === '18-24')).toEqual(['18-24', 0, 12, 0, 12]);
    expect(ages.find((r) => r[0] === '25-44')).toEqual(['25-44', 2, 0, 0, 2]);
    const places = Object.fromEntries(sheetRows(wb, 'Tempat kejadian').slice(2) as [string, number][]);
    expect(places['Tempat kerja']).toBe(14);
    const relation = Object.fromEntries(sheetRows(wb, 'Hubungan pelaku').slice(2) as [string, number][]);
    expect(relation.Teman).toBe(2);
    expect(sheetRows(wb, 'Nomor SIMFONI').slice(2)).toHaveLength(3);
    expect((await auditEvents(env, 'export.simfoni')).length).toBeGreaterThan(0);
  });
});
