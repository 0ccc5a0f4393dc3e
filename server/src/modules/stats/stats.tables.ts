/** The statistics module's tables, merged into the database type (the module owns its schema). */
declare module '../../platform/db/schema.js' {
  interface Database {
    stats_monthly: StatsMonthlyTable;
    stats_dirty: StatsDirtyTable;
  }
}

export interface StatsMonthlyTable {
  task_force_id: string;
  /** local calendar month of the report, `2025-03` */
  month: string;
  unit: 'case' | 'victim';
  /** a statistics dimension, or `total` (key `total`) for the plain count */
  dimension: string;
  key: string;
  n: number;
}

export interface StatsDirtyTable {
  task_force_id: string;
}
