import type { Kysely } from 'kysely';

/** Creates the daily check-in: class settings, wording, closed days, pupil access, check-ins, notes, class aggregates. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('checkin_class_settings')
    .addColumn('class_id', 'text', (c) => c.primaryKey().references('classes.id').onDelete('cascade'))
    .addColumn('age_group', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('checkin_wording')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('age_group', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('checkin_wording_pk', ['school_id', 'age_group', 'state', 'locale'])
    .execute();

  await db.schema
    .createTable('school_closed_days')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('school_closed_days_school_idx').on('school_closed_days').column('school_id').execute();

  await db.schema
    .createTable('pupil_codes')
    .addColumn('pupil_id', 'text', (c) => c.primaryKey().references('pupils.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('issued_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('class_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('kiosk_devices')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pupil_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('school_date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('wants_talk', 'integer', (c) => c.notNull())
    .addColumn('word_encrypted', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkins_class_date_idx').on('checkins').columns(['class_id', 'school_date']).execute();
  await db.schema.createIndex('checkins_pupil_date_idx').on('checkins').columns(['pupil_id', 'school_date']).execute();
  await db.schema.createIndex('checkins_school_date_idx').on('checkins').columns(['school_id', 'school_date']).execute();

  await db.schema
    .createTable('checkin_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('author_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('signal_kind', 'text')
    .addColumn('school_date', 'text', (c) => c.notNull())
    .addColumn('note_encrypted', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkin_notes_pupil_idx').on('checkin_notes').column('pupil_id').execute();

  await db.schema
    .createTable('checkin_class_days')
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('school_date', 'text', (c) => c.notNull())
    .addColumn('pupils_checked_in', 'integer', (c) => c.notNull())
    .addColumn('in_window', 'integer', (c) => c.notNull())
    .addColumn('bit_high', 'integer', (c) => c.notNull())
    .addColumn('far_high', 'integer', (c) => c.notNull())
    .addColumn('low', 'integer', (c) => c.notNull())
    .addColumn('wants_talk', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('checkin_class_days_pk', ['class_id', 'school_date'])
    .execute();

  await db.schema.alterTable('school_settings').addColumn('shares_checkin_with_board', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

/** Drops everything `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('school_settings').dropColumn('shares_checkin_with_board').execute();
  for (const table of [
    'checkin_class_days',
    'checkin_notes',
    'checkins',
    'pupil_sessions',
    'kiosk_devices',
    'class_codes',
    'pupil_codes',
    'school_closed_days',
    'checkin_wording',
    'checkin_class_settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
