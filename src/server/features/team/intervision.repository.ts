import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { TeamIntervisionParticipantsTable, TeamIntervisionSessionsTable } from './intervision.tables';

// SQL of the intervision and supervision log; every query is scoped to the school. Theme and note come back sealed.

const SESSION_COLUMNS = ['id', 'held_on', 'kind', 'core_concept', 'theme_encrypted', 'note_encrypted', 'is_care_team_run', 'recorded_by', 'updated_at'] as const;

/** The sessions of the school a staff member recorded or took part in, newest first. */
export async function listSessionsOf(db: Kysely<Database>, schoolId: string, userId: string) {
  return db
    .selectFrom('team_intervision_sessions')
    .select([...SESSION_COLUMNS])
    .where('school_id', '=', schoolId)
    .where((eb) =>
      eb.or([
        eb('recorded_by', '=', userId),
        eb.exists(
          eb
            .selectFrom('team_intervision_participants')
            .select('team_intervision_participants.user_id')
            .whereRef('team_intervision_participants.session_id', '=', 'team_intervision_sessions.id')
            .where('team_intervision_participants.user_id', '=', userId),
        ),
      ]),
    )
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** One session of the school, by id (who may read it, the service decides). */
export async function findSession(db: Kysely<Database>, schoolId: string, sessionId: string) {
  return db.selectFrom('team_intervision_sessions').select([...SESSION_COLUMNS]).where('school_id', '=', schoolId).where('id', '=', sessionId).executeTakeFirst();
}

/** The participants of the given sessions with their names. */
export async function listParticipants(db: Kysely<Database>, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('team_intervision_participants')
    .innerJoin('users', 'users.id', 'team_intervision_participants.user_id')
    .select(['team_intervision_participants.session_id', 'users.id', 'users.name'])
    .where('team_intervision_participants.session_id', 'in', sessionIds)
    .execute();
}

export async function insertSession(db: Kysely<Database>, row: TeamIntervisionSessionsTable): Promise<void> {
  await db.insertInto('team_intervision_sessions').values(row).execute();
}

/** Changes a session of the school. */
export async function updateSession(
  db: Kysely<Database>,
  schoolId: string,
  sessionId: string,
  changes: Pick<TeamIntervisionSessionsTable, 'held_on' | 'kind' | 'core_concept' | 'theme_encrypted' | 'note_encrypted' | 'is_care_team_run' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('team_intervision_sessions').set(changes).where('school_id', '=', schoolId).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Kysely<Database>, schoolId: string, sessionId: string): Promise<void> {
  await db.deleteFrom('team_intervision_sessions').where('school_id', '=', schoolId).where('id', '=', sessionId).execute();
}

/** Replaces a session's participants. */
export async function replaceParticipants(db: Kysely<Database>, sessionId: string, rows: readonly TeamIntervisionParticipantsTable[]): Promise<void> {
  await db.deleteFrom('team_intervision_participants').where('session_id', '=', sessionId).execute();
  if (rows.length > 0) await db.insertInto('team_intervision_participants').values([...rows]).execute();
}

/** Every session of the school between two school days with its participants' ids: for the counts per school year. */
export async function listSessionsBetween(db: Kysely<Database>, schoolId: string, firstDay: string, lastDay: string) {
  const sessions = await db
    .selectFrom('team_intervision_sessions')
    .select(['id', 'kind', 'core_concept'])
    .where('school_id', '=', schoolId)
    .where('held_on', '>=', firstDay)
    .where('held_on', '<=', lastDay)
    .execute();
  const participants =
    sessions.length === 0
      ? []
      : await db
          .selectFrom('team_intervision_participants')
          .select(['session_id', 'user_id'])
          .where('school_id', '=', schoolId)
          .where('session_id', 'in', sessions.map((session) => session.id))
          .execute();
  return { sessions, participants };
}

/** The names of the school's pupils, those who left included: what a theme or note must not hold. */
export async function listPupilNames(db: Kysely<Database>, schoolId: string) {
  return db.selectFrom('pupils').select(['first_name', 'last_name']).where('school_id', '=', schoolId).execute();
}
