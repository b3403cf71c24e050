import type { Kysely } from 'kysely';

// Answers to a wave's instruments (issue 13): one row per respondent and instrument, saved as they answer.

/** Adds the responses. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('questionnaire_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wave_id', 'text', (c) => c.notNull().references('questionnaire_waves.id').onDelete('cascade'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    // 'staff' (a user id) or 'pupil' (a pupil id).
    .addColumn('respondent_kind', 'text', (c) => c.notNull())
    .addColumn('respondent_id', 'text', (c) => c.notNull())
    // A pupil's class in the wave when they answered; null for staff.
    .addColumn('class_id', 'text', (c) => c.references('classes.id').onDelete('set null'))
    // JSON object item id → the value of the answer chosen; unanswered items are absent.
    .addColumn('answers', 'text', (c) => c.notNull())
    // Every item answered.
    .addColumn('is_complete', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('questionnaire_responses_respondent', ['wave_id', 'instrument_id', 'respondent_kind', 'respondent_id'])
    .execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('questionnaire_responses').execute();
}
