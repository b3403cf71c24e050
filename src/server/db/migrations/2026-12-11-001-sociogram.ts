import type { Kysely } from 'kysely';

// Group dynamics in class (issue 15): sociograms (the questions asked, who answered, every choice), a school's own
// sociogram questions and whether it allows "rather not" questions, and the class's "Groep" page: the teacher's
// class-climate ratings and the group phase the class is in.

/** Adds the sociogram and class-group tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sociogram_settings')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
    .addColumn('negative_questions_allowed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sociogram_school_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('valence', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('sociogram_school_questions_school').on('sociogram_school_questions').columns(['school_id']).execute();

  await db.schema
    .createTable('sociograms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // After retention: the answers are gone and only these anonymous class-level counts (JSON) remain.
    .addColumn('purged_on', 'text')
    .addColumn('class_counts', 'text')
    .execute();
  await db.schema.createIndex('sociograms_class').on('sociograms').columns(['class_id', 'opened_on']).execute();
  await db.schema.createIndex('sociograms_school').on('sociograms').columns(['school_id', 'opened_on']).execute();

  // The questions as they were asked (a copy: changing the bank later never changes an earlier sociogram).
  await db.schema
    .createTable('sociogram_questions')
    .addColumn('sociogram_id', 'text', (c) => c.notNull().references('sociograms.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question_key', 'text', (c) => c.notNull())
    .addColumn('text_nl', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('valence', 'text', (c) => c.notNull())
    // null: as many choices as the pupil likes.
    .addColumn('max_choices', 'integer')
    .addPrimaryKeyConstraint('sociogram_questions_pk', ['sociogram_id', 'position'])
    .execute();

  // Who answered (also when they chose nobody), when, and whether the teacher typed it in from a paper round.
  await db.schema
    .createTable('sociogram_answers')
    .addColumn('sociogram_id', 'text', (c) => c.notNull().references('sociograms.id').onDelete('cascade'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('sociogram_answers_pk', ['sociogram_id', 'pupil_id'])
    .execute();

  await db.schema
    .createTable('sociogram_choices')
    .addColumn('sociogram_id', 'text', (c) => c.notNull().references('sociograms.id').onDelete('cascade'))
    .addColumn('chooser_id', 'text', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('chosen_id', 'text', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('sociogram_choices_pk', ['sociogram_id', 'chooser_id', 'position', 'chosen_id'])
    .execute();

  await db.schema
    .createTable('class_climate_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('rated_on', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('note_encrypted', 'text', (c) => c.notNull())
    .addColumn('rated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('class_climate_ratings_class').on('class_climate_ratings').columns(['class_id', 'rated_on']).execute();

  await db.schema
    .createTable('class_group_phases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('from_on', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('class_group_phases_class').on('class_group_phases').columns(['class_id', 'from_on']).execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['class_group_phases', 'class_climate_ratings', 'sociogram_choices', 'sociogram_answers', 'sociogram_questions', 'sociograms', 'sociogram_school_questions', 'sociogram_settings']) {
    await db.schema.dropTable(table).execute();
  }
}
