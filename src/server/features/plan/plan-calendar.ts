// An iCalendar (RFC 5545) writer for the calendar feed of a person's actions: one all-day event per
// due date. Pure text in, text out — no I/O, no clock (the caller passes the moment of writing).

/** One all-day event: the action's due date. */
export interface CalendarEvent {
  /** Globally unique and stable across feeds, so a calendar updates the event instead of adding one. */
  uid: string;
  /** YYYY-MM-DD. */
  date: string;
  summary: string;
  description?: string;
}

/** What a feed holds. */
export interface CalendarInput {
  /** The calendar's name as subscribing apps show it. */
  name: string;
  /** When the feed was written (DTSTAMP of every event). */
  generatedAt: Date;
  events: readonly CalendarEvent[];
}

/** The longest line in octets, without its CRLF (RFC 5545 §3.1). */
export const MAX_LINE_OCTETS = 75;

const CRLF = '\r\n';

/** Writes a VCALENDAR with one all-day VEVENT per event, lines folded at 75 octets and ended by CRLF. */
export function renderCalendar(input: CalendarInput): string {
  const stamp = utcStampOf(input.generatedAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Groeiwijzer//Plan//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
  ];
  for (const event of input.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDateOf(event.date)}`,
      // An all-day event ends (exclusively) on the next day.
      `DTEND;VALUE=DATE:${compactDateOf(nextDayOf(event.date))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * A TEXT value as RFC 5545 §3.3.11 wants it: backslash, semicolon and comma escaped, every line break
 * written as `\n`; other control characters (not allowed in TEXT) are dropped.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,\n]/g, (character) => (character === '\n' ? '\\n' : `\\${character}`));
}

/**
 * Folds one content line into lines of at most 75 octets (UTF-8): each continuation starts with a space,
 * which counts towards its 75. A character is never split, so multi-byte UTF-8 stays whole.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function compactDateOf(date: string): string {
  return date.replaceAll('-', '');
}

function nextDayOf(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

// 2026-11-21T09:00:00.000Z → 20261121T090000Z
function utcStampOf(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}
