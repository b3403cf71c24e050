import type { Kysely } from 'kysely';

// The contact log with a pupil's parents and carers (issue 16). The note and the care team's notes are
// field-encrypted by the service; a row goes with its pupil (cascade) and with the care retention of the school.

/** Adds parent_contacts. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('parent_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id').onDelete('cascade'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    // One of PARENT_CONTACT_KINDS (shared/parent-contacts.ts).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('with_whom', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('is_enrolment', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note_encrypted', 'text', (c) => c.notNull())
    .addColumn('care_notes_encrypted', 'text', (c) => c.notNull())
    .addColumn('follow_up_on', 'text')
    .addColumn('follow_up_done_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('parent_contacts_pupil').on('parent_contacts').columns(['school_id', 'pupil_id', 'held_on']).execute();
  await db.schema.createIndex('parent_contacts_follow_up').on('parent_contacts').columns(['school_id', 'follow_up_on']).execute();
}

/** Drops it again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('parent_contacts').execute();
}
