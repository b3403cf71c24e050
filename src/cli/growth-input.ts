import type { GrowthMeasurement } from '../server/features/evaluation/growth-model';
import { readCsvRecords } from './analyse-input';
import { CliError } from './cli-arguments';

// Pure CSV text → measurements and training times for `groeiwijzer analyse growth`. Every problem is one
// line naming the file and the line as a spreadsheet shows it (header = line 1), with exit code 2.

export const MEASUREMENT_COLUMNS = ['person', 'school', 'time', 'score'] as const;
export const TRAINING_COLUMNS = ['school', 'time'] as const;

/** The contract's exit code for a file the analysis cannot use. */
export const BAD_FILE_EXIT_CODE = 2;

/** A score left empty or written as R's NA: a missed measurement, left out as lme4 leaves it out. */
const MISSING_SCORES = new Set(['', 'NA']);

/**
 * Reads `person,school,time,score` (any column order, other columns ignored); rows without a score are left
 * out. Every row's school must have a training time (from parseTrainingsCsv, read from `trainingsFile`).
 */
export function parseMeasurementsCsv(text: string, file: string, trainingTimes: ReadonlyMap<string, number>, trainingsFile: string): GrowthMeasurement[] {
  const table = readTable(text, file, MEASUREMENT_COLUMNS);
  const measurements: GrowthMeasurement[] = [];
  for (const row of table.rows) {
    const person = row.cell('person');
    const school = row.cell('school');
    if (person === '') row.fail('person is empty');
    if (school === '') row.fail('school is empty');
    if (!trainingTimes.has(school)) row.fail(`school "${school}" has no training time in ${trainingsFile}`);
    const time = row.number('time');
    if (MISSING_SCORES.has(row.cell('score'))) continue;
    measurements.push({ person, school, time, score: row.number('score') });
  }
  if (measurements.length === 0) throw badFile(`${file}: no row has a score`);
  return measurements;
}

/** Reads `school,time`: one training time per school (a school listed twice must agree with itself). */
export function parseTrainingsCsv(text: string, file: string): Map<string, number> {
  const table = readTable(text, file, TRAINING_COLUMNS);
  const trainings = new Map<string, number>();
  const lineOf = new Map<string, number>();
  for (const row of table.rows) {
    const school = row.cell('school');
    if (school === '') row.fail('school is empty');
    const time = row.number('time');
    const earlier = trainings.get(school);
    if (earlier !== undefined && earlier !== time) row.fail(`school "${school}" has training time ${time} but had ${earlier} on line ${lineOf.get(school)}`);
    trainings.set(school, time);
    if (earlier === undefined) lineOf.set(school, row.line);
  }
  return trainings;
}

/** One row of a table read by readTable: its cells by column, and a way to refuse the file at this row. */
export interface TableRow {
  line: number;
  cell(column: string): string;
  number(column: string): number;
  fail(problem: string): never;
}

/** Reads a CSV file with the given columns (any order, others ignored); a missing column or an empty file exits 2. */
export function readTable(text: string, file: string, columns: readonly string[]): { rows: TableRow[] } {
  const [header, ...records] = readCsvRecords(text, file);
  if (header === undefined) throw badFile(`${file}: the file is empty: expected the header ${columns.join(',')}`);
  const columnOf = new Map(columns.map((column) => [column, header.record.indexOf(column)]));
  const missing = columns.filter((column) => columnOf.get(column) === -1);
  if (missing.length > 0) {
    throw badFile(`${file}: line ${header.line}: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected ${columns.join(',')})`);
  }
  const rows = records.map(({ record, line }): TableRow => {
    const fail = (problem: string): never => {
      throw badFile(`${file}: line ${line}: ${problem}`);
    };
    const cell = (column: string) => record[columnOf.get(column)!] ?? '';
    return {
      line,
      cell,
      fail,
      number(column) {
        const text = cell(column);
        const value = parseDecimal(text);
        return value ?? fail(`${column} "${text}" is not a number`);
      },
    };
  });
  return { rows };
}

const DECIMAL = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/;

/** A decimal number with a point or (as Dutch spreadsheets write it) a comma; `undefined` for anything else. */
function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** A file the analysis cannot use: one line naming the file (and row), exit code 2. */
export function badFile(message: string): CliError {
  return new CliError(message, BAD_FILE_EXIT_CODE);
}
