import type { Kysely } from 'kysely';

// How long a school keeps each kind of care data after a pupil leaves (issue 14); without a row the default holds.

/** Adds the retention terms. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('care_retention_terms')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('care_retention_terms_pk', ['school_id', 'category'])
    .execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('care_retention_terms').execute();
}
