import type { Db } from '../../platform/db/connect.js';
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

  /** One page of cases, keyset-paged by id, so a large export never holds more than a page. */
  casePage(db: Db, p: Period, afterId: string, limit: number) {
    return casesIn(db, p)
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
        'cases.simfoni_id',
        'cases.victim_count',
        'cases.child_victim_count',
        'cases.profile',
        'cases.destination_country',
        'cases.origin_district_code',
        'cases.bp2mi_category',
        'agencies.short_name as lead_agency',
        'agencies.htcds_type as lead_agency_type',
      ])
      .where('cases.id', '>', afterId)
      .orderBy('cases.id')
      .limit(limit)
      .execute();
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

  personsOf(db: Db, caseIds: string[]) {
    if (caseIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('persons')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('case_id')
      .orderBy('created_at')
      .execute();
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

  suspectsOf(db: Db, caseIds: string[]) {
    if (caseIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('legal_suspects')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('case_id')
      .orderBy('created_at')
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
      .select(['cases.case_number', 'cases.simfoni_id', 'cases.reported_at'])
      .where('cases.simfoni_id', 'is not', null)
      .orderBy('cases.reported_at')
      .execute();
  },
};
