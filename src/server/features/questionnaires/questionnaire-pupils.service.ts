import type { ResolvedDevice } from '../../access/caller';
import { isPupilInClass } from '../../access/record-scope';
import { schoolTodayAt } from '../../../shared/school-time';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { instrumentCatalogueOf } from './instrument-catalogue';
import type { ClassWave, OpenWave, SavedAnswers } from './questionnaire-answers.schemas';
import { answerableOf, openWavesWithAnswers, saveAnswers } from './questionnaire-answers.service';
import * as repository from './questionnaire-waves.repository';

// Pupils answer the open pupil waves of their class through the pupil access of the check-in: on the class
// device (one pupil at a time, who taps their name; the device never shows anyone's answers) or on their own
// device (class code + login card; they see their own answers so far). Saved like a teacher's answers.

/** The open pupil waves of the class device's class: the questionnaires, nobody's answers. */
export async function listClassWaves(deps: Deps, kiosk: ResolvedDevice<'kiosk'>): Promise<ClassWave[]> {
  const db = deps.db.kysely;
  const waves = await repository.listOpenWavesOfClass(db, kiosk.classId, schoolTodayAt(deps.clock.now()).today);
  const instruments = await repository.listWaveInstruments(db, waves.map((wave) => wave.id));
  const catalogue = await instrumentCatalogueOf(db, kiosk.schoolId);
  return waves.map((wave) => ({
    id: wave.id,
    name: wave.name,
    closesOn: wave.closes_on,
    instruments: instruments.filter((entry) => entry.wave_id === wave.id).map((entry) => answerableOf(catalogue.of(entry.instrument_id, entry.instrument_version))),
  }));
}

/** A pupil of the class device's class saves their answers; 404 for a pupil not (or no longer) in the class. */
export async function saveAnswersOnClassDevice(
  deps: Deps,
  kiosk: ResolvedDevice<'kiosk'>,
  pupilId: string,
  waveId: string,
  instrumentId: string,
  answers: Record<string, number | null>,
): Promise<SavedAnswers> {
  return savePupilAnswers(deps, kiosk.classId, pupilId, waveId, instrumentId, answers);
}

/** The open pupil waves of the signed-in pupil's class, with the pupil's own answers so far. */
export async function listMyPupilWaves(deps: Deps, pupil: ResolvedDevice<'pupil'>): Promise<OpenWave[]> {
  const db = deps.db.kysely;
  const waves = await repository.listOpenWavesOfClass(db, pupil.classId, schoolTodayAt(deps.clock.now()).today);
  return openWavesWithAnswers(db, await instrumentCatalogueOf(db, pupil.schoolId), waves, { kind: 'pupil', id: pupil.pupilId });
}

/** The signed-in pupil saves their own answers. */
export async function saveMyPupilAnswers(deps: Deps, pupil: ResolvedDevice<'pupil'>, waveId: string, instrumentId: string, answers: Record<string, number | null>): Promise<SavedAnswers> {
  return savePupilAnswers(deps, pupil.classId, pupil.pupilId, waveId, instrumentId, answers);
}

async function savePupilAnswers(deps: Deps, classId: string, pupilId: string, waveId: string, instrumentId: string, answers: Record<string, number | null>): Promise<SavedAnswers> {
  const db = deps.db.kysely;
  if (!(await isPupilInClass(db, classId, pupilId))) throw new AppError('not_found');
  const wave = await repository.findWaveOfClass(db, classId, waveId);
  if (!wave) throw new AppError('not_found');
  return saveAnswers(deps, wave, instrumentId, { kind: 'pupil', id: pupilId, classId }, answers);
}
