import { type CaseListQuery, EXPLOITATION_TYPES, startOfDayIn } from '@sinergi/core';
import { type Compilable, type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { toNumber } from '../../platform/db/connect.js';
import { readRows } from '../../platform/db/read-workers.js';
import type { CaseRow, CaseTable } from '../../platform/db/schema.js';
import { templated } from '../../platform/db/statement-templates.js';
import { type Visibility, visibleCases } from './case.policy.js';

/** What a list is read against: the time now, the task force's zone for the days typed, the search. */
export interface ListContext {
  now: string;
  timeZone: string;
  search?: CaseSearch | undefined;
  /** How far past the page to count (default LIST_TOTAL_CAP). */
  totalCap?: number;
  /**
   * Who reads the page. Each row then says whether they are on its case team, and, when they may
   * read identities, carries the encrypted names of that team case's victims (for the initials on
   * the row): the page in one statement instead of three.
   */
  reader?: ListReader;
}

export interface ListReader {
  userId: string;
  identities: boolean;
  dialect: 'sqlite' | 'postgres';
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

/** How far past the page a list counts its total. */
export const LIST_TOTAL_CAP = 1000;

type ListSort = {
  column: 'reported_at' | 'case_number' | 'risk' | 'first_response_due_at';
  dir: 'asc' | 'desc';
};

function parseSort(sort: CaseListQuery['sort']): ListSort {
  const desc = sort.startsWith('-');
  return { column: (desc ? sort.slice(1) : sort) as ListSort['column'], dir: desc ? 'desc' : 'asc' };
}

/**
 * The list's filters and search as one condition on `table` (`cases`, or `case_team`, whose rows
 * carry the same list columns under the same names).
 */
function listFilter(
  table: 'cases' | 'case_team',
  idColumn: string,
  f: CaseListQuery,
  at: ListContext,
  v: ListValues,
) {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const conds: RawBuilder<unknown>[] = [];
  if (f.type) conds.push(sql`${col('case_type')} = ${v.type}`);
  if (f.stage) conds.push(sql`${col('stage')} = ${v.stage}`);
  if (f.risk) conds.push(sql`${col('risk')} = ${v.risk}`);
  if (f.from) conds.push(sql`${col('reported_at')} >= ${v.fromAt}`);
  if (f.to) conds.push(sql`${col('reported_at')} < ${v.toAt}`);
  if (f.originDistrict) conds.push(sql`${col('origin_district_code')} = ${v.originDistrict}`);
  if (f.destinationCountry) conds.push(sql`${col('destination_country')} = ${v.destinationCountry}`);
  if (exploitationFilter(f)) conds.push(sql`${col('exploitation_types')} like ${v.exploitationLike}`);
  if (f.leadAgencyId) conds.push(sql`${col('lead_agency_id')} = ${v.leadAgencyId}`);
  if (f.overdue === 'true')
    conds.push(
      sql`${col('first_response_at')} is null and ${col('first_response_due_at')} < ${v.now} and ${col('stage')} <> 'closed'`,
    );
  if (f.overdue === 'false')
    conds.push(sql`(${col('first_response_at')} is not null or ${col('first_response_due_at')} >= ${v.now})`);
  const search = at.search;
  if (search?.kind === 'nik')
    conds.push(sql`${sql.ref(idColumn)} in (select case_id from persons where nik_hash = ${v.searchHash})`);
  else if (search?.kind === 'name')
    conds.push(sql`${sql.ref(idColumn)} in (select case_id from persons where name_hash = ${v.searchHash})`);
  else if (search?.kind === 'number_prefix')
    // A range rather than LIKE, so both databases use the case-number index.
    conds.push(sql`${col('case_number')} >= ${v.numberFrom} and ${col('case_number')} < ${v.numberTo}`);
  else if (search?.kind === 'number_contains') conds.push(sql`${col('case_number')} like ${v.numberLike}`);
  return conds.length ? sql<boolean>`${sql.join(conds, sql` and `)}` : sql<boolean>`1 = 1`;
}

function exploitationFilter(f: CaseListQuery): boolean {
  return !!f.exploitationType && (EXPLOITATION_TYPES as readonly string[]).includes(f.exploitationType);
}

/**
 * Every value a list statement carries, worked out before it is built: the statement's text then
 * depends only on the list's shape (`listShape`), and a built text is reused (`templated`).
 */
export interface ListValues extends Record<string, unknown> {
  userId: string;
  taskForceId: string;
  readerId: string;
  type: string | null;
  stage: string | null;
  risk: string | null;
  fromAt: string | null;
  toAt: string | null;
  originDistrict: string | null;
  destinationCountry: string | null;
  exploitationLike: string | null;
  leadAgencyId: string | null;
  now: string;
  searchHash: string | null;
  numberFrom: string | null;
  numberTo: string | null;
  numberLike: string | null;
  pageSize: number;
  offset: number;
  /** The total is counted up to here (one past the cap, to tell "more than"). */
  countLimit: number;
}

function listValues(visibility: Visibility, f: CaseListQuery, at: ListContext): ListValues {
  const search = at.search;
  const offset = (f.page - 1) * f.pageSize;
  return {
    userId: visibility.mode === 'taskforce' ? '' : visibility.userId,
    taskForceId: visibility.mode === 'team' ? '' : visibility.taskForceId,
    readerId: at.reader?.userId ?? '',
    type: f.type ?? null,
    stage: f.stage ?? null,
    risk: f.risk ?? null,
    // Days are the task force's days: 1 March in Manggarai starts at 16.00 UTC on 28 February.
    fromAt: f.from ? startOfDayIn(f.from, at.timeZone).toISOString() : null,
    toAt: f.to ? startOfDayIn(nextDay(f.to), at.timeZone).toISOString() : null,
    originDistrict: f.originDistrict ?? null,
    destinationCountry: f.destinationCountry ?? null,
    exploitationLike: exploitationFilter(f) ? `%,${f.exploitationType},%` : null,
    leadAgencyId: f.leadAgencyId ?? null,
    now: at.now,
    searchHash: search?.kind === 'nik' || search?.kind === 'name' ? search.hash : null,
    numberFrom: search?.kind === 'number_prefix' ? search.value : null,
    numberTo: search?.kind === 'number_prefix' ? `${search.value}\uffff` : null,
    numberLike: search?.kind === 'number_contains' ? `%${search.value}%` : null,
    pageSize: f.pageSize,
    offset,
    countLimit: offset + (at.totalCap ?? LIST_TOTAL_CAP) + 1,
  };
}

/** Everything that decides a list statement's text (not its values). */
function listShape(visibility: Visibility, f: CaseListQuery, at: ListContext): string {
  return JSON.stringify([
    visibility.mode,
    f.sort,
    !!f.type,
    !!f.stage,
    !!f.risk,
    !!f.from,
    !!f.to,
    !!f.originDistrict,
    !!f.destinationCountry,
    exploitationFilter(f),
    !!f.leadAgencyId,
    f.overdue ?? null,
    at.search?.kind ?? null,
    at.reader ? [at.reader.identities, at.reader.dialect] : null,
  ]);
}

/** The visibility whose ids are the values' (stand-ins while a statement's text is built). */
function visibilityWith(visibility: Visibility, v: ListValues): Visibility {
  if (visibility.mode === 'team') return { mode: 'team', userId: v.userId };
  if (visibility.mode === 'taskforce') return { mode: 'taskforce', taskForceId: v.taskForceId };
  return { mode: 'taskforce_or_team', taskForceId: v.taskForceId, userId: v.userId };
}

/** Orders a list query; ties broken by id in the same direction, so indexes serve the order. */
function orderList<Q extends { orderBy: (e: RawBuilder<unknown>, d?: 'asc' | 'desc') => Q }>(
  q: Q,
  table: 'cases' | 'case_team' | 'page',
  idColumn: string,
  sort: ListSort,
): Q {
  const id = sql.ref(idColumn);
  if (sort.column === 'risk')
    // Most urgent first (high, medium, low); the newest report first within a level.
    return q
      .orderBy(sql`case ${sql.ref(`${table}.risk`)} when 'high' then 0 when 'medium' then 1 else 2 end`)
      .orderBy(sql.ref(`${table}.reported_at`), 'desc')
      .orderBy(id, 'desc');
  return q.orderBy(sql.ref(`${table}.${sort.column}`), sort.dir).orderBy(id, sort.dir);
}

/**
 * The columns a list row shows (`presentSummary`): a case's story, place and profile are not read
 * for a list, which keeps each page's rows small to read, send and parse.
 */
export const CASE_LIST_COLUMNS = [
  'cases.id',
  'cases.case_number',
  'cases.case_type',
  'cases.stage',
  'cases.risk',
  'cases.reported_at',
  'cases.incident_date',
  'cases.lead_agency_id',
  'cases.victim_count',
  'cases.child_victim_count',
  'cases.origin_district_code',
  'cases.destination_country',
  'cases.exploitation_types',
  'cases.first_response_due_at',
  'cases.first_response_at',
  'cases.latest_screening',
  'cases.version',
] as const;

type ListColumn<T> = T extends `cases.${infer C extends keyof CaseRow}` ? C : never;
export type CaseListRow = Pick<CaseRow, ListColumn<(typeof CASE_LIST_COLUMNS)[number]>>;

/** A row of the list statement: a case (or nulls, past the last page) and the total beside it. */
export type ListStatementRow = { [K in keyof CaseListRow]: CaseListRow[K] | null } & {
  total_n: string | number;
  on_team?: number;
  victim_names?: string | string[] | null;
};

/**
 * The reader's columns of a page row: `on_team` (1 or 0) and `victim_names`, the team case's
 * victims' encrypted names in the order they were added (a JSON array; null or absent when the
 * reader may not read identities or is not on the team). In a case manager's own list every row
 * is a team case, so neither needs a test.
 */
function readerColumns(reader: ListReader, teamOnly: boolean, v: ListValues) {
  const isOnTeam = sql`exists (select 1 from case_team as reader_team where reader_team.case_id = cases.id and reader_team.user_id = ${v.readerId})`;
  const columns = [
    (teamOnly ? sql<number>`1` : sql<number>`case when ${isOnTeam} then 1 else 0 end`).as('on_team'),
  ];
  if (!reader.identities) return columns;
  const names = sql.ref('victims.full_name_enc');
  const order = sql`order by victims.created_at, victims.id`;
  const aggregate =
    reader.dialect === 'postgres'
      ? sql`json_agg(${names} ${order})`
      : sql`json_group_array(${names} ${order})`;
  const onlyTeam = teamOnly ? sql`` : sql`and ${isOnTeam}`;
  return [
    ...columns,
    sql<
      string | string[] | null
    >`(select ${aggregate} from persons as victims where victims.case_id = cases.id and victims.role = 'victim' and victims.erased_at is null ${onlyTeam})`.as(
      'victim_names',
    ),
  ];
}

/** The encrypted names a page row carries, as a list (JSON text on SQLite, parsed on PostgreSQL). */
export function victimNamesOf(row: { victim_names?: string | string[] | null }): string[] {
  const v = row.victim_names;
  if (v === null || v === undefined) return [];
  return typeof v === 'string' ? (JSON.parse(v) as string[]) : v;
}

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
    // Members added together (at intake) come in a stable order: by name.
    return db
      .selectFrom('case_team')
      .innerJoin('users', 'users.id', 'case_team.user_id')
      .select(['case_team.user_id', 'users.display_name', 'users.agency_id'])
      .where('case_team.case_id', '=', caseId)
      .orderBy('case_team.added_at')
      .orderBy('users.display_name')
      .orderBy('case_team.user_id')
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
    const { statement, cap } = caseRepository.listStatement(db, visibility, f, at);
    // A team's list (a case manager's) reads few pages and runs in a SQLite reader thread; a task
    // force's whole list scans many, and the reader's connection loses its cached pages at every
    // commit, so those stay on the connection whose cache the writes keep (decisions.md).
    const found =
      visibility.mode === 'team'
        ? await readRows(db, statement)
        : (await db.executeQuery(statement.compile())).rows;
    const n = toNumber(found[0]?.total_n);
    // A page past the end is the total's row alone, with no case in it.
    const rows = found.filter((r) => r.id !== null) as (ListStatementRow & CaseListRow)[];
    return { rows, total: Math.min(n, cap), totalExact: n <= cap };
  },

  /**
   * A list page and its total as one statement: the total's single row joined with the page's
   * rows. One statement, not two, per page: each costs a round trip and the server's work to
   * parse, bind and send, which under load is most of a page's price.
   */
  listStatement(db: Db, visibility: Visibility, f: CaseListQuery, at: ListContext) {
    const values = listValues(visibility, f, at);
    const statement: Compilable<ListStatementRow> = {
      compile: () =>
        templated(db, listShape(visibility, f, at), values, (v) =>
          caseRepository.buildListStatement(db, visibility, f, at, v),
        ),
    };
    return { statement, cap: values.countLimit - 1 };
  },

  /** The list statement built afresh with the query builder (what `listStatement` reuses). */
  buildListStatement(
    db: Db,
    visibility: Visibility,
    f: CaseListQuery,
    at: ListContext,
    v: ListValues = listValues(visibility, f, at),
  ) {
    const { count, page } = caseRepository.listQueries(db, visibility, f, at, v);
    return orderList(
      db
        .selectFrom(count.as('total'))
        .leftJoin(page.as('page'), (join) => join.onTrue())
        .selectAll('page')
        .select('total.n as total_n'),
      'page',
      'page.id',
      parseSort(f.sort),
    );
  },

  /**
   * The two statements of a list page, built but not run: the total, counted no further than
   * `cap` past the page (an exact count of tens of thousands of rows costs more than the page
   * itself; the list then says "more than"), and the page's rows.
   */
  listQueries(
    db: Db,
    visibility: Visibility,
    f: CaseListQuery,
    at: ListContext,
    v: ListValues = listValues(visibility, f, at),
  ) {
    const cap = v.countLimit - 1;
    const sort = parseSort(f.sort);
    if (visibility.mode === 'team') {
      // A case manager's cases, read from the team rows alone (they carry the list columns,
      // and one covering index serves every filter and order); then only the page's rows.
      const mine = db
        .selectFrom('case_team')
        .where('case_team.user_id', '=', v.userId)
        .where(listFilter('case_team', 'case_team.case_id', f, at, v));
      const ids = orderList(mine.select('case_team.case_id'), 'case_team', 'case_team.case_id', sort)
        .limit(v.pageSize)
        .offset(v.offset);
      return {
        cap,
        count: db
          .selectFrom(mine.select(sql<number>`1`.as('one')).limit(v.countLimit).as('matches'))
          .select((eb) => eb.fn.countAll().as('n')),
        page: orderList(
          db
            .selectFrom('cases')
            .select(CASE_LIST_COLUMNS)
            .select(at.reader ? readerColumns(at.reader, true, v) : [])
            .where('cases.id', 'in', ids),
          'cases',
          'cases.id',
          sort,
        ),
      };
    }
    const q = db
      .selectFrom('cases')
      .where(visibleCases(visibilityWith(visibility, v)))
      .where(listFilter('cases', 'cases.id', f, at, v));
    return {
      cap,
      count: db
        .selectFrom(q.select(sql<number>`1`.as('one')).limit(v.countLimit).as('matches'))
        .select((eb) => eb.fn.countAll().as('n')),
      page: orderList(
        q.select(CASE_LIST_COLUMNS).select(at.reader ? readerColumns(at.reader, false, v) : []),
        'cases',
        'cases.id',
        sort,
      )
        .limit(v.pageSize)
        .offset(v.offset),
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
