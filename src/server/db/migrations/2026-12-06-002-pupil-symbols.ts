import type { Kysely } from 'kysely';

// Young pupils find their name on the class device by a picture they chose (or their teacher set): one name
// symbol per pupil, a key of shared/checkin-symbols.ts. Removed with the pupil; `set_by` is the teacher who set
// it, null when the pupil chose it on the class device.

/** Creates `checkin_pupil_symbols`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('checkin_pupil_symbols')
    .addColumn('pupil_id', 'text', (c) => c.primaryKey().references('pupils.id').onDelete('cascade'))
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops `checkin_pupil_symbols`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('checkin_pupil_symbols').execute();
}
