import type { Kysely } from 'kysely';

// The day someone started at a school, as the school knows it (issue 12): at go-live every account is new, so
// counting "new staff" from the account's creation would call the whole team new for a year. A school enters
// the date (or imports it with a staff CSV); an invitation carries it until it is accepted. Also: the
// getting-started checklist of a new school, once its admin hid it.

/** Adds staff start dates, the start date an invitation carries, and the hidden getting-started checklist. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_start_dates')
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // A school day, YYYY-MM-DD (the school's own calendar, not an instant).
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_start_dates_pk', ['school_id', 'user_id'])
    .execute();
  // Null: the person counts from the day they accept.
  await db.schema.alterTable('staff_invitations').addColumn('started_on', 'text').execute();
  await db.schema
    .createTable('getting_started_hidden')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
    .addColumn('hidden_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('hidden_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('getting_started_hidden').execute();
  await db.schema.alterTable('staff_invitations').dropColumn('started_on').execute();
  await db.schema.dropTable('staff_start_dates').execute();
}
