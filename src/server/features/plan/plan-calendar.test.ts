import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, MAX_LINE_OCTETS, renderCalendar } from './plan-calendar';

/** Undoes folding (RFC 5545 §3.1): a CRLF followed by one space or tab joins the lines. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('escapeText', () => {
  it('escapes backslash, semicolon and comma, and writes every line break as \\n', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    expect(escapeText('één\r\ntwee\ndrie\rvier')).toBe('één\\ntwee\\ndrie\\nvier');
  });

  it('drops control characters that TEXT may not hold, but keeps tabs', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    const exact = 'S'.repeat(MAX_LINE_OCTETS);
    expect(foldLine(exact)).toBe(exact);
    expect(foldLine(`${exact}X`)).toBe(`${exact}\r\n X`);
  });

  it('never splits a multi-byte character and keeps every line within 75 octets', () => {
    // 2-byte (é), 3-byte (€) and 4-byte (🌱) characters at every offset around the fold.
    for (let prefix = 0; prefix < 5; prefix += 1) {
      const line = `SUMMARY:${'a'.repeat(prefix)}${'é€🌱'.repeat(40)}`;
      const folded = foldLine(line);
      const pieces = folded.split('\r\n');
      expect(pieces.length).toBeGreaterThan(2);
      for (const [index, piece] of pieces.entries()) {
        expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(MAX_LINE_OCTETS);
        if (index > 0) expect(piece.startsWith(' ')).toBe(true);
        // A split character would show as U+FFFD after a round trip through bytes.
        expect(Buffer.from(piece, 'utf8').toString('utf8')).not.toContain('\uFFFD');
        expect(piece).not.toMatch(/[\uD800-\uDBFF]$/);
      }
      expect(unfold(folded)).toBe(line);
    }
  });
});

describe('renderCalendar', () => {
  const calendar = renderCalendar({
    name: 'Groeiwijzer: mijn acties',
    generatedAt: new Date('2026-11-23T06:05:09.123Z'),
    events: [
      { uid: 'a1@groeiwijzer', date: '2026-12-31', summary: 'Teamdag; plannen, evalueren\\ en "vieren"\nmet iedereen', description: 'School: De Linde' },
      { uid: 'a2@groeiwijzer', date: '2027-02-28', summary: 'Kort' },
    ],
  });

  it('ends every line with CRLF and keeps every line within 75 octets', () => {
    expect(calendar.endsWith('\r\n')).toBe(true);
    expect(calendar.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of calendar.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(MAX_LINE_OCTETS);
  });

  it('writes one all-day event per action with its UID, date, next-day end and escaped summary', () => {
    const lines = unfold(calendar).split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:a1@groeiwijzer');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    expect(lines).toContain('DTSTART;VALUE=DATE:20270228');
    expect(lines).toContain('DTEND;VALUE=DATE:20270301');
    expect(lines).toContain('DTSTAMP:20261123T060509Z');
    expect(lines).toContain('SUMMARY:Teamdag\\; plannen\\, evalueren\\\\ en "vieren"\\nmet iedereen');
    expect(lines).toContain('DESCRIPTION:School: De Linde');
    expect(lines).toContain('X-WR-CALNAME:Groeiwijzer: mijn acties');
  });

  it('writes an empty calendar when there is nothing due', () => {
    const empty = renderCalendar({ name: 'Leeg', generatedAt: new Date('2026-11-23T06:00:00Z'), events: [] });
    expect(empty).not.toContain('BEGIN:VEVENT');
    expect(empty.split('\r\n').filter(Boolean).at(-1)).toBe('END:VCALENDAR');
  });
});
