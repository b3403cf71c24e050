/** Password length bounds (NIST 800-63B: no composition rules, allow long passphrases). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** Largest JSON body the API accepts, in bytes (a CSV of a big school fits). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Pupils per import batch request; the web client shows progress per batch. */
export const IMPORT_BATCH_SIZE = 200;
/** Rows the import preview returns at most (the error report is always complete). */
export const IMPORT_PREVIEW_ROWS = 20;
