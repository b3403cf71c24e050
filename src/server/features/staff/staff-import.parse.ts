import { z } from 'zod';
import { SCHOOL_ROLES, type SchoolRole } from '../../../shared/roles';
import {
  MAX_STAFF_IMPORT_ROWS,
  REQUIRED_STAFF_IMPORT_FIELDS,
  STAFF_IMPORT_FIELDS,
  type StaffImportErrorCode,
  type StaffImportField,
} from '../../../shared/staff-import';
import { addDays } from '../../../shared/school-time';
import { cleanCell, normaliseHeader, openCsv, readCalendarDate } from '../../http/csv-upload';
import { emailSchema, nameSchema } from '../../http/common.schemas';
import { normaliseEmail } from '../../auth/users.repository';

// A staff CSV (name, e-mail, roles, start date) → checked rows, without database or clock (today and the
// importer's own address are passed in). The file is read by http/csv-upload.ts, as the pupil import's is.

/** One problem in one row; `field` is a column, or `row` for cells that do not line up with the header. */
export interface StaffImportError {
  field: StaffImportField | 'row';
  code: StaffImportErrorCode;
}

/** One row of the file as read: the values (normalised where they are valid) and every problem. */
export interface StaffImportRow {
  line: number;
  name: string;
  email: string;
  roles: SchoolRole[];
  startedOn: string | null;
  errors: StaffImportError[];
}

/** A file read: the columns it lacks (then there are no rows), its rows, and whether it held too many. */
export interface StaffImportFile {
  missingColumns: StaffImportField[];
  rows: StaffImportRow[];
  tooManyRows: boolean;
}

// Header names, normalised (lowercase letters and digits), Dutch and English.
const HEADER_SYNONYMS: Record<StaffImportField, readonly string[]> = {
  name: ['naam', 'name', 'volledigenaam', 'fullname'],
  email: ['email', 'emailadres', 'mail', 'mailadres', 'emailaddress'],
  roles: ['rollen', 'rol', 'roles', 'role', 'functie', 'functies'],
  startedOn: ['startdatum', 'startdate', 'indienst', 'indienstsinds', 'datumindienst', 'indienstdatum', 'begindatum', 'startedon'],
};

// The words a school may use for each role (normalised): the app's own Dutch and English names and common synonyms.
const ROLE_SYNONYMS: Record<SchoolRole, readonly string[]> = {
  school_admin: ['schoolbeheerder', 'beheerder', 'schooladmin', 'schooladministrator'],
  leadership: ['directie', 'directeur', 'schoolleider', 'schoolleiding', 'leadership', 'management'],
  tso_lead: ['tsokartrekker', 'kartrekker', 'kartrekkertso', 'tsolead', 'tsocoordinator'],
  teacher: ['leerkracht', 'leraar', 'docent', 'mentor', 'teacher'],
  care_team: ['zorgteam', 'internbegeleider', 'ib', 'iber', 'zorgcoordinator', 'orthopedagoog', 'aandachtsfunctionaris', 'careteam'],
};

// Roles in one cell are separated by any of these (a quoted cell may hold the file's own delimiter).
const ROLE_SEPARATORS = /[,;|/+]/;
const EARLIEST_START_YEAR = 1950;
// A start date may lie ahead (someone joins after the summer), but not more than a year.
const LATEST_START_DAYS_AHEAD = 366;

/** The zod check of one row's values once read from the cells. */
const staffImportRowSchema = z.object({ name: nameSchema, email: emailSchema });

/** The school role a word of the roles column names, or null. */
export function roleFromWord(word: string): SchoolRole | null {
  const normalised = normaliseHeader(word);
  for (const role of SCHOOL_ROLES) {
    if (normaliseHeader(role) === normalised || ROLE_SYNONYMS[role].includes(normalised)) return role;
  }
  return null;
}

/**
 * Reads and checks a staff file. `today` (YYYY-MM-DD) bounds start dates; `ownEmail` is the importer's address,
 * which no row may invite. A later row with an address seen before is an error.
 */
export async function readStaffImport(text: string, today: string, ownEmail: string): Promise<StaffImportFile> {
  const file = await openCsv(text);
  const normalised = file.headers.map(normaliseHeader);
  const columns = Object.fromEntries(
    STAFF_IMPORT_FIELDS.map((field) => [field, normalised.findIndex((header) => HEADER_SYNONYMS[field].includes(header))]),
  ) as Record<StaffImportField, number>;
  const missingColumns = REQUIRED_STAFF_IMPORT_FIELDS.filter((field) => columns[field] < 0);
  if (missingColumns.length > 0) return { missingColumns, rows: [], tooManyRows: false };

  const latestStart = addDays(today, LATEST_START_DAYS_AHEAD);
  const own = normaliseEmail(ownEmail);
  const seen = new Set<string>();
  const rows: StaffImportRow[] = [];
  for await (const { line, cells } of file.rows) {
    if (rows.length === MAX_STAFF_IMPORT_ROWS) return { missingColumns: [], rows, tooManyRows: true };
    const cell = (field: StaffImportField) => (columns[field] < 0 ? '' : cleanCell(cells[columns[field]] ?? ''));
    const errors: StaffImportError[] = [];
    const fail = (field: StaffImportField | 'row', code: StaffImportErrorCode) => errors.push({ field, code });
    if (cells.slice(file.headers.length).some((value) => value.trim() !== '')) fail('row', 'column_count');

    const name = cell('name');
    const email = cell('email');
    const checked = staffImportRowSchema.safeParse({ name, email });
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = issue.path[0] as 'name' | 'email';
        if (errors.some((error) => error.field === field)) continue;
        const value = field === 'name' ? name : email;
        fail(field, value === '' ? 'missing' : issue.code === 'too_big' ? 'too_long' : field === 'email' ? 'invalid_email' : 'control_characters');
      }
    }
    const address = normaliseEmail(email);
    if (checked.success && address === own) fail('email', 'own_address');
    else if (checked.success && seen.has(address)) fail('email', 'duplicate_email');
    if (email !== '') seen.add(address);

    const words = cell('roles').split(ROLE_SEPARATORS).map((word) => word.trim()).filter((word) => word !== '');
    const roles = words.map(roleFromWord);
    if (words.length === 0) fail('roles', 'missing');
    else if (roles.includes(null)) fail('roles', 'unknown_role');

    const dateText = cell('startedOn');
    const startedOn = dateText === '' ? null : readCalendarDate(dateText);
    if (dateText !== '' && (startedOn === null || Number(startedOn.slice(0, 4)) < EARLIEST_START_YEAR || startedOn > latestStart)) fail('startedOn', 'invalid_date');

    rows.push({
      line,
      name,
      email: checked.success ? address : email,
      roles: [...new Set(roles.filter((role): role is SchoolRole => role !== null))],
      startedOn: errors.some((error) => error.field === 'startedOn') ? null : startedOn,
      errors,
    });
  }
  return { missingColumns: [], rows, tooManyRows: false };
}
