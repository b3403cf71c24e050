import type { Kysely } from 'kysely';

// Regulation in the classroom (issue 19): a school's own activities and the shipped ones it hides, a class's
// favourites and daily routine moments, the activities linked to a pupil's support plan, and every regulation moment
// a pupil was offered after a check-in outside the window (which activity, and whether it helped).

/** Adds the regulation tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('regulation_school_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    // The activity's id in the shipped format (unique within the school, never one of the shipped ids).
    .addColumn('activity_id', 'text', (c) => c.notNull())
    // The activity as JSON in the shipped format (regulation-activity.schema.ts).
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('regulation_school_activities_unique', ['school_id', 'activity_id'])
    .execute();

  await db.schema
    .createTable('regulation_hidden_activities')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('hidden_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('hidden_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('regulation_hidden_activities_pk', ['school_id', 'activity_id'])
    .execute();

  await db.schema
    .createTable('regulation_favourites')
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('regulation_favourites_pk', ['class_id', 'activity_id'])
    .execute();

  await db.schema
    .createTable('regulation_routines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    // When in the day: a time (HH:MM) and a short label such as "na de pauze".
    .addColumn('time_of_day', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('regulation_routines_class').on('regulation_routines').columns(['class_id', 'time_of_day']).execute();

  await db.schema
    .createTable('regulation_plan_activities')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('regulation_plan_activities_pk', ['pupil_id', 'activity_id'])
    .execute();

  await db.schema
    .createTable('regulation_moments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('school_date', 'text', (c) => c.notNull())
    // too_high | too_low: the state of the check-in the activity followed.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    // 1 helped, 0 did not help, null not answered (the pupil may skip the question).
    .addColumn('helped', 'integer')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('regulation_moments_pupil').on('regulation_moments').columns(['pupil_id', 'school_date']).execute();
  await db.schema.createIndex('regulation_moments_class').on('regulation_moments').columns(['class_id', 'school_date']).execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['regulation_moments', 'regulation_plan_activities', 'regulation_routines', 'regulation_favourites', 'regulation_hidden_activities', 'regulation_school_activities']) {
    await db.schema.dropTable(table).execute();
  }
}
