import type { Kysely } from 'kysely';

// A school without a row has every setting at its default: nothing shared. Booleans are stored as
// integers 0/1 so SQLite and PostgreSQL read back the same value.

/** Creates the school settings table (one row per school, written on the first change). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('school_settings')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
    .addColumn('shares_selfscan_with_board', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops the school settings table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('school_settings').execute();
}
