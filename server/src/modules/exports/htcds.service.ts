import type { HtcdsQuery, HtcdsTable } from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { openBulkReader, toNumber } from '../../platform/db/connect.js';
import { exportPeriod, type ProfileJson, parseProfile } from './export-scope.js';
import { type Period, exportsRepository as repo } from './exports.repository.js';
import type { CellValue } from './tabular.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock' | 'cipher'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

const PAGE = 500;

/** HTCDS field names of each table; identifying ones are appended only for those who may see them. */
const COLUMNS: Record<HtcdsTable, { open: string[]; identifying: string[] }> = {
  cases: {
    open: [
      'CaseId',
      'CaseNumber',
      'Status',
      'CaseType',
      'DateOfRegistration',
      'IncidentDate',
      'Risk',
      'IntakeChannel',
      'LeadOrganisation',
      'LeadOrganisationType',
      'NumberOfVictims',
      'NumberOfChildVictims',
      'DestinationCountry',
      'OriginDistrictCode',
      'ReasonForClosure',
      'SimfoniId',
    ],
    identifying: [],
  },
  persons: {
    open: [
      'PersonId',
      'CaseId',
      'Role',
      'Gender',
      'AgeAtIncident',
      'IsMinor',
      'Nationality',
      'ResidenceProvinceCode',
      'ResidenceRegencyCode',
      'ResidenceDistrictCode',
      'Education',
      'Occupation',
      'AgreementToManagePersonalData',
      'MethodOfRecruitment',
      'RecruitmentWebsitesAndApps',
      'MethodsOfControl',
      'TypeOfExploitation',
      'TypeOfLabourExploitation',
    ],
    identifying: ['FullName', 'Alias', 'NationalIdNumber', 'DateOfBirth', 'PhoneNumber', 'Address'],
  },
  perpetrators: {
    open: [
      'PerpetratorId',
      'CaseId',
      'Kind',
      'Gender',
      'Nationality',
      'CompanyName',
      'RoleInProcess',
      'RelationToVictims',
      'LegalStatus',
    ],
    identifying: ['FullName', 'NationalIdNumber', 'DateOfBirth', 'Address'],
  },
  events: {
    open: ['CaseId', 'Type', 'Country', 'RegionCode', 'Date', 'Description'],
    identifying: [],
  },
};

/** HTCDS case Status from the case's stage. */
export function htcdsStatus(stage: string, closureReason: string | null): string {
  if (stage === 'closed') return closureReason === 'referred_elsewhere' ? 'ClosedReferred' : 'Closed';
  if (stage === 'referred_elsewhere') return 'ClosedReferred';
  if (stage === 'monitoring') return 'FollowUp';
  return 'Active';
}

const list = (v: readonly string[] | undefined) => (v?.length ? v.join(';') : null);

export function htcdsColumns(table: HtcdsTable, identifying: boolean): string[] {
  const c = COLUMNS[table];
  return identifying ? [...c.open, ...c.identifying] : [...c.open];
}

type After = { reportedAt: string; id: string } | null;

/** Yields pages of a keyset-paged query until it runs out (memory stays flat). */
async function* pages<T extends { id: string; reported_at: string }>(
  fetch: (after: After, limit: number) => Promise<T[]>,
): AsyncGenerator<T[]> {
  let after: After = null;
  for (;;) {
    const page = await fetch(after, PAGE);
    if (page.length === 0) return;
    yield page;
    if (page.length < PAGE) return;
    const last = page[page.length - 1]!;
    after = { reportedAt: last.reported_at, id: last.id };
  }
}

/**
 * The rows of one HTCDS table. Identifying fields are filled only on cases where the actor is on the
 * case team (the field-level rule of the case module); elsewhere they stay empty.
 */
function tableRows(deps: Deps, actor: Actor, period: Period, table: HtcdsTable, identifying: boolean) {
  return async function* (): AsyncGenerator<CellValue[]> {
    const reader = await openBulkReader(deps.db, deps.dbKind);
    try {
      yield* readTable({ ...deps, db: reader.db }, actor, period, table, identifying);
    } finally {
      await reader.close();
    }
  };
}

async function* readTable(
  deps: Deps,
  actor: Actor,
  period: Period,
  table: HtcdsTable,
  identifying: boolean,
): AsyncGenerator<CellValue[]> {
  if (table === 'cases') {
    for await (const page of pages((a, l) => repo.casePage(deps.db, period, a, l)))
      for (const c of page)
        yield [
          c.id,
          c.case_number,
          htcdsStatus(c.stage, c.closure_reason),
          c.case_type,
          c.reported_at.slice(0, 10),
          c.incident_date,
          c.risk,
          c.channel,
          c.lead_agency,
          c.lead_agency_type,
          c.victim_count,
          c.child_victim_count,
          c.destination_country,
          c.origin_district_code,
          c.closure_reason,
          deps.cipher.decryptNullable(c.simfoni_id_enc),
        ];
  } else if (table === 'events') {
    for await (const page of pages((a, l) => repo.profilePage(deps.db, period, a, l)))
      for (const c of page)
        for (const e of parseProfile(c.profile, deps.cipher, c.profile_texts_enc).events ?? [])
          yield [
            c.id,
            e.type,
            e.countryCode ?? (e.regionCode ? 'ID' : null),
            e.regionCode ?? null,
            e.date ?? null,
            e.description ?? null,
          ];
  } else if (table === 'persons') {
    for await (const page of pages((a, l) => repo.profilePage(deps.db, period, a, l))) {
      const ids = page.map((c) => c.id);
      const team = identifying ? await repo.teamCaseIds(deps.db, actor.userId, ids) : new Set<string>();
      const profiles = new Map<string, ProfileJson>(page.map((c) => [c.id, parseProfile(c.profile)]));
      // Encrypted columns are read only for the caller's own team cases.
      const open = await repo.personsOf(
        deps.db,
        ids.filter((id) => !team.has(id)),
        false,
      );
      const named = await repo.personsOf(deps.db, [...team], true);
      const all = [...open, ...named];
      const consenting = await repo.consentingPersons(
        deps.db,
        all.map((p) => p.id),
      );
      for (const p of all) {
        const victim = p.role === 'victim';
        const profile = victim ? (profiles.get(p.case_id) ?? {}) : {};
        yield [
          p.id,
          p.case_id,
          p.role,
          p.sex,
          p.age_at_incident,
          p.age_at_incident === null ? null : p.is_child ? 'Yes' : 'No',
          p.nationality,
          p.province_code,
          p.regency_code,
          p.district_code,
          p.education,
          deps.cipher.decryptNullable(p.occupation_enc),
          consenting.has(p.id) ? 'Yes' : 'No',
          list(profile.recruitmentMethods),
          list(profile.recruitmentPlatforms),
          list(profile.methodsOfControl),
          list(profile.exploitationTypes),
          list(profile.labourSectors),
          ...(identifying
            ? [
                p.identity?.full_name_enc,
                p.identity?.alias_enc,
                p.identity?.nik_enc,
                p.identity?.birth_date_enc,
                p.identity?.phone_enc,
                p.identity?.street_enc,
              ].map((v) => deps.cipher.decryptNullable(v ?? null))
            : []),
        ];
      }
    }
  } else {
    let after = '';
    for (;;) {
      const page = await repo.suspectPage(deps.db, period, after, PAGE);
      if (page.length === 0) break;
      const team = identifying
        ? await repo.teamCaseIds(
            deps.db,
            actor.userId,
            page.map((s) => s.case_id),
          )
        : new Set<string>();
      for (const s of page) {
        const row: CellValue[] = [
          s.id,
          s.case_id,
          s.kind,
          s.sex,
          s.nationality,
          s.company_name,
          s.role_in_process,
          s.relation_to_victims,
          s.status,
        ];
        if (identifying) {
          const show = team.has(s.case_id);
          const d = (v: string | null) => (show ? deps.cipher.decryptNullable(v) : null);
          row.push(d(s.full_name_enc), d(s.nik_enc), d(s.birth_date_enc), d(s.address_enc));
        }
        yield row;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.id;
    }
  }
}

export interface HtcdsExport {
  identifying: boolean;
  tables: { table: HtcdsTable; columns: string[]; rows: () => AsyncGenerator<CellValue[]> }[];
  counts: Record<string, number>;
}

/**
 * The task force's cases, persons (victim context), perpetrators and trafficking events in HTCDS
 * field names. Audited before the first byte leaves, with the counts and whether identifying
 * fields were included.
 */
export async function htcdsExport(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  query: HtcdsQuery,
): Promise<HtcdsExport> {
  const period = await exportPeriod(deps, actor, query);
  const identifying = actor.permissions.has('person.identity.read');
  // the counts read as much as the export itself: through the export's own connection too
  const reader = await openBulkReader(deps.db, deps.dbKind);
  const [cases, persons, perpetrators, teamCases] = await Promise.all([
    repo.countCases(reader.db, period),
    repo.countPersons(reader.db, period),
    repo.countSuspects(reader.db, period),
    identifying ? repo.countTeamCases(reader.db, period, actor.userId) : Promise.resolve({ n: 0 }),
  ]).finally(() => reader.close());
  const counts = {
    cases: toNumber(cases.n as number),
    persons: toNumber(persons.n as number),
    perpetrators: toNumber(perpetrators.n as number),
    casesWithIdentities: toNumber(teamCases.n as number),
  };
  const tables = (
    query.format === 'csv' ? [query.table] : (['cases', 'persons', 'perpetrators', 'events'] as const)
  ).map((table) => ({
    table,
    columns: htcdsColumns(table, identifying),
    rows: tableRows(deps, actor, period, table, identifying),
  }));
  await inTransaction(deps, actor, meta, (_t, audit) =>
    audit({
      action: 'export.htcds',
      details: {
        format: query.format,
        tables: tables.map((t) => t.table),
        from: query.from,
        to: query.to,
        identifying: identifying && counts.casesWithIdentities > 0,
        ...counts,
      },
    }),
  );
  return { identifying, tables, counts };
}
