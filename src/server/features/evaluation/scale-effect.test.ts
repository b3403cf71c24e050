import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/seeded-random';
import { addDays } from '../../../shared/school-time';
import { fitGrowthModel, growthTerms } from './growth-model';
import { boardScaleEffect, type EffectScore, type EffectWave, type FittedEffect, scaleEffect } from './scale-effect';

// Six waves over two school years, three before the training and three after; wave i+3 opens exactly a year
// (365 days) after wave i, so every wave after the training has its season's twin.
const FIRST = '2024-10-01';
const TRAINING = '2025-08-25';
const OPENS_AFTER_DAYS = [0, 120, 210, 365, 485, 575];
const WAVES: EffectWave[] = OPENS_AFTER_DAYS.map((days, index) => ({ id: `wave-${index + 1}`, name: `Meting ${index + 1}`, opensOn: addDays(FIRST, days) }));
const TRUE = { intercept: 3, baselineSlope: 0.1, implementationSlope: 0.6, levelChange: 0.2 };
const YEAR_DAYS = 365.25;
const timeOf = (date: string) => (Date.parse(date) - Date.parse(FIRST)) / 86_400_000 / YEAR_DAYS;

function simulate(persons: number, seed: number, waves: readonly EffectWave[] = WAVES): EffectScore[] {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const t0 = timeOf(TRAINING);
  const scores: EffectScore[] = [];
  for (let person = 0; person < persons; person++) {
    const own = 0.4 * normal();
    for (const wave of waves) {
      const { a1, a2, d } = growthTerms(timeOf(wave.opensOn), t0);
      const score = TRUE.intercept + TRUE.baselineSlope * a1 + TRUE.implementationSlope * a2 + TRUE.levelChange * d + own + 0.05 * normal();
      scores.push({ waveId: wave.id, person: `person-${person}`, score });
    }
  }
  return scores;
}

function fitted(result: ReturnType<typeof scaleEffect>): FittedEffect {
  if (result.effect.status !== 'fitted') throw new Error(`not fitted: ${result.effect.reason}`);
  return result.effect;
}

describe('the effect of the training on one scale', () => {
  it('recovers the growth before and after the training, per year, from six waves', () => {
    const effect = fitted(scaleEffect(WAVES, simulate(60, 7), TRAINING, 5));
    expect(effect.persons).toBe(60);
    expect(effect.measurements).toBe(360);
    expect(effect.baselineSlope.estimate).toBeCloseTo(TRUE.baselineSlope, 1);
    expect(effect.implementationSlope.estimate).toBeCloseTo(TRUE.implementationSlope, 1);
    expect(effect.slopeDifference.estimate).toBeCloseTo(TRUE.implementationSlope - TRUE.baselineSlope, 1);
    expect(effect.levelChange.estimate).toBeCloseTo(TRUE.levelChange, 1);
    // The 95% interval is ±1.96 SE and, with this much data, lies above 0.
    expect(effect.slopeDifference.upper - effect.slopeDifference.estimate).toBeCloseTo(1.959964 * effect.slopeDifference.se, 10);
    expect(effect.slopeDifference.lower).toBeGreaterThan(0);
  });

  it('uses the same model as the growth module on the calendar clock', () => {
    const scores = simulate(12, 11);
    const effect = fitted(scaleEffect(WAVES, scores, TRAINING, 5));
    const opensOn = new Map(WAVES.map((wave) => [wave.id, wave.opensOn]));
    const direct = fitGrowthModel(
      scores.map((score) => ({ person: score.person, school: 's', time: timeOf(opensOn.get(score.waveId)!), score: score.score })),
      new Map([['s', timeOf(TRAINING)]]),
      'person',
    );
    expect(effect.implementationSlope.estimate).toBeCloseTo(direct.fixed.implementationSlope.estimate, 8);
    expect(effect.slopeDifference.se).toBeCloseTo(direct.slopeDifference.se, 8);
  });

  it('compares each wave after the training with its season a year earlier, in the model', () => {
    const effect = fitted(scaleEffect(WAVES, simulate(60, 3), TRAINING, 5));
    const t0 = timeOf(TRAINING);
    const b = [0, effect.baselineSlope.estimate, effect.implementationSlope.estimate, effect.levelChange.estimate];
    const expectedAt = (date: string) => {
      const { a1, a2, d } = growthTerms(timeOf(date), t0);
      return b[1]! * a1 + b[2]! * a2 + b[3]! * d;
    };
    const differences = [3, 4, 5].map((after) => expectedAt(WAVES[after]!.opensOn) - expectedAt(WAVES[after - 3]!.opensOn));
    const sameSeason = effect.sameSeason!;
    expect(sameSeason.pairs).toBe(3);
    expect(sameSeason.estimate).toBeCloseTo(differences.reduce((sum, value) => sum + value, 0) / 3, 10);
    // A linear combination's SE is positive and at most the weighted sum of its parts' SEs.
    expect(sameSeason.se).toBeGreaterThan(0);
    const weights = [3, 4, 5].map((after) => {
      const now = growthTerms(timeOf(WAVES[after]!.opensOn), t0);
      const then = growthTerms(timeOf(WAVES[after - 3]!.opensOn), t0);
      return [now.a1 - then.a1, now.a2 - then.a2, now.d - then.d];
    });
    const mean = (index: number) => weights.reduce((sum, row) => sum + row[index]!, 0) / 3;
    const bound = Math.abs(mean(0)) * effect.baselineSlope.se + Math.abs(mean(1)) * effect.implementationSlope.se + Math.abs(mean(2)) * effect.levelChange.se;
    expect(sameSeason.se).toBeLessThanOrEqual(bound);
  });

  it('has no same-season contrast when no wave before the training lies within 45 days of a year earlier', () => {
    // Before: days 0, 40, 80; after: days 500, 540, 580, whose year-earlier days (135, 175, 215) are 55+ days from day 80.
    const shifted = [0, 40, 80, 500, 540, 580].map((days, index) => ({ id: `wave-${index + 1}`, name: `Meting ${index + 1}`, opensOn: addDays(FIRST, days) }));
    const effect = fitted(scaleEffect(shifted, simulate(20, 5, shifted), TRAINING, 5));
    expect(effect.sameSeason).toBeNull();
  });

  it('draws the fitted segments from the first wave to the training and on to the last wave, with the jump between', () => {
    const effect = fitted(scaleEffect(WAVES, simulate(30, 9), TRAINING, 5));
    expect(effect.before.map((point) => point.date)).toEqual([WAVES[0]!.opensOn, TRAINING]);
    expect(effect.after.map((point) => point.date)).toEqual([TRAINING, WAVES[5]!.opensOn]);
    expect(effect.after[0].score - effect.before[1].score).toBeCloseTo(effect.levelChange.estimate, 10);
    const years = timeOf(WAVES[5]!.opensOn) - timeOf(TRAINING);
    expect(effect.after[1].score - effect.after[0].score).toBeCloseTo(effect.implementationSlope.estimate * years, 10);
  });

  it('marks waves before and after the training, a wave opening on the training day counting as after', () => {
    const onTheDay = [...WAVES.slice(0, 3), { ...WAVES[3]!, opensOn: TRAINING }, ...WAVES.slice(4)];
    const result = scaleEffect(onTheDay, simulate(10, 1, onTheDay), TRAINING, 5);
    expect(result.waves.map((wave) => wave.training)).toEqual(['before', 'before', 'before', 'after', 'after', 'after']);
  });

  it('hides the mean of a wave with fewer than k scores and still fits the model over everyone', () => {
    const scores = simulate(8, 2).filter((score) => score.waveId !== 'wave-2' || Number(score.person.slice(7)) < 4);
    const result = scaleEffect(WAVES, scores, TRAINING, 5);
    expect(result.waves[1]!.figures).toEqual({ hidden: true });
    const shown = result.waves[0]!.figures;
    expect(shown.hidden ? null : shown.n).toBe(8);
    expect(result.effect.status).toBe('fitted');
  });

  it('fits nothing for fewer than k people, without a training, or without two waves on each side', () => {
    expect(scaleEffect(WAVES, simulate(4, 4), TRAINING, 5).effect).toEqual({ status: 'not_fitted', reason: 'too_few_persons' });
    expect(scaleEffect(WAVES, simulate(10, 4), null, 5).effect).toEqual({ status: 'not_fitted', reason: 'no_training' });
    const oneAfter = WAVES.slice(0, 4);
    expect(scaleEffect(oneAfter, simulate(10, 4, oneAfter), TRAINING, 5).effect).toEqual({ status: 'not_fitted', reason: 'too_few_waves' });
    // A wave nobody answered does not count as a measurement.
    const emptyAfter = simulate(10, 4).filter((score) => score.waveId !== 'wave-5' && score.waveId !== 'wave-6');
    expect(scaleEffect(WAVES, emptyAfter, TRAINING, 5).effect).toEqual({ status: 'not_fitted', reason: 'too_few_waves' });
    // Without a wave at all.
    expect(scaleEffect([], [], TRAINING, 5).effect).toEqual({ status: 'not_fitted', reason: 'too_few_waves' });
  });
});

describe('the effect over the schools of a board', () => {
  // A second school a year later: its own waves and its own training day, the same growth.
  const later = (date: string) => addDays(date, 364);
  const laterWaves = WAVES.map((wave) => ({ ...wave, id: `later-${wave.id}`, opensOn: later(wave.opensOn) }));
  const laterScores = (persons: number, seed: number) =>
    simulate(persons, seed).map((score) => ({ ...score, waveId: `later-${score.waveId}` }));

  it('pools the schools that can carry the model, each with its own training day, per school and person', () => {
    const result = boardScaleEffect(
      [
        { schoolId: 'a', waves: WAVES, scores: simulate(40, 21), trainingOn: TRAINING },
        { schoolId: 'b', waves: laterWaves, scores: laterScores(40, 22), trainingOn: later(TRAINING) },
        { schoolId: 'c', waves: WAVES, scores: simulate(3, 23), trainingOn: TRAINING },
        { schoolId: 'd', waves: WAVES, scores: simulate(10, 24), trainingOn: null },
      ],
      5,
    );
    expect(result.schools).toEqual([
      { schoolId: 'a', status: 'included' },
      { schoolId: 'b', status: 'included' },
      { schoolId: 'c', status: 'too_few_persons' },
      { schoolId: 'd', status: 'no_training' },
    ]);
    if (result.effect.status !== 'fitted') throw new Error(result.effect.reason);
    expect(result.effect).toMatchObject({ model: 'school-person', schools: 2, persons: 80, measurements: 480 });
    expect(result.effect.implementationSlope.estimate).toBeCloseTo(TRUE.implementationSlope, 1);
    expect(result.effect.slopeDifference.lower).toBeGreaterThan(0);
  });

  it('fits per person with one school, and nothing without a school that can carry it', () => {
    const one = boardScaleEffect([{ schoolId: 'a', waves: WAVES, scores: simulate(20, 25), trainingOn: TRAINING }], 5);
    expect(one.effect.status === 'fitted' && one.effect.model).toBe('person');
    // The same school alone on the school page gives the same slopes.
    const alone = scaleEffect(WAVES, simulate(20, 25), TRAINING, 5).effect as FittedEffect;
    expect(one.effect.status === 'fitted' && one.effect.slopeDifference.estimate).toBeCloseTo(alone.slopeDifference.estimate, 8);
    expect(boardScaleEffect([{ schoolId: 'a', waves: WAVES.slice(0, 4), scores: simulate(20, 26, WAVES.slice(0, 4)), trainingOn: TRAINING }], 5)).toEqual({
      schools: [{ schoolId: 'a', status: 'too_few_waves' }],
      effect: { status: 'not_fitted', reason: 'no_school' },
    });
  });
});
