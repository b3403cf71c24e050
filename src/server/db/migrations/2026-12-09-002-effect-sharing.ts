import type { Kysely } from 'kysely';

// A school may share its effect evaluation with its board (issue 13): off until the school turns it on.

/** Adds the choice. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('school_settings').addColumn('shares_effect_with_board', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

/** Drops it again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('school_settings').dropColumn('shares_effect_with_board').execute();
}
