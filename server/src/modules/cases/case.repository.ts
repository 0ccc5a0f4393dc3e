import { type CaseListQuery, EXPLOITATION_TYPES, startOfDayIn } from '@sinergi/core';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { toNumber } from '../../platform/db/connect.js';
import type { CaseRow, CaseTable } from '../../platform/db/schema.js';
import { type Visibility, visibleCases } from './case.policy.js';

/** What a list is read against: the time now, the task force's zone for the days typed, the search. */
export interface ListContext {
  now: string;
  timeZone: string;
  search?: CaseSearch | undefined;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** What a search looks for, decided from the shape of the text typed. */
export type CaseSearch =
  | { kind: 'nik'; hash: string }
  | { kind: 'name'; hash: string }
  | { kind: 'number_prefix'; value: string }
  | { kind: 'number_contains'; value: string };

export const caseRepository = {
  byId(db: Db, id: string): Promise<CaseRow | undefined> {
    return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(db: Db, row: CaseTable): Promise<void> {
    await db.insertInto('cases').values(row).execute();
  },

  /** The next number of a task force's year; atomic on both databases. */
  async nextNumber(db: Db, taskForceId: string, year: number): Promise<number> {
    const row = await db
      .insertInto('case_number_sequences')
      .values({ task_force_id: taskForceId, year, last_number: 1 })
      .onConflict((oc) =>
        oc
          .columns(['task_force_id', 'year'])
          .doUpdateSet({ last_number: sql`case_number_sequences.last_number + 1` }),
      )
      .returning('last_number')
      .executeTakeFirstOrThrow();
    return row.last_number;
  },

  async team(
    db: Db,
    caseId: string,
  ): Promise<{ user_id: string; display_name: string; agency_id: string }[]> {
    return db
      .selectFrom('case_team')
      .innerJoin('users', 'users.id', 'case_team.user_id')
      .select(['case_team.user_id', 'users.display_name', 'users.agency_id'])
      .where('case_team.case_id', '=', caseId)
      .orderBy('case_team.added_at')
      .execute();
  },

  async setTeam(db: Db, caseId: string, userIds: string[], now: string, reportedAt: string): Promise<void> {
    await db.deleteFrom('case_team').where('case_id', '=', caseId).execute();
    if (userIds.length)
      await db
        .insertInto('case_team')
        .values(
          userIds.map((user_id) => ({ case_id: caseId, user_id, added_at: now, reported_at: reportedAt })),
        )
        .execute();
  },

  /** Keeps the team rows' copy of the report time in step with the case. */
  async setTeamReportedAt(db: Db, caseId: string, reportedAt: string): Promise<void> {
    await db
      .updateTable('case_team')
      .set({ reported_at: reportedAt })
      .where('case_id', '=', caseId)
      .execute();
  },

  /** Updates when the version still matches; returns whether a row changed. */
  async update(db: Db, id: string, version: number, changes: Partial<CaseTable>): Promise<boolean> {
    const res = await db
      .updateTable('cases')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  /** One page of the cases the actor may see, with filters and an optional search. */
  async list(db: Db, visibility: Visibility, f: CaseListQuery, at: ListContext) {
    const { count, page } = caseRepository.listQueries(db, visibility, f, at);
    const totalRow = await count.executeTakeFirst();
    const rows = await page.execute();
    return { rows, total: toNumber(totalRow?.n as string | number | undefined) };
  },

  /** The two statements of a list page (the total and the rows), built but not run. */
  listQueries(db: Db, visibility: Visibility, f: CaseListQuery, at: ListContext) {
    const { now, timeZone, search } = at;
    let q = db.selectFrom('cases').where(visibleCases(visibility));
    if (f.type) q = q.where('case_type', '=', f.type);
    if (f.stage) q = q.where('stage', '=', f.stage);
    if (f.risk) q = q.where('risk', '=', f.risk);
    // Days are the task force's days: 1 March in Manggarai starts at 16.00 UTC on 28 February.
    if (f.from) q = q.where('reported_at', '>=', startOfDayIn(f.from, timeZone).toISOString());
    if (f.to) q = q.where('reported_at', '<', startOfDayIn(nextDay(f.to), timeZone).toISOString());
    if (f.originDistrict) q = q.where('origin_district_code', '=', f.originDistrict);
    if (f.destinationCountry) q = q.where('destination_country', '=', f.destinationCountry);
    if (f.exploitationType && (EXPLOITATION_TYPES as readonly string[]).includes(f.exploitationType)) {
      q = q.where('exploitation_types', 'like', `%,${f.exploitationType},%`);
    }
    if (f.leadAgencyId) q = q.where('lead_agency_id', '=', f.leadAgencyId);
    if (f.overdue === 'true')
      q = q
        .where('first_response_at', 'is', null)
        .where('first_response_due_at', '<', now)
        .where('stage', '!=', 'closed');
    if (f.overdue === 'false')
      q = q.where((eb) =>
        eb.or([eb('first_response_at', 'is not', null), eb('first_response_due_at', '>=', now)]),
      );
    if (search?.kind === 'nik' || search?.kind === 'name') {
      const column = search.kind === 'nik' ? 'persons.nik_hash' : 'persons.name_hash';
      q = q.where('cases.id', 'in', (eb) =>
        eb.selectFrom('persons').select('persons.case_id').where(column, '=', search.hash),
      );
    } else if (search?.kind === 'number_prefix') {
      // A range rather than LIKE, so both databases use the case-number index.
      q = q.where('case_number', '>=', search.value).where('case_number', '<', `${search.value}\uffff`);
    } else if (search?.kind === 'number_contains') {
      q = q.where('case_number', 'like', `%${search.value}%`);
    }
    const [col, dir] = f.sort.startsWith('-') ? [f.sort.slice(1), 'desc' as const] : [f.sort, 'asc' as const];
    const unfiltered =
      !search &&
      !f.type &&
      !f.stage &&
      !f.risk &&
      !f.from &&
      !f.to &&
      !f.originDistrict &&
      !f.destinationCountry &&
      !f.exploitationType &&
      !f.leadAgencyId &&
      !f.overdue;
    if (visibility.mode === 'team' && unfiltered && col === 'reported_at') {
      // A case manager's plain list, the page opened most: read in order from the team index
      // (user, report time, case) and fetch only the rows shown.
      const teamPage = db
        .selectFrom('case_team')
        .select('case_team.case_id')
        .where('case_team.user_id', '=', visibility.userId)
        .orderBy('case_team.reported_at', dir)
        .orderBy('case_team.case_id', dir)
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize);
      return {
        count: db
          .selectFrom('case_team')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('case_team.user_id', '=', visibility.userId),
        page: db
          .selectFrom('cases')
          .selectAll('cases')
          .where('cases.id', 'in', teamPage)
          .orderBy('reported_at', dir)
          .orderBy('id', dir),
      };
    }
    if (col === 'risk') {
      // Most urgent first: high, medium, low; the newest report first within a level.
      return {
        count: q.select((eb) => eb.fn.countAll().as('n')),
        page: q
          .selectAll('cases')
          .orderBy(sql`case risk when 'high' then 0 when 'medium' then 1 else 2 end`)
          .orderBy('reported_at', 'desc')
          .orderBy('id', 'desc')
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
      };
    }
    return {
      count: q.select((eb) => eb.fn.countAll().as('n')),
      page: q
        .selectAll('cases')
        .orderBy(col as 'reported_at', dir)
        // Ties in the same direction, so an index on (task force, column, id) serves the order.
        .orderBy('id', dir)
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize),
    };
  },

  async addEvent(
    db: Db,
    e: {
      id: string;
      case_id: string;
      at: string;
      actor_user_id: string | null;
      actor_agency_id: string | null;
      kind: string;
      details: Record<string, unknown>;
    },
  ): Promise<void> {
    await db
      .insertInto('case_events')
      .values({ ...e, details: JSON.stringify(e.details) })
      .execute();
  },

  events(db: Db, caseId: string) {
    return db
      .selectFrom('case_events')
      .leftJoin('users', 'users.id', 'case_events.actor_user_id')
      .leftJoin('agencies', 'agencies.id', 'case_events.actor_agency_id')
      .select([
        'case_events.id',
        'case_events.at',
        'case_events.kind',
        'case_events.details',
        'users.display_name',
        'agencies.short_name',
      ])
      .where('case_events.case_id', '=', caseId)
      .orderBy('case_events.at', 'desc')
      .orderBy('case_events.id')
      .execute();
  },
};
