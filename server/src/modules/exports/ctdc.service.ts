import {
  CTDC_COLUMNS,
  type CtdcQuery,
  type CtdcSource,
  type CtdcSummary,
  ctdcRelease,
  type DataRow,
} from '@sinergi/core';
import type { Actor, AppDeps, RequestMeta } from '../../platform/context.js';
import { inTransaction } from '../../platform/context.js';
import { exploitationCountry, exportPeriod, parseProfile } from './export-scope.js';
import { exportsRepository as repo } from './exports.repository.js';

type Deps = Pick<AppDeps, 'db' | 'dbKind' | 'clock'>;
type Meta = Pick<RequestMeta, 'requestId' | 'ip'>;

/** The k-anonymous CTDC release of the task force's victims reported in the period. */
async function release(deps: Deps, actor: Actor, query: Pick<CtdcQuery, 'from' | 'to' | 'k'>) {
  const period = await exportPeriod(deps, actor, query);
  const victims = await repo.victims(deps.db, period);
  // Victims of one case share its profile: parse it once.
  const profiles = new Map<string, ReturnType<typeof parseProfile>>();
  const sources: CtdcSource[] = victims.map((v) => {
    let profile = profiles.get(v.case_id);
    if (!profile) {
      profile = parseProfile(v.profile);
      profiles.set(v.case_id, profile);
    }
    return {
      reportYear: v.report_year,
      incidentYear: v.incident_date ? Number(v.incident_date.slice(0, 4)) : null,
      sex: v.sex,
      ageAtIncident: v.age_at_incident,
      nationality: v.nationality,
      exploitationTypes: profile.exploitationTypes ?? [],
      labourSectors: profile.labourSectors ?? [],
      methodsOfControl: profile.methodsOfControl ?? [],
      recruitmentMethods: profile.recruitmentMethods ?? [],
      recruiterRelation: profile.recruiterRelation ?? null,
      countryOfExploitation: exploitationCountry(profile, v.destination_country, v.destination_region_code),
    };
  });
  return ctdcRelease(sources, query.k);
}

function summaryOf(r: ReturnType<typeof ctdcRelease>): CtdcSummary {
  return {
    k: r.k,
    inputRows: r.inputRows,
    releasedRows: r.released,
    suppressedRows: r.suppressed,
    generalisations: r.generalisations,
  };
}

/** What a release would contain, without the rows: for the export page to show before downloading. */
export async function ctdcSummary(deps: Deps, actor: Actor, query: Pick<CtdcQuery, 'from' | 'to' | 'k'>) {
  return summaryOf(await release(deps, actor, query));
}

/** The release's rows and summary; the export is audited (counts only: the rows identify no one). */
export async function ctdcExport(
  deps: Deps,
  actor: Actor,
  meta: Meta,
  query: CtdcQuery,
): Promise<{ summary: CtdcSummary; columns: readonly string[]; rows: () => Iterable<DataRow> }> {
  const r = await release(deps, actor, query);
  const summary = summaryOf(r);
  await inTransaction(deps, actor, meta, (_t, audit) =>
    audit({
      action: 'export.ctdc',
      details: { format: query.format, from: query.from, to: query.to, ...summary },
    }),
  );
  return { summary, columns: CTDC_COLUMNS, rows: r.rows };
}

/** The release's rows as value lists in column order, one at a time. */
export function* ctdcValues(columns: readonly string[], rows: () => Iterable<DataRow>) {
  for (const r of rows()) yield columns.map((c) => r[c]);
}

/** The note that travels with a release: k, what was suppressed and generalised. */
export function ctdcNote(summary: CtdcSummary, lang: 'id' | 'en'): string[] {
  const gens = summary.generalisations.length
    ? summary.generalisations.join(', ')
    : lang === 'id'
      ? 'tidak ada'
      : 'none';
  return lang === 'id'
    ? [
        `Data set CTDC k-anonim (k = ${summary.k}): setiap kombinasi kolom kuasi-identifikasi dimiliki sedikitnya ${summary.k} korban.`,
        `Baris masuk: ${summary.inputRows}; dirilis: ${summary.releasedRows}; ditekan (tidak dirilis): ${summary.suppressedRows}.`,
        `Generalisasi yang diterapkan: ${gens}.`,
        'Nilai -99 berarti tidak diketahui; negara 00 berarti negara tidak diketahui.',
      ]
    : [
        `k-anonymous CTDC data set (k = ${summary.k}): every combination of the quasi-identifying columns is shared by at least ${summary.k} victims.`,
        `Input rows: ${summary.inputRows}; released: ${summary.releasedRows}; suppressed: ${summary.suppressedRows}.`,
        `Generalisations applied: ${gens}.`,
        'The value -99 means missing; country 00 means unknown country.',
      ];
}
