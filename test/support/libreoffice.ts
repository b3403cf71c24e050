import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Opens CSV text or an .xlsx workbook in the real LibreOffice Calc (headless) and reads the sheet back from the flat
// OpenDocument file it saves, so a test sees what a spreadsheet makes of an export: text, numbers and formulas per cell.

/** One cell as Calc holds it: its type, the text it shows, its number (for numbers) and its formula, if any. */
export interface SheetCell {
  type: string;
  text: string;
  value?: number;
  formula?: string;
}

/** How Calc's CSV import reads the file: the choices of its import dialog. */
export interface CsvImportChoices {
  /** The characters that start a new cell. */
  separators: readonly string[];
  /** The character around a quoted cell, or null to read quotes as ordinary text. */
  textDelimiter: '"' | null;
  /** A Windows language id for numbers and dates: 1043 is Dutch (Netherlands). */
  language: number;
  /** Drop spaces around each cell. */
  trimSpaces: boolean;
}

/**
 * The CSV filter options token string (LibreOffice help, "CSV Filter Options") for an import that reads UTF-8
 * from line 1, detects special numbers and — the risky setting, on purpose — evaluates formulas.
 */
export function csvFilterOptions(choices: CsvImportChoices): string {
  const code = (character: string) => String(character.charCodeAt(0));
  return [
    choices.separators.map(code).join('/'), // 1 field separators
    choices.textDelimiter === null ? '' : code(choices.textDelimiter), // 2 text delimiter (empty: none)
    '76', // 3 character set: UTF-8
    '1', // 4 first line to read
    '', // 5 column formats: all "standard" (Calc guesses)
    String(choices.language), // 6 language
    'false', // 7 quoted field as text
    'true', // 8 detect special numbers
    'false', // 9 (export only)
    'false', // 10 (export only)
    String(choices.trimSpaces), // 11 trim spaces
    '0', // 12 (export only)
    'true', // 13 evaluate formulas
  ].join(',');
}

/**
 * Opens CSV text with the given import choices in one `soffice` run (a private user profile, so parallel runs
 * do not collide) and returns its sheet as rows of cells, trailing empty cells and rows dropped.
 */
export function openCsvInLibreOffice(csv: string, choices: CsvImportChoices): SheetCell[][] {
  const directory = mkdtempSync(join(tmpdir(), 'gw-soffice-'));
  try {
    const input = join(directory, 'export.csv');
    writeFileSync(input, csv, 'utf8');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(directory, 'profile')).href}`,
        '--headless',
        `--infilter=Text - txt - csv (StarCalc):${csvFilterOptions(choices)}`,
        '--convert-to',
        'fods',
        '--outdir',
        directory,
        input,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    return sheetOf(readFileSync(join(directory, 'export.fods'), 'utf8'));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * Opens an .xlsx workbook in LibreOffice Calc (one `soffice` run, a private profile) and returns its first sheet
 * as rows of cells: what Calc makes of each cell's type, shown text, number and formula.
 */
export function openWorkbookInLibreOffice(workbook: Buffer): SheetCell[][] {
  const directory = mkdtempSync(join(tmpdir(), 'gw-soffice-'));
  try {
    const input = join(directory, 'export.xlsx');
    writeFileSync(input, workbook);
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(join(directory, 'profile')).href}`, '--headless', '--convert-to', 'fods', '--outdir', directory, input],
      { stdio: 'pipe', timeout: 120_000 },
    );
    return sheetOf(readFileSync(join(directory, 'export.fods'), 'utf8'));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

// Flat ODS as Calc writes it: rows of cells, each cell's text in one <text:p> per line. Only the first table.
function sheetOf(fods: string): SheetCell[][] {
  const table = /<table:table [^>]*>([\s\S]*?)<\/table:table>/.exec(fods)?.[1];
  if (table === undefined) throw new Error('LibreOffice wrote no table');
  const rows: SheetCell[][] = [];
  for (const [, rowAttributes = '', rowBody = ''] of table.matchAll(/<table:table-row([^>]*)>([\s\S]*?)<\/table:table-row>/g)) {
    const cells: SheetCell[] = [];
    for (const [, attributes = '', body = ''] of rowBody.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const cell = cellOf(attributes, body);
      for (let repeat = Number(attributeOf(attributes, 'table:number-columns-repeated') ?? 1); repeat > 0; repeat -= 1) cells.push(cell);
    }
    while (cells.length > 0 && cells.at(-1)!.type === '' && cells.at(-1)!.text === '') cells.pop();
    const rowRepeat = Number(attributeOf(rowAttributes, 'table:number-rows-repeated') ?? 1);
    for (let repeat = rowRepeat; repeat > 0; repeat -= 1) rows.push(cells);
  }
  while (rows.length > 0 && rows.at(-1)!.length === 0) rows.pop();
  return rows;
}

function cellOf(attributes: string, body: string): SheetCell {
  const paragraphs = [...body.matchAll(/<text:p>([\s\S]*?)<\/text:p>|<text:p\/>/g)].map((match) => textOf(match[1] ?? ''));
  const cell: SheetCell = { type: attributeOf(attributes, 'office:value-type') ?? '', text: paragraphs.join('\n') };
  const value = attributeOf(attributes, 'office:value');
  if (value !== undefined) cell.value = Number(value);
  const formula = attributeOf(attributes, 'table:formula');
  if (formula !== undefined) cell.formula = formula;
  return cell;
}

function attributeOf(attributes: string, name: string): string | undefined {
  const raw = new RegExp(`${name}="([^"]*)"`).exec(attributes)?.[1];
  return raw === undefined ? undefined : entitiesDecoded(raw);
}

// The inline elements Calc writes inside a paragraph: runs of spaces, tabs, line breaks and styled spans.
function textOf(paragraph: string): string {
  const plain = paragraph
    .replace(/<text:s text:c="(\d+)"\/>/g, (_, count: string) => ' '.repeat(Number(count)))
    .replace(/<text:s\/>/g, ' ')
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<text:line-break\/>/g, '\n')
    .replace(/<[^>]*>/g, '');
  return entitiesDecoded(plain);
}

function entitiesDecoded(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[entity.toLowerCase()]!;
  });
}
