import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatCell, toCsv, UTF8_BOM } from './csv';

describe('toCsv', () => {
  it('starts with a byte order mark, puts ; between cells and ends every line with CRLF', () => {
    const text = toCsv(['a', 'b'], [['x', 1]]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text).toBe(`${UTF8_BOM}"a";"b"\r\n"x";"1"\r\n`);
  });

  it('quotes every cell and doubles inner quotes (RFC 4180), so separators and line breaks stay inside the cell', () => {
    expect(formatCell('gewoon')).toBe('"gewoon"');
    expect(formatCell('a;b,c\td')).toBe('"a;b,c\td"');
    expect(formatCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(formatCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(formatCell('')).toBe('""');
  });

  it('escapes text a spreadsheet would run as a formula with a leading apostrophe', () => {
    expect(formatCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(formatCell('+31 6')).toBe(`"'+31 6"`);
    expect(formatCell('-1+2')).toBe(`"'-1+2"`);
    expect(formatCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(formatCell('\0=1')).toBe(`"'\0=1"`);
    // A spreadsheet that trims spaces would see the formula at the start.
    expect(formatCell('  =1+1')).toBe(`"  '=1+1"`);
  });

  it('also escapes a formula after , ; tab or a line break, where an importer that guesses another separator or ignores the quotes starts a cell', () => {
    expect(formatCell("x;=cmd|' /C calc'!A0")).toBe(`"x;'=cmd|' /C calc'!A0"`);
    expect(formatCell('x,=1+1')).toBe(`"x,'=1+1"`);
    expect(formatCell('x; -1')).toBe(`"x; '-1"`);
    expect(formatCell('\t=1')).toBe(`"'\t'=1"`);
    expect(formatCell('\r\n@x')).toBe(`"'\r\n'@x"`);
    expect(formatCell('Lijst:\n- één\n- twee')).toBe(`"Lijst:\n'- één\n'- twee"`);
    // Anywhere else a formula character is just text.
    expect(formatCell('a=b+c-d@e')).toBe('"a=b+c-d@e"');
    expect(formatCell('x;a=1')).toBe('"x;a=1"');
  });

  it('writes numbers with a decimal comma, without grouping or exponent, and refuses numbers that are not finite', () => {
    expect(formatCell(2.5)).toBe('"2,5"');
    expect(formatCell(-1.25)).toBe('"-1,25"');
    expect(formatCell(1234567.5)).toBe('"1234567,5"');
    expect(formatCell(2.3333333333333335)).toBe('"2,3333333333333335"');
    expect(formatCell(1e-7)).toBe('"0,0000001"');
    expect(formatCell(1e21)).toBe('"1000000000000000000000"');
    expect(formatCell(-0)).toBe('"0"');
    expect(() => formatCell(Number.NaN)).toThrow();
    expect(() => formatCell(Number.POSITIVE_INFINITY)).toThrow();
  });

  it('writes booleans as true/false and no value as an empty cell', () => {
    expect(formatCell(true)).toBe('"true"');
    expect(formatCell(false)).toBe('"false"');
    expect(formatCell(null)).toBe('');
    expect(formatCell(undefined)).toBe('');
  });

  it('refuses a row with a different number of cells than the header', () => {
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow(/1 cells/);
  });

  it('reads back to the same cells (apart from the escape) with a standard parser that splits on ;', () => {
    const rows = [
      ['Zelfscan "najaar"; groep 8, één', 'één\r\ntwee', 3],
      ['=1+1', '', 2.5],
      ['x;=1+1', null, -4],
    ];
    expect(parse(toCsv(['naam', 'tekst', 'getal'], rows), { bom: true, delimiter: ';' })).toEqual([
      ['naam', 'tekst', 'getal'],
      ['Zelfscan "najaar"; groep 8, één', 'één\r\ntwee', '3'],
      ["'=1+1", '', '2,5'],
      ["x;'=1+1", '', '-4'],
    ]);
  });
});
