import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ACE_ANSWERS, ACE_INFORMANTS, type AceCohort, type AcePupilSummary, type AceRow, aceCohort, combineAces } from '../shared/aces';
import { readCsvRecords } from './analyse-input';
import { CliError, parseCommandArguments } from './cli-arguments';

export const ANALYSE_ACES_USAGE = `  analyse aces          combine the ACE answers of pupil, parents and school file per pupil, print JSON:
                          --input <aces.csv>     header pupil,informant,category,answer (informant pupil|parent|file,
                                                 answer yes|no|unknown); other rows are skipped and counted as errors`;

/** The columns an ACE file must have; others are ignored. */
export const ACES_COLUMNS = ['pupil', 'informant', 'category', 'answer'] as const;

export const ACES_OPTIONS = {
  input: { type: 'string' },
} as const;

const acesArgumentsSchema = z.strictObject({
  input: z.string().min(1),
  positionals: z.tuple([z.literal('aces')]),
});

/** The ACE answers a file holds and how many of its rows were not usable. */
export interface ParsedAces {
  rows: AceRow[];
  errors: number;
}

/** The printed result: per pupil, the cohort, and how many rows were skipped. */
export interface AcesResult {
  pupils: AcePupilSummary[];
  cohort: AceCohort;
  errors: number;
}

/**
 * Reads an ACE CSV (header `pupil,informant,category,answer` in any order, cells split by `;` or `,`). Cells
 * are compared exactly as written: ` yes` or `Yes` is not an answer, because a care team's file that is off
 * should show up as errors rather than be guessed at. A row with a wrong value, an empty pupil or category or
 * another number of cells than the header is skipped and counted; a header without a column is a CliError.
 */
export function parseAcesCsv(text: string, file = 'ACE file'): ParsedAces {
  const [header, ...records] = readCsvRecords(text, file, { trim: false, relaxQuotes: true });
  const columnOf = new Map(ACES_COLUMNS.map((column) => [column, header?.record.indexOf(column) ?? -1]));
  const missing = ACES_COLUMNS.filter((column) => columnOf.get(column) === -1);
  if (header === undefined || missing.length > 0) {
    const where = header === undefined ? 'the file is empty' : `line ${header.line}: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
    throw new CliError(`${file}: ${where} (expected the header ${ACES_COLUMNS.join(',')})`);
  }
  const rows: AceRow[] = [];
  let errors = 0;
  for (const { record } of records) {
    const cell = (column: (typeof ACES_COLUMNS)[number]) => record[columnOf.get(column)!] ?? '';
    const row = record.length === header.record.length ? aceRowOf(cell('pupil'), cell('informant'), cell('category'), cell('answer')) : null;
    if (row === null) errors += 1;
    else rows.push(row);
  }
  return { rows, errors };
}

/** The combination and cohort of parsed answers, in the contract's key order. */
export function acesJson({ rows, errors }: ParsedAces): AcesResult {
  return { pupils: combineAces(rows), cohort: aceCohort(rows), errors };
}

/**
 * `groeiwijzer analyse aces --input aces.csv`: combines the pupil's, the parents' and the school file's ACE
 * answers with the same function as the web app and prints the result as one line of JSON.
 */
export function runAnalyseAces(
  args: string[],
  readText: (path: string) => string = (path) => readFileSync(path, 'utf8'),
  print: (line: string) => void = console.log,
): AcesResult {
  const options = parseCommandArguments('analyse aces', args, ACES_OPTIONS, acesArgumentsSchema);
  let text: string;
  try {
    text = readText(options.input);
  } catch (error) {
    throw new CliError(`analyse aces: cannot read ${options.input}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let parsed: ParsedAces;
  try {
    parsed = parseAcesCsv(text, options.input);
  } catch (error) {
    if (error instanceof CliError) throw new CliError(`analyse aces: ${error.message}`);
    throw error;
  }
  const result = acesJson(parsed);
  print(JSON.stringify(result));
  return result;
}

// Exact matches only (see parseAcesCsv); null for a row that is skipped.
function aceRowOf(pupil: string, informant: string, category: string, answer: string): AceRow | null {
  if (pupil === '' || category === '' || !isOneOf(ACE_INFORMANTS, informant) || !isOneOf(ACE_ANSWERS, answer)) return null;
  return { pupil, informant, category, answer };
}

function isOneOf<Value extends string>(values: readonly Value[], value: string): value is Value {
  return (values as readonly string[]).includes(value);
}
