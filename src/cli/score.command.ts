import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { compareCodeUnits } from '../shared/aces';
import type { Instrument } from '../shared/questionnaire-instrument';
import { scoreScreening, type ScreeningScore } from '../shared/screening';
import { screeningInstruments } from '../server/features/care/screening-instruments';
import { readCsvRecords } from './analyse-input';
import { CliError, parseCommandArguments } from './cli-arguments';

// `groeiwijzer score <instrument> --input answers.csv`: the care team's screening scores (CRIES-13, CRIES-8,
// CATS) for a file of answers, with the same scoring the app uses (shared/screening.ts).

export const SCORE_USAGE = `  score <cries-13|cries-8|cats>  score screening answers from a CSV file and print JSON:
                          --input <answers.csv>  header respondent,item,answer (item number; answer 0-3, empty = missing)
                        a row with an unknown item or answer is skipped and counted in "errors";
                        an item answered twice makes that respondent "invalid"`;

const OPTIONS = { input: { type: 'string' } } as const;

/** The columns an answers file must have; others are ignored. */
const COLUMNS = ['respondent', 'item', 'answer'] as const;

/** An answer cell: one of the option values, written exactly, or empty for a missed item. */
const ANSWERS: Readonly<Record<string, number | null>> = { '0': 0, '1': 1, '2': 2, '3': 3, '': null };

/** One respondent's answers as read: values per item id, missed items as null, and whether an item came twice. */
interface RespondentAnswers {
  answers: Map<string, number | null>;
  answeredTwice: boolean;
}

/** The file read: per respondent their answers, and the rows skipped. */
export interface ScreeningAnswersFile {
  respondents: Map<string, RespondentAnswers>;
  errors: number;
}

/**
 * Reads an answers CSV for one instrument. Cells are read exactly (no trimming): a row whose item is not one of
 * the instrument's, whose answer is not empty or 0–3, whose respondent is empty or whose cell count differs from
 * the header is skipped and counted; the same respondent and item twice marks that respondent.
 */
export function parseScreeningAnswersCsv(text: string, instrument: Instrument, what = 'answers file'): ScreeningAnswersFile {
  const [header, ...rows] = readCsvRecords(text, what, { trim: false, relaxQuotes: true });
  if (header === undefined) throw new CliError(`${what} is empty: expected the header ${COLUMNS.join(',')}`);
  const columnOf = Object.fromEntries(COLUMNS.map((column) => [column, header.record.indexOf(column)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.filter((column) => columnOf[column] === -1);
  if (missing.length > 0) throw new CliError(`${what}: the header lacks ${missing.join(', ')} (expected ${COLUMNS.join(',')})`);

  const itemIds = new Set(instrument.items.map((item) => item.id));
  const respondents = new Map<string, RespondentAnswers>();
  let errors = 0;
  for (const { record } of rows) {
    const cell = (column: (typeof COLUMNS)[number]) => record[columnOf[column]] ?? '';
    const [respondent, item, answerText] = [cell('respondent'), cell('item'), cell('answer')];
    const answer = Object.hasOwn(ANSWERS, answerText) ? ANSWERS[answerText]! : undefined;
    if (record.length !== header.record.length || respondent === '' || !itemIds.has(item) || answer === undefined) {
      errors += 1;
      continue;
    }
    const entry = respondents.get(respondent) ?? { answers: new Map(), answeredTwice: false };
    if (entry.answers.has(item)) entry.answeredTwice = true;
    else entry.answers.set(item, answer);
    respondents.set(respondent, entry);
  }
  return { respondents, errors };
}

/** The scores of every respondent in the contract's shape and key order, respondents by id (code-unit order). */
export function screeningScoresJson(instrument: Instrument, file: ScreeningAnswersFile): object {
  const ids = [...file.respondents.keys()].sort(compareCodeUnits);
  return {
    instrument: instrument.id,
    respondents: ids.map((respondent) => {
      const { answers, answeredTwice } = file.respondents.get(respondent)!;
      const given = new Map([...answers].filter((entry): entry is [string, number] => entry[1] !== null));
      return respondentJson(respondent, scoreScreening(instrument, given, { answeredTwice }));
    }),
    errors: file.errors,
  };
}

function respondentJson(respondent: string, score: ScreeningScore): object {
  return {
    respondent,
    status: score.status,
    total: score.total,
    subscales: Object.fromEntries(Object.entries(score.subscales).map(([id, value]) => [camelCase(id), value])),
    band: score.band?.id ?? null,
    missingItems: score.missingItems.map(Number),
  };
}

// Scale ids are written like `cognition-mood`; the JSON contract names them like `cognitionMood`.
function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

const scoreArgumentsSchema = (ids: readonly string[]) =>
  z.strictObject({
    input: z.string().min(1),
    positionals: z.tuple([z.enum(ids as [string, ...string[]], { error: `the instrument is one of ${ids.join(', ')}` })], {
      error: `give the instrument: ${ids.join(', ')}`,
    }),
  });

/** Runs `groeiwijzer score`; prints one line of JSON. */
export function runScore(
  args: string[],
  readText: (path: string) => string = (path) => readFileSync(path, 'utf8'),
  print: (line: string) => void = console.log,
): object {
  const instruments = screeningInstruments();
  const options = parseCommandArguments('score', args, OPTIONS, scoreArgumentsSchema(instruments.map((instrument) => instrument.id)));
  const instrument = instruments.find((candidate) => candidate.id === options.positionals[0])!;
  let text: string;
  try {
    text = readText(options.input);
  } catch (error) {
    throw new CliError(`score: cannot read ${options.input}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = screeningScoresJson(instrument, parseScreeningAnswersCsv(text, instrument, options.input));
  print(JSON.stringify(result));
  return result;
}
