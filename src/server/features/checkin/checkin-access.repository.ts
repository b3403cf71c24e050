import type { Kysely } from 'kysely';
import { classDeviceRight } from '../../access/record-scope';
import type { Database } from '../../db/database';
import type { CheckinClassSettingsTable, CheckinPupilSymbolsTable, ClassCodesTable, KioskDevicesTable, PupilCodesTable, PupilSessionsTable } from './checkin.tables';

// Every SQL query of pupil access (class codes, login cards, own-device sessions, kiosk devices)
// and of the check-in form (class age group, a school's own words).

// ---------- the form ----------

/** A class with its school's kind and its check-in age group (null when none was chosen). */
export async function findClassForForm(db: Kysely<Database>, classId: string) {
  return db
    .selectFrom('classes')
    .innerJoin('schools', 'schools.id', 'classes.school_id')
    .leftJoin('checkin_class_settings', 'checkin_class_settings.class_id', 'classes.id')
    .select(['classes.id', 'classes.school_id', 'schools.kind as school_kind', 'checkin_class_settings.age_group'])
    .where('classes.id', '=', classId)
    .executeTakeFirst();
}

/** A school's own labels for one age group and language. */
export async function findWordingOverrides(db: Kysely<Database>, schoolId: string, ageGroup: string, locale: string) {
  return db
    .selectFrom('checkin_wording')
    .select(['state', 'label'])
    .where('school_id', '=', schoolId)
    .where('age_group', '=', ageGroup)
    .where('locale', '=', locale)
    .execute();
}

// ---------- own-device sessions and kiosk devices (read on every pupil/kiosk request) ----------

/**
 * A pupil's own-device session with the school of its class, only while the pupil is still placed
 * in that class and at the school (a removed placement, or leaving the school, ends the session) and the
 * class's school year has not ended (the new school year ends last year's sessions).
 */
export async function findLivePupilSession(db: Kysely<Database>, idHash: string, schoolYear: string) {
  return db
    .selectFrom('pupil_sessions')
    .innerJoin('class_pupils', (join) =>
      join.onRef('class_pupils.class_id', '=', 'pupil_sessions.class_id').onRef('class_pupils.pupil_id', '=', 'pupil_sessions.pupil_id'),
    )
    .innerJoin('classes', 'classes.id', 'pupil_sessions.class_id')
    .innerJoin('pupils', 'pupils.id', 'pupil_sessions.pupil_id')
    .select([
      'pupil_sessions.id_hash',
      'pupil_sessions.pupil_id',
      'pupil_sessions.class_id',
      'pupil_sessions.csrf_token',
      'pupil_sessions.expires_at',
      'classes.school_id',
    ])
    .where('pupil_sessions.id_hash', '=', idHash)
    .where('pupils.left_on', 'is', null)
    .where('classes.school_year', '>=', schoolYear)
    .executeTakeFirst();
}

/** Ends one own-device session. */
export async function deletePupilSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('pupil_sessions').where('id_hash', '=', idHash).execute();
}

/** Stores a new own-device session. */
export async function insertPupilSession(db: Kysely<Database>, row: PupilSessionsTable): Promise<void> {
  await db.insertInto('pupil_sessions').values(row).execute();
}

/** Removes own-device sessions that ran out. */
export async function deleteExpiredPupilSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('pupil_sessions').where('expires_at', '<=', now).execute();
}

/**
 * A class device in kiosk mode with the school of its class, only while the person who opened it may still open
 * it (`classDeviceRight`, joined in): a disabled account, a lost role or class, or a deleted class ends the kiosk
 * on its next request. A kiosk of a class whose school year has ended (`schoolYear` is the current one) stops too.
 */
export async function findLiveKioskDevice(db: Kysely<Database>, idHash: string, schoolYear: string) {
  return db
    .selectFrom('kiosk_devices')
    .innerJoin('classes', 'classes.id', 'kiosk_devices.class_id')
    .select(['kiosk_devices.id_hash', 'kiosk_devices.class_id', 'kiosk_devices.csrf_token', 'kiosk_devices.expires_at', 'classes.school_id'])
    .where('kiosk_devices.id_hash', '=', idHash)
    .where('classes.school_year', '>=', schoolYear)
    .where((eb) => eb.exists(classDeviceRight(db, eb.ref('kiosk_devices.opened_by').$notNull(), eb.ref('kiosk_devices.class_id'))))
    .executeTakeFirst();
}

/** A class device in kiosk mode, as stored. */
export async function findKioskDevice(db: Kysely<Database>, idHash: string) {
  return db.selectFrom('kiosk_devices').select(['id', 'class_id', 'expires_at']).where('id_hash', '=', idHash).executeTakeFirst();
}

/** The kiosks of a class that work at `now` (time left, opener still allowed), oldest first, with the opener's name. */
export async function listLiveKioskDevicesOfClass(db: Kysely<Database>, classId: string, now: string) {
  return db
    .selectFrom('kiosk_devices')
    .innerJoin('users', 'users.id', 'kiosk_devices.opened_by')
    .select(['kiosk_devices.id', 'kiosk_devices.created_at', 'kiosk_devices.expires_at', 'users.id as opened_by', 'users.name as opened_by_name'])
    .where('kiosk_devices.class_id', '=', classId)
    .where('kiosk_devices.expires_at', '>', now)
    .where((eb) => eb.exists(classDeviceRight(db, eb.ref('kiosk_devices.opened_by').$notNull(), eb.ref('kiosk_devices.class_id'))))
    .orderBy('kiosk_devices.created_at')
    .orderBy('kiosk_devices.id')
    .execute();
}

/** Ends kiosk mode on the devices of a class: the one named, or all of them. Returns the ids of the devices ended. */
export async function deleteKioskDevicesOfClass(db: Kysely<Database>, classId: string, kioskId?: string): Promise<string[]> {
  let query = db.deleteFrom('kiosk_devices').where('class_id', '=', classId);
  if (kioskId !== undefined) query = query.where('id', '=', kioskId);
  return (await query.returning('id').execute()).map((row) => row.id);
}

/** Ends kiosk mode on one device. */
export async function deleteKioskDevice(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('kiosk_devices').where('id_hash', '=', idHash).execute();
}

/** Stores a class device in kiosk mode. */
export async function insertKioskDevice(db: Kysely<Database>, row: KioskDevicesTable): Promise<void> {
  await db.insertInto('kiosk_devices').values(row).execute();
}

/** Removes kiosk devices whose time ran out. */
export async function deleteExpiredKioskDevices(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('kiosk_devices').where('expires_at', '<=', now).execute();
}

// ---------- class codes and login cards ----------

/** The class a class code opens, while the code is still valid. */
export async function findValidClassCode(db: Kysely<Database>, codeHash: string, now: string) {
  return db.selectFrom('class_codes').select(['class_id']).where('code_hash', '=', codeHash).where('expires_at', '>', now).executeTakeFirst();
}

/** True when a class code with this hash is stored (valid or not yet cleaned up). */
export async function classCodeExists(db: Kysely<Database>, codeHash: string): Promise<boolean> {
  return (await db.selectFrom('class_codes').select('code_hash').where('code_hash', '=', codeHash).executeTakeFirst()) !== undefined;
}

/** Stores a class code (its hash). */
export async function insertClassCode(db: Kysely<Database>, row: ClassCodesTable): Promise<void> {
  await db.insertInto('class_codes').values(row).execute();
}

/** Removes class codes that ran out. */
export async function deleteExpiredClassCodes(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('class_codes').where('expires_at', '<=', now).execute();
}

/** The pupil a personal code belongs to, with when the code was issued. */
export async function findPupilByCode(db: Kysely<Database>, codeHash: string) {
  return db.selectFrom('pupil_codes').select(['pupil_id', 'issued_at']).where('code_hash', '=', codeHash).executeTakeFirst();
}

/** True when a personal code with this hash is in use. */
export async function pupilCodeExists(db: Kysely<Database>, codeHash: string): Promise<boolean> {
  return (await findPupilByCode(db, codeHash)) !== undefined;
}

/** Replaces the personal code of each pupil given (the old code stops working). */
export async function replacePupilCodes(db: Kysely<Database>, rows: readonly PupilCodesTable[]): Promise<void> {
  for (const row of rows) {
    await db.deleteFrom('pupil_codes').where('pupil_id', '=', row.pupil_id).execute();
    await db.insertInto('pupil_codes').values(row).execute();
  }
}

/** Ends every own-device session of the given pupils. */
export async function deletePupilSessionsOfPupils(db: Kysely<Database>, pupilIds: readonly string[]): Promise<void> {
  if (pupilIds.length === 0) return;
  await db.deleteFrom('pupil_sessions').where('pupil_id', 'in', pupilIds).execute();
}

// ---------- classes and their pupils ----------

/** A pupil placed in a class of the given school year (and still at the school), with the class's school. */
export async function findPlacementInYear(db: Kysely<Database>, classId: string, pupilId: string, schoolYear: string) {
  return db
    .selectFrom('class_pupils')
    .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
    .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
    .select(['classes.id as class_id', 'classes.school_id', 'pupils.first_name'])
    .where('class_pupils.class_id', '=', classId)
    .where('class_pupils.pupil_id', '=', pupilId)
    .where('classes.school_year', '=', schoolYear)
    .where('pupils.left_on', 'is', null)
    .whereRef('pupils.school_id', '=', 'classes.school_id')
    .executeTakeFirst();
}

/** A pupil's first name. */
export async function findPupilOfSession(db: Kysely<Database>, pupilId: string) {
  return db.selectFrom('pupils').select(['first_name']).where('id', '=', pupilId).executeTakeFirst();
}

/** The school and board of a class. */
export async function findSchoolOfClass(db: Kysely<Database>, classId: string) {
  return db
    .selectFrom('classes')
    .innerJoin('schools', 'schools.id', 'classes.school_id')
    .select(['classes.school_id', 'schools.board_id'])
    .where('classes.id', '=', classId)
    .executeTakeFirst();
}

/** A class by id with its name. */
export async function findClassName(db: Kysely<Database>, classId: string) {
  return db.selectFrom('classes').select(['name']).where('id', '=', classId).executeTakeFirst();
}

/** The pupils placed in a class who have not left the school, with their name symbol (null when none was chosen): the kiosk's names, the login cards. */
export async function listPupilsOfClass(db: Kysely<Database>, classId: string) {
  return db
    .selectFrom('class_pupils')
    .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
    .leftJoin('checkin_pupil_symbols', 'checkin_pupil_symbols.pupil_id', 'pupils.id')
    .select(['pupils.id', 'pupils.first_name', 'pupils.last_name', 'checkin_pupil_symbols.symbol'])
    .where('class_pupils.class_id', '=', classId)
    .where('pupils.left_on', 'is', null)
    .execute();
}

/** Stores a pupil's name symbol only when they have none yet; true when it was stored. */
export async function insertPupilSymbolIfNone(db: Kysely<Database>, row: CheckinPupilSymbolsTable): Promise<boolean> {
  const inserted = await db
    .insertInto('checkin_pupil_symbols')
    .values(row)
    .onConflict((conflict) => conflict.column('pupil_id').doNothing())
    .returning('pupil_id')
    .execute();
  return inserted.length > 0;
}

/** Stores or replaces a pupil's name symbol. */
export async function upsertPupilSymbol(db: Kysely<Database>, row: CheckinPupilSymbolsTable): Promise<void> {
  await db
    .insertInto('checkin_pupil_symbols')
    .values(row)
    .onConflict((conflict) => conflict.column('pupil_id').doUpdateSet({ symbol: row.symbol, set_by: row.set_by, updated_at: row.updated_at }))
    .execute();
}

/** Removes a pupil's name symbol. */
export async function deletePupilSymbol(db: Kysely<Database>, pupilId: string): Promise<void> {
  await db.deleteFrom('checkin_pupil_symbols').where('pupil_id', '=', pupilId).execute();
}

/** The pupils of a class who checked in on a school day. */
export async function findPupilIdsCheckedIn(db: Kysely<Database>, classId: string, schoolDate: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('checkins')
    .select('pupil_id')
    .distinct()
    .where('class_id', '=', classId)
    .where('school_date', '=', schoolDate)
    .execute();
  return new Set(rows.map((row) => row.pupil_id));
}

/** A pupil's latest check-in state on a school day. */
export async function findLatestStateOn(db: Kysely<Database>, pupilId: string, schoolDate: string) {
  return db
    .selectFrom('checkins')
    .select(['state'])
    .where('pupil_id', '=', pupilId)
    .where('school_date', '=', schoolDate)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Stores a class's check-in settings (insert or replace). */
export async function upsertClassSettings(db: Kysely<Database>, row: CheckinClassSettingsTable): Promise<void> {
  await db
    .insertInto('checkin_class_settings')
    .values(row)
    .onConflict((conflict) => conflict.column('class_id').doUpdateSet({ age_group: row.age_group, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}
