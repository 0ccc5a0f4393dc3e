import type { Selectable } from 'kysely';

/** The legal track's tables, merged into the database type (kept here so the module owns its schema). */
declare module '../../platform/db/schema.js' {
  interface Database {
    legal_tracks: LegalTrackTable;
    legal_stages: LegalStageTable;
    legal_police_reports: PoliceReportTable;
    legal_suspects: SuspectTable;
    legal_restitutions: RestitutionTable;
    legal_restitution_payments: RestitutionPaymentTable;
    legal_protections: ProtectionTable;
  }
}

export interface LegalTrackTable {
  case_id: string;
  task_force_id: string;
  stage: string | null;
  stage_on: string | null;
  police_agency_id: string | null;
  prosecution_agency_id: string | null;
  version: number;
  updated_at: string;
}

export interface LegalStageTable {
  id: string;
  case_id: string;
  /** Order within the case: stages recorded in the same second keep their order. */
  seq: number;
  stage: string;
  on_date: string;
  document_number: string | null;
  /** JSON: charges, verdict, prosecution agency (and, in rows written before `note_enc`, the note). */
  details: string;
  reason_enc: string | null;
  note_enc: string | null;
  created_by: string;
  created_agency_id: string | null;
  created_at: string;
}

export interface PoliceReportTable {
  id: string;
  case_id: string;
  number: string;
  report_date: string;
  unit: string;
  type: string;
  victim_ids: string;
  created_by: string;
  created_at: string;
}

export interface SuspectTable {
  id: string;
  case_id: string;
  task_force_id: string;
  kind: string;
  full_name_enc: string | null;
  name_hash: string | null;
  nik_enc: string | null;
  nik_hash: string | null;
  birth_date_enc: string | null;
  address_enc: string | null;
  sex: string | null;
  nationality: string | null;
  company_name: string | null;
  role_in_process: string;
  relation_to_victims: string | null;
  status: string;
  status_history: string;
  detentions: string;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** bigint columns: numbers on SQLite, strings on PostgreSQL; read through `money()`. */
type Money = number | string;

export interface RestitutionTable {
  id: string;
  case_id: string;
  victim_person_id: string;
  requested_on: string;
  components: string;
  requested_amount: Money;
  lpsk_amount: Money | null;
  lpsk_on: string | null;
  indictment_amount: Money | null;
  granted_amount: Money | null;
  served_on: string | null;
  /** A child victim's application: told the requirements are incomplete on, completed on (PP 43/2017). */
  requirements_notice_on: string | null;
  requirements_completed_on: string | null;
  replaced_by_detention: number;
  detention_months: number | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface RestitutionPaymentTable {
  id: string;
  restitution_id: string;
  amount: Money;
  paid_on: string;
  created_by: string;
  created_at: string;
}

export interface ProtectionTable {
  id: string;
  case_id: string;
  person_id: string;
  applied_on: string;
  decision: string;
  decided_on: string | null;
  kinds: string;
  period_from: string | null;
  period_until: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type LegalTrackRow = Selectable<LegalTrackTable>;
export type SuspectRow = Selectable<SuspectTable>;
export type RestitutionRow = Selectable<RestitutionTable>;
export type ProtectionRow = Selectable<ProtectionTable>;

/** Money from either database as a number (whole rupiah, well inside the safe-integer range). */
export function money(v: Money): number;
export function money(v: Money | null): number | null;
export function money(v: Money | null): number | null {
  return v === null ? null : Number(v);
}
