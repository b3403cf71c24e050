import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { Deps } from '../../deps';

/** Fills an empty database with the fictional demo board (see README for the logins). */
export async function seedDemo(_db: Kysely<Database>, _deps: Pick<Deps, 'clock'>): Promise<void> {
  throw new Error('demo seed not written yet');
}
