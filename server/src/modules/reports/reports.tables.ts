import type { ReportJobStatus, ReportStep } from '@sinergi/core';

/** The report module's tables, merged into the database type (the module owns its schema). */
declare module '../../platform/db/schema.js' {
  interface Database {
    report_jobs: ReportJobTable;
  }
}

export interface ReportJobTable {
  id: string;
  task_force_id: string;
  year: number;
  created_by: string;
  status: ReportJobStatus;
  percent: number;
  step: ReportStep;
  error: string | null;
  docx_b64: string | null;
  pdf_b64: string | null;
  docx_bytes: number | null;
  pdf_bytes: number | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  expires_at: string;
}
