import { describe, expect, it } from 'vitest';
import { CliError } from './cli-arguments';
import { runScore } from './score.command';

/** Runs the command on CSV text and returns the printed line. */
function score(instrument: string, csv: string): string {
  const printed: string[] = [];
  runScore([instrument, '--input', 'answers.csv'], () => csv, (line) => printed.push(line));
  expect(printed).toHaveLength(1);
  return printed[0]!;
}

const rows = (respondent: string, answers: readonly string[]) => answers.map((answer, index) => `${respondent},${index + 1},${answer}`);

describe('groeiwijzer score', () => {
  it('prints every respondent in the contract shape and key order, sorted by id in code-unit order', () => {
    const csv = ['respondent,item,answer', ...rows('b', ['3', '3', '3', '3', '3', '0', '0', '0']), ...rows('B', ['1', '1', '1', '1', '1', '1', '1', '']), ...rows('a', ['2', '2', '2', '2', '2', '2', '2', '2'])].join('\n');
    expect(score('cries-8', csv)).toBe(
      JSON.stringify({
        instrument: 'cries-8',
        respondents: [
          { respondent: 'B', status: 'incomplete', total: null, subscales: { intrusion: null, avoidance: 4 }, band: null, missingItems: [8] },
          { respondent: 'a', status: 'complete', total: 24, subscales: { intrusion: 12, avoidance: 12 }, band: 'above', missingItems: [] },
          { respondent: 'b', status: 'complete', total: 25, subscales: { intrusion: 10, avoidance: 15 }, band: 'above', missingItems: [] },
        ],
        errors: 0,
      }),
    );
  });

  it('names the CATS subscales like the contract and bands the total', () => {
    const csv = ['respondent,item,answer', ...rows('r1', Array.from({ length: 20 }, (_, index) => (index < 7 ? '3' : '0')))].join('\r\n');
    const [respondent] = JSON.parse(score('cats', csv)).respondents;
    expect(respondent).toEqual({
      respondent: 'r1',
      status: 'complete',
      total: 21,
      subscales: { intrusion: 15, avoidance: 6, cognitionMood: 0, arousal: 0 },
      band: 'probable',
      missingItems: [],
    });
  });

  it('skips and counts rows with an item or answer that is not exactly one of the instrument', () => {
    const bad = ['r,14,1', 'r,0,1', 'r,01,1', 'r, 1,1', 'r,1, 1', 'r,1,4', 'r,1,-1', 'r,1,1.0', 'r,1,?', ',1,1', 'r,1', 'r,1,1,extra'];
    const result = JSON.parse(score('cries-13', ['respondent,item,answer', ...bad].join('\n')));
    expect(result).toEqual({ instrument: 'cries-13', respondents: [], errors: bad.length });
  });

  it('marks a respondent who answered an item twice as invalid, also when one of the two is empty', () => {
    const csv = ['respondent,item,answer', ...rows('twice', Array.from({ length: 13 }, () => '0')), 'twice,5,', ...rows('fine', Array.from({ length: 13 }, () => '0'))].join('\n');
    const result = JSON.parse(score('cries-13', csv));
    expect(result.respondents.map((entry: { respondent: string; status: string; total: number | null }) => [entry.respondent, entry.status, entry.total])).toEqual([
      ['fine', 'complete', 0],
      ['twice', 'invalid', null],
    ]);
    expect(result.respondents[1].subscales).toEqual({ intrusion: null, avoidance: null, arousal: null });
  });

  it('counts an empty answer as a missed item, and an item never mentioned too', () => {
    const csv = ['respondent,item,answer', 'r,1,', 'r,2,3'].join('\n');
    const [respondent] = JSON.parse(score('cries-8', csv)).respondents;
    expect(respondent.missingItems).toEqual([1, 3, 4, 5, 6, 7, 8]);
    expect(respondent.status).toBe('incomplete');
  });

  it('refuses an unknown instrument and a file without the columns', () => {
    expect(() => score('cries-9', 'respondent,item,answer\n')).toThrow(CliError);
    expect(() => score('cats', 'respondent;item\nr;1')).toThrow(/lacks answer/);
  });
});
