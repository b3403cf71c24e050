import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { CareAttentionOfficersTable, CareMeldcodeCasesTable, CareMeldcodeStepsTable } from './care-meldcode.tables';

// SQL of the meldcode and the attention officer; every query is scoped to the school. Step notes come back sealed:
// the service opens them.

/** Which of the school's cases: one pupil's, one case, only open ones, only those a care team member is involved in. */
export interface MeldcodeCaseFilter {
  pupilId?: string;
  caseId?: string;
  isOpen?: boolean;
  /** Only cases this user opened or recorded a step in; left out, every case (the attention officer's view). */
  involvedUserId?: string;
}

/** The school's cases that pass the filter, with the pupil's and the opener's names, oldest first. */
export async function listCases(db: Kysely<Database>, schoolId: string, filter: MeldcodeCaseFilter) {
  let query = db
    .selectFrom('care_meldcode_cases')
    .innerJoin('pupils', 'pupils.id', 'care_meldcode_cases.pupil_id')
    .leftJoin('users', 'users.id', 'care_meldcode_cases.created_by')
    .select([
      'care_meldcode_cases.id',
      'care_meldcode_cases.pupil_id',
      'care_meldcode_cases.opened_on',
      'care_meldcode_cases.closed_on',
      'care_meldcode_cases.outcome',
      'users.name as opened_by_name',
      'pupils.first_name',
      'pupils.last_name',
    ])
    .where('care_meldcode_cases.school_id', '=', schoolId);
  if (filter.pupilId !== undefined) query = query.where('care_meldcode_cases.pupil_id', '=', filter.pupilId);
  if (filter.caseId !== undefined) query = query.where('care_meldcode_cases.id', '=', filter.caseId);
  if (filter.isOpen) query = query.where('care_meldcode_cases.closed_on', 'is', null);
  const userId = filter.involvedUserId;
  if (userId !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('care_meldcode_cases.created_by', '=', userId),
        eb.exists(
          eb
            .selectFrom('care_meldcode_steps')
            .select('care_meldcode_steps.id')
            .whereRef('care_meldcode_steps.case_id', '=', 'care_meldcode_cases.id')
            .where('care_meldcode_steps.recorded_by', '=', userId),
        ),
      ]),
    );
  }
  return query.orderBy('care_meldcode_cases.opened_on').orderBy('care_meldcode_cases.created_at').execute();
}

/** Every recording of a step of these cases, with the recorder's name, oldest first per case. */
export async function listSteps(db: Kysely<Database>, schoolId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('care_meldcode_steps')
    .leftJoin('users', 'users.id', 'care_meldcode_steps.recorded_by')
    .select([
      'care_meldcode_steps.id',
      'care_meldcode_steps.case_id',
      'care_meldcode_steps.step',
      'care_meldcode_steps.recording',
      'care_meldcode_steps.done_on',
      'care_meldcode_steps.notes_encrypted',
      'care_meldcode_steps.recorded_at',
      'users.name as recorded_by_name',
    ])
    .where('care_meldcode_steps.school_id', '=', schoolId)
    .where('care_meldcode_steps.case_id', 'in', [...caseIds])
    .orderBy('care_meldcode_steps.case_id')
    .orderBy('care_meldcode_steps.recording')
    .execute();
}

/** The number the next recording of a step of the case gets (read inside the write's transaction). */
export async function nextRecordingOf(db: Kysely<Database>, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('care_meldcode_steps')
    .select((eb) => eb.fn.max('recording').as('last'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertCase(db: Kysely<Database>, row: CareMeldcodeCasesTable): Promise<void> {
  await db.insertInto('care_meldcode_cases').values(row).execute();
}

export async function insertStep(db: Kysely<Database>, row: CareMeldcodeStepsTable): Promise<void> {
  await db.insertInto('care_meldcode_steps').values(row).execute();
}

/** Closes an open case; false when it was closed already. */
export async function closeCase(db: Kysely<Database>, schoolId: string, caseId: string, closing: Pick<CareMeldcodeCasesTable, 'closed_on' | 'outcome' | 'closed_by'>): Promise<boolean> {
  const result = await db
    .updateTable('care_meldcode_cases')
    .set(closing)
    .where('school_id', '=', schoolId)
    .where('id', '=', caseId)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Whether the case is still open (read inside the write's transaction). */
export async function isCaseOpen(db: Kysely<Database>, schoolId: string, caseId: string): Promise<boolean> {
  const row = await db.selectFrom('care_meldcode_cases').select('id').where('school_id', '=', schoolId).where('id', '=', caseId).where('closed_on', 'is', null).executeTakeFirst();
  return row !== undefined;
}

// ---------- the attention officer ----------

/** The school's attention officer with their name, if one is named. */
export async function findAttentionOfficer(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('care_attention_officers')
    .innerJoin('users', 'users.id', 'care_attention_officers.user_id')
    .select(['care_attention_officers.user_id', 'care_attention_officers.set_at', 'users.name'])
    .where('care_attention_officers.school_id', '=', schoolId)
    .executeTakeFirst();
}

/** Names the school's attention officer, replacing an earlier one. */
export async function saveAttentionOfficer(db: Kysely<Database>, row: CareAttentionOfficersTable): Promise<void> {
  await db
    .insertInto('care_attention_officers')
    .values(row)
    .onConflict((conflict) => conflict.column('school_id').doUpdateSet({ user_id: row.user_id, set_by: row.set_by, set_at: row.set_at }))
    .execute();
}

/** Leaves the school without an attention officer. */
export async function deleteAttentionOfficer(db: Kysely<Database>, schoolId: string): Promise<void> {
  await db.deleteFrom('care_attention_officers').where('school_id', '=', schoolId).execute();
}
