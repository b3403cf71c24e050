import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { ParentContactsTable } from './parent-contacts.tables';

// SQL of the contact log with parents; every query is scoped to the school. Encrypted columns come back sealed: the
// service opens them (and never opens the care team's notes for a teacher).

// The pupil's contacts with their author's name: the one query the log and a single contact share.
function contactsOfPupil(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return db
    .selectFrom('parent_contacts')
    .leftJoin('users', 'users.id', 'parent_contacts.created_by')
    .select([
      'parent_contacts.id',
      'parent_contacts.held_on',
      'parent_contacts.kind',
      'parent_contacts.with_whom',
      'parent_contacts.topic',
      'parent_contacts.is_enrolment',
      'parent_contacts.note_encrypted',
      'parent_contacts.care_notes_encrypted',
      'parent_contacts.follow_up_on',
      'parent_contacts.follow_up_done_at',
      'parent_contacts.created_by',
      'parent_contacts.created_at',
      'parent_contacts.updated_at',
      'users.name as created_by_name',
    ])
    .where('parent_contacts.school_id', '=', schoolId)
    .where('parent_contacts.pupil_id', '=', pupilId);
}

/** The pupil's contacts, newest first. */
export async function listContacts(db: Kysely<Database>, schoolId: string, pupilId: string) {
  return contactsOfPupil(db, schoolId, pupilId).orderBy('parent_contacts.held_on', 'desc').orderBy('parent_contacts.created_at', 'desc').execute();
}

/** One contact of the pupil, if it exists. */
export async function findContact(db: Kysely<Database>, schoolId: string, pupilId: string, id: string) {
  return contactsOfPupil(db, schoolId, pupilId).where('parent_contacts.id', '=', id).executeTakeFirst();
}

export async function insertContact(db: Kysely<Database>, row: ParentContactsTable): Promise<void> {
  await db.insertInto('parent_contacts').values(row).execute();
}

/** Changes a contact of the pupil. */
export async function updateContact(
  db: Kysely<Database>,
  schoolId: string,
  pupilId: string,
  id: string,
  changes: Partial<Pick<ParentContactsTable, 'held_on' | 'kind' | 'with_whom' | 'topic' | 'is_enrolment' | 'note_encrypted' | 'care_notes_encrypted' | 'follow_up_on' | 'follow_up_done_at'>> & { updated_at: string },
): Promise<void> {
  await db.updateTable('parent_contacts').set(changes).where('school_id', '=', schoolId).where('pupil_id', '=', pupilId).where('id', '=', id).execute();
}

/** Removes a contact of the pupil. */
export async function deleteContact(db: Kysely<Database>, schoolId: string, pupilId: string, id: string): Promise<void> {
  await db.deleteFrom('parent_contacts').where('school_id', '=', schoolId).where('pupil_id', '=', pupilId).where('id', '=', id).execute();
}

/**
 * Per pupil of the school with at least one contact: the date of the last contact, whether an enrolment conversation
 * was recorded, and the earliest follow-up date not yet done. Plain columns only.
 */
export async function summariseContactsPerPupil(db: Kysely<Database>, schoolId: string) {
  const rows = await db
    .selectFrom('parent_contacts')
    .select((eb) => [
      'parent_contacts.pupil_id',
      eb.fn.max('parent_contacts.held_on').as('last_held_on'),
      eb.fn.max('parent_contacts.is_enrolment').as('has_enrolment'),
      eb.fn.min(eb.case().when('parent_contacts.follow_up_done_at', 'is', null).then(eb.ref('parent_contacts.follow_up_on')).else(null).end()).as('next_follow_up_on'),
    ])
    .where('parent_contacts.school_id', '=', schoolId)
    .groupBy('parent_contacts.pupil_id')
    .execute();
  return rows.map((row) => ({
    pupil_id: row.pupil_id,
    last_held_on: row.last_held_on as string,
    has_enrolment: Number(row.has_enrolment) === 1,
    next_follow_up_on: (row.next_follow_up_on as string | null) ?? null,
  }));
}

/** The pupils of the school with a contact held on or after `since`. */
export async function pupilIdsWithContactSince(db: Kysely<Database>, schoolId: string, since: string): Promise<string[]> {
  const rows = await db.selectFrom('parent_contacts').select('pupil_id').distinct().where('school_id', '=', schoolId).where('held_on', '>=', since).execute();
  return rows.map((row) => row.pupil_id);
}

/** The pupils of the school with a recorded enrolment conversation. */
export async function pupilIdsWithEnrolment(db: Kysely<Database>, schoolId: string): Promise<string[]> {
  const rows = await db.selectFrom('parent_contacts').select('pupil_id').distinct().where('school_id', '=', schoolId).where('is_enrolment', '=', 1).execute();
  return rows.map((row) => row.pupil_id);
}

/** Per class of the school year: its pupils still at school. */
export async function listPlacements(db: Kysely<Database>, schoolId: string, schoolYear: string) {
  return db
    .selectFrom('class_pupils')
    .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
    .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
    .select(['classes.id as class_id', 'classes.name as class_name', 'class_pupils.pupil_id'])
    .where('classes.school_id', '=', schoolId)
    .where('classes.school_year', '=', schoolYear)
    .where('pupils.left_on', 'is', null)
    .orderBy('classes.name')
    .execute();
}
