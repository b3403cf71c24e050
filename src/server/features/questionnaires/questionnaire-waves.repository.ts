import type { Insertable, Kysely } from 'kysely';
import { classIdsTaughtBy } from '../../access/record-scope';
import type { Database } from '../../db/database';
import type { QuestionnaireResponsesTable, QuestionnaireWaveRow, QuestionnaireWavesTable, SchoolInstrumentsTable } from './questionnaire-waves.tables';

/** A school's waves that open between two school dates (inclusive), in the order they open. */
export async function listWaves(db: Kysely<Database>, schoolId: string, from: string, through: string): Promise<QuestionnaireWaveRow[]> {
  return db
    .selectFrom('questionnaire_waves')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('opens_on', '>=', from)
    .where('opens_on', '<=', through)
    .orderBy('opens_on')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** One wave of the school; undefined for a wave of another school. */
export async function findWave(db: Kysely<Database>, schoolId: string, waveId: string): Promise<QuestionnaireWaveRow | undefined> {
  return db.selectFrom('questionnaire_waves').selectAll().where('school_id', '=', schoolId).where('id', '=', waveId).executeTakeFirst();
}

/** The instruments of these waves, each wave's in its order. */
export async function listWaveInstruments(db: Kysely<Database>, waveIds: readonly string[]) {
  if (waveIds.length === 0) return [];
  return db.selectFrom('questionnaire_wave_instruments').selectAll().where('wave_id', 'in', waveIds).orderBy('wave_id').orderBy('position').execute();
}

/** The classes of these waves with their names, by name. */
export async function listWaveClasses(db: Kysely<Database>, waveIds: readonly string[]) {
  if (waveIds.length === 0) return [];
  return db
    .selectFrom('questionnaire_wave_classes')
    .innerJoin('classes', 'classes.id', 'questionnaire_wave_classes.class_id')
    .select(['questionnaire_wave_classes.wave_id', 'classes.id', 'classes.name'])
    .where('questionnaire_wave_classes.wave_id', 'in', waveIds)
    .orderBy('classes.name')
    .execute();
}

/** Which of these class ids are classes of the school in the school year. */
export async function findClassIdsOfYear(db: Kysely<Database>, schoolId: string, schoolYear: string, classIds: readonly string[]): Promise<Set<string>> {
  if (classIds.length === 0) return new Set();
  const rows = await db.selectFrom('classes').select('id').where('school_id', '=', schoolId).where('school_year', '=', schoolYear).where('id', 'in', classIds).execute();
  return new Set(rows.map((row) => row.id));
}

/** The day of the school's first full team training in the register, if it has one. */
export async function findTeamTrainingDay(db: Kysely<Database>, schoolId: string): Promise<string | null> {
  const row = await db
    .selectFrom('trainings')
    .select((eb) => eb.fn.min('held_on').as('held_on'))
    .where('school_id', '=', schoolId)
    .where('kind', '=', 'full_team')
    .executeTakeFirst();
  return row?.held_on ?? null;
}

/** Stores a new wave. */
export async function insertWave(db: Kysely<Database>, wave: Insertable<QuestionnaireWavesTable>): Promise<void> {
  await db.insertInto('questionnaire_waves').values(wave).execute();
}

/** Changes a wave's own fields. */
export async function updateWave(
  db: Kysely<Database>,
  waveId: string,
  fields: Pick<QuestionnaireWavesTable, 'name' | 'audience' | 'opens_on' | 'closes_on' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('questionnaire_waves').set(fields).where('id', '=', waveId).execute();
}

/** Replaces a wave's instruments (in order) and classes. */
export async function replaceWaveContents(
  db: Kysely<Database>,
  waveId: string,
  instruments: readonly { id: string; version: string }[],
  classIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('questionnaire_wave_instruments').where('wave_id', '=', waveId).execute();
  await db.deleteFrom('questionnaire_wave_classes').where('wave_id', '=', waveId).execute();
  await db
    .insertInto('questionnaire_wave_instruments')
    .values(instruments.map((instrument, position) => ({ wave_id: waveId, instrument_id: instrument.id, instrument_version: instrument.version, position })))
    .execute();
  if (classIds.length > 0) await db.insertInto('questionnaire_wave_classes').values(classIds.map((classId) => ({ wave_id: waveId, class_id: classId }))).execute();
}

/** Deletes a wave with its instruments and classes. */
export async function deleteWave(db: Kysely<Database>, waveId: string): Promise<void> {
  await db.deleteFrom('questionnaire_wave_instruments').where('wave_id', '=', waveId).execute();
  await db.deleteFrom('questionnaire_wave_classes').where('wave_id', '=', waveId).execute();
  await db.deleteFrom('questionnaire_waves').where('id', '=', waveId).execute();
}

/** The school's waves for an audience that are open on a school date. */
export async function listOpenWaves(db: Kysely<Database>, schoolId: string, audience: string, today: string): Promise<QuestionnaireWaveRow[]> {
  return db
    .selectFrom('questionnaire_waves')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('audience', '=', audience)
    .where('opens_on', '<=', today)
    .where('closes_on', '>=', today)
    .orderBy('closes_on')
    .orderBy('id')
    .execute();
}

/** The pupil waves of a class open on a school date, soonest closing first. */
export async function listOpenWavesOfClass(db: Kysely<Database>, classId: string, today: string): Promise<QuestionnaireWaveRow[]> {
  return db
    .selectFrom('questionnaire_waves')
    .innerJoin('questionnaire_wave_classes', 'questionnaire_wave_classes.wave_id', 'questionnaire_waves.id')
    .selectAll('questionnaire_waves')
    .where('questionnaire_wave_classes.class_id', '=', classId)
    .where('questionnaire_waves.audience', '=', 'pupils')
    .where('questionnaire_waves.opens_on', '<=', today)
    .where('questionnaire_waves.closes_on', '>=', today)
    .orderBy('questionnaire_waves.closes_on')
    .orderBy('questionnaire_waves.id')
    .execute();
}

/** A pupil wave that asks this class, whatever its state. */
export async function findWaveOfClass(db: Kysely<Database>, classId: string, waveId: string): Promise<QuestionnaireWaveRow | undefined> {
  return db
    .selectFrom('questionnaire_waves')
    .innerJoin('questionnaire_wave_classes', 'questionnaire_wave_classes.wave_id', 'questionnaire_waves.id')
    .selectAll('questionnaire_waves')
    .where('questionnaire_wave_classes.class_id', '=', classId)
    .where('questionnaire_waves.id', '=', waveId)
    .where('questionnaire_waves.audience', '=', 'pupils')
    .executeTakeFirst();
}

/** One respondent's responses to these waves. */
export async function listResponsesOf(db: Kysely<Database>, waveIds: readonly string[], respondentKind: string, respondentId: string) {
  if (waveIds.length === 0) return [];
  return db
    .selectFrom('questionnaire_responses')
    .select(['wave_id', 'instrument_id', 'answers', 'is_complete'])
    .where('wave_id', 'in', waveIds)
    .where('respondent_kind', '=', respondentKind)
    .where('respondent_id', '=', respondentId)
    .execute();
}

/** Saves a respondent's answers to one instrument of a wave, replacing what they saved before. */
export async function saveResponse(db: Kysely<Database>, response: QuestionnaireResponsesTable): Promise<void> {
  await db
    .insertInto('questionnaire_responses')
    .values(response)
    .onConflict((conflict) =>
      conflict
        .columns(['wave_id', 'instrument_id', 'respondent_kind', 'respondent_id'])
        .doUpdateSet({ answers: response.answers, is_complete: response.is_complete, class_id: response.class_id, updated_at: response.updated_at }),
    )
    .execute();
}

/** Respondents of a wave who completed every one of its `instruments` instruments, with the class they answered in. */
export async function listCompletedRespondents(db: Kysely<Database>, waveId: string, instruments: number): Promise<{ respondent_id: string; class_id: string | null }[]> {
  return db
    .selectFrom('questionnaire_responses')
    .select(['respondent_id', (eb) => eb.fn.max('class_id').as('class_id')])
    .where('wave_id', '=', waveId)
    .where('is_complete', '=', 1)
    .groupBy('respondent_id')
    .having((eb) => eb.fn.count('instrument_id'), '=', instruments)
    .execute();
}

/** How many staff hold the teacher role at the school (account on, not blocked by the school). */
export async function countTeachers(db: Kysely<Database>, schoolId: string): Promise<number> {
  const row = await currentTeachers(db, schoolId)
    .select((eb) => eb.fn.count<number>('school_memberships.user_id').distinct().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The addressees of a wave's reminder: the school's current teachers, with `unfinished` only those who have not
 * completed every one of the wave's `instruments` instruments. Only the mailer reads this list.
 */
export async function listTeachersToRemind(db: Kysely<Database>, schoolId: string, unfinished: { waveId: string; instruments: number } | null) {
  const teachers = currentTeachers(db, schoolId).select(['users.id', 'users.email', 'users.locale']).distinct().orderBy('users.id');
  if (unfinished === null) return teachers.execute();
  return teachers
    .where(
      (eb) =>
        eb
          .selectFrom('questionnaire_responses')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .where('questionnaire_responses.wave_id', '=', unfinished.waveId)
          .where('questionnaire_responses.respondent_kind', '=', 'staff')
          .where('questionnaire_responses.is_complete', '=', 1)
          .whereRef('questionnaire_responses.respondent_id', '=', 'users.id')
          .$asScalar(),
      '<',
      unfinished.instruments,
    )
    .execute();
}

/** The school's teachers whose account is on and who are not blocked at the school. */
function currentTeachers(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom('school_memberships')
    .innerJoin('users', 'users.id', 'school_memberships.user_id')
    .leftJoin('school_staff_status', (join) =>
      join.onRef('school_staff_status.school_id', '=', 'school_memberships.school_id').onRef('school_staff_status.user_id', '=', 'school_memberships.user_id'),
    )
    .where('school_memberships.school_id', '=', schoolId)
    .where('school_memberships.role', '=', 'teacher')
    .where('users.disabled_at', 'is', null)
    .where('school_staff_status.blocked_at', 'is', null);
}

/** Marks that a reminder went out now, unless one did after `earliestPrevious`; true when marked. */
export async function markWaveReminded(db: Kysely<Database>, waveId: string, remindedAt: string, earliestPrevious: string): Promise<boolean> {
  const result = await db
    .updateTable('questionnaire_waves')
    .set({ reminded_at: remindedAt })
    .where('id', '=', waveId)
    .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<=', earliestPrevious)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Per class of the wave: how many pupils are in it now (not left). */
export async function countPupilsOfWaveClasses(db: Kysely<Database>, waveId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('questionnaire_wave_classes')
    .innerJoin('class_pupils', 'class_pupils.class_id', 'questionnaire_wave_classes.class_id')
    .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
    .select(['questionnaire_wave_classes.class_id', (eb) => eb.fn.count<number>('pupils.id').as('n')])
    .where('questionnaire_wave_classes.wave_id', '=', waveId)
    .where('pupils.left_on', 'is', null)
    .groupBy('questionnaire_wave_classes.class_id')
    .execute();
  return new Map(rows.map((row) => [row.class_id, Number(row.n)]));
}

/** Every response to these waves. */
export async function listResponsesOfWaves(db: Kysely<Database>, waveIds: readonly string[]) {
  if (waveIds.length === 0) return [];
  return db
    .selectFrom('questionnaire_responses')
    .select(['wave_id', 'instrument_id', 'respondent_kind', 'respondent_id', 'class_id', 'answers'])
    .where('wave_id', 'in', waveIds)
    .execute();
}

/** The school's waves of every school year that closed before a school date, oldest first. */
export async function listClosedWaves(db: Kysely<Database>, schoolId: string, today: string): Promise<QuestionnaireWaveRow[]> {
  return db.selectFrom('questionnaire_waves').selectAll().where('school_id', '=', schoolId).where('closes_on', '<', today).orderBy('opens_on').orderBy('name').execute();
}

/**
 * The school's waves that closed before a school date and that a teacher may see results of: every teacher wave,
 * and the pupil waves with a class they teach. Newest first.
 */
export async function listClosedWavesForTeacher(db: Kysely<Database>, schoolId: string, userId: string, today: string): Promise<QuestionnaireWaveRow[]> {
  return db
    .selectFrom('questionnaire_waves')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('closes_on', '<', today)
    .where((eb) =>
      eb.or([
        eb('audience', '=', 'teachers'),
        eb.exists(
          eb
            .selectFrom('questionnaire_wave_classes')
            .select('questionnaire_wave_classes.class_id')
            .whereRef('questionnaire_wave_classes.wave_id', '=', 'questionnaire_waves.id')
            .where('questionnaire_wave_classes.class_id', 'in', classIdsTaughtBy(db, userId)),
        ),
      ]),
    )
    .orderBy('closes_on', 'desc')
    .orderBy('id')
    .execute();
}

/** A version of an instrument the school imported. */
export async function findSchoolInstrument(db: Kysely<Database>, schoolId: string, instrumentId: string, version: string) {
  return db.selectFrom('school_instruments').select('created_at').where('school_id', '=', schoolId).where('instrument_id', '=', instrumentId).where('version', '=', version).executeTakeFirst();
}

/** Whether a wave of the school asks this version of an instrument. */
export async function isInstrumentVersionUsed(db: Kysely<Database>, schoolId: string, instrumentId: string, version: string): Promise<boolean> {
  const row = await db
    .selectFrom('questionnaire_wave_instruments')
    .innerJoin('questionnaire_waves', 'questionnaire_waves.id', 'questionnaire_wave_instruments.wave_id')
    .select('questionnaire_waves.id')
    .where('questionnaire_waves.school_id', '=', schoolId)
    .where('questionnaire_wave_instruments.instrument_id', '=', instrumentId)
    .where('questionnaire_wave_instruments.instrument_version', '=', version)
    .executeTakeFirst();
  return row !== undefined;
}

/** Stores an imported instrument version, replacing an unused one with the same id and version. */
export async function saveSchoolInstrument(db: Kysely<Database>, instrument: SchoolInstrumentsTable): Promise<void> {
  await db
    .insertInto('school_instruments')
    .values(instrument)
    .onConflict((conflict) =>
      conflict.columns(['school_id', 'instrument_id', 'version']).doUpdateSet({ definition: instrument.definition, created_by: instrument.created_by, created_at: instrument.created_at }),
    )
    .execute();
}
