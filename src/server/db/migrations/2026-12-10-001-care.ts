import type { Kysely } from 'kysely';

// The care team (issue 14): trusted adults, versions of the support-and-signalling plan, ACE answers per
// informant, trauma screenings and break-glass openings. Texts and answers are field-encrypted by the service.

/** Adds the care tables. */
export async function up(db: Kysely<any>): Promise<void> {
  const pupilRecord = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
      .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id').onDelete('cascade'));

  await pupilRecord('care_trusted_adults')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('why_encrypted', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('care_trusted_adults_pupil_user', ['pupil_id', 'user_id'])
    .execute();
  await db.schema.createIndex('care_trusted_adults_school').on('care_trusted_adults').column('school_id').execute();

  await pupilRecord('care_support_plans')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_encrypted', 'text', (c) => c.notNull())
    .addColumn('review_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('care_support_plans_pupil_version', ['pupil_id', 'version'])
    .execute();
  await db.schema.createIndex('care_support_plans_school').on('care_support_plans').columns(['school_id', 'review_on']).execute();

  await pupilRecord('care_ace_answers')
    .addColumn('informant', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('answer_encrypted', 'text', (c) => c.notNull())
    .addColumn('recorded_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('care_ace_answers_pupil').on('care_ace_answers').columns(['pupil_id', 'informant', 'category']).execute();
  await db.schema.createIndex('care_ace_answers_school').on('care_ace_answers').column('school_id').execute();

  await pupilRecord('care_screenings')
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'text', (c) => c.notNull())
    .addColumn('informant', 'text', (c) => c.notNull())
    .addColumn('taken_on', 'text', (c) => c.notNull())
    .addColumn('answers_encrypted', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('care_screenings_school').on('care_screenings').columns(['school_id', 'pupil_id']).execute();

  await pupilRecord('care_break_glass')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason_encrypted', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('care_break_glass_user').on('care_break_glass').columns(['user_id', 'pupil_id', 'expires_at']).execute();
  await db.schema.createIndex('care_break_glass_school').on('care_break_glass').columns(['school_id', 'opened_at']).execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['care_break_glass', 'care_screenings', 'care_ace_answers', 'care_support_plans', 'care_trusted_adults']) {
    await db.schema.dropTable(table).execute();
  }
}
