import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { analyseSociogram, DEFAULT_NB_ALPHA, type Nomination, type SociogramAnalysis, type SociogramQuestion } from '../shared/sociogram';
import { CliError, parseCommandArguments } from './cli-arguments';
import { BAD_FILE_EXIT_CODE, badFile, readTable } from './growth-input';

export const ANALYSE_SOCIOGRAM_USAGE = `  analyse sociogram     who chose whom in a class: choices, mutual pairs and two status methods, print JSON:
                          --roster <roster.csv>  header pupil (the class, in order)
                          --questions <q.csv>    header question,valence (positive|negative)
                          --nominations <n.csv>  header chooser,chosen,question
                          [--alpha 0.05]         significance of the Newcomb-Bukowski tests
                        a file the analysis cannot use exits with code 2 and a one-line message`;

export const SOCIOGRAM_OPTIONS = {
  roster: { type: 'string' },
  questions: { type: 'string' },
  nominations: { type: 'string' },
  alpha: { type: 'string' },
} as const;

const sociogramArgumentsSchema = z.strictObject({
  roster: z.string().min(1),
  questions: z.string().min(1),
  nominations: z.string().min(1),
  alpha: z
    .string()
    .regex(/^(0?\.\d+|0|1)$/, 'a number between 0 and 1, like 0.05')
    .transform(Number)
    .default(DEFAULT_NB_ALPHA),
  positionals: z.tuple([z.literal('sociogram')]),
});

/** The roster's pupils in file order (empty cells left out; a pupil listed twice counts once). */
export function parseRosterCsv(text: string, file: string): string[] {
  const pupils = readTable(text, file, ['pupil']).rows.map((row) => row.cell('pupil')).filter((pupil) => pupil !== '');
  if (pupils.length === 0) throw badFile(`${file}: the roster has no pupil`);
  return pupils;
}

/** The questions with their valence; a valence other than positive or negative refuses the file at its row. */
export function parseQuestionsCsv(text: string, file: string): SociogramQuestion[] {
  return readTable(text, file, ['question', 'valence']).rows.map((row) => {
    const valence = row.cell('valence');
    if (valence !== 'positive' && valence !== 'negative') row.fail(`valence "${valence}" is not positive or negative`);
    if (row.cell('question') === '') row.fail('question is empty');
    return { id: row.cell('question'), valence: valence as SociogramQuestion['valence'] };
  });
}

/** Every nomination row as written: the analysis decides which are valid (the others are its warnings). */
export function parseNominationsCsv(text: string, file: string): Nomination[] {
  return readTable(text, file, ['chooser', 'chosen', 'question']).rows.map((row) => ({ chooser: row.cell('chooser'), chosen: row.cell('chosen'), question: row.cell('question') }));
}

/** The analysis in the contract's shape and key order. */
export function sociogramJson(analysis: SociogramAnalysis): object {
  return {
    respondents: analysis.respondents,
    pupils: analysis.pupils.map((pupil) => ({
      pupil: pupil.pupil,
      positiveReceived: pupil.positiveReceived,
      negativeReceived: pupil.negativeReceived,
      positiveGiven: pupil.positiveGiven,
      negativeGiven: pupil.negativeGiven,
      zLM: pupil.zLM,
      zLL: pupil.zLL,
      zSP: pupil.zSP,
      zSI: pupil.zSI,
      cdc: pupil.cdc,
      nb: pupil.nb,
      isolated: pupil.isolated,
      mutualFriends: pupil.mutualFriends,
    })),
    mutualPositivePairs: analysis.mutualPositivePairs,
    mutualNegativePairs: analysis.mutualNegativePairs,
    warnings: analysis.warnings,
  };
}

/**
 * `groeiwijzer analyse sociogram --roster r.csv --questions q.csv --nominations n.csv [--alpha 0.05]`: the same
 * analysis as the app (shared/sociogram.ts), printed as one line of JSON.
 */
export function runAnalyseSociogram(
  args: string[],
  readText: (path: string) => string = (path) => readFileSync(path, 'utf8'),
  print: (line: string) => void = console.log,
): SociogramAnalysis {
  const options = parseCommandArguments('analyse sociogram', args, SOCIOGRAM_OPTIONS, sociogramArgumentsSchema);
  const read = (path: string) => {
    try {
      return readText(path);
    } catch (error) {
      throw new CliError(`${path}: cannot be read: ${error instanceof Error ? error.message : String(error)}`, BAD_FILE_EXIT_CODE);
    }
  };
  const analysis = analyseSociogram(
    parseRosterCsv(read(options.roster), options.roster),
    parseQuestionsCsv(read(options.questions), options.questions),
    parseNominationsCsv(read(options.nominations), options.nominations),
    { alpha: options.alpha },
  );
  print(JSON.stringify(sociogramJson(analysis)));
  return analysis;
}
