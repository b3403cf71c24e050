import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkbookInLibreOffice, type SheetCell } from '../../../test/support/libreoffice';
import { type ExportTable, tableToXlsx } from './export-table';

// Proof with a real spreadsheet: a workbook written by tableToXlsx, opened in LibreOffice Calc. Numbers arrive as
// numbers shown with two decimals, dates as dates shown the Dutch way, and text that looks like a formula as text.

interface Line {
  text: string;
  figure: number | null;
  day: string | null;
}

const LINES: Line[] = [
  { text: '=1+1', figure: 0.4472135954999579, day: '2026-12-04' },
  { text: "=cmd|' /C calc'!A0", figure: 2.5, day: '2027-01-31' },
  { text: '@SUM(1;2)', figure: -1.005, day: null },
  { text: 'Één café, Zoë; ’s middags – groep 8', figure: 3, day: '2026-08-17' },
];

const TABLE: ExportTable<Line> = {
  sheet: 'Proef',
  rows: LINES,
  columns: [
    { key: 'text', header: 'Tekst', kind: 'text', value: (line) => line.text },
    { key: 'figure', header: 'Getal', kind: 'decimal', value: (line) => line.figure },
    { key: 'day', header: 'Datum', kind: 'date', value: (line) => line.day },
  ],
};

describe('.xlsx exports opened in LibreOffice Calc', () => {
  let sheet: SheetCell[][];

  beforeAll(async () => {
    sheet = openWorkbookInLibreOffice(await tableToXlsx(TABLE, 'nl'));
  }, 120_000);

  it('reads the header row and every text cell as text, never as a formula', () => {
    expect(sheet[0]!.map((cell) => [cell.type, cell.text])).toEqual([
      ['string', 'Tekst'],
      ['string', 'Getal'],
      ['string', 'Datum'],
    ]);
    for (const [index, line] of LINES.entries()) {
      const cell = sheet[index + 1]![0]!;
      expect(cell).toEqual({ type: 'string', text: line.text });
    }
  });

  it('reads decimals as numbers rounded to two places and dates as dates in dd-mm-jjjj', () => {
    expect(sheet.slice(1).map((row) => [row[1]!.type, row[1]!.value])).toEqual([
      ['float', 0.45],
      ['float', 2.5],
      ['float', -1.01],
      ['float', 3],
    ]);
    // Two decimals in the cell's format (the separator follows the spreadsheet's language).
    expect(sheet.slice(1).map((row) => row[1]!.text.replace(',', '.'))).toEqual(['0.45', '2.50', '-1.01', '3.00']);
    expect(sheet.slice(1).map((row) => (row[2] ? [row[2].type, row[2].text] : null))).toEqual([
      ['date', '04-12-2026'],
      ['date', '31-01-2027'],
      null,
      ['date', '17-08-2026'],
    ]);
  });
});
