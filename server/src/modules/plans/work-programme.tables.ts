/** The work programme's tables, merged into the database type (the module owns its schema). */
declare module '../../platform/db/schema.js' {
  interface Database {
    work_programmes: WorkProgrammeTable;
    work_programme_items: WorkProgrammeItemTable;
    year_evaluations: YearEvaluationTable;
  }
}

export interface WorkProgrammeTable {
  id: string;
  task_force_id: string;
  year: number;
  plan_id: string;
  version: number;
  updated_by: string;
  updated_at: string;
}

export interface WorkProgrammeItemTable {
  id: string;
  programme_id: string;
  activity_id: string;
  months: string;
  responsible_agency_id: string;
  /** pg returns bigint as a string: read through Number(). */
  budget: number | string;
  position: number;
}

export interface YearEvaluationTable {
  task_force_id: string;
  year: number;
  achievements: string;
  obstacles: string;
  interventions: string;
  recommendations: string;
  version: number;
  updated_by: string;
  updated_at: string;
}
