import type { Kysely } from 'kysely';
import { answerProblems, type Instrument } from '../../../shared/questionnaire-instrument';
import { type WaveAudience, waveStateOn } from '../../../shared/questionnaire-waves';
import { schoolTodayAt } from '../../../shared/school-time';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { type InstrumentCatalogue, instrumentCatalogueOf } from './instrument-catalogue';
import type { Database } from '../../db/database';
import type { AnswerableInstrument, OpenWave, SavedAnswers, WaveCompletion } from './questionnaire-answers.schemas';
import type { QuestionnaireWaveRow } from './questionnaire-waves.tables';
import * as repository from './questionnaire-waves.repository';

// Answering a wave (issue 13). Teachers answer the open teacher waves of their school in the app; each saves
// their own answers per instrument, as often as they like while the wave is open, and only they see them.
// Pupils answer pupil waves through the pupil access (questionnaire-pupils.service.ts), saved the same way.

/** `staff` (respondent id: a user id) or `pupil` (a pupil id). */
export type RespondentKind = 'staff' | 'pupil';
// The wave's planners see counts of who completed it, never who or what.

/** The school's open teacher waves, with the caller's own answers so far. */
export async function listMyOpenWaves(deps: Deps, userId: string, schoolId: string): Promise<OpenWave[]> {
  const db = deps.db.kysely;
  const { today } = schoolTodayAt(deps.clock.now());
  return openWavesWithAnswers(db, await instrumentCatalogueOf(db, schoolId), await repository.listOpenWaves(db, schoolId, 'teachers', today), { kind: 'staff', id: userId });
}

/** Open waves with their instruments as a respondent answers them, and that respondent's answers so far. */
export async function openWavesWithAnswers(
  db: Kysely<Database>,
  catalogue: InstrumentCatalogue,
  waves: readonly QuestionnaireWaveRow[],
  respondent: { kind: RespondentKind; id: string },
): Promise<OpenWave[]> {
  const waveIds = waves.map((wave) => wave.id);
  const instruments = await repository.listWaveInstruments(db, waveIds);
  const responses = await repository.listResponsesOf(db, waveIds, respondent.kind, respondent.id);
  return waves.map((wave) => ({
    id: wave.id,
    name: wave.name,
    opensOn: wave.opens_on,
    closesOn: wave.closes_on,
    instruments: instruments
      .filter((entry) => entry.wave_id === wave.id)
      .map((entry) => {
        const response = responses.find((saved) => saved.wave_id === wave.id && saved.instrument_id === entry.instrument_id);
        return {
          ...answerableOf(catalogue.of(entry.instrument_id, entry.instrument_version)),
          myAnswers: response ? (JSON.parse(response.answers) as Record<string, number>) : {},
          isComplete: response?.is_complete === 1,
        };
      }),
  }));
}

/** An instrument as its respondent sees it: texts and answers, never how it is scored. */
export function answerableOf(instrument: Instrument): AnswerableInstrument {
  return {
    id: instrument.id,
    version: instrument.version,
    name: instrument.name,
    description: instrument.description,
    responseScales: instrument.responseScales.map((scale) => ({
      id: scale.id,
      options: scale.options.map((option) => ({ value: option.value, label: option.label, face: option.face ?? null })),
    })),
    items: instrument.items.map((item) => ({ id: item.id, text: item.text, responseScale: item.responseScale })),
  };
}

/**
 * Saves the caller's answers to one instrument of an open teacher wave, replacing what they saved before
 * (null takes an answer back). 409 `wave_not_open` outside the wave's days; a value that is not one of the
 * item's answers is refused at `body.answers.<item>`.
 */
export async function saveMyAnswers(
  deps: Deps,
  userId: string,
  schoolId: string,
  waveId: string,
  instrumentId: string,
  answers: Record<string, number | null>,
): Promise<SavedAnswers> {
  const wave = await repository.findWave(deps.db.kysely, schoolId, waveId);
  if (!wave || (wave.audience as WaveAudience) !== 'teachers') throw new AppError('not_found');
  return saveAnswers(deps, wave, instrumentId, { kind: 'staff', id: userId, classId: null }, answers);
}

/** Who answers: a staff member (teacher waves) or a pupil of a class (pupil waves). */
export interface Respondent {
  kind: RespondentKind;
  id: string;
  classId: string | null;
}

/**
 * Saves a respondent's answers to one instrument of a wave the caller already found for them, replacing what
 * they saved before. 404 for an instrument the wave does not ask, 409 `wave_not_open` outside its days.
 */
export async function saveAnswers(deps: Deps, wave: QuestionnaireWaveRow, instrumentId: string, respondent: Respondent, answers: Record<string, number | null>): Promise<SavedAnswers> {
  const db = deps.db.kysely;
  const entry = (await repository.listWaveInstruments(db, [wave.id])).find((candidate) => candidate.instrument_id === instrumentId);
  if (!entry) throw new AppError('not_found');
  const { today } = schoolTodayAt(deps.clock.now());
  if (waveStateOn(today, { opensOn: wave.opens_on, closesOn: wave.closes_on }) !== 'open') throw new AppError('wave_not_open');
  const instrument = (await instrumentCatalogueOf(db, wave.school_id)).of(entry.instrument_id, entry.instrument_version);
  const given = new Map(Object.entries(answers).flatMap(([itemId, value]) => (value === null ? [] : [[itemId, value] as const])));
  const problems = answerProblems(instrument, given);
  if (Object.keys(problems).length > 0) {
    throw new AppError('validation_failed', { fields: Object.fromEntries(Object.entries(problems).map(([itemId, problem]) => [`body.answers.${itemId}`, [problem]])) });
  }
  // Stored in the instrument's item order, so the same answers are always the same text.
  const stored = Object.fromEntries(instrument.items.flatMap((item) => (given.has(item.id) ? [[item.id, given.get(item.id)!]] : [])));
  const isComplete = given.size === instrument.items.length;
  const now = isoInstant(deps.clock.now());
  await db.transaction().execute((trx) =>
    repository.saveResponse(trx, {
      id: newId(),
      wave_id: wave.id,
      instrument_id: instrumentId,
      respondent_kind: respondent.kind,
      respondent_id: respondent.id,
      class_id: respondent.classId,
      answers: JSON.stringify(stored),
      is_complete: isComplete ? 1 : 0,
      created_at: now,
      updated_at: now,
    }),
  );
  return { answered: given.size, items: instrument.items.length, isComplete };
}

/** How many of those asked completed the wave (every item of every instrument), per class for pupil waves. */
export async function getWaveCompletion(deps: Deps, schoolId: string, waveId: string): Promise<WaveCompletion> {
  const db = deps.db.kysely;
  const wave = await repository.findWave(db, schoolId, waveId);
  if (!wave) throw new AppError('not_found');
  const instruments = await repository.listWaveInstruments(db, [waveId]);
  const completed = await repository.listCompletedRespondents(db, waveId, instruments.length);
  const audience = wave.audience as WaveAudience;
  const state = waveStateOn(schoolTodayAt(deps.clock.now()).today, { opensOn: wave.opens_on, closesOn: wave.closes_on });
  if (audience === 'teachers') {
    return { audience, state, asked: await repository.countTeachers(db, schoolId), completed: completed.length, classes: [] };
  }
  const pupils = await repository.countPupilsOfWaveClasses(db, waveId);
  const classes = (await repository.listWaveClasses(db, [waveId])).map((schoolClass) => ({
    id: schoolClass.id,
    name: schoolClass.name,
    asked: pupils.get(schoolClass.id) ?? 0,
    completed: completed.filter((respondent) => respondent.class_id === schoolClass.id).length,
  }));
  return {
    audience,
    state,
    asked: classes.reduce((sum, schoolClass) => sum + schoolClass.asked, 0),
    completed: classes.reduce((sum, schoolClass) => sum + schoolClass.completed, 0),
    classes,
  };
}
