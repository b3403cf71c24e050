import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvError, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

// Reading a CSV file a school uploads (the pupil import, the staff import): optional BOM, `;` `,` or tab
// detected from the header, quoted fields, any line ending, blank rows skipped, and Dutch dates. Reading
// streams and gives the event loop a turn regularly: a file of 200,000 rows must not hold up other users'
// requests. What the columns mean is each import's own business.

/** One non-empty row of a file with the line it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A file opened for reading: its header, and its data rows to be read once, in order. */
export interface CsvFile {
  headers: string[];
  rows: AsyncIterable<CsvRow>;
}

/** The file cannot be read as CSV at all (unclosed quote, no header); `reason` is for the admin. */
export class CsvUnreadableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CsvUnreadableError';
  }
}

const CANDIDATE_DELIMITERS = [';', '\t', ','] as const;
// The parser gets the text in pieces of this many characters: each piece is parsed in one go.
const CHUNK_CHARACTERS = 64 * 1024;
// Rows read between two turns of the event loop: a few milliseconds of reading and checking.
const ROWS_PER_TURN = 500;

/**
 * Opens CSV text as exported by Dutch pupil administrations: optional BOM, `;` `,` or tab
 * (detected from the header), quoted fields, any line ending, a header row. Blank rows are skipped.
 * Reading the rows streams through the text once; a file that turns out unreadable halfway throws
 * CsvUnreadableError from the iteration.
 */
export async function openCsv(text: string): Promise<CsvFile> {
  // \s covers the BOM as well.
  if (!/\S/.test(text)) throw new CsvUnreadableError('the file is empty');
  const head = normalisedChunks(text).next().value ?? '';
  const rows = readRows(normalisedChunks(text), detectDelimiter(head));
  const first = await rows.next();
  if (first.done) throw new CsvUnreadableError('the file has no header row');
  return { headers: first.value.cells.map(cleanCell), rows: { [Symbol.asyncIterator]: () => rows } };
}

// The text without BOM, in pieces, with one line-ending style: that keeps csv-parse's line count
// equal to the lines a spreadsheet shows. A piece never ends inside a CR LF pair or a surrogate pair.
function* normalisedChunks(text: string): Generator<string> {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    let end = Math.min(start + CHUNK_CHARACTERS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && (last === 0x0d || (last >= 0xd800 && last <= 0xdbff))) end += 1;
    yield text.slice(start, end).replace(/\r\n?/g, '\n');
    start = end;
  }
}

// Every non-blank record, header first; info.lines is where a record ends, and a quoted cell may span lines.
async function* readRows(chunks: Iterable<string>, delimiter: string): AsyncGenerator<CsvRow> {
  const parser = Readable.from(chunks).pipe(
    parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }),
  );
  let count = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      count += 1;
      if (count % ROWS_PER_TURN === 0) await nextTurn();
      if (record.every((cell) => cell.trim() === '')) continue;
      yield { line: info.lines - record.reduce((sum, cell) => sum + countNewlines(cell), 0), cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) throw new CsvUnreadableError(error.message);
    throw error;
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count += 1;
  return count;
}

// The delimiter that splits the header into the most columns wins; ties go to `;`, the Dutch default.
// Only the first piece of the file is looked at: the header is in it.
function detectDelimiter(head: string): string {
  let best: string = CANDIDATE_DELIMITERS[0];
  let bestCount = 0;
  const headerLine = firstFilledLine(head);
  for (const delimiter of CANDIDATE_DELIMITERS) {
    try {
      const [header] = parseSync(head, { delimiter, relax_quotes: true, relax_column_count: true, from_line: headerLine, to_line: headerLine });
      const count = header?.length ?? 0;
      if (count > bestCount) {
        best = delimiter;
        bestCount = count;
      }
    } catch {
      // A delimiter under which the header does not parse is simply not the delimiter.
    }
  }
  return best;
}

// The 1-based number of the first non-blank line, so leading blank lines do not hide the header.
function firstFilledLine(text: string): number {
  let line = 1;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (text.slice(start, end < 0 ? undefined : end).trim() !== '' || end < 0) return line;
    line += 1;
    start = end + 1;
  }
}

/** Trims a cell and folds inner whitespace (including line breaks) into single spaces. */
export function cleanCell(cell: string): string {
  return cell.replace(/\s+/g, ' ').trim();
}

/** Header text reduced to lowercase letters and digits, so "Lln.nr." and "llnnr" compare equal. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Reads a date written as dd-mm-yyyy, d-m-yyyy, dd/mm/yyyy, dd.mm.yyyy or yyyy-mm-dd and returns YYYY-MM-DD;
 * null for text that is not such a date or an impossible day (31-02). Each import bounds the dates itself.
 */
export function readCalendarDate(text: string): string | null {
  const dayFirst = DAY_FIRST.exec(text);
  const iso = dayFirst ? null : ISO_DATE.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (dayFirst) [day, month, year] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
  else if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  // Date.UTC rolls 31-02 over into March; a round trip catches every impossible day.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
