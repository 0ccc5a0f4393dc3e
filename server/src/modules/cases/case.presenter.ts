import {
  type CaseDetail,
  type CaseStage,
  type CaseSummary,
  deadlineState,
  nextStages,
  type TraffickingProfile,
  traffickingProfileSchema,
} from '@sinergi/core';
import type { Actor, AppDeps } from '../../platform/context.js';
import { openJson } from '../../platform/db/json-free-texts.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { type CaseAccess, caseAbilities } from './case.policy.js';
import type { CaseListRow } from './case.repository.js';

type Deps = Pick<AppDeps, 'reference' | 'cipher' | 'clock'>;

function region(deps: Deps, code: string | null) {
  if (!code) return null;
  const r = deps.reference.region(code);
  return { code, name: r?.name ?? code };
}

export function splitList(value: string): string[] {
  return value.split(',').filter(Boolean);
}

export function joinList(values: readonly string[]): string {
  return values.length ? `,${values.join(',')},` : '';
}

/** The profile as it was given: its clear codes with its encrypted free texts put back. */
export function parseProfile(
  deps: Pick<Deps, 'cipher'>,
  json: string,
  textsEnc: string | null,
): TraffickingProfile {
  return traffickingProfileSchema.parse(openJson(deps.cipher, json, textsEnc));
}

export function presentSummary(
  deps: Deps,
  row: CaseListRow,
  access: CaseAccess,
  extra: { agencyShortName: string; victimInitials: string[] | null },
): CaseSummary {
  const state = deadlineState(
    new Date(row.first_response_due_at),
    row.first_response_at ? new Date(row.first_response_at) : null,
    deps.clock.now(),
  );
  return {
    id: row.id,
    caseNumber: row.case_number,
    caseType: row.case_type,
    stage: row.stage,
    risk: row.risk,
    reportedAt: row.reported_at,
    incidentDate: row.incident_date,
    leadAgency: { id: row.lead_agency_id, shortName: extra.agencyShortName },
    victimCount: row.victim_count,
    childVictimCount: row.child_victim_count,
    victimInitials: access === 'full' ? extra.victimInitials : null,
    originDistrict: region(deps, row.origin_district_code),
    destinationCountry: row.destination_country,
    exploitationTypes: splitList(row.exploitation_types),
    firstResponse: {
      dueAt: row.first_response_due_at,
      doneAt: row.first_response_at,
      status: state.status,
      ms:
        state.status === 'met' ? state.lateByMs : state.status === 'due' ? state.dueInMs : state.overdueByMs,
    },
    latestScreening: row.latest_screening,
    access,
    version: row.version,
  };
}

export function presentDetail(
  deps: Deps,
  actor: Actor,
  row: CaseRow,
  access: CaseAccess,
  extra: {
    agencyShortName: string;
    victimInitials: string[] | null;
    team: { user_id: string; display_name: string }[];
    warnings: CaseDetail['warnings'];
    flags: { flag: string; set_at: string }[];
  },
): CaseDetail {
  const full = access === 'full';
  const migrant = openJson(deps.cipher, row.migrant, row.migrant_texts_enc) as CaseDetail['migrant'];
  return {
    ...presentSummary(deps, row, access, extra),
    taskForceId: row.task_force_id,
    channel: row.channel,
    reportingParty: row.reporting_party,
    narrative: full ? deps.cipher.decryptNullable(row.narrative_enc) : null,
    placeOfOccurrence: full ? deps.cipher.decryptNullable(row.place_enc) : null,
    occurrenceRegion: region(deps, row.occurrence_region_code),
    simfoniId: deps.cipher.decryptNullable(row.simfoni_id_enc),
    profile: parseProfile(deps, row.profile, row.profile_texts_enc),
    migrant: {
      bp2miCategory: migrant.bp2miCategory ?? row.bp2mi_category,
      deportee: migrant.deportee ?? null,
      deceased: migrant.deceased ?? null,
    },
    team: extra.team.map((t) => ({ userId: t.user_id, displayName: t.display_name })),
    closureReason: row.closure_reason,
    nextStages: full ? nextStages(row.stage as CaseStage) : [],
    warnings: extra.warnings,
    flags: extra.flags.map((f) => ({ flag: f.flag as CaseDetail['flags'][number]['flag'], setAt: f.set_at })),
    abilities: caseAbilities(
      actor,
      access,
      row.stage,
      extra.team.some((t) => t.user_id === actor.userId),
    ),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
