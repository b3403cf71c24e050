import writeXlsxFile, { type CellObject } from 'write-excel-file/node';
import type { Locale } from '../../shared/roles';
import { type CsvCell, toCsv } from './csv';

// One description of a downloadable table, written two ways: as CSV for machines (codes, ISO dates, full
// precision; csv.ts's one escaping rule) and as an .xlsx workbook for people (headers and labels in the reader's
// language, numbers as numbers rounded in the cell's format, dates as dates, a bold frozen header row). An export
// describes its columns once, so the two files can never drift apart.

/** The two spreadsheet formats every table export offers. */
export const SPREADSHEET_FORMATS = ['xlsx', 'csv'] as const;
/** A spreadsheet format: a workbook for people or CSV for machines. */
export type SpreadsheetFormat = (typeof SPREADSHEET_FORMATS)[number];

/** The media types of the two formats. */
export const SPREADSHEET_CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * What a column holds: text; a whole number; a decimal (rounded to two decimals in the workbook, full precision
 * in the CSV); a share from 0 to 1 (a whole percentage in the workbook, the full-precision fraction in the CSV); a
 * calendar date (`YYYY-MM-DD` in the CSV, a date in the workbook); or yes/no (true/false in the CSV, a word in
 * the workbook).
 */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'percent' | 'date' | 'yesNo';

/** One column of an export. */
export interface ExportColumn<Row> {
  /** The CSV header (a stable machine key); a column without one is only in the workbook, for people. */
  key?: string;
  /** The workbook header, in the reader's language. */
  header: string;
  kind: ColumnKind;
  /** The value as machines read it: a code, a full-precision number, an ISO date. */
  value: (row: Row) => CsvCell;
  /** The text people read in the workbook instead of the value (a label for a code); undefined: the value itself. */
  shown?: (row: Row) => string | null | undefined;
}

/** A table to download: a sheet name, its columns and its rows. */
export interface ExportTable<Row> {
  /** The workbook's sheet name (at most 31 characters, none of `[]:*?/\`). */
  sheet: string;
  columns: readonly ExportColumn<Row>[];
  rows: readonly Row[];
}

const DECIMALS = 2;
const DECIMAL_FORMAT = '0.00';
const INTEGER_FORMAT = '0';
const PERCENT_FORMAT = '0%';
const DATE_FORMAT: Record<Locale, string> = { nl: 'dd-mm-yyyy', en: 'dd/mm/yyyy' };
const YES_NO: Record<Locale, { yes: string; no: string }> = { nl: { yes: 'ja', no: 'nee' }, en: { yes: 'yes', no: 'no' } };
const HEADER_BACKGROUND = '#E8E8E8';
// Column widths in characters: wide enough for the header and the longest value, within reason.
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const DATE_WIDTH = 11;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The table as CSV text (with byte order mark): the columns that have a key, their machine values. */
export function tableToCsv<Row>(table: ExportTable<Row>): string {
  const columns = table.columns.filter((column) => column.key !== undefined);
  return toCsv(
    columns.map((column) => column.key!),
    table.rows.map((row) => columns.map((column) => column.value(row))),
  );
}

/** A table written as a file to download: its bytes or text, media type and file name (`<baseName>.xlsx` or `.csv`). */
export async function spreadsheetFileOf<Row>(
  table: ExportTable<Row>,
  format: SpreadsheetFormat,
  locale: Locale,
  baseName: string,
): Promise<{ body: Buffer | string; contentType: string; fileName: string }> {
  const body = format === 'xlsx' ? await tableToXlsx(table, locale) : tableToCsv(table);
  return { body, contentType: SPREADSHEET_CONTENT_TYPES[format], fileName: `${baseName}.${format}` };
}

/** The table as an .xlsx workbook of one sheet, in the reader's language. */
export async function tableToXlsx<Row>(table: ExportTable<Row>, locale: Locale): Promise<Buffer> {
  const headerRow: CellObject[] = table.columns.map((column) => ({ value: column.header, type: String, fontWeight: 'bold', backgroundColor: HEADER_BACKGROUND }));
  const bodyRows = table.rows.map((row) => table.columns.map((column) => workbookCellOf(column, row, locale)));
  const columns = table.columns.map((_, index) => ({ width: widthOf([headerRow[index]!, ...bodyRows.map((cells) => cells[index] ?? null)]) }));
  return writeXlsxFile([headerRow, ...bodyRows], { sheet: table.sheet, columns, stickyRowsCount: 1 }).toBuffer();
}

function workbookCellOf<Row>(column: ExportColumn<Row>, row: Row, locale: Locale): CellObject | null {
  const shown = column.shown?.(row);
  if (shown !== undefined) return shown === null ? null : { value: shown, type: String };
  const value = column.value(row);
  if (value === null || value === undefined || value === '') return null;
  switch (column.kind) {
    case 'integer':
      return { value: Number(value), type: Number, format: INTEGER_FORMAT };
    case 'decimal':
      return { value: roundedOf(Number(value)), type: Number, format: DECIMAL_FORMAT };
    case 'percent':
      // Rounded to whole percents: 0.6667 is stored as 0.67 and shown as 67%.
      return { value: roundedOf(Number(value)), type: Number, format: PERCENT_FORMAT };
    case 'date':
      return { value: dateOf(String(value)), type: Date, format: DATE_FORMAT[locale] };
    case 'yesNo':
      return { value: value === true ? YES_NO[locale].yes : YES_NO[locale].no, type: String };
    case 'text':
      return { value: String(value), type: String };
  }
}

// Rounded half away from zero, as Excel's own ROUND does; Number.EPSILON keeps 2.675 from becoming 2.67.
function roundedOf(value: number): number {
  if (!Number.isFinite(value)) throw new Error(`a workbook cell cannot hold ${value}`);
  const factor = 10 ** DECIMALS;
  const rounded = (Math.sign(value) * Math.round((Math.abs(value) + Number.EPSILON) * factor)) / factor;
  return rounded === 0 ? 0 : rounded;
}

// A calendar date as midnight UTC: the workbook stores the day without a time zone.
function dateOf(isoDate: string): Date {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new Error(`a date column holds ${isoDate}, not YYYY-MM-DD`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function widthOf(cells: readonly (CellObject | null)[]): number {
  const longest = Math.max(
    ...cells.map((cell) => {
      if (cell === null || cell.value === undefined) return 0;
      return cell.value instanceof Date ? DATE_WIDTH : String(cell.value).length;
    }),
  );
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}
