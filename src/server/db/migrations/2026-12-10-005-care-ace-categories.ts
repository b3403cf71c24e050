import type { Kysely } from 'kysely';

// ACE categories a school adds to the default list, and the age at a pupil's first ACE (issue 14).

/** Adds the school's own ACE categories and the per-pupil age at the first ACE. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('care_ace_categories')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('care_ace_categories_pk', ['school_id', 'id'])
    .execute();
  await db.schema
    .createTable('care_ace_first_ages')
    .addColumn('pupil_id', 'text', (c) => c.primaryKey().references('pupils.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    // The age in whole years, field-encrypted: that there was a first ACE is itself special-category data.
    .addColumn('years_encrypted', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('care_ace_first_ages').execute();
  await db.schema.dropTable('care_ace_categories').execute();
}
