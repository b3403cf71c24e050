import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { aspectIdsOf, type DevelopmentModel, developmentModelSchema } from '../shared/selfscan-model';
import { AggregationInputError, aggregateSelfScan, type SelfScanAggregate } from '../server/features/selfscan/aggregate';
import { DEFAULT_MIN_GROUP_SIZE, MIN_GROUP_SIZE_FLOOR } from '../shared/anonymity';
import { ACES_OPTIONS, runAnalyseAces } from './analyse-aces.command';
import { runAnalyseSociogram, SOCIOGRAM_OPTIONS } from './analyse-sociogram.command';
import { GROWTH_OPTIONS, runAnalyseGrowth } from './analyse-growth.command';
import { parseRatingsCsv } from './analyse-input';
import { CliError, parseCommandArguments } from './cli-arguments';

const OPTIONS = {
  input: { type: 'string' },
  'min-group': { type: 'string' },
  model: { type: 'string' },
} as const;

const selfScanArgumentsSchema = z.strictObject({
  input: z.string().min(1),
  'min-group': z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(MIN_GROUP_SIZE_FLOOR, `must be at least ${MIN_GROUP_SIZE_FLOOR}`))
    .default(DEFAULT_MIN_GROUP_SIZE),
  model: z.string().min(1).optional(),
  positionals: z.tuple([z.literal('selfscan', { error: 'the analysis is "selfscan", "growth", "aces" or "sociogram"' })], { error: 'give the analysis: selfscan, growth, aces or sociogram' }),
});

/**
 * `groeiwijzer analyse selfscan --input ratings.csv [--min-group 5] [--model model.json]`: aggregates a
 * ratings file with the same function as the web app and prints the result as one line of JSON.
 */
export function runAnalyse(
  args: string[],
  readText: (path: string) => string = (path) => readFileSync(path, 'utf8'),
  print: (line: string) => void = console.log,
): SelfScanAggregate {
  const options = parseCommandArguments('analyse selfscan', args, OPTIONS, selfScanArgumentsSchema);
  const aspectIds = options.model === undefined ? undefined : aspectIdsOf(readModel(options.model, readText));
  const text = readFile(options.input, readText);
  let ratings;
  try {
    ratings = parseRatingsCsv(text, { aspectIds });
  } catch (error) {
    if (error instanceof CliError) throw new CliError(`analyse selfscan: ${options.input}: ${error.message}`);
    throw error;
  }
  let result: SelfScanAggregate;
  try {
    result = aggregateSelfScan(ratings, { minGroupSize: options['min-group'], aspectIds });
  } catch (error) {
    // parseRatingsCsv refuses these inputs with a line number first; this is a safety net.
    if (error instanceof AggregationInputError) throw new CliError(`analyse selfscan: ${error.message}`);
    throw error;
  }
  print(JSON.stringify(result));
  return result;
}

/** `groeiwijzer analyse …`: the analysis named by the first argument that is not an option or its value. */
export function runAnalysis(args: string[]): void {
  const analysis = analysisOf(args);
  if (analysis === 'growth') runAnalyseGrowth(args);
  else if (analysis === 'aces') runAnalyseAces(args);
  else if (analysis === 'sociogram') runAnalyseSociogram(args);
  else runAnalyse(args);
}

/** The analysis asked for: the first argument that is not an option or an option's value. */
function analysisOf(args: string[]): string | undefined {
  return parseArgs({ args, options: { ...OPTIONS, ...GROWTH_OPTIONS, ...ACES_OPTIONS, ...SOCIOGRAM_OPTIONS }, strict: false, allowPositionals: true }).positionals[0];
}

function readFile(path: string, readText: (path: string) => string): string {
  try {
    return readText(path);
  } catch (error) {
    throw new CliError(`analyse selfscan: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readModel(path: string, readText: (path: string) => string): DevelopmentModel {
  let json: unknown;
  try {
    json = JSON.parse(readFile(path, readText));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`analyse selfscan: the model ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = developmentModelSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(model)'}: ${issue.message}`);
    throw new CliError(`analyse selfscan: the model ${path} is not a valid development model\n${problems.join('\n')}`);
  }
  return result.data;
}
