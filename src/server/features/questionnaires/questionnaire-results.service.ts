import type { StaffCaller } from '../../access/caller';
import { classIdsTaughtBy } from '../../access/record-scope';
import { isAllowed } from '../../../shared/permissions';
import { scaleRangeOf, scaleScore } from '../../../shared/questionnaire-instrument';
import { trainingSideOf, type WaveAudience, waveStateOn } from '../../../shared/questionnaire-waves';
import { schoolTodayAt } from '../../../shared/school-time';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { findSchool, minGroupSizeOfBoard } from '../tenancy/tenancy.repository';
import { instrumentCatalogueOf } from './instrument-catalogue';
import type { ClosedWave, WaveResults } from './questionnaire-results.schemas';
import * as repository from './questionnaire-waves.repository';
import { type InstrumentResponse, scaleResults } from './scale-results';

// The results of a closed wave (issue 13), as the caller's relation to them allows: the school's TSO lead and
// leadership see the school and every class of a pupil wave; a teacher sees the classes they teach (of a pupil
// wave) and their own scores (of a teacher wave), never a colleague's. What is shown of a class is decided over
// all classes together, the same for every viewer, so no two views can be subtracted to isolate fewer than k.

/** The results of a closed wave for this caller; 409 `wave_not_closed` while it is planned or open. */
export async function getWaveResults(deps: Deps, caller: StaffCaller, schoolId: string, waveId: string): Promise<WaveResults> {
  const db = deps.db.kysely;
  const school = await findSchool(db, schoolId);
  const wave = await repository.findWave(db, schoolId, waveId);
  if (!school || !wave) throw new AppError('not_found');
  if (waveStateOn(schoolTodayAt(deps.clock.now()).today, { opensOn: wave.opens_on, closesOn: wave.closes_on }) !== 'closed') throw new AppError('wave_not_closed');
  const k = await minGroupSizeOfBoard(db, school.board_id);
  const seesSchool = isAllowed(caller.actor, 'school.questionnaires.manage', { schoolId, schoolBoardId: school.board_id });
  const audience = wave.audience as WaveAudience;
  const waveClasses = await repository.listWaveClasses(db, [waveId]);
  const taught = seesSchool ? null : new Set((await classIdsTaughtBy(db, caller.actor.userId).execute()).map((row) => row.class_id));
  const visibleClasses = audience === 'pupils' ? waveClasses.filter((schoolClass) => taught === null || taught.has(schoolClass.id)) : [];
  const responses = await repository.listResponsesOfWaves(db, [waveId]);
  const trainingHeldOn = await repository.findTeamTrainingDay(db, schoolId);
  const instruments = await repository.listWaveInstruments(db, [waveId]);
  const catalogue = await instrumentCatalogueOf(db, schoolId);

  return {
    waveId,
    name: wave.name,
    audience,
    training: trainingSideOf(wave.opens_on, trainingHeldOn),
    minGroupSize: k,
    instruments: instruments.map((entry) => {
      const instrument = catalogue.of(entry.instrument_id, entry.instrument_version);
      const answered: InstrumentResponse[] = responses
        .filter((response) => response.instrument_id === entry.instrument_id)
        .map((response) => ({
          respondent: `${response.respondent_kind}:${response.respondent_id}`,
          group: response.class_id ?? 'school',
          answers: new Map(Object.entries(JSON.parse(response.answers) as Record<string, number>)),
        }));
      const own = answered.find((response) => response.respondent === `staff:${caller.actor.userId}`);
      const results = scaleResults(instrument, answered, k);
      return {
        id: instrument.id,
        name: instrument.name,
        scales: instrument.scales.map((scale, index) => {
          const result = results[index]!;
          return {
            id: scale.id,
            name: scale.name,
            range: scaleRangeOf(instrument, scale),
            school: seesSchool ? result.whole : null,
            classes: visibleClasses.map((schoolClass) => ({
              id: schoolClass.id,
              name: schoolClass.name,
              figures: result.groups.find((group) => group.group === schoolClass.id)?.figures ?? { hidden: true as const },
            })),
            mine: audience === 'teachers' && own ? scaleScore(instrument, scale, own.answers) : null,
          };
        }),
      };
    }),
  };
}

/** The closed waves whose results a teacher may open: teacher waves, and pupil waves of a class they teach. */
export async function listMyClosedWaves(deps: Deps, userId: string, schoolId: string): Promise<ClosedWave[]> {
  const rows = await repository.listClosedWavesForTeacher(deps.db.kysely, schoolId, userId, schoolTodayAt(deps.clock.now()).today);
  return rows.map((row) => ({ id: row.id, name: row.name, audience: row.audience as WaveAudience, closesOn: row.closes_on }));
}
