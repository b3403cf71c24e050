// Benchmark of the effect evaluation's growth model (issue 13, "Done when" 5): 10,000 persons × 6 waves,
// fitted with both random-effect structures, next to R's lme4 on the same data in the same run when R and
// lme4 are installed (Debian: apt-get install -y --no-install-recommends r-base-core r-cran-lme4). Not a test.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fitGrowthModel, type GrowthFit, RANDOM_EFFECTS } from '../src/server/features/evaluation/growth-model';
import { growthCsv, simulateGrowth } from '../src/server/features/evaluation/growth-simulation';

const SCHOOLS = 50;
const PERSONS_PER_SCHOOL = 200;
const MEASURED_RUNS = 5;
const R_SCRIPT = resolve(import.meta.dirname, '../src/server/features/evaluation/growth-reference/lme4-growth.R');

const data = simulateGrowth({
  seed: 2026,
  schools: SCHOOLS,
  personsPerSchool: PERSONS_PER_SCHOOL,
  waves: 6,
  trainingTimes: [2.5, 3, 3.5],
  fixed: { intercept: 3.1, baselineSlope: 0.05, implementationSlope: 0.15, levelChange: 0.2 },
  sd: { school: 0.25, person: 0.45, residual: 0.4 },
  missing: 0.08,
});

function medianMs(work: () => unknown): number {
  work();
  const times: number[] = [];
  for (let run = 0; run < MEASURED_RUNS; run++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const hasR = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(lme4))'], { stdio: 'ignore' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'gw-bench-growth-'));
const csv = growthCsv(data);
writeFileSync(join(dir, 'm.csv'), csv.measurements);
writeFileSync(join(dir, 't.csv'), csv.trainings);

console.log(`growth model: ${SCHOOLS * PERSONS_PER_SCHOOL} persons × 6 waves (${data.measurements.length} rows, 8% missed), median of ${MEASURED_RUNS} fits after one warm-up`);
if (!hasR) console.log('R with lme4 is not installed here: lme4 is left out (apt-get install -y --no-install-recommends r-base-core r-cran-lme4)');
const rows = RANDOM_EFFECTS.map((model) => {
  let fit: GrowthFit | undefined;
  const oursMs = medianMs(() => (fit = fitGrowthModel(data.measurements, data.trainingTimes, model)));
  const row: Record<string, string | number> = { model, 'groeiwijzer ms': Number(oursMs.toFixed(1)), 'slope difference': fit!.slopeDifference.estimate.toFixed(5) };
  if (hasR) {
    // lme4's time is the lmer() call alone (not R's start or reading the CSV), as the R script measures it.
    const lme4 = JSON.parse(execFileSync('Rscript', [R_SCRIPT, join(dir, 'm.csv'), join(dir, 't.csv'), model], { encoding: 'utf8' })) as {
      seconds: number;
      slopeDifference: { estimate: number };
    };
    row['lme4 ms'] = Math.round(lme4.seconds * 1000);
    row['groeiwijzer / lme4'] = Number((oursMs / (lme4.seconds * 1000)).toFixed(3));
    row['lme4 slope difference'] = lme4.slopeDifference.estimate.toFixed(5);
    row['goal: no slower than lme4'] = oursMs <= lme4.seconds * 1000 ? 'met' : 'NOT met';
  }
  return row;
});
console.table(rows);
rmSync(dir, { recursive: true, force: true });
