import type { Transaction } from 'kysely';
import { type Instrument, responseScaleOf } from '../../../shared/questionnaire-instrument';
import type { WaveAudience } from '../../../shared/questionnaire-waves';
import { seededRandom } from '../../../shared/seeded-random';
import { addDays, schoolYearOfDate } from '../../../shared/school-time';
import type { Database } from '../../db/database';
import { newId } from '../../deps';
import { shippedInstrumentOf } from '../questionnaires/instrument-catalogue';
import { insertWave, replaceWaveContents } from '../questionnaires/questionnaire-waves.repository';
import type { QuestionnaireResponsesTable } from '../questionnaires/questionnaire-waves.tables';
import { DEMO_GROWTH, DEMO_PUPIL_INSTRUMENT, DEMO_TEACHER_INSTRUMENT, DEMO_WAVE_DAYS_AGO, DEMO_WAVE_DAYS_OPEN, DEMO_WAVE_NAMES } from './demo-waves.data';

/** Who answers a demo wave: a person id, the class they answered in, and the day they started at the school. */
export interface DemoRespondent {
  id: string;
  classId: string | null;
  startedOn: string;
}

/**
 * Stores the six teacher waves and six pupil waves of De Vlinderboom with their answers, inside the demo's
 * transaction. Pupil waves of this school year name the classes; last year's have none (its classes are not in
 * the demo), so their results show the school only. Returns the number of waves.
 */
export async function seedDemoWaves(
  trx: Transaction<Database>,
  input: { today: string; schoolId: string; createdBy: string; createdAt: string; trainingOn: string; teachers: readonly DemoRespondent[]; pupils: readonly DemoRespondent[] },
): Promise<number> {
  const random = seededRandom(20_261_204_13);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const opensOn = DEMO_WAVE_DAYS_AGO.map((daysAgo) => mondayOf(addDays(input.today, -daysAgo)));
  const first = opensOn[0]!;
  const years = (date: string) => (Date.parse(date) - Date.parse(first)) / 86_400_000 / 365.25;
  const t0 = years(input.trainingOn);
  const thisYear = schoolYearOfDate(input.today);
  let waves = 0;

  for (const audience of ['teachers', 'pupils'] as const satisfies readonly WaveAudience[]) {
    const respondents = audience === 'teachers' ? input.teachers : input.pupils;
    const reference = audience === 'teachers' ? DEMO_TEACHER_INSTRUMENT : DEMO_PUPIL_INSTRUMENT;
    const instrument = shippedInstrumentOf(reference.id, reference.version);
    const growth = DEMO_GROWTH[audience];
    const ownLevel = new Map(respondents.map((respondent) => [respondent.id, growth.personSd * normal()]));
    for (const [index, opens] of opensOn.entries()) {
      const waveId = newId();
      const closes = addDays(opens, DEMO_WAVE_DAYS_OPEN - 1);
      await insertWave(trx, {
        id: waveId,
        school_id: input.schoolId,
        name: DEMO_WAVE_NAMES[audience](index + 1),
        audience,
        opens_on: opens,
        closes_on: closes,
        created_by: input.createdBy,
        created_at: input.createdAt,
        updated_at: input.createdAt,
      });
      const inThisYear = schoolYearOfDate(opens) === thisYear;
      const classIds = audience === 'pupils' && inThisYear ? [...new Set(respondents.map((respondent) => respondent.classId).filter((id): id is string => id !== null))] : [];
      await replaceWaveContents(trx, waveId, [reference], classIds);
      waves += 1;

      const time = years(opens);
      const expected = growth.level + growth.baselinePerYear * Math.min(time, t0) + growth.implementationPerYear * Math.max(0, time - t0) + (time >= t0 ? growth.step : 0);
      // Someone who had not started yet did not answer; now and then someone missed a wave.
      const answering = respondents.filter((respondent) => respondent.startedOn <= opens && random() > 0.08);
      const rows: QuestionnaireResponsesTable[] = answering.map((respondent) => ({
        id: newId(),
        wave_id: waveId,
        instrument_id: instrument.id,
        respondent_kind: audience === 'teachers' ? 'staff' : 'pupil',
        respondent_id: respondent.id,
        class_id: audience === 'pupils' && inThisYear ? respondent.classId : null,
        answers: JSON.stringify(answersAround(instrument, expected + ownLevel.get(respondent.id)!, growth.itemSd, normal)),
        is_complete: 1,
        created_at: `${addDays(opens, 1)}T10:00:00.000Z`,
        updated_at: `${addDays(opens, 1)}T10:00:00.000Z`,
      }));
      if (rows.length > 0) await trx.insertInto('questionnaire_responses').values(rows).execute();
    }
  }
  return waves;
}

// Every item answered near `level` on the scored scale (reversed items stored the other way round).
function answersAround(instrument: Instrument, level: number, itemSd: number, normal: () => number): Record<string, number> {
  return Object.fromEntries(
    instrument.items.map((item) => {
      const { options } = responseScaleOf(instrument, item);
      const lowest = options[0]!.value;
      const highest = options[options.length - 1]!.value;
      const scored = Math.min(highest, Math.max(lowest, Math.round(level + itemSd * normal())));
      return [item.id, item.reverse ? lowest + highest - scored : scored];
    }),
  );
}

// The Monday of a date's week: waves open at the start of a school week.
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}
