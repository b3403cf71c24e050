/** Password length bounds (NIST 800-63B: no composition rules, allow long passphrases). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/**
 * Largest request body of every route but the CSV uploads, in bytes. The biggest real JSON bodies are a
 * development model import (the shipped model is 36 kB: this leaves room for one 14 times as large) and
 * a plan text (4,000 characters, under 30 kB even with every character escaped).
 */
export const MAX_JSON_BODY_BYTES = 512 * 1024;
/** Largest request body of the routes that upload a CSV file (the pupil import), in bytes: a big school's export fits. */
export const MAX_IMPORT_BODY_BYTES = 5 * 1024 * 1024;
/** How deeply a JSON body may nest objects and arrays; the deepest real body (a model import) nests 8 levels. */
export const MAX_JSON_DEPTH = 16;
/** Pupils per import batch request; the web client shows progress per batch. */
export const IMPORT_BATCH_SIZE = 200;
/** Rows the import preview returns at most (the error report is always complete). */
export const IMPORT_PREVIEW_ROWS = 20;
/**
 * The longest period the anonymous check-in figures are given per day (longer ones go per week): a board's
 * answer by day then stays about as large as a whole school year by week (~20,000 rows for 500 classes).
 */
export const MAX_FIGURES_DAYS_BY_DAY = 62;
/** The shortest time between two reminders of one self-scan round, in hours: a nudge, never a stream of mail. */
export const SELFSCAN_REMINDER_INTERVAL_HOURS = 24;
