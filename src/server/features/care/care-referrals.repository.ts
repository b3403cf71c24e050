import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { CareReferralsTable } from './care-referrals.tables';

// SQL of referrals; every query is scoped to the school. Encrypted columns come back sealed: the service opens them.

// The pupil's referrals with their author's name: the one query the list and a single referral share.
function referralsOfPupil(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return db
    .selectFrom('care_referrals')
    .leftJoin('users', 'users.id', 'care_referrals.created_by')
    .select([
      'care_referrals.id',
      'care_referrals.referred_on',
      'care_referrals.to_whom_encrypted',
      'care_referrals.reason_encrypted',
      'care_referrals.status',
      'care_referrals.follow_up_on',
      'care_referrals.screening_id',
      'care_referrals.created_at',
      'care_referrals.updated_at',
      'users.name as created_by_name',
    ])
    .where('care_referrals.school_id', '=', schoolId)
    .where('care_referrals.pupil_id', '=', pupilId);
}

/** The pupil's referrals, newest first. */
export async function listReferrals(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return referralsOfPupil(db, schoolId, pupilId).orderBy('care_referrals.referred_on', 'desc').orderBy('care_referrals.created_at', 'desc').execute();
}

/** One referral of the pupil, if it exists. */
export async function findReferral(db: Kysely<Database>, schoolId: string, pupilId: string, id: string) {
  return referralsOfPupil(db, schoolId, pupilId).where('care_referrals.id', '=', id).executeTakeFirst();
}

/** Whether the screening is one of this pupil's. */
export async function isScreeningOfPupil(db: Kysely<Database>, schoolId: string, pupilId: string, screeningId: string): Promise<boolean> {
  const row = await db.selectFrom('care_screenings').select('id').where('school_id', '=', schoolId).where('pupil_id', '=', pupilId).where('id', '=', screeningId).executeTakeFirst();
  return row !== undefined;
}

export async function insertReferral(db: Kysely<Database>, row: CareReferralsTable): Promise<void> {
  await db.insertInto('care_referrals').values(row).execute();
}

/** Changes a referral of the pupil. */
export async function updateReferral(
  db: Kysely<Database>,
  schoolId: string,
  pupilId: string,
  id: string,
  changes: Pick<CareReferralsTable, 'to_whom_encrypted' | 'reason_encrypted' | 'status' | 'follow_up_on' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('care_referrals').set(changes).where('school_id', '=', schoolId).where('pupil_id', '=', pupilId).where('id', '=', id).execute();
}

/** The school's referrals that have not ended and whose follow-up date is on or before `today`, of pupils still at school. */
export async function listDueReferralFollowUps(db: Kysely<Database>, schoolId: string, today: string) {
  return db
    .selectFrom('care_referrals')
    .innerJoin('pupils', 'pupils.id', 'care_referrals.pupil_id')
    .select([
      'care_referrals.id',
      'care_referrals.pupil_id',
      'care_referrals.to_whom_encrypted',
      'care_referrals.status',
      'care_referrals.follow_up_on',
      'pupils.first_name',
      'pupils.last_name',
    ])
    .where('care_referrals.school_id', '=', schoolId)
    .where('care_referrals.status', '!=', 'ended')
    .where('care_referrals.follow_up_on', '<=', today)
    .where('pupils.left_on', 'is', null)
    .orderBy('care_referrals.follow_up_on')
    .execute();
}
