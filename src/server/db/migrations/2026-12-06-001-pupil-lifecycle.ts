import type { Kysely } from 'kysely';

// A pupil who left the school stays on record (their past data stays readable to those allowed) with the
// school date they left: null while they are at the school. The staged import's rows get two indexes for
// the preview that compares the file with the school: its class names and its pupil numbers.

/** Adds `left_on` to pupils and the staged-import indexes for the comparison with the school. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('pupils').addColumn('left_on', 'text').execute();
  await db.schema.createIndex('pupil_import_records_number_idx').on('pupil_import_records').columns(['import_id', 'pupil_number']).execute();
  await db.schema.createIndex('pupil_import_records_class_idx').on('pupil_import_records').columns(['import_id', 'class_name']).execute();
}

/** Drops the indexes and `left_on` again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('pupil_import_records_class_idx').execute();
  await db.schema.dropIndex('pupil_import_records_number_idx').execute();
  await db.schema.alterTable('pupils').dropColumn('left_on').execute();
}
