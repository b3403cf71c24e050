import { type SimulatedData, simulateGrowth } from '../growth-simulation';
import type { ReferenceCase } from './cases';

/** A case's data: simulated, then every n-th person moved to the next school from the case's time on. */
export function referenceData(referenceCase: ReferenceCase): SimulatedData {
  const data = simulateGrowth(referenceCase.simulation);
  const { moves } = referenceCase;
  if (moves === undefined) return data;
  const schools = [...data.trainingTimes.keys()];
  const persons = [...new Set(data.measurements.map((row) => row.person))];
  const moving = new Set(persons.filter((_, index) => index % moves.everyNth === 0));
  const measurements = data.measurements.map((row) =>
    moving.has(row.person) && row.time >= moves.fromTime ? { ...row, school: schools[(schools.indexOf(row.school) + 1) % schools.length]! } : row,
  );
  return { measurements, trainingTimes: data.trainingTimes };
}
