import type { Kysely } from 'kysely';

// A round can be closed before its last day, so its results (which are only read once a round is
// closed) do not have to wait for the date. Null: the round closes after `closes_on` as planned.

/** Adds `closed_at` (an ISO instant) to self-scan rounds. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('selfscan_rounds').addColumn('closed_at', 'text').execute();
}

/** Drops `closed_at` again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('selfscan_rounds').dropColumn('closed_at').execute();
}
