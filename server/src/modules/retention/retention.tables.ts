/** The retention module's tables, merged into the database type (the module owns its schema). */
declare module '../../platform/db/schema.js' {
  interface Database {
    retention_rules: RetentionRuleTable;
    pending_setting_changes: PendingSettingChangeTable;
  }
}

export interface RetentionRuleTable {
  task_force_id: string;
  closed_case_years: number;
  version: number;
  updated_by: string | null;
  updated_at: string;
}

/** A setting that destroys data, waiting for its grace period or a second administrator. */
export interface PendingSettingChangeTable {
  id: string;
  task_force_id: string;
  setting: string;
  /** JSON */
  from_value: string;
  /** JSON */
  to_value: string;
  status: 'pending' | 'applied' | 'cancelled';
  proposed_by: string;
  proposed_at: string;
  effective_at: string;
  resolution: 'grace_period' | 'confirmed' | 'cancelled' | null;
  resolved_by: string | null;
  resolved_at: string | null;
}
