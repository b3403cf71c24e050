import { seededRandom } from '../../../shared/seeded-random';
import { type GrowthMeasurement, growthTerms } from './growth-model';

// Made-up measurements that follow the growth model: for the reference data the model's tests compare with
// lme4, for the benchmark, and for the demo's waves. The same seed gives the same data on every run.

export interface GrowthSimulation {
  seed: number;
  schools: number;
  personsPerSchool: number;
  /** Measurement times 0, 1, …, waves − 1 (three waves a school year: six over two years). */
  waves: number;
  /** Training time of each school, by school number (cycled when there are fewer than schools). */
  trainingTimes: readonly number[];
  fixed: { intercept: number; baselineSlope: number; implementationSlope: number; levelChange: number };
  sd: { school: number; person: number; residual: number };
  /** Chance that a person misses a wave. */
  missing: number;
}

export interface SimulatedData {
  measurements: GrowthMeasurement[];
  trainingTimes: Map<string, number>;
}

export function simulateGrowth(simulation: GrowthSimulation): SimulatedData {
  const random = seededRandom(simulation.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const measurements: GrowthMeasurement[] = [];
  const trainingTimes = new Map<string, number>();
  for (let schoolNumber = 0; schoolNumber < simulation.schools; schoolNumber++) {
    const school = `school-${schoolNumber + 1}`;
    const trainingTime = simulation.trainingTimes[schoolNumber % simulation.trainingTimes.length]!;
    trainingTimes.set(school, trainingTime);
    const schoolEffect = simulation.sd.school * normal();
    for (let personNumber = 0; personNumber < simulation.personsPerSchool; personNumber++) {
      const person = `${school}-person-${personNumber + 1}`;
      const personEffect = simulation.sd.person * normal();
      for (let time = 0; time < simulation.waves; time++) {
        const residual = simulation.sd.residual * normal();
        if (random() < simulation.missing) continue;
        const { a1, a2, d } = growthTerms(time, trainingTime);
        const { intercept, baselineSlope, implementationSlope, levelChange } = simulation.fixed;
        const score = intercept + baselineSlope * a1 + implementationSlope * a2 + levelChange * d + schoolEffect + personEffect + residual;
        measurements.push({ person, school, time, score: Math.round(score * 1e6) / 1e6 });
      }
    }
  }
  return { measurements, trainingTimes };
}

/** The data as the two CSV files of `groeiwijzer analyse growth`. */
export function growthCsv(data: SimulatedData): { measurements: string; trainings: string } {
  return {
    measurements: ['person,school,time,score', ...data.measurements.map((row) => `${row.person},${row.school},${row.time},${row.score}`)].join('\n') + '\n',
    trainings: ['school,time', ...[...data.trainingTimes].map(([school, time]) => `${school},${time}`)].join('\n') + '\n',
  };
}
