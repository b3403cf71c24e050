// CSV for downloads that people open in a spreadsheet, made for Dutch Excel: `;` between cells and a decimal
// comma (Dutch Excel splits on its list separator `;` and reads 2.5 as a date or text), UTF-8 with a byte order
// mark (without it Excel reads the accents of Dutch names wrongly), CRLF line ends, every cell in RFC 4180 quotes
// (separators and line breaks in a cell stay in it). No `sep=;` line: with it Excel ignores the BOM.

/** One cell value; null and undefined become an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/** The byte order mark that tells spreadsheet programs the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

// The list separator of Dutch Excel.
const CSV_SEPARATOR = ';';

// A spreadsheet runs a cell starting with = + - @ as a formula (CSV injection, CWE-1236) and may drop a
// leading tab, CR or NUL in front of one. A cell starts at the start of the text, but also after `,` `;` tab or
// a line break when an importer guesses another separator or ignores the quotes, after any spaces it trims.
const FORMULA_AT_CELL_START = /(?<=(?:^|[,;\t\r\n])\s*)(?=[=+\-@\t\r\0])/g;

/**
 * Turns a header and rows into CSV text with a byte order mark. Text that a spreadsheet could read as a
 * formula gets an apostrophe in front; numbers are written with a decimal comma, booleans as true/false.
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(formatCell).join(CSV_SEPARATOR)];
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`a CSV row has ${row.length} cells, the header ${header.length}`);
    lines.push(row.map(formatCell).join(CSV_SEPARATOR));
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** One cell as it appears in the file: empty for no value, otherwise quoted, with text formula-escaped. */
export function formatCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  return `"${textOf(value).replaceAll('"', '""')}"`;
}

function textOf(value: string | number | boolean): string {
  if (typeof value === 'number') return decimalCommaOf(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value.replace(FORMULA_AT_CELL_START, "'");
}

// Plain digits with a decimal comma: no grouping (Dutch Excel reads 1.234 as 1234), no exponent (1e-7), at most
// 20 decimals (all any export needs), otherwise the shortest digits that read back as the same number.
function decimalCommaOf(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`a CSV cell cannot hold ${value}`);
  const plain = (value === 0 ? 0 : value).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  return plain.replace('.', ',');
}
