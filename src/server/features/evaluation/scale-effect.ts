import { isLargeEnough } from '../../../shared/anonymity';
import { type TrainingSide, trainingSideOf } from '../../../shared/questionnaire-waves';
import { type Estimate, fitGrowthModel, GrowthModelError, type GrowthFit, type GrowthMeasurement, growthTerms, type RandomEffects } from './growth-model';

// The effect of the team training on one scale of one school: the observed mean per wave and the growth model
// fitted to every person's scores (issue 13, seed 001). Pure, no I/O.
//
// The clock is the calendar: a wave's time is its opening day in years since the first wave, the training's
// time its day on the same clock, so slopes read as growth per year. Waves are compared with themselves only
// through the model; what is shown of a wave follows THE anonymity rule: its mean only with at least k scores,
// and the model only when at least k people were measured.

/** A closed wave that asked the scale. */
export interface EffectWave {
  id: string;
  name: string;
  opensOn: string;
}

/** One person's score on the scale in one wave. */
export interface EffectScore {
  waveId: string;
  person: string;
  score: number;
}

export type WaveMean = { hidden: true } | { hidden: false; n: number; mean: number };

/** An estimate with its 95% interval (estimate ± 1.96 SE: indicative, the model's normal approximation). */
export interface EffectEstimate extends Estimate {
  lower: number;
  upper: number;
}

/** A point of a fitted segment: the model's expected score on a day. */
export interface FittedPoint {
  date: string;
  score: number;
}

/** Why no model is shown. */
export const NOT_FITTED_REASONS = ['no_training', 'too_few_waves', 'too_few_persons', 'not_identifiable', 'no_school'] as const;
export type NotFittedReason = (typeof NOT_FITTED_REASONS)[number];

export interface FittedEffect {
  status: 'fitted';
  persons: number;
  measurements: number;
  /** Growth per year before the training. */
  baselineSlope: EffectEstimate;
  /** Growth per year after it. */
  implementationSlope: EffectEstimate;
  /** After minus before: positive when growth after the training was stronger. */
  slopeDifference: EffectEstimate;
  /** The jump at the training day. */
  levelChange: EffectEstimate;
  /** Waves after the training against the waves of the same season a year earlier, in the model; null without such pairs. */
  sameSeason: (EffectEstimate & { pairs: number }) | null;
  /** A variance estimated at 0 (lme4's "boundary (singular) fit"): the estimates stand, the person variance does not. */
  isSingular: boolean;
  /** The fitted segments for the chart: from the first wave to the training, and from the training to the last wave. */
  before: [FittedPoint, FittedPoint];
  after: [FittedPoint, FittedPoint];
}

export type ScaleEffect = { waves: { waveId: string; training: TrainingSide; figures: WaveMean }[]; effect: FittedEffect | { status: 'not_fitted'; reason: NotFittedReason } };

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;
/** A wave a year earlier counts as the same season when it opened within this many days of exactly a year. */
const SEASON_DAYS = 45;
const Z_95 = 1.959964;

/** The observed means per wave and the growth model, for waves sorted by opening day. */
export function scaleEffect(waves: readonly EffectWave[], scores: readonly EffectScore[], trainingOn: string | null, k: number): ScaleEffect {
  const sorted = [...waves].sort((a, b) => a.opensOn.localeCompare(b.opensOn));
  const side = (wave: EffectWave): TrainingSide => trainingSideOf(wave.opensOn, trainingOn);
  const shownWaves = sorted.map((wave) => {
    const own = scores.filter((score) => score.waveId === wave.id);
    const figures: WaveMean = isLargeEnough(own.length, k) ? { hidden: false, n: own.length, mean: own.reduce((sum, score) => sum + score.score, 0) / own.length } : { hidden: true };
    return { waveId: wave.id, training: side(wave), figures };
  });
  const notFitted = (reason: NotFittedReason): ScaleEffect => ({ waves: shownWaves, effect: { status: 'not_fitted', reason } });

  const problem = whyNotFittable(sorted, scores, trainingOn, k);
  if (problem) return notFitted(problem);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;

  const timeOf = (date: string) => (Date.parse(date) - Date.parse(first.opensOn)) / DAY_MS / YEAR_DAYS;
  const t0 = timeOf(trainingOn!);
  const waveTime = new Map(sorted.map((wave) => [wave.id, timeOf(wave.opensOn)]));
  let fit: GrowthFit;
  try {
    fit = fitGrowthModel(
      scores.map((score) => ({ person: score.person, school: 'school', time: waveTime.get(score.waveId)!, score: score.score })),
      new Map([['school', t0]]),
      'person',
    );
  } catch (error) {
    if (error instanceof GrowthModelError) return notFitted('not_identifiable');
    throw error;
  }

  const beta = [fit.fixed.intercept.estimate, fit.fixed.baselineSlope.estimate, fit.fixed.implementationSlope.estimate, fit.fixed.levelChange.estimate];
  const expected = (time: number) => {
    const terms = growthTerms(time, t0);
    return beta[0]! + beta[1]! * terms.a1 + beta[2]! * terms.a2 + beta[3]! * terms.d;
  };
  const lastTime = waveTime.get(last.id)!;
  // Just before the training the first segment ends; at the training the second begins (after the jump).
  const beforeTraining = beta[0]! + beta[1]! * t0;
  return {
    waves: shownWaves,
    effect: {
      status: 'fitted',
      persons: fit.persons,
      measurements: fit.rows,
      baselineSlope: withInterval(fit.fixed.baselineSlope),
      implementationSlope: withInterval(fit.fixed.implementationSlope),
      slopeDifference: withInterval(fit.slopeDifference),
      levelChange: withInterval(fit.fixed.levelChange),
      sameSeason: sameSeasonContrast(sorted, side, waveTime, t0, beta, fit.covariance),
      isSingular: fit.isSingular,
      before: [
        { date: first.opensOn, score: expected(0) },
        { date: trainingOn!, score: beforeTraining },
      ],
      after: [
        { date: trainingOn!, score: expected(t0) },
        { date: last.opensOn, score: expected(Math.max(lastTime, t0)) },
      ],
    },
  };
}

/**
 * Why one school's waves of a scale cannot carry the model, or null when they can: a training day, at least two
 * waves with scores on each side of it, and at least k people.
 */
function whyNotFittable(waves: readonly EffectWave[], scores: readonly EffectScore[], trainingOn: string | null, k: number): NotFittedReason | null {
  if (trainingOn === null) return 'no_training';
  const measured = new Set(scores.map((score) => score.waveId));
  const withScores = waves.filter((wave) => measured.has(wave.id));
  const before = withScores.filter((wave) => trainingSideOf(wave.opensOn, trainingOn) === 'before').length;
  if (before < 2 || withScores.length - before < 2) return 'too_few_waves';
  if (!isLargeEnough(new Set(scores.map((score) => score.person)).size, k)) return 'too_few_persons';
  return null;
}

/** One school's part of a board's effect: the waves that asked the scale, the scores and the training day. */
export interface SchoolScaleData {
  schoolId: string;
  waves: readonly EffectWave[];
  scores: readonly EffectScore[];
  trainingOn: string | null;
}

/** The growth model over the schools of a board: estimates only (no school's own figures). */
export interface BoardFittedEffect {
  status: 'fitted';
  /** `school-person` with two or more schools, `person` with one. */
  model: RandomEffects;
  schools: number;
  persons: number;
  measurements: number;
  baselineSlope: EffectEstimate;
  implementationSlope: EffectEstimate;
  slopeDifference: EffectEstimate;
  levelChange: EffectEstimate;
  isSingular: boolean;
}

export interface BoardScaleEffect {
  /** Every school that shares: whether its waves are in the model, or why not. */
  schools: { schoolId: string; status: 'included' | NotFittedReason }[];
  effect: BoardFittedEffect | { status: 'not_fitted'; reason: NotFittedReason };
}

/**
 * The growth model over the sharing schools of a board that can carry it on their own (a training day, two waves
 * on each side, at least k people), each with its own training day as t0 on one calendar clock (years since the
 * earliest wave), random intercepts per school and per person within school.
 */
export function boardScaleEffect(schools: readonly SchoolScaleData[], k: number): BoardScaleEffect {
  const statuses = schools.map((school) => ({ schoolId: school.schoolId, status: whyNotFittable(school.waves, school.scores, school.trainingOn, k) ?? ('included' as const) }));
  const included = schools.filter((_, index) => statuses[index]!.status === 'included');
  if (included.length === 0) return { schools: statuses, effect: { status: 'not_fitted', reason: 'no_school' } };
  const epoch = Math.min(...included.flatMap((school) => school.waves.map((wave) => Date.parse(wave.opensOn))));
  const years = (date: string) => (Date.parse(date) - epoch) / DAY_MS / YEAR_DAYS;
  const measurements: GrowthMeasurement[] = included.flatMap((school) => {
    const opensOn = new Map(school.waves.map((wave) => [wave.id, wave.opensOn]));
    return school.scores.map((score) => ({ person: `${school.schoolId}/${score.person}`, school: school.schoolId, time: years(opensOn.get(score.waveId)!), score: score.score }));
  });
  const model: RandomEffects = included.length >= 2 ? 'school-person' : 'person';
  let fit: GrowthFit;
  try {
    fit = fitGrowthModel(measurements, new Map(included.map((school) => [school.schoolId, years(school.trainingOn!)])), model);
  } catch (error) {
    if (error instanceof GrowthModelError) return { schools: statuses, effect: { status: 'not_fitted', reason: 'not_identifiable' } };
    throw error;
  }
  return {
    schools: statuses,
    effect: {
      status: 'fitted',
      model,
      schools: included.length,
      persons: fit.persons,
      measurements: fit.rows,
      baselineSlope: withInterval(fit.fixed.baselineSlope),
      implementationSlope: withInterval(fit.fixed.implementationSlope),
      slopeDifference: withInterval(fit.slopeDifference),
      levelChange: withInterval(fit.fixed.levelChange),
      isSingular: fit.isSingular,
    },
  };
}

/**
 * The level after the training against the same season a year before: every wave after the training paired
 * with the wave that opened closest to a year earlier (within SEASON_DAYS, before the training), and the model's
 * expected difference averaged over the pairs: c·β with SE √(cᵀ Σ c).
 */
function sameSeasonContrast(
  waves: readonly EffectWave[],
  side: (wave: EffectWave) => TrainingSide,
  waveTime: ReadonlyMap<string, number>,
  t0: number,
  beta: readonly number[],
  covariance: readonly (readonly number[])[],
): (EffectEstimate & { pairs: number }) | null {
  const before = waves.filter((wave) => side(wave) === 'before');
  const contrast = [0, 0, 0, 0];
  let pairs = 0;
  for (const wave of waves.filter((candidate) => side(candidate) === 'after')) {
    const yearEarlier = Date.parse(wave.opensOn) - YEAR_DAYS * DAY_MS;
    const distance = (candidate: EffectWave) => Math.abs(Date.parse(candidate.opensOn) - yearEarlier) / DAY_MS;
    const match = before.filter((candidate) => distance(candidate) <= SEASON_DAYS).sort((a, b) => distance(a) - distance(b))[0];
    if (!match) continue;
    const now = growthTerms(waveTime.get(wave.id)!, t0);
    const then = growthTerms(waveTime.get(match.id)!, t0);
    contrast[1]! += now.a1 - then.a1;
    contrast[2]! += now.a2 - then.a2;
    contrast[3]! += now.d - then.d;
    pairs += 1;
  }
  if (pairs === 0) return null;
  const c = contrast.map((value) => value / pairs);
  const estimate = c.reduce((sum, value, index) => sum + value * beta[index]!, 0);
  let variance = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) variance += c[i]! * c[j]! * covariance[i]![j]!;
  return { ...withInterval({ estimate, se: Math.sqrt(Math.max(0, variance)) }), pairs };
}

function withInterval(estimate: Estimate): EffectEstimate {
  return { ...estimate, lower: estimate.estimate - Z_95 * estimate.se, upper: estimate.estimate + Z_95 * estimate.se };
}
