import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fitGrowthModel, type GrowthFit, GrowthModelError, RANDOM_EFFECTS } from '../server/features/evaluation/growth-model';
import { CliError, parseCommandArguments } from './cli-arguments';
import { BAD_FILE_EXIT_CODE, parseMeasurementsCsv, parseTrainingsCsv } from './growth-input';

export const ANALYSE_GROWTH_USAGE = `  analyse growth        fit the piecewise growth model (before/after the team training) by REML, print JSON:
                          --measurements <m.csv> header person,school,time,score
                          --trainings <t.csv>    header school,time (each school's training time)
                          [--model person|school-person]  random intercepts (default person)
                        a file the model cannot use exits with code 2 and a one-line message`;

export const GROWTH_OPTIONS = {
  measurements: { type: 'string' },
  trainings: { type: 'string' },
  model: { type: 'string' },
} as const;

const growthArgumentsSchema = z.strictObject({
  measurements: z.string().min(1),
  trainings: z.string().min(1),
  model: z.enum(RANDOM_EFFECTS).default('person'),
  positionals: z.tuple([z.literal('growth')]),
});

/** The fit in the contract's shape and key order. */
export function growthJson(fit: GrowthFit): object {
  return {
    rows: fit.rows,
    persons: fit.persons,
    fixed: fit.fixed,
    slopeDifference: fit.slopeDifference,
    variance: fit.variance,
    logLikREML: fit.logLikREML,
  };
}

/**
 * `groeiwijzer analyse growth --measurements m.csv --trainings t.csv [--model person|school-person]`: the
 * effect evaluation's growth model on two CSV files, printed as one line of JSON. A boundary fit (a variance
 * estimated at 0) is fitted as lme4 fits it and noted on stderr.
 */
export function runAnalyseGrowth(
  args: string[],
  readText: (path: string) => string = (path) => readFileSync(path, 'utf8'),
  print: (line: string) => void = console.log,
  warn: (line: string) => void = console.error,
): GrowthFit {
  const options = parseCommandArguments('analyse growth', args, GROWTH_OPTIONS, growthArgumentsSchema);
  const trainings = parseTrainingsCsv(readFile(options.trainings, readText), options.trainings);
  const measurements = parseMeasurementsCsv(readFile(options.measurements, readText), options.measurements, trainings, options.trainings);
  let fit: GrowthFit;
  try {
    fit = fitGrowthModel(measurements, trainings, options.model);
  } catch (error) {
    if (error instanceof GrowthModelError) throw new CliError(`${options.measurements}: ${error.message}`, BAD_FILE_EXIT_CODE);
    throw error;
  }
  if (fit.isSingular) warn('boundary (singular) fit: a random-effect variance is estimated at 0');
  print(JSON.stringify(growthJson(fit)));
  return fit;
}

function readFile(path: string, readText: (path: string) => string): string {
  try {
    return readText(path);
  } catch (error) {
    throw new CliError(`${path}: cannot be read: ${error instanceof Error ? error.message : String(error)}`, BAD_FILE_EXIT_CODE);
  }
}
