import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import '../legal/legal.tables.js';

/** A task force's cases reported in [start, end) (UTC instants). */
export interface Period {
  taskForceId: string;
  start: string;
  end: string;
}

function casesIn(db: Db, p: Period) {
  return db
    .selectFrom('cases')
    .where('cases.task_force_id', '=', p.taskForceId)
    .where('cases.reported_at', '>=', p.start)
    .where('cases.reported_at', '<', p.end);
}

/** Keyset paging on (reported_at, id): each page is read straight from the report-time index. */
function keyset<
  Q extends
    | SelectQueryBuilder<Database, 'cases' | 'agencies', object>
    | SelectQueryBuilder<Database, 'cases', object>,
>(q: Q, after: { reportedAt: string; id: string } | null, limit: number): Q {
  const paged = after
    ? (q as SelectQueryBuilder<Database, 'cases', object>).where((eb) =>
        eb.or([
          eb('cases.reported_at', '>', after.reportedAt),
          eb.and([eb('cases.reported_at', '=', after.reportedAt), eb('cases.id', '>', after.id)]),
        ]),
      )
    : (q as SelectQueryBuilder<Database, 'cases', object>);
  return paged.orderBy('cases.reported_at').orderBy('cases.id').limit(limit) as unknown as Q;
}

/** The only SQL of the export module: non-personal columns unless a caller asks for the encrypted ones. */
export const exportsRepository = {
  /** Victims with the non-personal fields the CTDC data set and SIMFONI tables need. */
  victims(db: Db, p: Period) {
    return casesIn(db, p)
      .innerJoin('persons', 'persons.case_id', 'cases.id')
      .where('persons.role', '=', 'victim')
      .select([
        'cases.id as case_id',
        'cases.case_type',
        'cases.report_year',
        'cases.incident_date',
        'cases.profile',
        'cases.destination_country',
        'cases.destination_region_code',
        'persons.sex',
        'persons.age_at_incident',
        'persons.nationality',
        'persons.education',
      ])
      .orderBy('cases.reported_at')
      .orderBy('persons.id')
      .execute();
  },

  countCases(db: Db, p: Period) {
    return casesIn(db, p)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
  },

  countPersons(db: Db, p: Period) {
    return casesIn(db, p)
      .innerJoin('persons', 'persons.case_id', 'cases.id')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
  },

  countSuspects(db: Db, p: Period) {
    return casesIn(db, p)
      .innerJoin('legal_suspects', 'legal_suspects.case_id', 'cases.id')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
  },

  /** How many of the period's cases the user sits on the team of. */
  countTeamCases(db: Db, p: Period, userId: string) {
    return casesIn(db, p)
      .innerJoin('case_team', 'case_team.case_id', 'cases.id')
      .where('case_team.user_id', '=', userId)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
  },

  /**
   * One page of cases in report order, keyset-paged on (reported_at, id) so each page is read
   * straight from the task force's report-time index and a large export never holds more than a page.
   */
  casePage(db: Db, p: Period, after: { reportedAt: string; id: string } | null, limit: number) {
    return keyset(
      casesIn(db, p)
        .innerJoin('agencies', 'agencies.id', 'cases.lead_agency_id')
        .select([
          'cases.id',
          'cases.case_number',
          'cases.case_type',
          'cases.stage',
          'cases.closure_reason',
          'cases.risk',
          'cases.reported_at',
          'cases.incident_date',
          'cases.channel',
          'cases.simfoni_id_enc',
          'cases.victim_count',
          'cases.child_victim_count',
          'cases.destination_country',
          'cases.origin_district_code',
          'agencies.short_name as lead_agency',
          'agencies.htcds_type as lead_agency_type',
        ]),
      after,
      limit,
    ).execute();
  },

  /**
   * The same paging, with only what the persons and events sheets need from the case: the profile's
   * codes, and its encrypted free texts (the events sheet's descriptions).
   */
  profilePage(db: Db, p: Period, after: { reportedAt: string; id: string } | null, limit: number) {
    return keyset(
      casesIn(db, p).select(['cases.id', 'cases.reported_at', 'cases.profile', 'cases.profile_texts_enc']),
      after,
      limit,
    ).execute();
  },

  async teamCaseIds(db: Db, userId: string, caseIds: string[]): Promise<Set<string>> {
    if (caseIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('case_team')
      .select('case_id')
      .where('user_id', '=', userId)
      .where('case_id', 'in', caseIds)
      .execute();
    return new Set(rows.map((r) => r.case_id));
  },

  /** Persons of these cases: the non-personal columns, and the encrypted ones only when asked. */
  async personsOf(db: Db, caseIds: string[], withIdentity: boolean) {
    if (caseIds.length === 0) return [];
    const rows = await db
      .selectFrom('persons')
      .select([
        'id',
        'case_id',
        'role',
        'sex',
        'age_at_incident',
        'is_child',
        'nationality',
        'province_code',
        'regency_code',
        'district_code',
        'education',
        'occupation_enc',
      ])
      .where('case_id', 'in', caseIds)
      .orderBy('case_id')
      .orderBy('created_at')
      .execute();
    if (!withIdentity) return rows.map((r) => ({ ...r, identity: null }));
    const enc = await db
      .selectFrom('persons')
      .select(['id', 'full_name_enc', 'alias_enc', 'nik_enc', 'birth_date_enc', 'phone_enc', 'street_enc'])
      .where('case_id', 'in', caseIds)
      .execute();
    const byId = new Map(enc.map((e) => [e.id, e]));
    return rows.map((r) => ({ ...r, identity: byId.get(r.id) ?? null }));
  },

  /** Persons with an unwithdrawn consent that covers managing their data (HTCDS AgreementToManagePersonalData). */
  async consentingPersons(db: Db, personIds: string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('consents')
      .select(['person_id', 'scopes'])
      .where('person_id', 'in', personIds)
      .where('withdrawn_on', 'is', null)
      .execute();
    return new Set(
      rows.filter((r) => r.scopes.split(',').includes('data_management')).map((r) => r.person_id),
    );
  },

  /** A page of the period's suspects, keyset-paged by id (suspects are few next to cases). */
  suspectPage(db: Db, p: Period, afterId: string, limit: number) {
    return casesIn(db, p)
      .innerJoin('legal_suspects', 'legal_suspects.case_id', 'cases.id')
      .selectAll('legal_suspects')
      .where('legal_suspects.id', '>', afterId)
      .orderBy('legal_suspects.id')
      .limit(limit)
      .execute();
  },

  /** Suspects' relation to the victims, for the SIMFONI perpetrator table. */
  suspectRelations(db: Db, p: Period) {
    return casesIn(db, p)
      .innerJoin('legal_suspects', 'legal_suspects.case_id', 'cases.id')
      .select(['legal_suspects.relation_to_victims'])
      .execute();
  },

  /** Services of the period's cases: stage, status, and whether another agency gave them on referral. */
  services(db: Db, p: Period) {
    return casesIn(db, p)
      .innerJoin('services', 'services.case_id', 'cases.id')
      .select(['services.stage', 'services.status', 'services.referral_id'])
      .execute();
  },

  simfoniIds(db: Db, p: Period) {
    return casesIn(db, p)
      .select(['cases.case_number', 'cases.simfoni_id_enc', 'cases.reported_at'])
      .where('cases.simfoni_id_enc', 'is not', null)
      .orderBy('cases.reported_at')
      .execute();
  },
};
