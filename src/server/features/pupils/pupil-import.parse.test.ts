import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createRowChecker,
  type CsvRow,
  CsvUnreadableError,
  type ImportError,
  type ImportRecord,
  joinPrefix,
  type Mapping,
  normaliseHeader,
  openCsv,
  parseDutchDate,
  suggestMapping,
  unknownMappingColumns,
} from './pupil-import.parse';

const TODAY = '2026-11-21';

function fixture(name: string): string {
  return readFileSync(new URL(`../../../../test/fixtures/pupil-imports/${name}`, import.meta.url), 'utf8');
}

// The whole file at once: its header and every row.
async function readCsv(text: string): Promise<{ headers: string[]; rows: CsvRow[] }> {
  const file = await openCsv(text);
  const rows: CsvRow[] = [];
  for await (const row of file.rows) rows.push(row);
  return { headers: file.headers, rows };
}

// Every row checked against the mapping, in file order.
function validateRows(table: { headers: string[]; rows: CsvRow[] }, mapping: Mapping, today: string) {
  const check = createRowChecker(table.headers, mapping, today);
  const records: ImportRecord[] = [];
  const errors: ImportError[] = [];
  let errorRowCount = 0;
  for (const row of table.rows) {
    const result = check(row);
    if (result.record) records.push(result.record);
    else {
      errors.push(...result.errors);
      errorRowCount += 1;
    }
  }
  return { totalRows: table.rows.length, records, errors, errorRowCount };
}

async function checkFile(text: string) {
  const table = await readCsv(text);
  const mapping = suggestMapping(table.headers);
  if (!mapping) throw new Error('no mapping suggested');
  return { table, mapping, ...validateRows(table, mapping, TODAY) };
}

describe('reading the three export styles', () => {
  it('reads a ParnasSys export: BOM, semicolons, CRLF, tussenvoegsel joined, dd-mm-yyyy dates, Groep', async () => {
    const { table, mapping, records, errors } = await checkFile(fixture('parnassys.csv'));
    expect(table.headers[0]).toBe('Leerlingnummer');
    expect(mapping).toEqual({
      pupilNumber: 'Leerlingnummer',
      firstName: 'Roepnaam',
      lastName: 'Achternaam',
      prefix: 'Tussenvoegsel',
      birthDate: 'Geboortedatum',
      className: 'Groep',
    });
    expect(errors).toEqual([]);
    expect(records).toHaveLength(8);
    expect(records[0]).toEqual({ line: 2, pupilNumber: '2001', firstName: 'Fenna', lastName: 'de Wit', birthDate: '2017-03-14', className: 'Groep 4' });
    expect(records.find((record) => record.pupilNumber === '2003')?.lastName).toBe('van der Heijden');
    expect(records.at(-1)?.line).toBe(9);
  });

  it('reads a Magister export: commas, quoted cells holding commas, Stamnummer, Tussenv., Geb.datum, d-m-yyyy, Stamklas', async () => {
    const { mapping, records, errors } = await checkFile(fixture('magister.csv'));
    expect(mapping).toEqual({
      pupilNumber: 'Stamnummer',
      firstName: 'Roepnaam',
      lastName: 'Achternaam',
      prefix: 'Tussenv.',
      birthDate: 'Geb.datum',
      className: 'Stamklas',
    });
    expect(errors).toEqual([]);
    expect(records).toHaveLength(6);
    expect(records[0]).toMatchObject({ pupilNumber: '30011', birthDate: '2011-04-03', className: '1A' });
    expect(records.find((record) => record.pupilNumber === '30016')?.lastName).toBe("'t Hart");
  });

  it('reads a Somtoday export: tabs, LF, Voorvoegsel, yyyy-mm-dd, Stamgroep, accented names', async () => {
    const { mapping, records, errors } = await checkFile(fixture('somtoday.csv'));
    expect(mapping).toMatchObject({ pupilNumber: 'Leerlingnummer', prefix: 'Voorvoegsel', className: 'Stamgroep' });
    expect(errors).toEqual([]);
    expect(records.map((record) => record.pupilNumber)).toEqual(['400101', '400102', '400103', '400104', '400105']);
    expect(records[0]?.birthDate).toBe('2012-02-29');
    expect(records[1]).toMatchObject({ firstName: 'Zoë', lastName: 'van den Berg' });
  });

  it('reports exactly the three bad rows of with-errors.csv, on the lines a spreadsheet shows', async () => {
    const { totalRows, records, errors, errorRowCount } = await checkFile(fixture('with-errors.csv'));
    expect(totalRows).toBe(10);
    expect(records).toHaveLength(7);
    expect(errorRowCount).toBe(3);
    expect(errors).toEqual([
      { line: 4, field: 'pupilNumber', code: 'missing' },
      { line: 5, field: 'birthDate', code: 'invalid_date' },
      { line: 8, field: 'pupilNumber', code: 'duplicate_number' },
    ]);
    // The first row with the duplicated number stays valid; only the later one is refused.
    expect(records.find((record) => record.pupilNumber === '5002')?.line).toBe(3);
  });
});

describe('openCsv', () => {
  it('counts a quoted cell that spans lines from the line where its row starts', async () => {
    const table = await readCsv('nr;naam\r\n1;"Jan\r\nJansen"\r\n2;Piet\r\n');
    expect(table.rows).toEqual([
      { line: 2, cells: ['1', 'Jan\nJansen'] },
      { line: 4, cells: ['2', 'Piet'] },
    ]);
  });

  it('skips blank rows and rows of empty cells but keeps line numbers true', async () => {
    const table = await readCsv('nr;naam\n\n1;Jan\n;\n2;Piet\n');
    expect(table.rows.map((row) => row.line)).toEqual([3, 5]);
  });

  it('prefers the delimiter that splits the header into the most columns', async () => {
    expect((await readCsv('a,b;c\n1,2;3\n')).headers).toEqual(['a,b', 'c']);
    expect((await readCsv('a,b,c\n1,2,3\n')).headers).toEqual(['a', 'b', 'c']);
    expect((await readCsv('a\tb\tc\n1\t2\t3\n')).headers).toEqual(['a', 'b', 'c']);
    expect((await readCsv('\n\n  \na\tb\n1\t2\n')).headers).toEqual(['a', 'b']);
  });

  it('refuses an empty file and a file with an unclosed quote, also when the quote is far down the file', async () => {
    await expect(readCsv('\uFEFF \r\n')).rejects.toThrow(CsvUnreadableError);
    await expect(readCsv('nr;naam\n1;"Jan\n')).rejects.toThrow(CsvUnreadableError);
    const long = `nr;naam\n${Array.from({ length: 20_000 }, (_, index) => `${index};Jan`).join('\n')}\n20000;"Piet\n`;
    await expect(readCsv(long)).rejects.toThrow(CsvUnreadableError);
  });

  it('reads a file of many pieces whole: CRLF pairs, accents and emoji that straddle a piece keep their line and text', async () => {
    // Names of varying length move the piece borders through every position of a row.
    const names = Array.from({ length: 12_000 }, (_, index) => `Zoë${'é'.repeat(index % 7)}😀${'a'.repeat(index % 5)}`);
    const text = `\uFEFFnr;naam\r\n${names.map((name, index) => `${index};${name}`).join('\r\n')}\r\n`;
    expect(text.length).toBeGreaterThan(3 * 64 * 1024);
    const table = await readCsv(text);
    expect(table.headers).toEqual(['nr', 'naam']);
    expect(table.rows).toEqual(names.map((name, index) => ({ line: index + 2, cells: [String(index), name] })));
  });

  it('gives the event loop a turn while it reads a long file', async () => {
    const text = `nr;naam\n${Array.from({ length: 5000 }, (_, index) => `${index};Jan`).join('\n')}\n`;
    let rowsReadWhenTimerRan = -1;
    let rowsRead = 0;
    setImmediate(() => (rowsReadWhenTimerRan = rowsRead));
    for await (const _row of (await openCsv(text)).rows) rowsRead += 1;
    expect(rowsRead).toBe(5000);
    expect(rowsReadWhenTimerRan).toBeGreaterThanOrEqual(0);
    expect(rowsReadWhenTimerRan).toBeLessThan(5000);
  });
});

describe('suggestMapping', () => {
  it('recognises header spellings regardless of case, spaces and punctuation', () => {
    expect(normaliseHeader(' Lln. Nr. ')).toBe('llnnr');
    expect(suggestMapping(['LLN.NR', 'Voornaam', 'NAAM', 'Voorvoegsel', 'Geboortedat.', 'Basisgroep'])).toEqual({
      pupilNumber: 'LLN.NR',
      firstName: 'Voornaam',
      lastName: 'NAAM',
      prefix: 'Voorvoegsel',
      birthDate: 'Geboortedat.',
      className: 'Basisgroep',
    });
  });

  it('prefers Achternaam over Naam, and Roepnaam over Voornaam', () => {
    expect(suggestMapping(['Naam', 'Achternaam', 'Voornaam', 'Roepnaam', 'Leerlingnr'])).toMatchObject({
      firstName: 'Roepnaam',
      lastName: 'Achternaam',
    });
  });

  it('gives no mapping when a required column is missing, and nulls for missing optional ones', () => {
    expect(suggestMapping(['Roepnaam', 'Achternaam', 'Groep'])).toBeNull();
    expect(suggestMapping(['Leerlingnummer', 'Roepnaam', 'Achternaam'])).toEqual({
      pupilNumber: 'Leerlingnummer',
      firstName: 'Roepnaam',
      lastName: 'Achternaam',
      prefix: null,
      birthDate: null,
      className: null,
    });
  });

  it('names the mapping fields whose column the file does not have', () => {
    const mapping = { pupilNumber: 'Nr', firstName: 'Roepnaam', lastName: 'Achternaam', className: 'Klas', birthDate: null };
    expect(unknownMappingColumns(['Nr', 'Roepnaam', 'Achternaam'], mapping)).toEqual(['className']);
  });
});

describe('parseDutchDate', () => {
  it.each([
    ['14-03-2017', '2017-03-14'],
    ['4-3-2017', '2017-03-04'],
    ['14/03/2017', '2017-03-14'],
    ['14.03.2017', '2017-03-14'],
    ['2017-03-14', '2017-03-14'],
    ['29-02-2016', '2016-02-29'],
    [TODAY, TODAY],
  ])('reads %s as %s', (text, expected) => {
    expect(parseDutchDate(text, TODAY)).toBe(expected);
  });

  it.each(['31-02-2015', '29-02-2015', '00-01-2015', '12-13-2015', '2015-02-30', '14-03-17', '14 maart 2017', '1899-12-31', '2026-11-22', '03-14-2017x'])(
    'refuses %s',
    (text) => {
      expect(parseDutchDate(text, TODAY)).toBe('invalid');
    },
  );
});

describe('createRowChecker', () => {
  const mapping = { pupilNumber: 'nr', firstName: 'roepnaam', lastName: 'achternaam', prefix: 'tv', birthDate: 'geb', className: 'groep' };
  const check = async (body: string) => validateRows(await readCsv(`nr;roepnaam;tv;achternaam;geb;groep\n${body}`), mapping, TODAY);

  it('reports every problem of a row, and counts the row once', async () => {
    const result = await check(`1;;;;32-01-2015;${'x'.repeat(121)}\n`);
    expect(result.errors).toEqual([
      { line: 2, field: 'firstName', code: 'missing' },
      { line: 2, field: 'lastName', code: 'missing' },
      { line: 2, field: 'birthDate', code: 'invalid_date' },
      { line: 2, field: 'className', code: 'too_long' },
    ]);
    expect(result.errorRowCount).toBe(1);
    expect(result.records).toEqual([]);
  });

  it('refuses rows whose cells do not line up with the header, but tolerates a trailing delimiter', async () => {
    const result = await check('1;Jan;;Jansen;01-01-2015\n2;Piet;;Peters;01-01-2015;Groep 5;\n3;Kees;;Bos;01-01-2015;Groep 5;extra\n');
    expect(result.errors).toEqual([
      { line: 2, field: 'row', code: 'column_count' },
      { line: 4, field: 'row', code: 'column_count' },
    ]);
    expect(result.records.map((record) => record.pupilNumber)).toEqual(['2']);
  });

  it('accepts an empty birth date and class as unknown, and tidies whitespace in names', async () => {
    const result = await check('7;  Anna  Maria ;van  der;Berg;;\n');
    expect(result.records).toEqual([{ line: 2, pupilNumber: '7', firstName: 'Anna Maria', lastName: 'van der Berg', birthDate: null, className: null }]);
  });

  it('refuses values longer than the limits', async () => {
    const result = await check(`${'9'.repeat(41)};${'a'.repeat(101)};;Bos;;\n`);
    expect(result.errors).toEqual([
      { line: 2, field: 'pupilNumber', code: 'too_long' },
      { line: 2, field: 'firstName', code: 'too_long' },
    ]);
  });

  it('does not repeat a tussenvoegsel the last name already carries', () => {
    expect(joinPrefix('de', 'de Vries')).toBe('de Vries');
    expect(joinPrefix('van', 'Dam')).toBe('van Dam');
    expect(joinPrefix('', 'Dam')).toBe('Dam');
  });
});
