// Synthetic case data at any size, written straight into the database in batches (the services
// would take hours for 100,000 cases). Same distributions as the demo (server's case generator),
// identities encrypted exactly as the app does, so list queries meet realistic rows.
import { randomUUID } from 'node:crypto';
import {
  ageAtIncident,
  DEFAULT_RESPONSE_LIMITS,
  firstResponseDue,
  isChildAt,
  parentRegionCode,
  type RiskLevel,
} from '@sinergi/core';
import type { Insertable, Kysely } from 'kysely';
import { prng, syntheticCase, syntheticName } from '../../server/src/modules/demo/case-generator.js';
import type { FieldCipher } from '../../server/src/platform/crypto.js';
import {
  MIGRANT_TEXT_PATHS,
  PROFILE_TEXT_PATHS,
  sealJson,
} from '../../server/src/platform/db/json-free-texts.js';
import type { Database } from '../../server/src/platform/db/schema.js';
import type { ReferenceData } from '../../server/src/platform/reference.js';

export interface GenerateOptions {
  cases: number;
  taskForceId: string;
  leadAgencyId: string;
  teamUserIds: string[];
  seed?: number;
  /** The span the report dates fall in (default 2019-01-01 to 2026-11-20). */
  from?: Date;
  to?: Date;
  onProgress?: (done: number) => void;
}

const STAGES_OPEN = ['reported', 'screening', 'assessment', 'in_services', 'reintegration', 'monitoring'];

export async function generateCases(
  db: Kysely<Database>,
  cipher: FieldCipher,
  reference: ReferenceData,
  opts: GenerateOptions,
): Promise<{ cases: number; persons: number; niks: string[] }> {
  const r = prng(opts.seed ?? 7);
  const from = opts.from ?? new Date('2019-01-01T00:00:00Z');
  const to = opts.to ?? new Date('2026-11-20T00:00:00Z');
  const villages = (d: string) => reference.regionChildren(d).map((v) => v.code);
  const perYear = new Map<number, number>();
  let persons = 0;
  const niks: string[] = [];
  const batch = 500;
  for (let start = 0; start < opts.cases; start += batch) {
    const caseRows: Database['cases'][] = [];
    const personRows: Insertable<Database['persons']>[] = [];
    const teamRows: Insertable<Database['case_team']>[] = [];
    for (let i = start; i < Math.min(opts.cases, start + batch); i++) {
      const spec = syntheticCase(r, { from, to, villages });
      const id = randomUUID();
      const reportedAt = new Date(spec.input.reportedAt);
      const year = reportedAt.getUTCFullYear();
      const seq = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, seq);
      const now = reportedAt.toISOString();
      const p = spec.input.profile!;
      // Stored as the case service stores them: codes in the JSON, free texts encrypted apart.
      const profile = sealJson(cipher, p, PROFILE_TEXT_PATHS);
      const migrant = sealJson(cipher, spec.input.migrant ?? {}, MIGRANT_TEXT_PATHS);
      const victims = spec.persons.filter((x) => x.role === 'victim');
      const stage = STAGES_OPEN[Math.floor(r() * STAGES_OPEN.length)]!;
      const closed = r() < 0.55;
      // One victim and a sometimes a witness per case on average: about 1.5 people per case.
      const people = spec.persons.slice(0, r() < 0.5 ? 1 : 2);
      if (people.length === 1 && r() < 0.5)
        people.push({
          ...people[0]!,
          role: 'reporter',
          fullName: syntheticName(r, r() < 0.5),
          nik: null,
          birthDate: null,
          estimatedAge: 40,
        });
      for (const person of people) {
        const age = ageAtIncident({
          birthDate: person.birthDate,
          estimatedAge: person.estimatedAge,
          incidentDate: spec.input.incidentDate,
          reportDate: now.slice(0, 10),
        });
        const code = person.addressRegionCode ?? null;
        const district = code && code.split('.').length === 4 ? parentRegionCode(code) : code;
        if (person.nik) niks.push(person.nik);
        personRows.push({
          id: randomUUID(),
          case_id: id,
          task_force_id: opts.taskForceId,
          role: person.role,
          full_name_enc: cipher.encrypt(person.fullName),
          alias_enc: null,
          nik_enc: cipher.encryptNullable(person.nik),
          nik_hash: person.nik ? cipher.blindIndex(person.nik, 'nik') : null,
          name_hash: cipher.blindIndex(person.fullName, 'name'),
          name_birth_hash: person.birthDate
            ? cipher.blindIndex(`${person.fullName}|${person.birthDate}`, 'name_birth')
            : null,
          birth_date_enc: cipher.encryptNullable(person.birthDate),
          estimated_age: person.estimatedAge ?? null,
          age_at_incident: age,
          is_child: isChildAt(age) ? 1 : 0,
          sex: person.sex,
          nationality: 'ID',
          province_code: '53',
          regency_code: '53.10',
          district_code: district,
          village_code_enc: code && code.split('.').length === 4 ? cipher.encrypt(code) : null,
          street_enc: cipher.encryptNullable(person.street),
          phone_enc: cipher.encryptNullable(person.phone),
          education: person.education ?? null,
          occupation_enc: cipher.encryptNullable(person.occupation),
          marital_status: person.maritalStatus ?? null,
          disability_enc: null,
          religion: null,
          guardian_person_id: null,
          version: 1,
          created_by: opts.teamUserIds[0]!,
          created_at: now,
          updated_at: now,
        });
      }
      persons += people.length;
      const due = firstResponseDue(
        reportedAt,
        spec.input.risk as RiskLevel,
        DEFAULT_RESPONSE_LIMITS,
        'Asia/Makassar',
      );
      caseRows.push({
        id,
        task_force_id: opts.taskForceId,
        case_number: `TPPO/53.10/${year}/${String(seq).padStart(5, '0')}`,
        case_type: spec.input.caseType,
        stage: closed ? 'closed' : stage,
        stage_before_close: closed ? stage : null,
        closure_reason: closed ? 'services_completed' : null,
        risk: spec.input.risk,
        reported_at: now,
        report_year: year,
        incident_date: spec.input.incidentDate ?? null,
        channel: spec.input.channel,
        reporting_party: spec.input.reportingParty,
        narrative_enc: cipher.encryptNullable(spec.input.narrative),
        place_enc: cipher.encryptNullable(spec.input.placeOfOccurrence),
        occurrence_region_code: spec.input.occurrenceRegionCode ?? null,
        lead_agency_id: opts.leadAgencyId,
        origin_district_code: personRows.at(-1)?.district_code ?? null,
        destination_country: p.destinationCountry ?? null,
        destination_region_code: p.destinationRegionCode ?? null,
        departure: p.departure ?? null,
        exploitation_types: p.exploitationTypes.length ? `,${p.exploitationTypes.join(',')},` : '',
        bp2mi_category: spec.input.migrant?.bp2miCategory ?? null,
        simfoni_id_enc: null,
        profile: profile.json,
        profile_texts_enc: profile.textsEnc,
        migrant: migrant.json,
        migrant_texts_enc: migrant.textsEnc,
        first_response_due_at: due.toISOString(),
        first_response_at: r() < 0.9 ? new Date(due.getTime() - 600_000).toISOString() : null,
        victim_count: Math.min(victims.length, people.filter((x) => x.role === 'victim').length),
        child_victim_count: 0,
        latest_screening: null,
        created_by: opts.teamUserIds[0]!,
        version: 1,
        created_at: now,
        updated_at: now,
      });
      teamRows.push({
        case_id: id,
        user_id: opts.teamUserIds[Math.floor(r() * opts.teamUserIds.length)]!,
        reported_at: now,
        added_at: now,
      });
    }
    await db.transaction().execute(async (trx) => {
      for (let j = 0; j < caseRows.length; j += 100)
        await trx
          .insertInto('cases')
          .values(caseRows.slice(j, j + 100))
          .execute();
      for (let j = 0; j < personRows.length; j += 50)
        await trx
          .insertInto('persons')
          .values(personRows.slice(j, j + 50))
          .execute();
      await trx.insertInto('case_team').values(teamRows).execute();
    });
    opts.onProgress?.(Math.min(opts.cases, start + batch));
  }
  for (const [year, last] of perYear) {
    await db
      .insertInto('case_number_sequences')
      .values({ task_force_id: opts.taskForceId, year, last_number: last })
      .onConflict((oc) => oc.columns(['task_force_id', 'year']).doUpdateSet({ last_number: last }))
      .execute();
  }
  return { cases: opts.cases, persons, niks };
}

/** Extra case managers of an agency, so case teams spread as in a busy office (they never sign in). */
export async function addCaseManagers(
  db: Kysely<Database>,
  agencyId: string,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    ids.push(id);
    await db
      .insertInto('users')
      .values({
        id,
        username: `bench.manajer.${i}`,
        display_name: `Manajer Kasus ${i}`,
        email: null,
        agency_id: agencyId,
        password_hash: '!',
        active: 1,
        language: 'id',
        failed_attempts: 0,
        locked_until: null,
        last_login_at: null,
        password_changed_at: now,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db.insertInto('user_roles').values({ user_id: id, role: 'case_manager' }).execute();
  }
  return ids;
}

/** The demo's regency task force and its UPTD PPA, where the benchmarks put their generated cases. */
export async function demoCaseHome(db: Kysely<Database>) {
  const taskForce = await db
    .selectFrom('task_forces')
    .selectAll()
    .where('level', '=', 'regency')
    .executeTakeFirstOrThrow();
  const agency = await db
    .selectFrom('agencies')
    .selectAll()
    .where('short_name', '=', 'UPTD PPA Manggarai')
    .executeTakeFirstOrThrow();
  return { tf: taskForce, agency };
}
