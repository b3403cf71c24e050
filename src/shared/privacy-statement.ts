// The privacy statement a school shows its team (issue 12). The default words live in the web app's
// catalogue (both languages); a school that adapts them stores its own text, shown as plain text.

/** The longest privacy statement a school may store, in characters (a few printed pages). */
export const PRIVACY_STATEMENT_MAX_LENGTH = 20_000;
