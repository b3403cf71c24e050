import { describe, expect, it } from 'vitest';
import { runAnalyseSociogram } from './analyse-sociogram.command';
import { CliError } from './cli-arguments';

const FILES: Record<string, string> = {
  'roster.csv': 'pupil\nb\na\nc\n',
  'questions.csv': 'question,valence\nplay,positive\nnot,negative\n',
  'nominations.csv': 'chooser,chosen,question\na,b,play\nb,a,play\nc,a,not\nc,c,play\nc,b\n',
};

function run(files: Record<string, string>, extra: string[] = []): string {
  const printed: string[] = [];
  runAnalyseSociogram(['sociogram', '--roster', 'roster.csv', '--questions', 'questions.csv', '--nominations', 'nominations.csv', ...extra], (path) => {
    const text = files[path];
    if (text === undefined) throw new Error('no such file');
    return text;
  }, (line) => printed.push(line));
  return printed[0]!;
}

describe('groeiwijzer analyse sociogram', () => {
  it('prints the contract\'s keys in order, pupils in roster order, and counts a self-choice and a short row as warnings', () => {
    const result = JSON.parse(run(FILES));
    expect(Object.keys(result)).toEqual(['respondents', 'pupils', 'mutualPositivePairs', 'mutualNegativePairs', 'warnings']);
    expect(Object.keys(result.pupils[0])).toEqual(['pupil', 'positiveReceived', 'negativeReceived', 'positiveGiven', 'negativeGiven', 'zLM', 'zLL', 'zSP', 'zSI', 'cdc', 'nb', 'isolated', 'mutualFriends']);
    expect(result.pupils.map((pupil: { pupil: string }) => pupil.pupil)).toEqual(['b', 'a', 'c']);
    expect(result.mutualPositivePairs).toEqual([['b', 'a']]);
    expect(result.respondents).toBe(3);
    expect(result.warnings).toBe(2);
  });

  it('takes --alpha', () => {
    expect(() => run(FILES, ['--alpha', '0.1'])).not.toThrow();
    expect(() => run(FILES, ['--alpha', 'veel'])).toThrow(CliError);
  });

  it.each([
    ['a roster without the column pupil', { 'roster.csv': 'leerling\na\n' }, /roster\.csv: line 1: the header lacks the column pupil/],
    ['an empty roster', { 'roster.csv': 'pupil\n' }, /roster\.csv: the roster has no pupil/],
    ['an unknown valence', { 'questions.csv': 'question,valence\nplay,positief\n' }, /questions\.csv: line 2: valence "positief" is not positive or negative/],
    ['nominations without the column question', { 'nominations.csv': 'chooser,chosen\na,b\n' }, /nominations\.csv: line 1: the header lacks the column question/],
    ['a file that cannot be read', { 'questions.csv': undefined }, /questions\.csv: cannot be read/],
  ])('exits 2 with one line naming the file for %s', (_case, change, message) => {
    const files = { ...FILES, ...change } as Record<string, string>;
    try {
      run(files);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
      expect((error as CliError).message).toMatch(message);
      expect((error as CliError).message).not.toContain('\n');
    }
  });
});
