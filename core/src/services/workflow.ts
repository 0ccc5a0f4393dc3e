/** The six SOP stages (Permen PPPA 8/2021) a need or a service belongs to. */
export const SOP_STAGES = [
  'pengaduan_identifikasi',
  'rehabilitasi_kesehatan',
  'rehabilitasi_sosial',
  'layanan_hukum',
  'pemulangan',
  'reintegrasi_sosial',
] as const;
export type SopStage = (typeof SOP_STAGES)[number];

/** Service sub-types, each under its SOP stage. */
export const SERVICE_TYPES = {
  medical_examination: 'rehabilitasi_kesehatan',
  visum_et_repertum: 'rehabilitasi_kesehatan',
  treatment: 'rehabilitasi_kesehatan',
  psychosocial_support: 'rehabilitasi_sosial',
  shelter: 'rehabilitasi_sosial',
  family_tracing: 'rehabilitasi_sosial',
  legal_accompaniment: 'layanan_hukum',
  lpsk_application: 'layanan_hukum',
  restitution_claim: 'layanan_hukum',
  repatriation: 'pemulangan',
  school_reentry: 'reintegrasi_sosial',
  vocational_training: 'reintegrasi_sosial',
  economic_support: 'reintegrasi_sosial',
  assessment: 'pengaduan_identifikasi',
  other: null,
} as const satisfies Record<string, SopStage | null>;
export type ServiceType = keyof typeof SERVICE_TYPES;
export const SERVICE_TYPE_IDS = Object.keys(SERVICE_TYPES) as [ServiceType, ...ServiceType[]];

export const SERVICE_STATUSES = [
  'requested',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'cancelled',
] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

const SERVICE_MOVES: Record<ServiceStatus, readonly ServiceStatus[]> = {
  requested: ['accepted', 'declined', 'cancelled'],
  accepted: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  declined: [],
  completed: [],
  cancelled: [],
};

/** Why a service may not move from one status to another, or null when it may. */
export function serviceMoveProblem(
  from: ServiceStatus,
  to: ServiceStatus,
  input: { outcome?: string | null; reason?: string | null },
): 'transition_not_allowed' | 'outcome_required' | 'reason_required' | null {
  if (!SERVICE_MOVES[from].includes(to)) return 'transition_not_allowed';
  if (to === 'completed' && !input.outcome?.trim()) return 'outcome_required';
  if ((to === 'declined' || to === 'cancelled') && !input.reason?.trim()) return 'reason_required';
  return null;
}

export function serviceMovesFrom(from: ServiceStatus): readonly ServiceStatus[] {
  return SERVICE_MOVES[from];
}

/** Which column records the time a service reached a status. */
export const SERVICE_STATUS_DATE: Record<ServiceStatus, string> = {
  requested: 'requested_at',
  accepted: 'accepted_at',
  declined: 'declined_at',
  in_progress: 'started_at',
  completed: 'completed_at',
  cancelled: 'cancelled_at',
};

export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'completed', 'revoked'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_ACTIONS = ['accept', 'decline', 'complete', 'revoke'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

/** HTCDS referral reasons. */
export const REFERRAL_REASONS = [
  'AdditionalServicesRequired',
  'MigrationOrChangeOfLocation',
  'Other',
] as const;
export const REFERRAL_URGENCIES = ['immediate', 'high', 'normal'] as const;

/** Which side acts: the receiving agency answers and completes, the sender revokes. */
export function referralActionProblem(
  status: ReferralStatus,
  action: ReferralAction,
  side: 'sender' | 'receiver' | 'other',
): 'forbidden' | 'transition_not_allowed' | null {
  const byReceiver = action !== 'revoke';
  if (side === 'other' || (byReceiver && side !== 'receiver') || (!byReceiver && side !== 'sender'))
    return 'forbidden';
  const allowed: Record<ReferralAction, ReferralStatus[]> = {
    accept: ['pending'],
    decline: ['pending'],
    complete: ['accepted'],
    revoke: ['pending', 'accepted'],
  };
  return allowed[action].includes(status) ? null : 'transition_not_allowed';
}

export const REFERRAL_NEXT: Record<ReferralAction, ReferralStatus> = {
  accept: 'accepted',
  decline: 'declined',
  complete: 'completed',
  revoke: 'revoked',
};

/** A referral gives the receiving agency access to the referred persons only while it is open. */
export function referralGrantsAccess(status: ReferralStatus): boolean {
  return status === 'pending' || status === 'accepted';
}

/** Whether a consent covers a referral to an agency: services and sharing with that agency, not withdrawn. */
export function consentCovers(
  consent: { scopes: readonly string[]; sharingAgencyIds: readonly string[]; withdrawnOn: string | null },
  agencyId: string,
): boolean {
  return (
    consent.withdrawnOn === null &&
    consent.scopes.includes('services') &&
    consent.scopes.includes('sharing') &&
    consent.sharingAgencyIds.includes(agencyId)
  );
}
