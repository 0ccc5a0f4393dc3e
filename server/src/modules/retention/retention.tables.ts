/** The retention module's table, merged into the database type (the module owns its schema). */
declare module '../../platform/db/schema.js' {
  interface Database {
    retention_rules: RetentionRuleTable;
  }
}

export interface RetentionRuleTable {
  task_force_id: string;
  closed_case_years: number;
  version: number;
  updated_by: string | null;
  updated_at: string;
}
