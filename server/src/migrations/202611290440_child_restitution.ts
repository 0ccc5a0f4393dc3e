import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not depend on the current schema type
type AnyDb = Kysely<any>;

/**
 * A child victim's restitution application (PP 43/2017): the day the applicant was told the
 * requirements are incomplete starts the clock to complete them; the day they were completed stops it.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('legal_restitutions').addColumn('requirements_notice_on', 'text').execute();
  await db.schema.alterTable('legal_restitutions').addColumn('requirements_completed_on', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('legal_restitutions').dropColumn('requirements_completed_on').execute();
  await db.schema.alterTable('legal_restitutions').dropColumn('requirements_notice_on').execute();
}
