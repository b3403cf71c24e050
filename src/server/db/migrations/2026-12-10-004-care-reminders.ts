import type { Kysely } from 'kysely';

// Which care reminders went out (issue 14): a plan's review date or a referral's follow-up date is mailed about once.

/** Adds the record of sent care reminders. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('care_reminders_sent')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('care_reminders_sent_pk', ['kind', 'record_id', 'due_on'])
    .execute();
}

/** Drops it again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('care_reminders_sent').execute();
}
