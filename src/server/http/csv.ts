// CSV for downloads that people open in a spreadsheet: RFC 4180 quoting, comma separated, CRLF line
// ends, UTF-8 with a byte order mark (without it Excel reads the accents of Dutch names wrongly).

/** One cell value; null and undefined become an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/** The byte order mark that tells spreadsheet programs the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection, CWE-1236).
const FORMULA_START = /^[=+\-@\t\r]/;
// A cell with one of these must be quoted, or it breaks the row apart.
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Turns a header and rows into CSV text with a byte order mark. Text that a spreadsheet would read as a
 * formula gets a leading apostrophe; numbers and booleans are written as they are (a number is never a formula).
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(formatCell).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`a CSV row has ${row.length} cells, the header ${header.length}`);
    lines.push(row.map(formatCell).join(','));
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** One cell as it appears in the file: formula-escaped text, quoted when needed. */
export function formatCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`a CSV cell cannot hold ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
