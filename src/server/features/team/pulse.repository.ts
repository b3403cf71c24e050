import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database';
import type { TeamPulseCountsTable, TeamPulseSettingsTable, TeamPulsesTable } from './pulse.tables';

// SQL of the wellbeing pulse; every query is scoped to the school. A vote is written as two statements that share
// nothing but the pulse id: the vote row (who) and one UPDATE of every counter of the pulse (what).

/** The school's pulses, earliest first. */
export async function listPulses(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('team_pulses')
    .select(['id', 'instrument_id', 'instrument_version', 'opens_on', 'closes_on', 'closed_on'])
    .where('school_id', '=', schoolId)
    .orderBy('opens_on')
    .orderBy('id')
    .execute();
}

/** One pulse of the school. */
export async function findPulse(db: Kysely<Database>, schoolId: string, pulseId: string) {
  return db
    .selectFrom('team_pulses')
    .select(['id', 'instrument_id', 'instrument_version', 'opens_on', 'closes_on', 'closed_on'])
    .where('school_id', '=', schoolId)
    .where('id', '=', pulseId)
    .executeTakeFirst();
}

/** Adds a pulse with its counters (every item and value at 0), so answering only ever updates rows. */
export async function insertPulse(db: Kysely<Database>, row: TeamPulsesTable, counters: readonly TeamPulseCountsTable[]): Promise<void> {
  await db.insertInto('team_pulses').values(row).execute();
  if (counters.length > 0) await db.insertInto('team_pulse_counts').values([...counters]).execute();
}

/** Closes a pulse before its last day. */
export async function closePulse(db: Kysely<Database>, schoolId: string, pulseId: string, closedOn: string): Promise<void> {
  await db.updateTable('team_pulses').set({ closed_on: closedOn }).where('school_id', '=', schoolId).where('id', '=', pulseId).execute();
}

/** Removes a pulse of the school (its counters and votes go with it). */
export async function deletePulse(db: Kysely<Database>, schoolId: string, pulseId: string): Promise<void> {
  await db.deleteFrom('team_pulse_counts').where('pulse_id', '=', pulseId).execute();
  await db.deleteFrom('team_pulse_votes').where('pulse_id', '=', pulseId).execute();
  await db.deleteFrom('team_pulses').where('school_id', '=', schoolId).where('id', '=', pulseId).execute();
}

/** Whether this person voted in this pulse. */
export async function hasVoted(db: Kysely<Database>, pulseId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('team_pulse_votes').select('pulse_id').where('pulse_id', '=', pulseId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** Records that a person voted; a second vote breaks the primary key (the caller turns that into a refusal). */
export async function insertVote(db: Kysely<Database>, pulseId: string, userId: string): Promise<void> {
  await db.insertInto('team_pulse_votes').values({ pulse_id: pulseId, user_id: userId }).execute();
}

/**
 * Counts one vote's answers: ONE update of EVERY counter of the pulse, adding 1 where the answer matches and 0
 * elsewhere. Rewriting every row keeps the rows' physical order and PostgreSQL's row versions (xmin, ctid) the same
 * whatever was answered, so the last write does not single out the counters of the last vote.
 */
export async function countAnswers(db: Kysely<Database>, pulseId: string, answers: ReadonlyMap<string, number>): Promise<void> {
  const matches = [...answers].map(([itemId, value]) => sql`(item_id = ${itemId} and value = ${value})`);
  const increment = matches.length === 0 ? sql`0` : sql`case when ${sql.join(matches, sql` or `)} then 1 else 0 end`;
  await db
    .updateTable('team_pulse_counts')
    .set({ count: sql<number>`count + ${increment}` })
    .where('pulse_id', '=', pulseId)
    .execute();
}

/** How many voted in each of these pulses (pulses without votes absent). */
export async function voteCounts(db: Kysely<Database>, pulseIds: readonly string[]): Promise<Map<string, number>> {
  if (pulseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('team_pulse_votes')
    .select(['pulse_id', (eb) => eb.fn.countAll<number | string>().as('votes')])
    .where('pulse_id', 'in', [...pulseIds])
    .groupBy('pulse_id')
    .execute();
  return new Map(rows.map((row) => [row.pulse_id, Number(row.votes)]));
}

/** The counters of these pulses. */
export async function listCounts(db: Kysely<Database>, pulseIds: readonly string[]) {
  if (pulseIds.length === 0) return [];
  return db.selectFrom('team_pulse_counts').select(['pulse_id', 'item_id', 'value', 'count']).where('pulse_id', 'in', [...pulseIds]).execute();
}

/** The school's help texts, if it set any. */
export async function findSettings(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('team_pulse_settings').select(['help_contacts', 'help_company_doctor', 'help_confidant']).where('school_id', '=', schoolId).executeTakeFirst();
}

/** Sets the school's help texts. */
export async function saveSettings(db: Kysely<Database>, row: TeamPulseSettingsTable): Promise<void> {
  const { school_id: _school, ...changes } = row;
  await db.insertInto('team_pulse_settings').values(row).onConflict((conflict) => conflict.column('school_id').doUpdateSet(changes)).execute();
}
