/** The import module's tables, merged into the database type (the module owns its schema). */
declare module '../../platform/db/schema.js' {
  interface Database {
    import_mappings: ImportMappingTable;
    import_jobs: ImportJobTable;
    import_keys: ImportKeyTable;
  }
}

export interface ImportMappingTable {
  id: string;
  task_force_id: string;
  name: string;
  mapping: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ImportJobTable {
  id: string;
  task_force_id: string;
  agency_id: string;
  created_by: string;
  filename: string;
  format: 'xlsx' | 'csv';
  status: 'uploaded' | 'validated' | 'running' | 'done' | 'failed';
  columns: string;
  rows_enc: string;
  mapping: string | null;
  total_rows: number;
  valid_rows: number;
  rejected_rows: number;
  processed_rows: number;
  imported_rows: number;
  skipped_rows: number;
  report: string;
  error: string | null;
  created_at: string;
  validated_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  /** Written with every batch of a run: a running job without one for a while has lost its server. */
  heartbeat_at: string | null;
}

export interface ImportKeyTable {
  task_force_id: string;
  key_hash: string;
  case_id: string;
  job_id: string;
  created_at: string;
}
