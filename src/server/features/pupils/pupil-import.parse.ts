import { CsvError, parse } from 'csv-parse/sync';
import { IMPORT_FIELDS, type ImportErrorCode, type ImportField } from '../../../shared/pupil-import';

// Pure CSV → records → errors: no database, no clock (today's date is passed in), so the
// preview, the import and the unit tests all run exactly the same code.


/** Which column (by header name) of the file holds each field; optional fields may be absent or null. */
export interface Mapping {
  pupilNumber: string;
  firstName: string;
  lastName: string;
  prefix?: string | null;
  birthDate?: string | null;
  className?: string | null;
}

/** A valid row of the file, ready to import; `line` is the 1-based line in the file (header = 1). */
export interface ImportRecord {
  line: number;
  pupilNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  className: string | null;
}


/** One problem in one row; `field` is a mapping field, or `row` for a row whose cells do not line up with the header. */
export interface ImportError {
  line: number;
  field: ImportField | 'row';
  code: ImportErrorCode;
}

/** The longest values the import accepts, in characters. */
export const IMPORT_MAX_LENGTH = { pupilNumber: 40, firstName: 100, lastName: 120, className: 120 } as const;

/** A file's header and its non-empty data rows, each with the line it starts on. */
export interface CsvTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

/** The file cannot be read as CSV at all (unclosed quote, no header); `reason` is for the admin. */
export class CsvUnreadableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CsvUnreadableError';
  }
}

const CANDIDATE_DELIMITERS = [';', '\t', ','] as const;

/**
 * Reads CSV text as exported by Dutch pupil administrations: optional BOM, `;` `,` or tab
 * (detected from the header), quoted fields, any line ending, a header row. Blank rows are skipped.
 */
export function readCsv(text: string): CsvTable {
  // One line-ending style keeps csv-parse's line count equal to the lines a spreadsheet shows.
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalised.trim() === '') throw new CsvUnreadableError('the file is empty');
  const delimiter = detectDelimiter(normalised);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(normalised, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) throw new CsvUnreadableError(error.message);
    throw error;
  }
  const rows: CsvTable['rows'] = [];
  let headers: string[] | null = null;
  for (const { record, info } of parsed) {
    if (record.every((cell) => cell.trim() === '')) continue;
    // info.lines is where the record ends; a quoted cell may span lines.
    const line = info.lines - record.reduce((sum, cell) => sum + countNewlines(cell), 0);
    if (headers === null) headers = record.map(cleanCell);
    else rows.push({ line, cells: record });
  }
  if (headers === null) throw new CsvUnreadableError('the file has no header row');
  return { headers, rows };
}

function countNewlines(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count += 1;
  return count;
}

// The delimiter that splits the header into the most columns wins; ties go to `;`, the Dutch default.
function detectDelimiter(text: string): string {
  let best: string = CANDIDATE_DELIMITERS[0];
  let bestCount = 0;
  const headerLine = firstFilledLine(text);
  for (const delimiter of CANDIDATE_DELIMITERS) {
    try {
      const [header] = parse(text, { delimiter, relax_quotes: true, relax_column_count: true, from_line: headerLine, to_line: headerLine });
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
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.trim() !== '');
  return index + 1;
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

// Header names used by ParnasSys, Magister and Somtoday, normalised, most specific first.
const HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  pupilNumber: ['leerlingnummer', 'leerlingnr', 'llnnr', 'llnnummer', 'stamnummer', 'stamnr'],
  firstName: ['roepnaam', 'voornaam'],
  lastName: ['achternaam', 'geslachtsnaam', 'naam'],
  prefix: ['tussenvoegsel', 'tussenvoegsels', 'tussenv', 'voorvoegsel', 'voorvoegsels'],
  birthDate: ['geboortedatum', 'gebdatum', 'geboortedat', 'gebdat'],
  className: ['groep', 'klas', 'stamgroep', 'stamklas', 'basisgroep'],
};

/** Suggests which column holds which field from the header names; null when a required one is not found. */
export function suggestMapping(headers: readonly string[]): Mapping | null {
  const normalised = headers.map(normaliseHeader);
  const used = new Set<number>();
  const found: Partial<Record<ImportField, string>> = {};
  for (const field of IMPORT_FIELDS) {
    for (const synonym of HEADER_SYNONYMS[field]) {
      const index = normalised.findIndex((header, position) => header === synonym && !used.has(position));
      if (index >= 0) {
        used.add(index);
        found[field] = headers[index];
        break;
      }
    }
  }
  if (!found.pupilNumber || !found.firstName || !found.lastName) return null;
  return {
    pupilNumber: found.pupilNumber,
    firstName: found.firstName,
    lastName: found.lastName,
    prefix: found.prefix ?? null,
    birthDate: found.birthDate ?? null,
    className: found.className ?? null,
  };
}

/** The mapping fields whose column is not a header of the file (empty when the mapping fits). */
export function unknownMappingColumns(headers: readonly string[], mapping: Mapping): ImportField[] {
  return IMPORT_FIELDS.filter((field) => {
    const column = mapping[field];
    return column !== undefined && column !== null && !headers.includes(column);
  });
}

/** The outcome of checking every row of a file against a mapping. */
export interface ValidationResult {
  totalRows: number;
  records: ImportRecord[];
  errors: ImportError[];
  /** Rows with at least one error; `records.length + errorRowCount === totalRows`. */
  errorRowCount: number;
}

/**
 * Turns the rows of a file into pupil records and a complete error report. `today` (YYYY-MM-DD)
 * bounds birth dates; a pupil number seen before in the file is an error on the later row.
 */
export function validateRows(table: CsvTable, mapping: Mapping, today: string): ValidationResult {
  const columnOf = (field: ImportField): number => {
    const column = mapping[field];
    return column === undefined || column === null ? -1 : table.headers.indexOf(column);
  };
  const columns = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, columnOf(field)])) as Record<ImportField, number>;
  const width = table.headers.length;
  const seenNumbers = new Set<string>();
  const records: ImportRecord[] = [];
  const errors: ImportError[] = [];
  let errorRowCount = 0;

  for (const { line, cells } of table.rows) {
    // Extra empty cells at the end (a trailing delimiter) are harmless; anything else means shifted columns.
    const hasExtraContent = cells.slice(width).some((cell) => cell.trim() !== '');
    if (cells.length < width || hasExtraContent) {
      errors.push({ line, field: 'row', code: 'column_count' });
      errorRowCount += 1;
      continue;
    }
    const cell = (field: ImportField) => (columns[field] < 0 ? '' : cleanCell(cells[columns[field]] ?? ''));
    const rowErrors: ImportError[] = [];
    const fail = (field: ImportField, code: ImportErrorCode) => rowErrors.push({ line, field, code });

    const pupilNumber = cell('pupilNumber');
    if (pupilNumber === '') fail('pupilNumber', 'missing');
    else if (pupilNumber.length > IMPORT_MAX_LENGTH.pupilNumber) fail('pupilNumber', 'too_long');
    else if (seenNumbers.has(pupilNumber)) fail('pupilNumber', 'duplicate_number');
    if (pupilNumber !== '') seenNumbers.add(pupilNumber);

    const firstName = cell('firstName');
    if (firstName === '') fail('firstName', 'missing');
    else if (firstName.length > IMPORT_MAX_LENGTH.firstName) fail('firstName', 'too_long');

    const lastName = joinPrefix(cell('prefix'), cell('lastName'));
    if (cell('lastName') === '') fail('lastName', 'missing');
    else if (lastName.length > IMPORT_MAX_LENGTH.lastName) fail('lastName', 'too_long');

    const birthDateText = cell('birthDate');
    const birthDate = birthDateText === '' ? null : parseDutchDate(birthDateText, today);
    if (birthDate === 'invalid') fail('birthDate', 'invalid_date');

    const className = cell('className');
    if (className.length > IMPORT_MAX_LENGTH.className) fail('className', 'too_long');

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      errorRowCount += 1;
      continue;
    }
    records.push({
      line,
      pupilNumber,
      firstName,
      lastName,
      birthDate: birthDate === 'invalid' ? null : birthDate,
      className: className === '' ? null : className,
    });
  }
  return { totalRows: table.rows.length, records, errors, errorRowCount };
}

/** Joins a tussenvoegsel to a last name ("de" + "Vries" → "de Vries"), unless the last name already starts with it. */
export function joinPrefix(prefix: string, lastName: string): string {
  if (prefix === '') return lastName;
  if (lastName.toLowerCase().startsWith(`${prefix.toLowerCase()} `)) return lastName;
  return `${prefix} ${lastName}`.trim();
}

const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const EARLIEST_BIRTH_YEAR = 1900;

/**
 * Reads a birth date written as dd-mm-yyyy, d-m-yyyy, dd/mm/yyyy, dd.mm.yyyy or yyyy-mm-dd and
 * returns YYYY-MM-DD; 'invalid' for impossible dates, dates after `today` or before 1900.
 */
export function parseDutchDate(text: string, today: string): string | 'invalid' {
  const dayFirst = DAY_FIRST.exec(text);
  const iso = dayFirst ? null : ISO_DATE.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (dayFirst) [day, month, year] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
  else if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return 'invalid';
  // Date.UTC rolls 31-02 over into March; a round trip catches every impossible day.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'invalid';
  const result = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (year < EARLIEST_BIRTH_YEAR || result > today) return 'invalid';
  return result;
}
