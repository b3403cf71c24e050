import { createHash } from 'node:crypto';
import { seededRandom } from '../../src/shared/seeded-random';

// Tests that cannot afford their full cross product on every run (payloads × fields × pages × roles) take
// a seeded sample instead. One seed per run, TEST_SEED, set by vitest.config.ts when not given and printed
// there and by each sampled test; over many runs the samples cover everything. TEST_SEED=<n> replays a
// run's choices, TEST_SAMPLE=all runs the full cross product.

/** The run's seed: TEST_SEED (vitest.config.ts sets a fresh one when it is not given). */
export function runSeed(): number {
  const seed = Number(process.env.TEST_SEED);
  if (!Number.isSafeInteger(seed)) throw new Error(`TEST_SEED must be a whole number, not ${JSON.stringify(process.env.TEST_SEED)}`);
  return seed;
}

/** Whether TEST_SAMPLE=all asks the sampled tests for everything. */
export function isFullRun(): boolean {
  return process.env.TEST_SAMPLE === 'all';
}

/** One sampled test's choices: a random stream of its own, from the run's seed and the test's name. */
export interface Sample {
  seed: number;
  isFull: boolean;
  /** Numbers in [0, 1), the same for the same seed and name. */
  random: () => number;
  /** A whole number in [0, count). */
  pick(count: number): number;
  /** What to print: the seed and how to replay it, or that everything runs. */
  summary: string;
}

/** The sample of the test called `name` (names keep the streams of different tests apart). */
export function sampleOf(name: string): Sample {
  const seed = runSeed();
  const isFull = isFullRun();
  const random = seededRandom(seed ^ createHash('sha256').update(name).digest().readUInt32LE(0));
  return {
    seed,
    isFull,
    random,
    pick: (count) => Math.floor(random() * count),
    summary: isFull
      ? `${name}: everything (TEST_SAMPLE=all)`
      : `${name}: a sample, seed ${seed} (TEST_SEED=${seed} replays it, TEST_SAMPLE=all runs everything)`,
  };
}

/** The items in a seeded order (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}
