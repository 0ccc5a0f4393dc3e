import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import * as foundation from '../../migrations/202611281500_foundation.js';
import * as cases from '../../migrations/202611281600_cases.js';
import * as coordination from '../../migrations/202611290200_coordination.js';
import * as plans from '../../migrations/202611290201_plans.js';
import type { Db } from './connect.js';

/** Every migration, in order. Listed in code so the built server needs no directory scan. */
const MIGRATIONS: Record<string, Migration> = {
  '202611281500_foundation': foundation,
  '202611281600_cases': cases,
  '202611290200_coordination': coordination,
  '202611290201_plans': plans,
};

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
