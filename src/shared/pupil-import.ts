/** The fields a pupil import can fill, in the order the wizard shows them. */
export const IMPORT_FIELDS = ['pupilNumber', 'firstName', 'lastName', 'prefix', 'birthDate', 'className'] as const;
/** One field of a pupil import. */
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Fields an import cannot do without. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['pupilNumber', 'firstName', 'lastName'];

/** Why a row of an import file cannot be imported. */
export const IMPORT_ERROR_CODES = ['missing', 'invalid_date', 'duplicate_number', 'too_long', 'column_count'] as const;
/** One reason a row cannot be imported. */
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];
