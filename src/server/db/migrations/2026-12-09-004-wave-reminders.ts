import type { Kysely } from 'kysely';

// Reminders for an open teacher wave (issue 13): when the last one was sent, so the team gets at most one a day.

/** Adds the moment of the last reminder. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('questionnaire_waves').addColumn('reminded_at', 'text').execute();
}

/** Drops it again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('questionnaire_waves').dropColumn('reminded_at').execute();
}
