import { CsvError, parse } from 'csv-parse/sync';
import type { RatingInput } from '../server/features/selfscan/aggregate';
import { CliError } from './cli-arguments';

// Pure CSV text → ratings for `groeiwijzer analyse selfscan`: no files, so tests feed it strings.
// Every problem names the line as a spreadsheet shows it (header = line 1).

/** The columns a ratings file must have; others are ignored. */
export const RATINGS_COLUMNS = ['respondent', 'role', 'aspect', 'phase'] as const;

const PHASES: Readonly<Record<string, RatingInput['phase']>> = { '1': 1, '2': 2, '3': 3, '4': 4, '': null, '?': null };

/** One CSV record and the line it starts on, as a spreadsheet numbers lines (header = line 1). */
export interface CsvRecord {
  record: string[];
  line: number;
}

/** How readCsvRecords treats cells; the defaults suit files people edit by hand. */
export interface CsvReadOptions {
  /** Strip spaces around cells (default true); false keeps every cell exactly as written. */
  trim?: boolean;
  /** Read a stray quote (e.g. after a space, which untrimmed reading no longer skips) as text instead of refusing the file (default false). */
  relaxQuotes?: boolean;
}

/** Reads CSV text (cells split by `;` or `,`, as the header shows; BOM and blank lines ignored, padding too unless `trim: false`). */
export function readCsvRecords(text: string, what: string, { trim = true, relaxQuotes = false }: CsvReadOptions = {}): CsvRecord[] {
  try {
    const records = parse(text, {
      bom: true,
      delimiter: separatorOf(text),
      relax_column_count: true,
      relax_quotes: relaxQuotes,
      skip_empty_lines: true,
      trim,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((entry) => ({ record: entry.record, line: lineOf(entry) }));
  } catch (error) {
    if (error instanceof CsvError) throw new CliError(`${what} is not readable CSV: ${error.message}`);
    throw error;
  }
}

/**
 * Reads a ratings CSV (header `respondent,role,aspect,phase`, cells split by `;` or `,`; phase 1–4, empty or
 * `?` = don't know) and refuses bad rows with a CliError naming the line; `aspectIds` restricts the aspects (the model's).
 * The role `other` (small roles coarsened by the app's export) is read as a role that is never named.
 */
export function parseRatingsCsv(text: string, options: { aspectIds?: readonly string[] } = {}): RatingInput[] {
  const [header, ...rows] = readCsvRecords(text, 'ratings file');
  if (header === undefined) throw new CliError('ratings file is empty: expected the header respondent,role,aspect,phase');
  const columnOf = Object.fromEntries(RATINGS_COLUMNS.map((column) => [column, header.record.indexOf(column)])) as Record<
    (typeof RATINGS_COLUMNS)[number],
    number
  >;
  const missing = RATINGS_COLUMNS.filter((column) => columnOf[column] === -1);
  if (missing.length > 0) {
    throw new CliError(`line ${header.line}: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected ${RATINGS_COLUMNS.join(',')})`);
  }

  const knownAspects = options.aspectIds === undefined ? null : new Set(options.aspectIds);
  const roleOf = new Map<string, { role: string; line: number }>();
  const answeredOn = new Map<string, number>();
  const ratings: RatingInput[] = [];
  for (const row of rows) {
    const { line } = row;
    if (row.record.length !== header.record.length) {
      throw new CliError(`line ${line}: expected ${header.record.length} cells like the header, found ${row.record.length}`);
    }
    const cell = (column: (typeof RATINGS_COLUMNS)[number]) => row.record[columnOf[column]] ?? '';
    const respondent = cell('respondent');
    const role = cell('role');
    const aspect = cell('aspect');
    const phaseText = cell('phase');
    for (const [column, value] of [['respondent', respondent], ['role', role], ['aspect', aspect]] as const) {
      if (value === '') throw new CliError(`line ${line}: ${column} is empty`);
    }
    if (knownAspects !== null && !knownAspects.has(aspect)) throw new CliError(`line ${line}: aspect "${aspect}" is not in the model`);
    const phase = PHASES[phaseText];
    if (phase === undefined) throw new CliError(`line ${line}: phase "${phaseText}" is not 1, 2, 3, 4, empty or ? (don't know)`);
    const earlier = roleOf.get(respondent);
    if (earlier === undefined) roleOf.set(respondent, { role, line });
    else if (earlier.role !== role) {
      throw new CliError(`line ${line}: respondent "${respondent}" has role "${role}" but had role "${earlier.role}" on line ${earlier.line}`);
    }
    // JSON keeps the pair unambiguous whatever characters the ids contain.
    const answerKey = JSON.stringify([respondent, aspect]);
    const answeredLine = answeredOn.get(answerKey);
    if (answeredLine !== undefined) throw new CliError(`line ${line}: respondent "${respondent}" rated aspect "${aspect}" already on line ${answeredLine}`);
    answeredOn.set(answerKey, line);
    ratings.push({ respondent, role, aspect, phase });
  }
  return ratings;
}

// The app's export and Dutch Excel write `;`, other tools `,`; the header (plain column names) shows which.
function separatorOf(text: string): ';' | ',' {
  const header = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  return header.includes(';') ? ';' : ',';
}

// info.lines is the line a record ends on; a quoted cell spanning lines moves its start up.
function lineOf({ record, info }: { record: string[]; info: { lines: number } }): number {
  return info.lines - record.reduce((sum, cell) => sum + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}
