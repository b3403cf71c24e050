import type { Kysely } from 'kysely';

// "Know your window" lessons (issue 19): which of the four class lessons a class was given, and on which day. A row
// is about a class, never about a pupil; the figures built on it count classes only.

/** Adds regulation_lessons_given. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('regulation_lessons_given')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    // One of WINDOW_LESSON_IDS (shared/window-lessons.ts).
    .addColumn('lesson_id', 'text', (c) => c.notNull())
    // The age version that was shown: the class's age group on that day.
    .addColumn('age_group', 'text', (c) => c.notNull())
    // The school day the lesson was given (YYYY-MM-DD), inside the class's school year.
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('regulation_lessons_given_class').on('regulation_lessons_given').columns(['class_id', 'lesson_id']).execute();
  await db.schema.createIndex('regulation_lessons_given_school').on('regulation_lessons_given').columns(['school_id', 'lesson_id']).execute();
}

/** Drops it again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('regulation_lessons_given').execute();
}
