import type { Kysely } from 'kysely';

// The August rollover (issue 12): preparing a school's next school year is one recorded unit — the classes it
// created, the placements and teacher links it added, the pupils it created and those it marked as left — so
// the whole preparation can be undone while the new school year has not started.

/** Adds the record of each school year preparation. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('school_year_preparations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    // The school year prepared ("2027-2028") and the one it follows.
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('from_school_year', 'text', (c) => c.notNull())
    .addColumn('prepared_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('prepared_at', 'text', (c) => c.notNull())
    // The school date pupils who leave were given (the last day of the old school year).
    .addColumn('left_on', 'text', (c) => c.notNull())
    // JSON arrays of ids (and of [classId, id] pairs): what undoing removes again.
    .addColumn('created_class_ids', 'text', (c) => c.notNull())
    .addColumn('added_placements', 'text', (c) => c.notNull())
    .addColumn('added_teacher_links', 'text', (c) => c.notNull())
    .addColumn('created_pupil_ids', 'text', (c) => c.notNull())
    .addColumn('left_pupil_ids', 'text', (c) => c.notNull())
    // When the leavers were marked as left: after the last day of the old year (null until then, so they take
    // part in the rest of the old year as usual).
    .addColumn('departures_applied_at', 'text')
    .addUniqueConstraint('school_year_preparations_school_year_unique', ['school_id', 'school_year'])
    .execute();
}

/** Drops it again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('school_year_preparations').execute();
}
