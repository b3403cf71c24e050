import type { Kysely } from 'kysely';

// Measurement waves of the effect evaluation (issue 13): a school plans when which questionnaire
// instruments are answered, by its teachers or by pupils of chosen classes.

/** Adds waves, their instruments and (for pupil waves) their classes. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('questionnaire_waves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // 'teachers' or 'pupils'.
    .addColumn('audience', 'text', (c) => c.notNull())
    // School dates (YYYY-MM-DD), both in one school year; the wave is open from the first through the last.
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('questionnaire_waves_school_opens').on('questionnaire_waves').columns(['school_id', 'opens_on']).execute();
  await db.schema
    .createTable('questionnaire_wave_instruments')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('questionnaire_waves.id').onDelete('cascade'))
    // The instrument's own id and the exact version the wave asks (immutable once used).
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('questionnaire_wave_instruments_pk', ['wave_id', 'instrument_id'])
    .execute();
  await db.schema
    .createTable('questionnaire_wave_classes')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('questionnaire_waves.id').onDelete('cascade'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('questionnaire_wave_classes_pk', ['wave_id', 'class_id'])
    .execute();
  await db.schema.createIndex('questionnaire_wave_classes_class').on('questionnaire_wave_classes').column('class_id').execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('questionnaire_wave_classes').execute();
  await db.schema.dropTable('questionnaire_wave_instruments').execute();
  await db.schema.dropTable('questionnaire_waves').execute();
}
