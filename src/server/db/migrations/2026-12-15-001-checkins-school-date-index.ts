import type { Kysely } from 'kysely';

// The retention purge walks the check-ins before a date, oldest class-day first, in small batches
// (features/checkin/checkin-retention.ts). No index started with school_date, so the purge scanned the
// whole table (issue 18: 48.5 s for a board's year, in one transaction). (school_date, class_id) serves the walk in its own
// order and each batch's delete of whole class-days, on SQLite and PostgreSQL alike; the notes are
// deleted by date only.
// The board's year view sums a year of class-days per school (80,000 on the board): an index that
// holds the two counts it sums answers without reading the table's rows, about a third faster there.

/** Adds checkins(school_date, class_id), checkin_notes(school_date) and the figures' covering index on checkin_class_days. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('checkins_date_class_idx').on('checkins').columns(['school_date', 'class_id']).execute();
  await db.schema.createIndex('checkin_notes_date_idx').on('checkin_notes').column('school_date').execute();
  await db.schema
    .createIndex('checkin_class_days_figures_idx')
    .on('checkin_class_days')
    .columns(['class_id', 'school_date', 'pupils_checked_in', 'in_window'])
    .execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('checkin_class_days_figures_idx').execute();
  await db.schema.dropIndex('checkin_notes_date_idx').execute();
  await db.schema.dropIndex('checkins_date_class_idx').execute();
}
