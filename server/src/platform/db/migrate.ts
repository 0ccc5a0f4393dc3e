import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import * as foundation from '../../migrations/202611281500_foundation.js';
import * as cases from '../../migrations/202611281600_cases.js';
import * as caseList from '../../migrations/202611290000_case_list.js';
import * as services from '../../migrations/202611290100_services.js';
import * as reintegration from '../../migrations/202611290110_reintegration.js';
import * as mfa from '../../migrations/202611290400_mfa.js';
import * as breakGlass from '../../migrations/202611290410_break_glass.js';
import * as legal from '../../migrations/202611290420_legal.js';
import * as coordination from '../../migrations/202611290430_coordination.js';
import * as plans from '../../migrations/202611290431_plans.js';
import * as childRestitution from '../../migrations/202611290440_child_restitution.js';
import * as workDocuments from '../../migrations/202611290450_work_documents.js';
import * as workProgramme from '../../migrations/202611290460_work_programme.js';
import * as stats from '../../migrations/202611300100_stats.js';
import * as imports from '../../migrations/202611300200_imports.js';
import * as meetings from '../../migrations/202611300300_meetings.js';
import * as prevention from '../../migrations/202611300310_prevention.js';
import * as retention from '../../migrations/202611300400_retention.js';
import * as reportJobs from '../../migrations/202611300500_report_jobs.js';
import * as statsResponses from '../../migrations/202611300600_stats_responses.js';
import * as coordinationFiles from '../../migrations/202611300800_coordination_files.js';
import * as legalStageNote from '../../migrations/202611300900_legal_stage_note.js';
import * as importResume from '../../migrations/202611300910_import_resume.js';
import * as auditAppend from '../../migrations/202612060100_audit_append.js';
import * as victimNamesIndex from '../../migrations/202612062200_victim_names_index.js';
import * as signInThrottle from '../../migrations/202612081000_sign_in_throttle.js';
import * as pendingSettingChanges from '../../migrations/202612081050_pending_setting_changes.js';
import * as sealedFreeTexts from '../../migrations/202612081100_sealed_free_texts.js';
import * as sealedCaseTexts from '../../migrations/202612081300_sealed_case_texts.js';
import type { Db } from './connect.js';

/** Every migration, in order. Listed in code so the built server needs no directory scan. */
const MIGRATIONS: Record<string, Migration> = {
  '202611281500_foundation': foundation,
  '202611281600_cases': cases,
  '202611290000_case_list': caseList,
  '202611290100_services': services,
  '202611290110_reintegration': reintegration,
  '202611290400_mfa': mfa,
  '202611290410_break_glass': breakGlass,
  '202611290420_legal': legal,
  '202611290430_coordination': coordination,
  '202611290431_plans': plans,
  '202611290440_child_restitution': childRestitution,
  '202611290450_work_documents': workDocuments,
  '202611290460_work_programme': workProgramme,
  '202611300100_stats': stats,
  '202611300200_imports': imports,
  '202611300300_meetings': meetings,
  '202611300310_prevention': prevention,
  '202611300400_retention': retention,
  '202611300500_report_jobs': reportJobs,
  '202611300600_stats_responses': statsResponses,
  '202611300800_coordination_files': coordinationFiles,
  '202611300900_legal_stage_note': legalStageNote,
  '202611300910_import_resume': importResume,
  '202612060100_audit_append': auditAppend,
  '202612062200_victim_names_index': victimNamesIndex,
  '202612081000_sign_in_throttle': signInThrottle,
  '202612081050_pending_setting_changes': pendingSettingChanges,
  '202612081100_sealed_free_texts': sealedFreeTexts,
  '202612081300_sealed_case_texts': sealedCaseTexts,
};

/** Moves the schema, up or down, to just after migration `name` (tests of a data migration use it). */
export async function migrateToMigration(db: Db, name: string): Promise<void> {
  const result = await migrator(db).migrateTo(name);
  if (result.error) throw new MigrationError(`Migration to ${name} failed: ${String(result.error)}`);
}

/** Names of every migration, in the order they apply. */
export const MIGRATION_NAMES = Object.keys(MIGRATIONS);

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

function migrator(db: Db): Migrator {
  // biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
  return new Migrator({ db: db as any, provider });
}

export class MigrationError extends Error {}

/** Applies pending migrations; returns the names applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const result: MigrationResultSet = await migrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
