// Benchmark of the self-scan aggregation (issue 3, "Done when" 4): 10,000 respondents × 15 aspects,
// against the time it takes merely to read the same rows, measured in the same run. Not a test.
import { performance } from 'node:perf_hooks';
import { aggregateSelfScan, type RatingInput } from '../src/server/features/selfscan/aggregate';
import { seededRandom } from '../src/shared/seeded-random';

const RESPONDENTS = 10_000;
const ASPECTS = 15;
const WARM_UP_RUNS = 5;
const MEASURED_RUNS = 15;
const GOAL_MS = 100;
const ROLES = ['teacher', 'teaching_assistant', 'care_team', 'leadership', 'support_staff', 'tso_lead', 'trainee'];
// Mostly teachers, a few of everyone else; the tiny trainee role forces the remainder rule to run.
const ROLE_WEIGHTS = [0.7, 0.15, 0.08, 0.039, 0.03, 0.0007, 0.0003];


function generateRatings(): RatingInput[] {
  const random = seededRandom(3);
  const aspects = Array.from({ length: ASPECTS }, (_, index) => `layer-${1 + Math.floor(index / 4)}.aspect-${index + 1}`);
  const ratings: RatingInput[] = [];
  for (let person = 0; person < RESPONDENTS; person += 1) {
    let draw = random();
    const roleIndex = ROLE_WEIGHTS.findIndex((weight) => (draw -= weight) < 0);
    const role = ROLES[roleIndex === -1 ? ROLES.length - 1 : roleIndex]!;
    for (const aspect of aspects) {
      const phase = random() < 0.08 ? null : ((1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4);
      ratings.push({ respondent: `respondent-${person}`, role, aspect, phase });
    }
  }
  return ratings;
}

// The floor: one pass touching every row's phase, summed so the engine cannot drop the loop.
function readRows(ratings: readonly RatingInput[]): number {
  let sum = 0;
  for (let i = 0; i < ratings.length; i += 1) sum += ratings[i]!.phase ?? 0;
  return sum;
}

function medianMs(work: () => unknown): number {
  let sink = 0;
  for (let run = 0; run < WARM_UP_RUNS; run += 1) sink += Number(Boolean(work()));
  const times: number[] = [];
  for (let run = 0; run < MEASURED_RUNS; run += 1) {
    const start = performance.now();
    sink += Number(Boolean(work()));
    times.push(performance.now() - start);
  }
  if (sink < 0) console.log(sink);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const ratings = generateRatings();
const baselineMs = medianMs(() => readRows(ratings));
const aggregateMs = medianMs(() => aggregateSelfScan(ratings, { minGroupSize: 5 }));
const check = aggregateSelfScan(ratings, { minGroupSize: 5 });

console.log(`self-scan aggregation: ${RESPONDENTS} respondents × ${ASPECTS} aspects, median of ${MEASURED_RUNS} runs after ${WARM_UP_RUNS} warm-up runs`);
console.table([
  {
    rows: ratings.length,
    'baseline ms (read rows)': Number(baselineMs.toFixed(3)),
    'aggregate ms': Number(aggregateMs.toFixed(2)),
    'aggregate / baseline': Number((aggregateMs / baselineMs).toFixed(1)),
    [`goal < ${GOAL_MS} ms`]: aggregateMs < GOAL_MS ? 'met' : 'NOT met',
  },
]);
console.log(`groups shown: ${check.groups.map((group) => `${group.group} (${group.respondents})`).join(', ')}`);
