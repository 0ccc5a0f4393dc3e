import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Tables as Kysely sees them. Times are ISO-8601 UTC strings and booleans 0/1 integers on both
 * databases, so SQLite and PostgreSQL return identical values (see docs/decisions.md).
 */
export interface Database {
  attachments: AttachmentTable;
  letterheads: LetterheadTable;
  letter_sequences: LetterSequenceTable;
  prevention_activities: PreventionActivityTable;
  watch_groups: WatchGroupTable;
  recruitment_alerts: RecruitmentAlertTable;
  meetings: MeetingTable;
  meeting_actions: MeetingActionTable;
  plans: PlanTable;
  plan_programmes: PlanProgrammeTable;
  plan_activities: PlanActivityTable;
  progress_reports: ProgressReportTable;
  taskforce_decrees: TaskForceDecreeTable;
  sub_task_forces: SubTaskForceTable;
  taskforce_members: TaskForceMemberTable;
  focal_persons: FocalPersonTable;
  case_access_grants: CaseAccessGrantTable;
  security_alerts: SecurityAlertTable;
  mfa_recovery_codes: MfaRecoveryCodeTable;
  task_forces: TaskForceTable;
  agencies: AgencyTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  sign_in_notices: SignInNoticeTable;
  audit_events: AuditEventTable;
  idempotency_keys: IdempotencyKeyTable;
  settings: SettingTable;
  case_number_sequences: CaseNumberSequenceTable;
  cases: CaseTable;
  case_team: CaseTeamTable;
  persons: PersonTable;
  consents: ConsentTable;
  screening_checklists: ScreeningChecklistTable;
  screenings: ScreeningTable;
  case_events: CaseEventTable;
  documents: DocumentTable;
  deadline_settings: DeadlineSettingsTable;
  service_needs: ServiceNeedsTable;
  referrals: ReferralTable;
  referral_persons: ReferralPersonTable;
  services: ServiceTable;
  notifications: NotificationTable;
  repatriation_legs: RepatriationLegTable;
  reintegration_plans: ReintegrationPlanTable;
  follow_up_visits: FollowUpVisitTable;
  case_flags: CaseFlagTable;
  case_conferences: CaseConferenceTable;
  conference_actions: ConferenceActionTable;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface TaskForceTable {
  id: string;
  name: string;
  level: 'national' | 'province' | 'regency';
  region_code: string | null;
  parent_id: string | null;
  time_zone: string;
  settings: Generated<string>;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AgencyTable {
  id: string;
  task_force_id: string | null;
  name: string;
  short_name: string;
  short_name_key: string;
  htcds_type: string;
  sector: string;
  region_code: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  agency_id: string;
  password_hash: string;
  active: number;
  language: 'id' | 'en';
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  version: number;
  created_at: string;
  updated_at: string;
  mfa_secret_enc: Generated<string | null>;
  mfa_pending_secret_enc: Generated<string | null>;
  mfa_enabled_at: Generated<string | null>;
  mfa_last_step: Generated<number | null>;
  /** When the latest of `failed_attempts` happened. */
  last_failed_login_at: Generated<string | null>;
}

/** What a session tells its user about failed sign-ins since their previous one. */
export interface SignInNoticeTable {
  session_id: string;
  failed_attempts: number;
  last_failed_at: string;
}

export interface MfaRecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
  revoked_reason: string | null;
  mfa_state: Generated<string>;
}

export interface AuditEventTable {
  seq: Generated<number>;
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  request_id: string | null;
  ip: string | null;
  outcome: 'success' | 'failure' | 'denied';
  details: string;
  prev_hash: string;
  hash: string;
}

export interface IdempotencyKeyTable {
  key: string;
  user_id: string;
  route: string;
  status_code: number;
  response: string;
  created_at: string;
}

export type UserRow = Selectable<UserTable>;
export type AgencyRow = Selectable<AgencyTable>;
export type NewAgency = Insertable<AgencyTable>;
export type AgencyUpdate = Updateable<AgencyTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditEventRow = Selectable<AuditEventTable>;

export interface CaseNumberSequenceTable {
  task_force_id: string;
  year: number;
  last_number: number;
}

export interface CaseTable {
  id: string;
  task_force_id: string;
  case_number: string;
  case_type: string;
  stage: string;
  stage_before_close: string | null;
  /** when the retention job replaced the identifying data of this closed case */
  retention_applied_at?: string | null;
  closure_reason: string | null;
  risk: string;
  reported_at: string;
  report_year: number;
  incident_date: string | null;
  channel: string;
  reporting_party: string;
  narrative_enc: string | null;
  place_enc: string | null;
  occurrence_region_code: string | null;
  lead_agency_id: string;
  origin_district_code: string | null;
  destination_country: string | null;
  destination_region_code: string | null;
  departure: string | null;
  /** comma-wrapped list (",forced_labour,other,") so one LIKE finds a type */
  exploitation_types: string;
  bp2mi_category: string | null;
  simfoni_id_enc: string | null;
  /** HTCDS profile JSON without its free texts (codes only; statistics read it in SQL) */
  profile: string;
  /** the profile's free texts (event descriptions) as one encrypted JSON object, or null */
  profile_texts_enc: string | null;
  /** migrant-worker JSON without its free texts */
  migrant: string;
  /** the migrant-worker free texts (consulate reference, death, transport) encrypted, or null */
  migrant_texts_enc: string | null;
  first_response_due_at: string;
  first_response_at: string | null;
  victim_count: number;
  child_victim_count: number;
  latest_screening: string | null;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}
export type CaseRow = Selectable<CaseTable>;
export type DocumentRow = Selectable<DocumentTable>;

export interface CaseTeamTable {
  case_id: string;
  user_id: string;
  added_at: string;
  reported_at: string;
  /** Copies of the case's list columns, kept in step by triggers (migration 202611290000). */
  case_number: Generated<string>;
  case_type: Generated<string>;
  stage: Generated<string>;
  risk: Generated<string>;
  lead_agency_id: Generated<string>;
  origin_district_code: Generated<string | null>;
  destination_country: Generated<string | null>;
  exploitation_types: Generated<string>;
  first_response_at: Generated<string | null>;
  first_response_due_at: Generated<string>;
}

export interface PersonTable {
  id: string;
  case_id: string;
  task_force_id: string;
  role: string;
  full_name_enc: string;
  alias_enc: string | null;
  nik_enc: string | null;
  nik_hash: string | null;
  name_hash: string;
  name_birth_hash: string | null;
  birth_date_enc: string | null;
  estimated_age: number | null;
  age_at_incident: number | null;
  is_child: number;
  sex: string;
  nationality: string | null;
  province_code: string | null;
  regency_code: string | null;
  district_code: string | null;
  village_code_enc: string | null;
  street_enc: string | null;
  phone_enc: string | null;
  education: string | null;
  occupation_enc: string | null;
  marital_status: string | null;
  disability_enc: string | null;
  religion: string | null;
  guardian_person_id: string | null;
  erased_at: Generated<string | null>;
  erasure_reason_enc: Generated<string | null>;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export type PersonRow = Selectable<PersonTable>;

export interface ConsentTable {
  id: string;
  person_id: string;
  case_id: string;
  scopes: string;
  sharing_agency_ids: string;
  given_on: string;
  given_by: string;
  note_enc: string | null;
  recorded_by: string;
  recorded_at: string;
  withdrawn_on: string | null;
  withdrawn_by: string | null;
}

export interface ScreeningChecklistTable {
  id: string;
  version: number;
  indicators: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ScreeningTable {
  id: string;
  case_id: string;
  person_id: string | null;
  checklist_id: string;
  checked: string;
  is_child: number;
  computed_result: string;
  result: string;
  note_enc: string | null;
  screened_by: string;
  screened_at: string;
}

export interface CaseEventTable {
  id: string;
  case_id: string;
  at: string;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  kind: string;
  details: string;
}

export interface DocumentTable {
  id: string;
  case_id: string;
  person_id: string | null;
  /** Set when the document belongs to a service (read through the service by its provider). */
  service_id: string | null;
  filename_enc: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: string;
  deleted_at: string | null;
  deleted_reason: string | null;
}

export interface DeadlineSettingsTable {
  task_force_id: string;
  settings: string;
  version: number;
  updated_by: string | null;
  updated_at: string;
}

export interface ServiceNeedsTable {
  person_id: string;
  case_id: string;
  /** comma-separated SOP stages */
  stages: string;
  note_enc: string | null;
  updated_by: string;
  updated_at: string;
}

export interface ReferralTable {
  id: string;
  case_id: string;
  from_agency_id: string;
  to_agency_id: string;
  from_task_force_id: string;
  to_task_force_id: string;
  status: string;
  /** comma-separated service types */
  services: string;
  reason: string;
  urgency: string;
  details_enc: string | null;
  consent_override_enc: string | null;
  consent_override_by: string | null;
  sent_by: string;
  sent_at: string;
  response_due_at: string;
  responded_at: string | null;
  closed_at: string | null;
  assigned_user_id: string | null;
  answer_reason_enc: string | null;
  outcome_enc: string | null;
  version: number;
  updated_at: string;
}
export type ReferralRow = Selectable<ReferralTable>;

export interface ReferralPersonTable {
  referral_id: string;
  person_id: string;
  consent_id: string | null;
}

export interface ServiceTable {
  id: string;
  case_id: string;
  person_id: string;
  type: string;
  stage: string;
  provider_agency_id: string;
  referral_id: string | null;
  status: string;
  requested_at: string;
  accepted_at: string | null;
  declined_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
  due_at: string | null;
  outcome_enc: string | null;
  reason_enc: string | null;
  cost: number | string | null;
  notes_enc: string | null;
  created_by: string;
  version: number;
  updated_at: string;
}
export type ServiceRow = Selectable<ServiceTable>;

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  case_id: string | null;
  case_number: string | null;
  referral_id: string | null;
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
  emailed_at: string | null;
}

export interface RepatriationLegTable {
  id: string;
  case_id: string;
  person_id: string;
  /** ISO country (ID, MY) or Kemendagri region code */
  from_place: string;
  to_place: string;
  agency_id: string;
  planned_date: string;
  actual_date: string | null;
  escort_required: number;
  escort_enc: string | null;
  transport: string | null;
  cost: number | string | null;
  paid_by: string | null;
  handover_document_id: string | null;
  created_by: string;
  version: number;
  updated_at: string;
}

export interface ReintegrationPlanTable {
  id: string;
  case_id: string;
  person_id: string;
  support_type: string;
  provider_agency_id: string;
  amount: number | string | null;
  items_enc: string | null;
  start_date: string;
  created_by: string;
  created_at: string;
}

export interface FollowUpVisitTable {
  id: string;
  plan_id: string;
  case_id: string;
  provider_agency_id: string;
  month: number;
  due_date: string;
  visited_on: string | null;
  situation: string | null;
  findings_enc: string | null;
  next_step_enc: string | null;
  version: number;
  updated_at: string;
}

export interface CaseFlagTable {
  case_id: string;
  flag: string;
  set_at: string;
  set_by: string;
}

export interface CaseConferenceTable {
  id: string;
  case_id: string;
  held_on: string;
  agency_ids: string;
  summary_enc: string;
  decisions_enc: string | null;
  created_by: string;
  created_at: string;
}

export interface ConferenceActionTable {
  id: string;
  conference_id: string;
  case_id: string;
  description_enc: string;
  owner_agency_id: string;
  due_date: string;
  done_at: string | null;
  version: number;
}

export interface CaseAccessGrantTable {
  id: string;
  case_id: string;
  user_id: string;
  agency_id: string;
  reason_enc: string;
  granted_at: string;
  expires_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_note_enc: string | null;
}

export interface TaskForceDecreeTable {
  id: string;
  task_force_id: string;
  number: string;
  title: string;
  signed_on: string;
  replaces_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SubTaskForceTable {
  id: string;
  task_force_id: string;
  name: string;
  lead_agency_id: string | null;
  position: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TaskForceMemberTable {
  task_force_id: string;
  agency_id: string;
  position: string;
  sub_task_force_ids: string;
  version: number;
  updated_at: string;
}

export interface FocalPersonTable {
  id: string;
  task_force_id: string;
  agency_id: string;
  name: string;
  position: string;
  phone: string | null;
  email: string | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PlanTable {
  id: string;
  task_force_id: string;
  title: string;
  start_year: number;
  end_year: number;
  period_kind: 'quarter' | 'semester';
  decree_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PlanProgrammeTable {
  id: string;
  plan_id: string;
  title: string;
  sub_task_force_id: string | null;
  horizon: 'short_term' | 'long_term';
  position: number;
  version: number;
}

export interface PlanActivityTable {
  id: string;
  plan_id: string;
  programme_id: string;
  title: string;
  indicator: string;
  unit: string;
  baseline: number;
  targets: string;
  responsible_agency_id: string;
  supporting_agency_ids: string;
  budgets: string;
  position: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProgressReportTable {
  id: string;
  plan_id: string;
  activity_id: string;
  agency_id: string;
  year: number;
  period: number;
  revision: number;
  realised: number;
  /** pg returns bigint as a string: read through Number(). */
  budget_spent: number | string;
  achievement: string;
  obstacles: string;
  intervention: string;
  intervention_agency_id: string | null;
  created_by: string;
  created_at: string;
}

export interface MeetingTable {
  id: string;
  task_force_id: string;
  type: 'rakor' | 'evaluation' | 'planning' | 'case_conference' | 'other';
  /** The free texts of the record, each encrypted (an empty one too). */
  title_enc: string;
  starts_at: string;
  ends_at: string | null;
  place_enc: string;
  online_link_enc: string;
  chair_enc: string;
  minute_taker_enc: string;
  invited_agency_ids: string;
  invited_people_enc: string;
  /** JSON, encrypted as a whole */
  agenda_enc: string;
  /** JSON, encrypted as a whole */
  attendees_enc: string;
  minutes_enc: string;
  /** JSON, encrypted as a whole */
  decisions_enc: string;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
  invitation_number: string | null;
  invitation_issued_at: string | null;
}

export interface MeetingActionTable {
  id: string;
  meeting_id: string;
  task_force_id: string;
  description_enc: string;
  owner_agency_id: string;
  due_date: string;
  activity_id: string | null;
  status: 'open' | 'done' | 'dropped';
  status_note_enc: string;
  closed_at: string | null;
  closed_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PreventionActivityTable {
  id: string;
  task_force_id: string;
  agency_id: string;
  held_on: string;
  village_code: string;
  target_group: string;
  topic: string;
  materials: string;
  adult_male: number;
  adult_female: number;
  child_male: number;
  child_female: number;
  activity_id: string | null;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_reason: string | null;
  deleted_by: string | null;
}

export interface WatchGroupTable {
  id: string;
  task_force_id: string;
  village_code: string;
  name: string;
  formed_on: string;
  members_count: number;
  contact: string;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_reason: string | null;
  deleted_by: string | null;
}

export interface RecruitmentAlertTable {
  id: string;
  task_force_id: string;
  agency_id: string;
  channel: string;
  /** The free texts of the alert, each encrypted (an empty one too). */
  description_enc: string;
  link: string;
  village_code: string | null;
  place_note_enc: string;
  reported_by: string;
  seen_on: string;
  status: 'reported' | 'verified' | 'forwarded_police' | 'forwarded_bp3mi' | 'closed';
  status_note_enc: string;
  case_number: string | null;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_reason: string | null;
  deleted_by: string | null;
}

export interface SecurityAlertTable {
  id: string;
  kind: 'bulk_identifying_reads' | 'failed_logins_from_ip' | 'identifying_export';
  detected_at: string;
  window_start: string;
  window_end: string;
  count: number;
  subject_user_id: string | null;
  subject_ip: string | null;
  audit_seq: number | string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledge_note: string | null;
}

/** A file of the task force that belongs to no case: a decree scan, evidence of a report, a logo. */
export interface AttachmentTable {
  id: string;
  task_force_id: string;
  owner_type: 'decree' | 'progress_report' | 'letterhead_logo';
  owner_id: string;
  /** Order among the owner's files; a carried-over file keeps its place. */
  position: number;
  filename_enc: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: string;
  removed_at: string | null;
  removed_reason_enc: string | null;
}

export interface LetterheadTable {
  task_force_id: string;
  government_name: string;
  agency_name: string;
  address: string;
  contact: string;
  number_pattern: string;
  version: number;
  updated_by: string;
  updated_at: string;
}

export interface LetterSequenceTable {
  task_force_id: string;
  year: number;
  last_seq: number;
}
