import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

// SQL of the regulation moment on the pupil page: storing a moment (what decides the offer is read through
// regulation.repository.ts, like the staff pages).

/** Stores one regulation moment (autocommitted: the route answers only after it). */
export async function insertMoment(db: Kysely<Database>, row: Database['regulation_moments']): Promise<void> {
  await db.insertInto('regulation_moments').values(row).execute();
}
