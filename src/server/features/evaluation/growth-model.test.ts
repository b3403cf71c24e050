import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_CASES } from './growth-reference/cases';
import { type Estimate, fitGrowthModel, type GrowthFit, type GrowthMeasurement, GrowthModelError, growthTerms } from './growth-model';
import { simulateGrowth } from './growth-simulation';

// lme4's answers were made by growth-reference/lme4-growth.R on the CSV files beside it (make-reference.ts).
// The contract asks for agreement within 1e-4 relative on estimates and SEs; the variances are held to it too.
const RELATIVE = 1e-4;
const REFERENCE_DIR = join(import.meta.dirname, 'growth-reference');

interface Lme4Fit {
  rows: number;
  persons: number;
  fixed: Record<'intercept' | 'baselineSlope' | 'implementationSlope' | 'levelChange', Estimate>;
  slopeDifference: Estimate;
  variance: { person: number; residual: number; school?: number };
  logLikREML: number;
  singular: boolean;
}

function readReference(name: string): { measurements: GrowthMeasurement[]; trainingTimes: Map<string, number>; lme4: Lme4Fit } {
  const rowsOf = (file: string) =>
    readFileSync(join(REFERENCE_DIR, `${name}.${file}`), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
  return {
    measurements: rowsOf('measurements.csv').map(([person, school, time, score]) => ({ person: person!, school: school!, time: Number(time), score: Number(score) })),
    trainingTimes: new Map(rowsOf('trainings.csv').map(([school, time]) => [school!, Number(time)])),
    lme4: JSON.parse(readFileSync(join(REFERENCE_DIR, `${name}.lme4.json`), 'utf8')) as Lme4Fit,
  };
}

function expectClose(actual: number, expected: number, what: string): void {
  if (expected === 0) expect(actual, what).toBe(0);
  else expect(Math.abs(actual - expected) / Math.abs(expected), `${what}: ${actual} vs lme4 ${expected}`).toBeLessThan(RELATIVE);
}

describe('the growth model against lme4', () => {
  it.each(REFERENCE_CASES.map((referenceCase) => [referenceCase.name, referenceCase] as const))('%s', (name, referenceCase) => {
    const { measurements, trainingTimes, lme4 } = readReference(name);
    const fit = fitGrowthModel(measurements, trainingTimes, referenceCase.model);
    expect({ rows: fit.rows, persons: fit.persons }).toEqual({ rows: lme4.rows, persons: lme4.persons });
    for (const [term, expected] of Object.entries(lme4.fixed)) {
      const actual = fit.fixed[term as keyof GrowthFit['fixed']];
      expectClose(actual.estimate, expected.estimate, `${term} estimate`);
      expectClose(actual.se, expected.se, `${term} se`);
    }
    expectClose(fit.slopeDifference.estimate, lme4.slopeDifference.estimate, 'slope difference');
    expectClose(fit.slopeDifference.se, lme4.slopeDifference.se, 'slope difference se');
    expect(Object.keys(fit.variance).sort()).toEqual(Object.keys(lme4.variance).sort());
    for (const [component, expected] of Object.entries(lme4.variance)) {
      expectClose(fit.variance[component as keyof GrowthFit['variance']]!, expected, `${component} variance`);
    }
    // The REML criterion itself: ours may only be as good or (by lme4's optimiser tolerance) a hair better.
    expect(fit.logLikREML).toBeGreaterThan(lme4.logLikREML - 1e-7);
    expect(fit.logLikREML - lme4.logLikREML).toBeLessThan(1e-6);
    expect(fit.isSingular).toBe(lme4.singular);
  });

  it('has a boundary case for each model, so a variance of exactly 0 is checked for both', () => {
    expect(REFERENCE_CASES.filter((referenceCase) => referenceCase.isBoundary).map((referenceCase) => referenceCase.model).sort()).toEqual(['person', 'school-person']);
  });
});

describe('the model terms', () => {
  it('counts a measurement at the training time as after it, with no growth after it yet', () => {
    expect(growthTerms(3, 3)).toEqual({ a1: 3, a2: 0, d: 1 });
    expect(growthTerms(2, 3)).toEqual({ a1: 2, a2: 0, d: 0 });
    expect(growthTerms(5, 2.5)).toEqual({ a1: 2.5, a2: 2.5, d: 1 });
  });
});

describe('fitting', () => {
  const data = simulateGrowth({
    seed: 5,
    schools: 3,
    personsPerSchool: 20,
    waves: 6,
    trainingTimes: [3, 2.5, 3],
    fixed: { intercept: 3, baselineSlope: 0.1, implementationSlope: 0.3, levelChange: 0.25 },
    sd: { school: 0.2, person: 0.5, residual: 0.3 },
    missing: 0.05,
  });

  // Seven digits: the search for θ stops there (lme4's own optimiser stops sooner).
  it('does not depend on the order of the rows or the names of persons and schools', () => {
    const fit = fitGrowthModel(data.measurements, data.trainingTimes, 'school-person');
    const renamed = [...data.measurements].reverse().map((row) => ({ ...row, person: `p:${row.person}`, school: `s:${row.school}` }));
    const renamedTimes = new Map([...data.trainingTimes].map(([school, time]) => [`s:${school}`, time]));
    const again = fitGrowthModel(renamed, renamedTimes, 'school-person');
    expect(again.fixed.levelChange.estimate).toBeCloseTo(fit.fixed.levelChange.estimate, 7);
    expect(again.variance.school).toBeCloseTo(fit.variance.school!, 7);
    expect(again.logLikREML).toBeCloseTo(fit.logLikREML, 7);
  });

  it('moves only the intercept when every score moves by the same amount', () => {
    const fit = fitGrowthModel(data.measurements, data.trainingTimes, 'person');
    const shifted = fitGrowthModel(data.measurements.map((row) => ({ ...row, score: row.score + 10 })), data.trainingTimes, 'person');
    expect(shifted.fixed.intercept.estimate).toBeCloseTo(fit.fixed.intercept.estimate + 10, 7);
    expect(shifted.fixed.implementationSlope.estimate).toBeCloseTo(fit.fixed.implementationSlope.estimate, 7);
    expect(shifted.variance.person).toBeCloseTo(fit.variance.person, 7);
  });

  it('recovers the effects it was given, on a large simulated board', () => {
    const large = simulateGrowth({ ...{ seed: 9, schools: 20, personsPerSchool: 100, waves: 6, missing: 0 }, trainingTimes: [3], fixed: { intercept: 3, baselineSlope: 0.1, implementationSlope: 0.3, levelChange: 0.25 }, sd: { school: 0.2, person: 0.5, residual: 0.3 } });
    const fit = fitGrowthModel(large.measurements, large.trainingTimes, 'school-person');
    expect(fit.slopeDifference.estimate).toBeGreaterThan(0.2 - 3 * fit.slopeDifference.se);
    expect(fit.slopeDifference.estimate).toBeLessThan(0.2 + 3 * fit.slopeDifference.se);
    expect(Math.sqrt(fit.variance.person)).toBeCloseTo(0.5, 1);
    expect(Math.sqrt(fit.variance.residual)).toBeCloseTo(0.3, 1);
  });

  it('says why it cannot fit data that lme4 refuses or that cannot tell before from after', () => {
    const only = (keep: (row: GrowthMeasurement) => boolean) => data.measurements.filter(keep);
    const fit = (rows: GrowthMeasurement[], model: 'person' | 'school-person' = 'person') => () => fitGrowthModel(rows, data.trainingTimes, model);
    expect(fit(only((row) => row.time < 2.5))).toThrow(/no measurement lies at or after/);
    expect(fit(only((row) => row.time >= 3))).toThrow(/no measurement lies before/);
    // Two times before and one after: the slope after the training has nothing to go on.
    expect(fit(only((row) => row.time <= 3 && row.school === 'school-1'))).toThrow(/do not separate growth before and after/);
    expect(fit(only((row) => row.school === 'school-1'), 'school-person')).toThrow(/at least two schools/);
    const firstOfEach = [...new Map(data.measurements.map((row) => [`${row.person}@${row.time >= 3}`, { ...row, person: `${row.person}@${row.time}` }])).values()];
    expect(fit(firstOfEach)).toThrow(/some persons need more than one measurement/);
    expect(fit([])).toThrow(GrowthModelError);
    expect(() => fitGrowthModel(data.measurements, new Map(), 'person')).toThrow(/school "school-1" has no training time/);
  });
});
