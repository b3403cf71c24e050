import type { Kysely } from 'kysely';

// The lead can remind the invitees who have not finished a round, at most once a day per round. The moment of
// the last reminder is kept on the round, so two people clicking at once send one reminder (a conditional update).

/** Adds `reminded_at` (an ISO instant; null: no reminder yet) to self-scan rounds. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('selfscan_rounds').addColumn('reminded_at', 'text').execute();
}

/** Drops `reminded_at` again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('selfscan_rounds').dropColumn('reminded_at').execute();
}
