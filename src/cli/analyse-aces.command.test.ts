import { describe, expect, it } from 'vitest';
import { parseAcesCsv, runAnalyseAces } from './analyse-aces.command';
import { runAnalysis } from './analyse.command';
import { CliError } from './cli-arguments';

const HEADER = 'pupil,informant,category,answer';

function csv(...lines: string[]): string {
  return [HEADER, ...lines].join('\n');
}

/** Runs the command on in-memory text and returns the one printed line. */
function printedFor(text: string, args: string[] = ['aces', '--input', 'aces.csv']): string[] {
  const printed: string[] = [];
  runAnalyseAces(args, () => text, (line) => printed.push(line));
  return printed;
}

function failureOf(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

describe('groeiwijzer analyse aces', () => {
  it('prints one line of JSON with the contract key order', () => {
    const text = csv(
      'p2,pupil,poverty,no',
      'p2,file,poverty,yes',
      'p1,parent,bullying,unknown',
      'p1,pupil,bullying,yes',
      'p1,parent,emotional-abuse,yes',
      'p1,file,emotional-abuse,yes',
      'p1,pupil,poverty,yes',
      'p1,file,sexual-abuse,yes',
    );
    const expected = {
      pupils: [
        {
          pupil: 'p1',
          combined: 4,
          perInformant: { pupil: 2, parent: 1, file: 2 },
          fourOrMore: true,
          categories: [
            { category: 'bullying', sources: ['pupil'] },
            { category: 'emotional-abuse', sources: ['parent', 'file'] },
            { category: 'poverty', sources: ['pupil'] },
            { category: 'sexual-abuse', sources: ['file'] },
          ],
        },
        { pupil: 'p2', combined: 1, perInformant: { pupil: 0, parent: 0, file: 1 }, fourOrMore: false, categories: [{ category: 'poverty', sources: ['file'] }] },
      ],
      cohort: {
        pupil: { pupils: 2, atLeastOne: 1, fourOrMore: 0 },
        parent: { pupils: 1, atLeastOne: 1, fourOrMore: 0 },
        file: { pupils: 2, atLeastOne: 2, fourOrMore: 0 },
        combined: { pupils: 2, atLeastOne: 2, fourOrMore: 1 },
      },
      errors: 0,
    };
    // The string, not the parsed value: the contract fixes the key order.
    expect(printedFor(text)).toEqual([JSON.stringify(expected)]);
  });

  it('skips and counts rows with a padded or capitalised value, another informant, an empty cell or too few or many cells', () => {
    const text = csv(
      'p1,pupil,poverty,yes',
      'p1,pupil,bullying, yes',
      'p1,pupil,bullying,Yes',
      'p1,teacher,bullying,yes',
      'p1, pupil,bullying,yes',
      ',pupil,bullying,yes',
      'p1,pupil,,yes',
      'p1,pupil,bullying',
      'p1,pupil,bullying,yes,extra',
      'p1,pupil,bullying, "yes"',
    );
    const [line] = printedFor(text);
    const printed = JSON.parse(line!) as { pupils: { pupil: string; categories: unknown[] }[]; errors: number };
    expect(printed.errors).toBe(9);
    expect(printed.pupils).toEqual([expect.objectContaining({ pupil: 'p1', categories: [{ category: 'poverty', sources: ['pupil'] }] })]);
  });

  it('keeps ids exactly as written, reads `;`, a BOM, CRLF and quoted cells, and skips blank lines', () => {
    const text = '\uFEFFanswer;category;informant;pupil;note\r\nyes;"poverty";file;" p1";\r\n\r\nyes;poverty;file;p1;x\r\n';
    expect(parseAcesCsv(text)).toEqual({
      rows: [
        { pupil: ' p1', informant: 'file', category: 'poverty', answer: 'yes' },
        { pupil: 'p1', informant: 'file', category: 'poverty', answer: 'yes' },
      ],
      errors: 0,
    });
  });

  it('refuses a header without a column with a CliError naming it', () => {
    const error = failureOf(() => printedFor('pupil,informant,category\np1,pupil,poverty\n'));
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe('analyse aces: aces.csv: line 1: the header lacks the column answer (expected the header pupil,informant,category,answer)');
    expect(failureOf(() => parseAcesCsv('')).message).toMatch(/the file is empty/);
  });

  it('refuses a file that cannot be read and missing arguments with a CliError', () => {
    const unreadable = failureOf(() =>
      runAnalyseAces(['aces', '--input', 'missing.csv'], () => {
        throw new Error('ENOENT: no such file');
      }),
    );
    expect(unreadable.message).toBe('analyse aces: cannot read missing.csv: ENOENT: no such file');
    expect(failureOf(() => runAnalyseAces(['aces'], () => HEADER)).message).toMatch(/--input: is required/);
  });

  it('is reached through `groeiwijzer analyse aces`', () => {
    // runAnalysis reads the real file system: a path that does not exist shows the aces command answered.
    const error = failureOf(() => runAnalysis(['aces', '--input', '/nonexistent/aces.csv']));
    expect(error.message).toMatch(/^analyse aces: cannot read \/nonexistent\/aces\.csv/);
  });
});
