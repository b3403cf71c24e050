import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { SelfscanRoundRow } from './selfscan.tables';

/**
 * For each of the given schools, its most recent round that opened on or before `today` and has at least one
 * agreed phase (none for a school without one).
 */
export async function listLatestRoundsWithConsensus(db: Kysely<Database>, schoolIds: readonly string[], today: string): Promise<SelfscanRoundRow[]> {
  if (schoolIds.length === 0) return [];
  const rows = await db
    .selectFrom('selfscan_rounds')
    .selectAll()
    .where('school_id', 'in', schoolIds)
    .where('opens_on', '<=', today)
    .where((eb) => eb.exists(eb.selectFrom('selfscan_consensus').select('selfscan_consensus.round_id').whereRef('selfscan_consensus.round_id', '=', 'selfscan_rounds.id')))
    .orderBy('school_id')
    .orderBy('opens_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const latest = new Map<string, SelfscanRoundRow>();
  for (const row of rows) if (!latest.has(row.school_id)) latest.set(row.school_id, row);
  return [...latest.values()];
}
