import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

// The few reads the retention overview needs that no feature offers: SQL only.

/** When each background job last claimed its period and until when (job_leases; no row: it never ran here). */
export async function listJobLeases(db: Kysely<Database>): Promise<Map<string, { claimedAt: string; leaseUntil: string }>> {
  const rows = await db.selectFrom('job_leases').select(['name', 'claimed_at', 'lease_until']).execute();
  return new Map(rows.map((row) => [row.name, { claimedAt: row.claimed_at, leaseUntil: row.lease_until }]));
}

/** How many raw check-ins of a school are from before `keptFrom` (what the check-in retention deletes next). */
export async function countCheckinsBefore(db: Kysely<Database>, schoolId: string, keptFrom: string): Promise<number> {
  const row = await db
    .selectFrom('checkins')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('school_id', '=', schoolId)
    .where('school_date', '<', keptFrom)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
