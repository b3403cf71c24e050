import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatCell, toCsv, UTF8_BOM } from './csv';

describe('toCsv', () => {
  it('starts with a byte order mark and ends every line with CRLF', () => {
    const text = toCsv(['a', 'b'], [['x', 1]]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text).toBe(`${UTF8_BOM}a,b\r\nx,1\r\n`);
  });

  it('quotes cells with commas, quotes or line breaks and doubles inner quotes (RFC 4180)', () => {
    expect(formatCell('a,b')).toBe('"a,b"');
    expect(formatCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(formatCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(formatCell('gewoon')).toBe('gewoon');
  });

  it('escapes text a spreadsheet would run as a formula with a leading apostrophe', () => {
    expect(formatCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(formatCell('+31 6')).toBe("'+31 6");
    expect(formatCell('-1+2')).toBe("'-1+2");
    expect(formatCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(formatCell('\tverborgen')).toBe("'\tverborgen");
    expect(formatCell('\r=1')).toBe(`"'\r=1"`);
    // Only the first character counts.
    expect(formatCell('a=b')).toBe('a=b');
  });

  it('writes numbers, booleans and empty values plainly, and refuses numbers that are not finite', () => {
    expect(formatCell(0.7)).toBe('0.7');
    expect(formatCell(-1)).toBe('-1');
    expect(formatCell(true)).toBe('true');
    expect(formatCell(null)).toBe('');
    expect(formatCell(undefined)).toBe('');
    expect(() => formatCell(Number.NaN)).toThrow();
  });

  it('refuses a row with a different number of cells than the header', () => {
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow(/1 cells/);
  });

  it('reads back to the same cells (apart from the escape) with a standard parser', () => {
    const rows = [
      ['Zelfscan "najaar", groep 8', 'één\r\ntwee', 3],
      ['=1+1', '', 2.5],
    ];
    const parsed = parse(toCsv(['naam', 'tekst', 'getal'], rows), { bom: true }) as string[][];
    expect(parsed).toEqual([
      ['naam', 'tekst', 'getal'],
      ['Zelfscan "najaar", groep 8', 'één\r\ntwee', '3'],
      ["'=1+1", '', '2.5'],
    ]);
  });
});
