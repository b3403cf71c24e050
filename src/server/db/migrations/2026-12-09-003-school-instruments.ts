import type { Kysely } from 'kysely';

// A school's own questionnaire instruments (issue 13), e.g. a licensed class-climate scale it bought, in the
// format of the shipped ones. A version once stored never changes; a changed instrument is a new version.

/** Adds the school's instruments. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('school_instruments')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    // The validated instrument file as JSON.
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_instruments_pk', ['school_id', 'instrument_id', 'version'])
    .execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('school_instruments').execute();
}
