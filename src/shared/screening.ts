import { bandOf, type Instrument, type InstrumentScale, scaleScore, type ScoreBand } from './questionnaire-instrument';

// Scoring one screening (CRIES-13, CRIES-8, CATS) of one child, exactly: a subscale score needs all its items,
// the total and its band need every item — no prorating, because a guessed symptom score about one child is
// worse than none. The instruments are questionnaire instruments with purpose `screening`; their scale `total`
// holds the bands. Shared: the care team's pages, the server and `groeiwijzer score` give the same answer.

/** The scale of a screening instrument whose bands decide above/below the cut-off. */
export const SCREENING_TOTAL_SCALE = 'total';

/** complete: every item answered; incomplete: some missing; invalid: an item answered twice (nothing is scored). */
export type ScreeningStatus = 'complete' | 'incomplete' | 'invalid';

export interface ScreeningScore {
  status: ScreeningStatus;
  total: number | null;
  /** Per subscale id (every scale but the total), its score or null. */
  subscales: Record<string, number | null>;
  band: ScoreBand | null;
  /** Item ids not answered, in the instrument's order. */
  missingItems: string[];
}

/** The instrument's total scale; throws for a screening file without one (the shipped files are checked by a test). */
export function totalScaleOf(instrument: Instrument): InstrumentScale {
  const total = instrument.scales.find((scale) => scale.id === SCREENING_TOTAL_SCALE);
  if (total === undefined) throw new Error(`screening instrument ${instrument.id} has no scale "${SCREENING_TOTAL_SCALE}"`);
  return total;
}

/**
 * Scores one respondent's answers (item id → option value; unanswered items absent). `answeredTwice`: some item
 * was given two answers — then nobody can tell which holds, so every score is null and the status `invalid`.
 */
export function scoreScreening(instrument: Instrument, answers: ReadonlyMap<string, number>, options: { answeredTwice?: boolean } = {}): ScreeningScore {
  const missingItems = instrument.items.filter((item) => !answers.has(item.id)).map((item) => item.id);
  const invalid = options.answeredTwice === true;
  const total = totalScaleOf(instrument);
  const scoreOf = (scale: InstrumentScale) => (invalid ? null : scaleScore(instrument, scale, answers));
  const subscales = Object.fromEntries(instrument.scales.filter((scale) => scale !== total).map((scale) => [scale.id, scoreOf(scale)]));
  const totalScore = scoreOf(total);
  return {
    status: invalid ? 'invalid' : missingItems.length > 0 ? 'incomplete' : 'complete',
    total: totalScore,
    subscales,
    band: bandOf(total, totalScore),
    missingItems,
  };
}

/** Whether a screening's total falls in a band that proposes a referral (never a diagnosis). */
export function proposesReferral(score: ScreeningScore): boolean {
  return score.band?.proposesReferral === true;
}
