import { type CsvRow, cleanCell, normaliseHeader, readCalendarDate } from '../../http/csv-upload';
import { IMPORT_FIELDS, type ImportErrorCode, type ImportField } from '../../../shared/pupil-import';

// CSV → records → errors without database or clock (today's date is passed in), so staging an
// upload and the unit tests run exactly the same code. Reading the file itself (BOM, delimiter, streaming)
// is http/csv-upload.ts, shared with the staff import.

export { type CsvFile, type CsvRow, CsvUnreadableError, cleanCell, normaliseHeader, openCsv } from '../../http/csv-upload';


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

/** The outcome of checking one row: a record to import, or every problem of the row. */
export type RowCheck = { record: ImportRecord; errors?: undefined } | { record?: undefined; errors: ImportError[] };

/**
 * A checker for the rows of one file, called on each row in file order. `today` (YYYY-MM-DD) bounds
 * birth dates; a pupil number seen before in the file is an error on the later row.
 */
export function createRowChecker(headers: readonly string[], mapping: Mapping, today: string): (row: CsvRow) => RowCheck {
  const columnOf = (field: ImportField): number => {
    const column = mapping[field];
    return column === undefined || column === null ? -1 : headers.indexOf(column);
  };
  const columns = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, columnOf(field)])) as Record<ImportField, number>;
  const width = headers.length;
  const seenNumbers = new Set<string>();

  return ({ line, cells }) => {
    // Extra empty cells at the end (a trailing delimiter) are harmless; anything else means shifted columns.
    const hasExtraContent = cells.slice(width).some((cell) => cell.trim() !== '');
    if (cells.length < width || hasExtraContent) return { errors: [{ line, field: 'row', code: 'column_count' }] };
    const cell = (field: ImportField) => (columns[field] < 0 ? '' : cleanCell(cells[columns[field]] ?? ''));
    const errors: ImportError[] = [];
    const fail = (field: ImportField, code: ImportErrorCode) => errors.push({ line, field, code });

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

    if (errors.length > 0) return { errors };
    return {
      record: {
        line,
        pupilNumber,
        firstName,
        lastName,
        birthDate: birthDate === 'invalid' ? null : birthDate,
        className: className === '' ? null : className,
      },
    };
  };
}

/** Joins a tussenvoegsel to a last name ("de" + "Vries" → "de Vries"), unless the last name already starts with it. */
export function joinPrefix(prefix: string, lastName: string): string {
  if (prefix === '') return lastName;
  if (lastName.toLowerCase().startsWith(`${prefix.toLowerCase()} `)) return lastName;
  return `${prefix} ${lastName}`.trim();
}

const EARLIEST_BIRTH_YEAR = 1900;

/**
 * Reads a birth date written as dd-mm-yyyy, d-m-yyyy, dd/mm/yyyy, dd.mm.yyyy or yyyy-mm-dd and
 * returns YYYY-MM-DD; 'invalid' for impossible dates, dates after `today` or before 1900.
 */
export function parseDutchDate(text: string, today: string): string | 'invalid' {
  const result = readCalendarDate(text);
  if (result === null || Number(result.slice(0, 4)) < EARLIEST_BIRTH_YEAR || result > today) return 'invalid';
  return result;
}
