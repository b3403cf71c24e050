import type { Kysely } from 'kysely';

// The research export (issue 13): studies a school joins, each with its own pseudonym key, and the pupils who
// objected to research.

/** Adds the studies and the objections. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('research_studies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // The study's HMAC key, encrypted like special-category fields.
    .addColumn('key_encrypted', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('research_studies_school').on('research_studies').column('school_id').execute();
  await db.schema
    .createTable('research_objections')
    .addColumn('pupil_id', 'text', (c) => c.primaryKey().references('pupils.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('research_objections').execute();
  await db.schema.dropTable('research_studies').execute();
}
