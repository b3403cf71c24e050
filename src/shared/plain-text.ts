// What text a person types may hold. Control characters do harm without showing: a CR/LF in a name
// forges lines in a mail built around it, and a bidi control (U+202E…) reverses what a reader sees, so
// a link or a file name looks like something else. The API refuses them (http/common.schemas.ts), and
// mail texts strip them again from whatever they interpolate (mail/templates.ts).

// C0 controls except tab and line feed, DEL and the C1 controls.
const CONTROLS_BUT_TAB_AND_LF = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F';
// The Unicode line and paragraph separators, and the bidi marks, embeddings, overrides and isolates.
const SEPARATORS_AND_BIDI = '\\u2028\\u2029\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';

const NOT_SINGLE_LINE = new RegExp(`[\\t\\n${CONTROLS_BUT_TAB_AND_LF}${SEPARATORS_AND_BIDI}]`);
const NOT_MULTI_LINE = new RegExp(`[${CONTROLS_BUT_TAB_AND_LF}${SEPARATORS_AND_BIDI}]`);
const NOT_SINGLE_LINE_RUNS = new RegExp(`[\\t\\n${CONTROLS_BUT_TAB_AND_LF}${SEPARATORS_AND_BIDI}]+`, 'g');

/** The message of a field refused for a control character; the web app shows it in words (form-errors.ts). */
export const CONTROL_CHARACTERS_REFUSED = 'control_characters_not_allowed';

/** True when a text fits on one line: no control character, line or paragraph separator, or bidi control. */
export function isSingleLineText(text: string): boolean {
  return !NOT_SINGLE_LINE.test(text);
}

/** True when a text may stand as paragraphs: like a single line, but line feeds and tabs are allowed. */
export function isMultiLineText(text: string): boolean {
  return !NOT_MULTI_LINE.test(text);
}

/** A text with Windows line ends (CR LF) turned into line feeds, as browsers send a textarea. */
export function normaliseLineBreaks(text: string): string {
  return text.replaceAll('\r\n', '\n');
}

/** A text made safe to put into one line: every run of characters a single line refuses becomes one space. */
export function toSingleLine(text: string): string {
  return text.replace(NOT_SINGLE_LINE_RUNS, ' ').trim();
}
