import type { Kysely } from 'kysely';

// The item wording a school is licensed to use for a screening list (issue 14): Groeiwijzer ships none.

/** Adds the schools' own wording of screening items. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('care_screening_wordings')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    // JSON: item id → the item's text as the school's licensed form has it.
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('care_screening_wordings_pk', ['school_id', 'instrument_id'])
    .execute();
}

/** Drops it again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('care_screening_wordings').execute();
}
