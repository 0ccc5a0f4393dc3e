import {
  childRequirementsDue,
  childRequirementsOverdue,
  initials,
  type LegalLimits,
  type LegalStage,
  type LegalTrack,
  nextLegalStages,
  type RestitutionView,
  restitutionOverdue,
  restitutionOwed,
  restitutionPaid,
  restitutionPaymentDue,
  restitutionStatus,
  type SuspectView,
} from '@sinergi/core';
import type { AppDeps } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { LegalAccess } from './legal.policy.js';
import { type LegalTrackRow, money, type RestitutionRow, type SuspectRow } from './legal.tables.js';

type Deps = Pick<AppDeps, 'cipher'>;

export function presentSuspect(deps: Deps, s: SuspectRow, viewIdentity: boolean): SuspectView {
  return {
    id: s.id,
    kind: s.kind as SuspectView['kind'],
    companyName: s.company_name,
    roleInProcess: s.role_in_process as SuspectView['roleInProcess'],
    relationToVictims: s.relation_to_victims as SuspectView['relationToVictims'],
    status: s.status as SuspectView['status'],
    statusHistory: JSON.parse(s.status_history),
    detentions: JSON.parse(s.detentions),
    sex: s.sex as SuspectView['sex'],
    nationality: s.nationality,
    identity: viewIdentity
      ? {
          fullName: deps.cipher.decryptNullable(s.full_name_enc),
          nik: deps.cipher.decryptNullable(s.nik_enc),
          birthDate: deps.cipher.decryptNullable(s.birth_date_enc),
          address: deps.cipher.decryptNullable(s.address_enc),
        }
      : null,
    version: s.version,
  };
}

export function presentRestitution(
  r: RestitutionRow,
  payments: { id: string; amount: number | string; paid_on: string }[],
  victimInitials: string | null,
  childVictim: boolean,
  today: string,
  limits: LegalLimits,
): RestitutionView {
  const pays = payments.map((p) => ({ id: p.id, amount: money(p.amount), paidOn: p.paid_on }));
  const facts = {
    lpskAmount: money(r.lpsk_amount),
    indictmentAmount: money(r.indictment_amount),
    grantedAmount: money(r.granted_amount),
    replacedByDetention: r.replaced_by_detention === 1,
    payments: pays,
  };
  return {
    id: r.id,
    victimId: r.victim_person_id,
    victimInitials,
    requestedOn: r.requested_on,
    components: JSON.parse(r.components),
    requestedAmount: money(r.requested_amount),
    lpskAmount: facts.lpskAmount,
    lpskOn: r.lpsk_on,
    indictmentAmount: facts.indictmentAmount,
    grantedAmount: facts.grantedAmount,
    servedOn: r.served_on,
    dueOn: facts.grantedAmount === null ? null : restitutionPaymentDue(r.served_on, limits),
    childVictim,
    requirementsNoticeOn: r.requirements_notice_on,
    requirementsCompletedOn: r.requirements_completed_on,
    requirementsDueOn: childVictim ? childRequirementsDue(r.requirements_notice_on, limits) : null,
    requirementsOverdue:
      childVictim &&
      childRequirementsOverdue(
        { noticeOn: r.requirements_notice_on, completedOn: r.requirements_completed_on },
        today,
        limits,
      ),
    replacedByDetention: facts.replacedByDetention,
    detentionMonths: r.detention_months,
    payments: pays,
    paid: restitutionPaid(pays),
    owed: restitutionOwed(facts.grantedAmount, pays),
    overdue: restitutionOverdue({ ...facts, servedOn: r.served_on }, today, limits),
    status: restitutionStatus(facts),
    version: r.version,
  };
}

/** The whole track as the actor may see it. */
export async function presentTrack(
  deps: Pick<AppDeps, 'cipher'>,
  db: Db,
  c: { id: string; case_number: string },
  track: LegalTrackRow | undefined,
  access: LegalAccess,
  today: string,
  limits: LegalLimits,
): Promise<LegalTrack> {
  const [reports, stages, suspects, restitutions, protections, persons] = await Promise.all([
    db
      .selectFrom('legal_police_reports')
      .selectAll()
      .where('case_id', '=', c.id)
      .orderBy('report_date')
      .execute(),
    db
      .selectFrom('legal_stages')
      .leftJoin('users', 'users.id', 'legal_stages.created_by')
      .leftJoin('agencies', 'agencies.id', 'legal_stages.created_agency_id')
      .selectAll('legal_stages')
      .select(['users.display_name', 'agencies.short_name'])
      .where('case_id', '=', c.id)
      .orderBy('legal_stages.seq')
      .execute(),
    db.selectFrom('legal_suspects').selectAll().where('case_id', '=', c.id).orderBy('created_at').execute(),
    db
      .selectFrom('legal_restitutions')
      .selectAll()
      .where('case_id', '=', c.id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('legal_protections')
      .selectAll()
      .where('case_id', '=', c.id)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('persons')
      .select(['id', 'role', 'full_name_enc', 'is_child'])
      .where('case_id', '=', c.id)
      .orderBy('created_at')
      .execute(),
  ]);
  const payments = restitutions.length
    ? await db
        .selectFrom('legal_restitution_payments')
        .selectAll()
        .where(
          'restitution_id',
          'in',
          restitutions.map((r) => r.id),
        )
        .orderBy('paid_on')
        .execute()
    : [];
  const agencyIds = stages.map((s) => JSON.parse(s.details).prosecutionAgencyId).filter(Boolean) as string[];
  const agencies = agencyIds.length
    ? await db.selectFrom('agencies').select(['id', 'short_name']).where('id', 'in', agencyIds).execute()
    : [];
  // Victims' and witnesses' initials only for those who see identities.
  const personInitials = (id: string) => {
    const p = persons.find((x) => x.id === id);
    return p && access.viewIdentity ? initials(deps.cipher.decrypt(p.full_name_enc)) : null;
  };
  const stage = (track?.stage ?? null) as LegalStage | null;
  return {
    caseId: c.id,
    caseNumber: c.case_number,
    stage,
    stageOn: track?.stage_on ?? null,
    version: track?.version ?? 0,
    people: persons
      .filter((p) => p.role === 'victim' || p.role === 'witness')
      .map((p) => ({ id: p.id, role: p.role, initials: personInitials(p.id) })),
    reports: reports.map((r) => ({
      id: r.id,
      number: r.number,
      reportDate: r.report_date,
      unit: r.unit as 'polres',
      type: r.type as 'A',
      victimIds: JSON.parse(r.victim_ids),
    })),
    stages: stages.map((s) => {
      const d = JSON.parse(s.details);
      return {
        id: s.id,
        stage: s.stage as LegalStage,
        on: s.on_date,
        documentNumber: s.document_number,
        reason: access.viewIdentity ? deps.cipher.decryptNullable(s.reason_enc) : null,
        charges: d.charges ?? null,
        verdict: d.verdict ?? null,
        prosecutionAgency: agencies.find((a) => a.id === d.prosecutionAgencyId)?.short_name ?? null,
        note: access.viewIdentity ? (deps.cipher.decryptNullable(s.note_enc) ?? d.note ?? null) : null,
        recordedBy: s.display_name,
        recordedAgency: s.short_name,
      };
    }),
    suspects: suspects.map((s) => presentSuspect(deps, s, access.viewIdentity)),
    restitutions: restitutions.map((r) =>
      presentRestitution(
        r,
        payments.filter((p) => p.restitution_id === r.id),
        personInitials(r.victim_person_id),
        persons.find((p) => p.id === r.victim_person_id)?.is_child === 1,
        today,
        limits,
      ),
    ),
    protections: protections.map((p) => ({
      id: p.id,
      personId: p.person_id,
      personRole: persons.find((x) => x.id === p.person_id)?.role ?? 'victim',
      personInitials: personInitials(p.person_id),
      appliedOn: p.applied_on,
      decision: p.decision as 'pending',
      decidedOn: p.decided_on,
      kinds: JSON.parse(p.kinds),
      from: p.period_from,
      until: p.period_until,
      version: p.version,
    })),
    policeAgencyId: track?.police_agency_id ?? null,
    prosecutionAgencyId: track?.prosecution_agency_id ?? null,
    abilities: {
      assignPolice: access.assignPolice,
      edit: access.edit,
      viewIdentity: access.viewIdentity,
      nextStages: access.edit ? [...nextLegalStages(stage)] : [],
    },
  };
}
