import type { Kysely } from 'kysely';
import { INFORMANT_OF_AUDIENCE, trainingSideOf, type WaveAudience, waveStateOn } from '../../../shared/questionnaire-waves';
import { firstDayOfSchoolYear, lastDayOfSchoolYear, schoolTodayAt, schoolYearOfDate } from '../../../shared/school-time';
import type { Database } from '../../db/database';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { findSchool } from '../tenancy/tenancy.repository';
import { recordAudit } from '../../audit/audit.service';
import { type InstrumentCatalogue, instrumentCatalogueOf, loadShippedInstruments, parseInstrumentDefinition } from './instrument-catalogue';
import * as repository from './questionnaire-waves.repository';
import { waveReminderMail } from '../../mail/templates';
import type { ReminderSent } from '../../http/common.schemas';
import type { InstrumentSummary, Wave, WaveInput, Waves } from './questionnaire-waves.schemas';
import type { QuestionnaireWaveRow } from './questionnaire-waves.tables';

// Measurement waves (issue 13): a TSO lead or the leadership plans when the school's teachers, or pupils of
// chosen classes, answer which instruments. Each wave is before or after the school's team training, read
// from the training register, so the effect evaluation needs no extra input. A wave can be changed or
// removed until it opens; from then on answers may point at it.

/** The newest version of every instrument the school can use (shipped and its own), as the planner chooses from them. */
export async function listInstrumentSummaries(deps: Deps, schoolId: string): Promise<InstrumentSummary[]> {
  const catalogue = await instrumentCatalogueOf(deps.db.kysely, schoolId);
  return catalogue.current().map((instrument) => ({
    id: instrument.id,
    isOwn: catalogue.isOwn(instrument.id),
    version: instrument.version,
    name: instrument.name,
    description: instrument.description,
    informant: instrument.informant,
    ageRange: instrument.ageRange ?? null,
    items: instrument.items.length,
    scales: instrument.scales.map((scale) => ({ id: scale.id, name: scale.name })),
  }));
}

/**
 * Adds an instrument the school brings itself (e.g. a licensed class-climate scale), in the shipped format. An id
 * Groeiwijzer ships is refused; a version not yet asked by any wave may be replaced, one a wave asked never
 * changes (409 `instrument_version_taken`: give it a new version). Audited.
 */
export async function importInstrument(deps: Deps, actorUserId: string, schoolId: string, json: unknown): Promise<InstrumentSummary> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  const instrument = parseInstrumentDefinition(json, { fieldPrefix: 'body.definition.' });
  if (loadShippedInstruments().some((shipped) => shipped.id === instrument.id)) {
    throw new AppError('instrument_version_taken', { fields: { 'body.definition.id': ['Groeiwijzer ships an instrument with this id; choose another id'] } });
  }
  await deps.db.kysely.transaction().execute(async (trx) => {
    const existing = await repository.findSchoolInstrument(trx, schoolId, instrument.id, instrument.version);
    if (existing && (await repository.isInstrumentVersionUsed(trx, schoolId, instrument.id, instrument.version))) {
      throw new AppError('instrument_version_taken', { fields: { 'body.definition.version': ['this version is asked by a wave; add the changed instrument as a new version'] } });
    }
    await repository.saveSchoolInstrument(trx, {
      school_id: schoolId,
      instrument_id: instrument.id,
      version: instrument.version,
      definition: JSON.stringify(instrument),
      created_by: actorUserId,
      created_at: isoInstant(deps.clock.now()),
    });
    await recordAudit(trx, deps.clock, {
      actorUserId,
      action: 'questionnaires.instrument_imported',
      targetType: 'school',
      targetId: schoolId,
      schoolId,
      boardId: school.board_id,
      detail: { instrument: instrument.id, version: instrument.version, replaced: Boolean(existing) },
    });
  });
  const summary = (await listInstrumentSummaries(deps, schoolId)).find((candidate) => candidate.id === instrument.id);
  if (!summary) throw new Error(`instrument ${instrument.id} was stored but is not listed`);
  return summary;
}

/** Hours between two reminders of one wave: nobody gets more than one a day. */
export const WAVE_REMINDER_INTERVAL_HOURS = 24;

/**
 * Reminds the school's teachers of an open teacher wave, at most once per WAVE_REMINDER_INTERVAL_HOURS
 * (`reminder_too_soon`). With a mail server only those who have not completed every questionnaire get it; without
 * one the mails wait in the outbox, whose readers see every addressee, so there every teacher gets the (neutral)
 * reminder and the outbox shows nothing about who finished. The answer says neither who nor how many; audited
 * without addressees.
 */
export async function remindWave(deps: Deps, actorUserId: string, schoolId: string, waveId: string, baseUrl: string): Promise<ReminderSent> {
  const db = deps.db.kysely;
  const school = await findSchool(db, schoolId);
  const wave = await repository.findWave(db, schoolId, waveId);
  if (!school || !wave) throw new AppError('not_found');
  if ((wave.audience as WaveAudience) !== 'teachers') throw new AppError('conflict', { fields: { waveId: ['pupils answer in class: a reminder goes to teachers only'] } });
  if (waveStateOn(schoolTodayAt(deps.clock.now()).today, { opensOn: wave.opens_on, closesOn: wave.closes_on }) !== 'open') throw new AppError('wave_not_open');
  const instruments = (await repository.listWaveInstruments(db, [waveId])).length;
  const now = deps.clock.now();
  const intervalMs = WAVE_REMINDER_INTERVAL_HOURS * 3_600_000;
  const addressees = await db.transaction().execute(async (trx) => {
    if (!(await repository.markWaveReminded(trx, waveId, isoInstant(now), isoInstant(new Date(now.getTime() - intervalMs))))) throw new AppError('reminder_too_soon');
    await recordAudit(trx, deps.clock, {
      actorUserId,
      action: 'questionnaires.reminders_sent',
      targetType: 'questionnaire_wave',
      targetId: waveId,
      schoolId,
      boardId: school.board_id,
      detail: { closesOn: wave.closes_on },
    });
    return repository.listTeachersToRemind(trx, schoolId, deps.mailer.deliversExternally ? { waveId, instruments } : null);
  });
  const link = `${baseUrl.replace(/\/+$/, '')}/scholen/${schoolId}/vragenlijsten`;
  for (const teacher of addressees) {
    const mail = waveReminderMail(teacher.locale === 'en' ? 'en' : 'nl', school.name, wave.name, wave.closes_on, link);
    try {
      await deps.mailer.send({ to: teacher.email, ...mail, boardId: school.board_id, schoolId });
    } catch (error) {
      // One unreachable address must not keep the others from their reminder.
      deps.logger?.warn({ err: error, waveId }, 'wave reminder mail failed');
    }
  }
  return { remindedAt: isoInstant(now), nextReminderFrom: isoInstant(new Date(now.getTime() + intervalMs)) };
}

/** The school's waves that open in a school year (default: this one), with the training they are before or after. */
export async function listWaves(deps: Deps, schoolId: string, schoolYear?: string): Promise<Waves> {
  const db = deps.db.kysely;
  if (!(await findSchool(db, schoolId))) throw new AppError('not_found');
  const year = schoolYear ?? schoolTodayAt(deps.clock.now()).schoolYear;
  const rows = await repository.listWaves(db, schoolId, firstDayOfSchoolYear(year), lastDayOfSchoolYear(year));
  const trainingHeldOn = await repository.findTeamTrainingDay(db, schoolId);
  return { schoolYear: year, trainingHeldOn, waves: await describeWaves(deps, db, await instrumentCatalogueOf(db, schoolId), rows, trainingHeldOn) };
}

/** Plans a wave. */
export async function planWave(deps: Deps, actorUserId: string, schoolId: string, input: WaveInput): Promise<Wave> {
  const db = deps.db.kysely;
  if (!(await findSchool(db, schoolId))) throw new AppError('not_found');
  const instruments = await checkWave(deps, schoolId, input);
  const id = newId();
  const now = isoInstant(deps.clock.now());
  await db.transaction().execute(async (trx) => {
    await repository.insertWave(trx, {
      id,
      school_id: schoolId,
      name: input.name,
      audience: input.audience,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      created_by: actorUserId,
      created_at: now,
      updated_at: now,
    });
    await repository.replaceWaveContents(trx, id, instruments, input.classIds);
  });
  return getWave(deps, schoolId, id);
}

/** Changes a wave that has not opened yet (409 `wave_already_open` once it has). */
export async function updateWave(deps: Deps, schoolId: string, waveId: string, input: WaveInput): Promise<Wave> {
  const db = deps.db.kysely;
  await findPlannedWave(deps, schoolId, waveId);
  const instruments = await checkWave(deps, schoolId, input);
  await db.transaction().execute(async (trx) => {
    await repository.updateWave(trx, waveId, {
      name: input.name,
      audience: input.audience,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      updated_at: isoInstant(deps.clock.now()),
    });
    await repository.replaceWaveContents(trx, waveId, instruments, input.classIds);
  });
  return getWave(deps, schoolId, waveId);
}

/** Removes a wave that has not opened yet (409 `wave_already_open` once it has). */
export async function deleteWave(deps: Deps, schoolId: string, waveId: string): Promise<void> {
  await findPlannedWave(deps, schoolId, waveId);
  await deps.db.kysely.transaction().execute((trx) => repository.deleteWave(trx, waveId));
}

async function getWave(deps: Deps, schoolId: string, waveId: string): Promise<Wave> {
  const db = deps.db.kysely;
  const row = await repository.findWave(db, schoolId, waveId);
  if (!row) throw new AppError('not_found');
  const [wave] = await describeWaves(deps, db, await instrumentCatalogueOf(db, schoolId), [row], await repository.findTeamTrainingDay(db, schoolId));
  return wave!;
}

async function findPlannedWave(deps: Deps, schoolId: string, waveId: string): Promise<QuestionnaireWaveRow> {
  const row = await repository.findWave(deps.db.kysely, schoolId, waveId);
  if (!row) throw new AppError('not_found');
  if (schoolTodayAt(deps.clock.now()).today >= row.opens_on) throw new AppError('wave_already_open');
  return row;
}

/**
 * The rules a wave must keep, each refused at its own field: open from today or later, closing in the same
 * school year; instruments written for its audience; a pupil wave's classes from that school year, a
 * teacher wave without classes. Returns the instruments at the version the wave will ask.
 */
async function checkWave(deps: Deps, schoolId: string, input: WaveInput): Promise<{ id: string; version: string }[]> {
  const { today } = schoolTodayAt(deps.clock.now());
  const fields: Record<string, string[]> = {};
  const refuse = (field: string, message: string) => (fields[field] ??= []).push(message);
  const schoolYear = schoolYearOfDate(input.opensOn);
  if (input.opensOn < today) refuse('body.opensOn', 'lies in the past: a wave opens today or later');
  if (input.closesOn < input.opensOn) refuse('body.closesOn', 'is before the day the wave opens');
  else if (schoolYearOfDate(input.closesOn) !== schoolYear) refuse('body.closesOn', `must lie in the school year ${schoolYear}, like the day the wave opens`);

  const byId = new Map((await instrumentCatalogueOf(deps.db.kysely, schoolId)).current().map((instrument) => [instrument.id, instrument]));
  const informant = INFORMANT_OF_AUDIENCE[input.audience];
  input.instrumentIds.forEach((instrumentId, index) => {
    const instrument = byId.get(instrumentId);
    if (!instrument) refuse(`body.instrumentIds.${index}`, 'unknown instrument');
    else if (instrument.informant !== informant) refuse(`body.instrumentIds.${index}`, `written for ${instrument.informant}s, not for this wave's ${input.audience}`);
    if (input.instrumentIds.indexOf(instrumentId) !== index) refuse(`body.instrumentIds.${index}`, 'listed twice');
  });
  await checkClasses(deps.db.kysely, schoolId, schoolYear, input.audience, input.classIds, refuse);
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', { fields });
  return input.instrumentIds.map((instrumentId) => ({ id: instrumentId, version: byId.get(instrumentId)!.version }));
}

async function checkClasses(
  db: Kysely<Database>,
  schoolId: string,
  schoolYear: string,
  audience: WaveAudience,
  classIds: readonly string[],
  refuse: (field: string, message: string) => void,
): Promise<void> {
  if (audience === 'teachers') {
    if (classIds.length > 0) refuse('body.classIds', 'a wave for teachers has no classes');
    return;
  }
  if (classIds.length === 0) refuse('body.classIds', 'choose the classes whose pupils answer');
  const known = await repository.findClassIdsOfYear(db, schoolId, schoolYear, classIds);
  classIds.forEach((classId, index) => {
    if (!known.has(classId)) refuse(`body.classIds.${index}`, `not a class of this school in ${schoolYear}`);
    if (classIds.indexOf(classId) !== index) refuse(`body.classIds.${index}`, 'listed twice');
  });
}

async function describeWaves(deps: Deps, db: Kysely<Database>, catalogue: InstrumentCatalogue, rows: readonly QuestionnaireWaveRow[], trainingHeldOn: string | null): Promise<Wave[]> {
  const ids = rows.map((row) => row.id);
  const instruments = await repository.listWaveInstruments(db, ids);
  const classes = await repository.listWaveClasses(db, ids);
  const { today } = schoolTodayAt(deps.clock.now());
  return rows.map((row) => ({
    id: row.id,
    schoolYear: schoolYearOfDate(row.opens_on),
    name: row.name,
    audience: row.audience as WaveAudience,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    state: waveStateOn(today, { opensOn: row.opens_on, closesOn: row.closes_on }),
    training: trainingSideOf(row.opens_on, trainingHeldOn),
    instruments: instruments
      .filter((instrument) => instrument.wave_id === row.id)
      .map((instrument) => ({
        id: instrument.instrument_id,
        version: instrument.instrument_version,
        name: catalogue.of(instrument.instrument_id, instrument.instrument_version).name,
      })),
    classes: classes.filter((schoolClass) => schoolClass.wave_id === row.id).map((schoolClass) => ({ id: schoolClass.id, name: schoolClass.name })),
  }));
}
