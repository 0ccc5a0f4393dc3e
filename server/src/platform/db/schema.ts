import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Tables as Kysely sees them. Times are ISO-8601 UTC strings and booleans 0/1 integers on both
 * databases, so SQLite and PostgreSQL return identical values (see docs/decisions.md).
 */
export interface Database {
  task_forces: TaskForceTable;
  agencies: AgencyTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  idempotency_keys: IdempotencyKeyTable;
  settings: SettingTable;
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
