import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { SelfscanRoundRow } from './selfscan.tables';

/**
 * The rounds of the given schools that opened on or before `today` and have at least one agreed phase, each
 * with how many people answered it; per school newest first (opening day, then creation).
 */
export async function listRoundsWithConsensus(
  db: Kysely<Database>,
  schoolIds: readonly string[],
  today: string,
): Promise<(SelfscanRoundRow & { responded: number })[]> {
  if (schoolIds.length === 0) return [];
  const rows = await db
    .selectFrom('selfscan_rounds')
    .selectAll('selfscan_rounds')
    .select((eb) =>
      eb
        .selectFrom('selfscan_responses')
        .whereRef('selfscan_responses.round_id', '=', 'selfscan_rounds.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('responded_count'),
    )
    .where('school_id', 'in', schoolIds)
    .where('opens_on', '<=', today)
    .where((eb) => eb.exists(eb.selectFrom('selfscan_consensus').select('selfscan_consensus.round_id').whereRef('selfscan_consensus.round_id', '=', 'selfscan_rounds.id')))
    .orderBy('school_id')
    .orderBy('opens_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(({ responded_count, ...round }) => ({ ...round, responded: Number(responded_count ?? 0) }));
}
