// Writes the reference data of the growth model's tests: for every case in cases.ts its two CSV files and
// lme4's fit (JSON). Needs R with lme4. Run: npx tsx src/server/features/evaluation/growth-reference/make-reference.ts
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { growthCsv } from '../growth-simulation';
import { referenceData } from './reference-data';
import { REFERENCE_CASES } from './cases';

const here = import.meta.dirname;
for (const referenceCase of REFERENCE_CASES) {
  const csv = growthCsv(referenceData(referenceCase));
  const measurementsPath = join(here, `${referenceCase.name}.measurements.csv`);
  const trainingsPath = join(here, `${referenceCase.name}.trainings.csv`);
  writeFileSync(measurementsPath, csv.measurements);
  writeFileSync(trainingsPath, csv.trainings);
  const answer = execFileSync('Rscript', [join(here, 'lme4-growth.R'), measurementsPath, trainingsPath, referenceCase.model], { encoding: 'utf8' });
  const fit = JSON.parse(answer) as { singular: boolean; seconds?: number };
  if (fit.singular !== referenceCase.isBoundary) {
    throw new Error(`${referenceCase.name}: lme4 ${fit.singular ? 'reports' : 'does not report'} a boundary fit; pick another seed`);
  }
  delete fit.seconds;
  writeFileSync(join(here, `${referenceCase.name}.lme4.json`), `${JSON.stringify(fit, null, 2)}\n`);
  console.log(`${referenceCase.name}: written`);
}
