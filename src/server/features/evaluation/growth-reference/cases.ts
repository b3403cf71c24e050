import type { RandomEffects } from '../growth-model';
import type { GrowthSimulation } from '../growth-simulation';

// The data sets the growth model is compared with lme4 on. make-reference.ts writes each one's CSV files and
// lme4's answer next to this file; growth-model.test.ts reads them back. Change a case → run make-reference.ts.

export interface ReferenceCase {
  name: string;
  model: RandomEffects;
  simulation: GrowthSimulation;
  /** Persons (every n-th) who move to the next school from this time on: persons crossed with schools. */
  moves?: { everyNth: number; fromTime: number };
  /** lme4 must report a boundary (singular) fit for this case. */
  isBoundary: boolean;
}

const typical: Omit<GrowthSimulation, 'seed' | 'schools' | 'personsPerSchool'> = {
  waves: 6,
  trainingTimes: [2.5, 3, 2, 3.5],
  fixed: { intercept: 3.1, baselineSlope: 0.05, implementationSlope: 0.15, levelChange: 0.2 },
  sd: { school: 0.25, person: 0.45, residual: 0.4 },
  missing: 0.1,
};

export const REFERENCE_CASES: readonly ReferenceCase[] = [
  { name: 'person-unbalanced', model: 'person', simulation: { ...typical, seed: 11, schools: 4, personsPerSchool: 40 }, isBoundary: false },
  { name: 'school-person-board', model: 'school-person', simulation: { ...typical, seed: 12, schools: 9, personsPerSchool: 25 }, isBoundary: false },
  {
    name: 'school-person-moves',
    model: 'school-person',
    simulation: { ...typical, seed: 13, schools: 6, personsPerSchool: 20 },
    moves: { everyNth: 7, fromTime: 3 },
    isBoundary: false,
  },
  {
    name: 'person-boundary',
    model: 'person',
    simulation: { ...typical, seed: 14, schools: 2, personsPerSchool: 12, sd: { school: 0, person: 0, residual: 0.5 } },
    isBoundary: true,
  },
  {
    name: 'school-person-boundary',
    model: 'school-person',
    simulation: { ...typical, seed: 16, schools: 3, personsPerSchool: 15, sd: { school: 0, person: 0.4, residual: 0.4 } },
    isBoundary: true,
  },
];
