import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type ExportTable, SPREADSHEET_CONTENT_TYPES, spreadsheetFileOf, tableToCsv, tableToXlsx } from './export-table';

interface Action {
  title: string;
  status: 'open' | 'in_progress' | 'done';
  dueOn: string | null;
  mean: number | null;
  count: number;
  overdue: boolean;
}

const STATUS = { open: 'Open', in_progress: 'Mee bezig', done: 'Klaar' } as const;

const ROWS: Action[] = [
  { title: 'Rustplek inrichten in groep 5', status: 'in_progress', dueOn: '2026-12-04', mean: 0.4472135954999579, count: 12, overdue: false },
  // Text someone could type: it must stay text in the workbook, never a formula.
  { title: '=HYPERLINK("http://x.test";"klik")', status: 'open', dueOn: null, mean: 2.675, count: 0, overdue: true },
  { title: 'Één café, Zoë; ’s middags', status: 'done', dueOn: '2027-01-31', mean: null, count: 3, overdue: false },
];

const TABLE: ExportTable<Action> = {
  sheet: 'Acties',
  rows: ROWS,
  columns: [
    { key: 'action', header: 'Actie', kind: 'text', value: (row) => row.title },
    { key: 'status', header: 'Status', kind: 'text', value: (row) => row.status, shown: (row) => STATUS[row.status] },
    { key: 'dueOn', header: 'Einddatum', kind: 'date', value: (row) => row.dueOn },
    { key: 'mean', header: 'Gemiddelde', kind: 'decimal', value: (row) => row.mean },
    { key: 'n', header: 'Aantal', kind: 'integer', value: (row) => row.count },
    { key: 'overdue', header: 'Te laat', kind: 'yesNo', value: (row) => row.overdue },
    // Only for people: no key, so not in the CSV.
    { header: 'Toelichting', kind: 'text', value: () => null, shown: (row) => `${STATUS[row.status]} sinds kort` },
  ],
};

/** The XML parts of a workbook, by path inside the zip. */
function partsOf(workbook: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(workbook))).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

describe('tableToXlsx', () => {
  it('writes a workbook whose header row and cells read back as people read them: labels, numbers and dates', async () => {
    const [header, ...rows] = await readSheet(await tableToXlsx(TABLE, 'nl'));
    expect(header).toEqual(['Actie', 'Status', 'Einddatum', 'Gemiddelde', 'Aantal', 'Te laat', 'Toelichting']);
    expect(rows).toEqual([
      ['Rustplek inrichten in groep 5', 'Mee bezig', new Date(Date.UTC(2026, 11, 4)), 0.45, 12, 'nee', 'Mee bezig sinds kort'],
      ['=HYPERLINK("http://x.test";"klik")', 'Open', null, 2.68, 0, 'ja', 'Open sinds kort'],
      ['Één café, Zoë; ’s middags', 'Klaar', new Date(Date.UTC(2027, 0, 31)), null, 3, 'nee', 'Klaar sinds kort'],
    ]);
    // Numbers are numbers and dates are dates, not text that looks like them.
    expect(typeof rows[0]![3]).toBe('number');
    expect(typeof rows[0]![4]).toBe('number');
    expect(rows[0]![2]).toBeInstanceOf(Date);
  });

  it('says yes/no and writes dates in the English way when the reader asked for English', async () => {
    const [, first, second] = await readSheet(await tableToXlsx(TABLE, 'en'));
    expect(first![5]).toBe('no');
    expect(second![5]).toBe('yes');
    expect(partsOf(await tableToXlsx(TABLE, 'en'))['xl/styles.xml']).toContain('formatCode="dd/mm/yyyy"');
  });

  it('formats decimals with two places and dates the Dutch way, bolds and freezes the header, and sizes the columns', async () => {
    const parts = partsOf(await tableToXlsx(TABLE, 'nl'));
    const styles = parts['xl/styles.xml']!;
    const sheet = parts['xl/worksheets/sheet1.xml']!;
    expect(styles).toContain('formatCode="0.00"');
    expect(styles).toContain('formatCode="dd-mm-yyyy"');
    expect(styles).toMatch(/<b\s*\/>/);
    // The first row stays in view when scrolling.
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    const widths = [...sheet.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(widths).toHaveLength(TABLE.columns.length);
    // The long formula-like title is wider than the header "Aantal"; no column is narrower than eight characters.
    expect(widths[0]).toBeGreaterThan(30);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(8);
    expect(parts['xl/workbook.xml']).toContain('name="Acties"');
  });

  it('writes a share as a number with a whole-percent format, and keeps the fraction in the CSV', async () => {
    const shares: ExportTable<{ share: number | null }> = {
      sheet: 'Aandeel',
      rows: [{ share: 2 / 3 }, { share: null }, { share: 1 }],
      columns: [{ key: 'share', header: 'Aandeel', kind: 'percent', value: (row) => row.share }],
    };
    const workbook = await tableToXlsx(shares, 'nl');
    expect(await readSheet(workbook)).toEqual([['Aandeel'], [0.67], [null], [1]]);
    expect(partsOf(workbook)['xl/styles.xml']).toContain('formatCode="0%"');
    expect(parse(tableToCsv(shares).slice(1), { delimiter: ';' })).toEqual([['share'], ['0,6666666666666666'], [''], ['1']]);
  });

  it('never writes a formula: text that looks like one is a text cell', async () => {
    const sheet = partsOf(await tableToXlsx(TABLE, 'nl'))['xl/worksheets/sheet1.xml']!;
    expect(sheet).not.toContain('<f>');
    expect(sheet).not.toContain('<f ');
  });
});

describe('tableToCsv', () => {
  it('writes the keyed columns with their machine values through the one CSV rule: codes, ISO dates, full precision, escaped formulas', () => {
    const csv = tableToCsv(TABLE);
    expect(csv.startsWith('\uFEFF"action";"status";"dueOn";"mean";"n";"overdue"\r\n')).toBe(true);
    const [header, ...rows] = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    expect(header).toEqual(['action', 'status', 'dueOn', 'mean', 'n', 'overdue']);
    expect(rows).toEqual([
      ['Rustplek inrichten in groep 5', 'in_progress', '2026-12-04', '0,4472135954999579', '12', 'false'],
      [`'=HYPERLINK("http://x.test";"klik")`, 'open', '', '2,675', '0', 'true'],
      ['Één café, Zoë; ’s middags', 'done', '2027-01-31', '', '3', 'false'],
    ]);
  });
});

describe('spreadsheetFileOf', () => {
  it('names the file after the format and gives the matching media type', async () => {
    const xlsx = await spreadsheetFileOf(TABLE, 'xlsx', 'nl', 'plan-de-vlinderboom-2026-2027-acties');
    expect(xlsx.fileName).toBe('plan-de-vlinderboom-2026-2027-acties.xlsx');
    expect(xlsx.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.isBuffer(xlsx.body)).toBe(true);
    const csv = await spreadsheetFileOf(TABLE, 'csv', 'nl', 'plan-de-vlinderboom-2026-2027-acties');
    expect(csv).toEqual({ body: tableToCsv(TABLE), contentType: SPREADSHEET_CONTENT_TYPES.csv, fileName: 'plan-de-vlinderboom-2026-2027-acties.csv' });
  });
});
