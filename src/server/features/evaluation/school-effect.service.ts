import { type Instrument, scaleRangeOf, scaleScore } from '../../../shared/questionnaire-instrument';
import type { WaveAudience } from '../../../shared/questionnaire-waves';
import { schoolTodayAt } from '../../../shared/school-time';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { instrumentCatalogueOf, newestVersionOf } from '../questionnaires/instrument-catalogue';
import * as waves from '../questionnaires/questionnaire-waves.repository';
import { findSchool, minGroupSizeOfBoard } from '../tenancy/tenancy.repository';
import type { QuestionnaireWaveRow } from '../questionnaires/questionnaire-waves.tables';
import { type EffectScore, type EffectWave, scaleEffect } from './scale-effect';
import type { SchoolEffect } from './school-effect.schemas';

// Does TSO work in our school? Every closed wave of every school year, per instrument and scale: the mean per
// wave and the growth model with the training register's first full team training as t0 (scale-effect.ts).
// A person is a respondent (a teacher, a pupil) followed over the waves by their id; nobody is named.

/** The school's effect evaluation; only aggregated figures under THE anonymity rule. */
export async function getSchoolEffect(deps: Deps, schoolId: string): Promise<SchoolEffect> {
  const db = deps.db.kysely;
  const school = await findSchool(db, schoolId);
  if (!school) throw new AppError('not_found');
  const k = await minGroupSizeOfBoard(db, school.board_id);
  const data = await loadSchoolWaves(deps, schoolId);
  return {
    minGroupSize: k,
    trainingOn: data.trainingOn,
    waves: data.closed.map((wave) => ({ id: wave.id, name: wave.name, audience: wave.audience as WaveAudience, opensOn: wave.opens_on, closesOn: wave.closes_on })),
    instruments: data.instruments.map((instrument) => ({
      id: instrument.id,
      name: instrument.name,
      scales: instrument.scales.map((scale) => ({
        id: scale.id,
        name: scale.name,
        range: scale.range,
        ...scaleEffect(scale.waves, scale.scores, data.trainingOn, k),
      })),
    })),
  };
}

/** A school's closed waves per instrument and scale: the waves that asked it and every person's score in them. */
export interface SchoolWaves {
  trainingOn: string | null;
  closed: QuestionnaireWaveRow[];
  instruments: {
    id: string;
    name: Instrument['name'];
    scales: { id: string; name: Instrument['name']; range: { lowest: number; highest: number }; waves: EffectWave[]; scores: EffectScore[] }[];
  }[];
}

/**
 * Every closed wave of a school of every school year, per instrument (its scales named by the newest version used;
 * each answer scored with its own wave's version) and scale. A person is a respondent followed by id.
 */
export async function loadSchoolWaves(deps: Deps, schoolId: string): Promise<SchoolWaves> {
  const db = deps.db.kysely;
  const trainingOn = await waves.findTeamTrainingDay(db, schoolId);
  const closed = await waves.listClosedWaves(db, schoolId, schoolTodayAt(deps.clock.now()).today);
  const waveIds = closed.map((wave) => wave.id);
  const asked = await waves.listWaveInstruments(db, waveIds);
  const responses = await waves.listResponsesOfWaves(db, waveIds);
  const catalogue = await instrumentCatalogueOf(db, schoolId);
  const instrumentIds = [...new Set(asked.map((entry) => entry.instrument_id))].sort();
  return {
    trainingOn,
    closed,
    instruments: instrumentIds.map((instrumentId) => {
      const versionOf = new Map(asked.filter((entry) => entry.instrument_id === instrumentId).map((entry) => [entry.wave_id, catalogue.of(instrumentId, entry.instrument_version)]));
      const askedBy = closed.filter((wave) => versionOf.has(wave.id)).map((wave) => ({ id: wave.id, name: wave.name, opensOn: wave.opens_on }));
      const newest = newestVersionOf([...versionOf.values()]);
      const answered = responses.filter((response) => response.instrument_id === instrumentId);
      return {
        id: instrumentId,
        name: newest.name,
        scales: newest.scales.map((scale) => ({
          id: scale.id,
          name: scale.name,
          range: scaleRangeOf(newest, scale),
          waves: askedBy,
          scores: answered.flatMap((response) => {
            const instrument = versionOf.get(response.wave_id)!;
            const sameScale = instrument.scales.find((candidate) => candidate.id === scale.id);
            const score = sameScale ? scaleScore(instrument, sameScale, new Map(Object.entries(JSON.parse(response.answers) as Record<string, number>))) : null;
            return score === null ? [] : [{ waveId: response.wave_id, person: `${response.respondent_kind}:${response.respondent_id}`, score }];
          }),
        })),
      };
    }),
  };
}
