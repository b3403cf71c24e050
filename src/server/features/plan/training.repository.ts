import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { TrainingRow, TrainingsTable } from './plan.tables';

/** The trainings of the given schools, oldest first (by date, then by when they were recorded). */
export async function listTrainings(db: Kysely<Database>, schoolIds: readonly string[]): Promise<TrainingRow[]> {
  if (schoolIds.length === 0) return [];
  return db
    .selectFrom('trainings')
    .selectAll()
    .where('school_id', 'in', schoolIds)
    .orderBy('held_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Finds one training of a school. */
export async function findTraining(db: Kysely<Database>, schoolId: string, trainingId: string): Promise<TrainingRow | undefined> {
  return db.selectFrom('trainings').selectAll().where('school_id', '=', schoolId).where('id', '=', trainingId).executeTakeFirst();
}

/** The participants of the given schools' trainings, with their names (also people who have left since). */
export async function listParticipants(db: Kysely<Database>, schoolIds: readonly string[]) {
  if (schoolIds.length === 0) return [];
  return db
    .selectFrom('training_participants')
    .innerJoin('trainings', 'trainings.id', 'training_participants.training_id')
    .innerJoin('users', 'users.id', 'training_participants.user_id')
    .select(['training_participants.training_id', 'training_participants.user_id', 'users.name'])
    .where('trainings.school_id', 'in', schoolIds)
    .execute();
}

/** The partner organisations of the given schools' trainings (in no particular order within a training). */
export async function listPartners(db: Kysely<Database>, schoolIds: readonly string[]) {
  if (schoolIds.length === 0) return [];
  return db
    .selectFrom('training_partners')
    .innerJoin('trainings', 'trainings.id', 'training_partners.training_id')
    .select(['training_partners.training_id', 'training_partners.organisation'])
    .where('trainings.school_id', 'in', schoolIds)
    .execute();
}

/**
 * The current staff of the given schools: everyone with a school role there now whose account is not
 * disabled, once per school, with the instant of their earliest role in that school and the start date the
 * school entered for them (null when none).
 */
export async function listCurrentStaff(db: Kysely<Database>, schoolIds: readonly string[]) {
  if (schoolIds.length === 0) return [];
  return db
    .selectFrom('school_memberships')
    .innerJoin('users', 'users.id', 'school_memberships.user_id')
    .leftJoin('staff_start_dates', (join) =>
      join.onRef('staff_start_dates.school_id', '=', 'school_memberships.school_id').onRef('staff_start_dates.user_id', '=', 'school_memberships.user_id'),
    )
    .select((eb) => [
      'school_memberships.school_id',
      'users.id',
      'users.name',
      'staff_start_dates.started_on',
      eb.fn.min('school_memberships.created_at').as('joined_at'),
    ])
    .where('school_memberships.school_id', 'in', schoolIds)
    .where('users.disabled_at', 'is', null)
    .groupBy(['school_memberships.school_id', 'users.id', 'users.name', 'staff_start_dates.started_on'])
    .execute();
}

/** Stores a new training. */
export async function insertTraining(db: Kysely<Database>, training: TrainingsTable): Promise<void> {
  await db.insertInto('trainings').values(training).execute();
}

/** Changes a training's kind, title and date. */
export async function updateTraining(
  db: Kysely<Database>,
  schoolId: string,
  trainingId: string,
  change: Pick<TrainingsTable, 'kind' | 'title' | 'held_on' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('trainings').set(change).where('school_id', '=', schoolId).where('id', '=', trainingId).execute();
}

/** Removes a training with its participants and partners. */
export async function deleteTraining(db: Kysely<Database>, schoolId: string, trainingId: string): Promise<void> {
  await db.deleteFrom('training_participants').where('training_id', '=', trainingId).execute();
  await db.deleteFrom('training_partners').where('training_id', '=', trainingId).execute();
  await db.deleteFrom('trainings').where('school_id', '=', schoolId).where('id', '=', trainingId).execute();
}

/** Replaces who took part in a training. */
export async function replaceParticipants(db: Kysely<Database>, trainingId: string, userIds: readonly string[]): Promise<void> {
  await db.deleteFrom('training_participants').where('training_id', '=', trainingId).execute();
  if (userIds.length > 0) {
    await db
      .insertInto('training_participants')
      .values(userIds.map((userId) => ({ training_id: trainingId, user_id: userId })))
      .execute();
  }
}

/** Replaces the partner organisations of a training (each with its own id). */
export async function replacePartners(db: Kysely<Database>, trainingId: string, partners: readonly { id: string; organisation: string }[]): Promise<void> {
  await db.deleteFrom('training_partners').where('training_id', '=', trainingId).execute();
  if (partners.length > 0) {
    await db
      .insertInto('training_partners')
      .values(partners.map((partner) => ({ id: partner.id, training_id: trainingId, organisation: partner.organisation })))
      .execute();
  }
}
