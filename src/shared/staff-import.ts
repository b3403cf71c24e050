/** The columns of a staff import file, in the order the preview shows them. */
export const STAFF_IMPORT_FIELDS = ['name', 'email', 'roles', 'startedOn'] as const;
/** One column of a staff import. */
export type StaffImportField = (typeof STAFF_IMPORT_FIELDS)[number];
/** Columns a staff import cannot do without (the start date may be left out). */
export const REQUIRED_STAFF_IMPORT_FIELDS: readonly StaffImportField[] = ['name', 'email', 'roles'];

/** Why a row of a staff import cannot be imported. */
export const STAFF_IMPORT_ERROR_CODES = [
  'missing',
  'too_long',
  'invalid_email',
  'unknown_role',
  'invalid_date',
  'duplicate_email',
  'own_address',
  'control_characters',
  'column_count',
] as const;
/** One reason a staff import row cannot be imported. */
export type StaffImportErrorCode = (typeof STAFF_IMPORT_ERROR_CODES)[number];

/**
 * What confirming does with a valid row: invite the person, or — someone already on the school's staff — only
 * set their start date (their roles stay as they are), or nothing when that date is already the same.
 */
export const STAFF_IMPORT_ACTIONS = ['invite', 'set_start_date', 'unchanged'] as const;
/** What happens to one row. */
export type StaffImportAction = (typeof STAFF_IMPORT_ACTIONS)[number];

/** The most rows one staff import file may hold. */
export const MAX_STAFF_IMPORT_ROWS = 500;
