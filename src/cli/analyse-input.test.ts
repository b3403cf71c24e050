import { describe, expect, it } from 'vitest';
import { parseRatingsCsv } from './analyse-input';
import { CliError } from './cli-arguments';

const HEADER = 'respondent,role,aspect,phase';

function csv(...lines: string[]): string {
  return [HEADER, ...lines].join('\n');
}

describe('parseRatingsCsv', () => {
  it('reads phases 1–4 and treats an empty phase or ? as "weet ik niet"', () => {
    expect(parseRatingsCsv(csv('r1,teacher,a,1', 'r1,teacher,b,4', 'r2,care_team,a,', 'r2,care_team,b,?'))).toEqual([
      { respondent: 'r1', role: 'teacher', aspect: 'a', phase: 1 },
      { respondent: 'r1', role: 'teacher', aspect: 'b', phase: 4 },
      { respondent: 'r2', role: 'care_team', aspect: 'a', phase: null },
      { respondent: 'r2', role: 'care_team', aspect: 'b', phase: null },
    ]);
  });

  it('accepts the columns in any order, a BOM, CRLF line ends, spaces around cells, quotes and blank lines', () => {
    const text = '\uFEFFphase,aspect , role,respondent,note\r\n 2 ,a,teacher,"van Dijk, A."," ok "\r\n\r\n?,b,teacher,"van Dijk, A.",\r\n';
    expect(parseRatingsCsv(text)).toEqual([
      { respondent: 'van Dijk, A.', role: 'teacher', aspect: 'a', phase: 2 },
      { respondent: 'van Dijk, A.', role: 'teacher', aspect: 'b', phase: null },
    ]);
  });

  it('reads `;` between cells, as the ratings export and Dutch Excel write it, with a comma inside a quoted cell', () => {
    const text = '\uFEFF"respondent";"role";"aspect";"phase"\r\n"van Dijk, A.";"teacher";"a";"3"\r\nR2;leadership;a;\r\n';
    expect(parseRatingsCsv(text)).toEqual([
      { respondent: 'van Dijk, A.', role: 'teacher', aspect: 'a', phase: 3 },
      { respondent: 'R2', role: 'leadership', aspect: 'a', phase: null },
    ]);
  });

  it('reads the role "other" of an export that coarsened small roles', () => {
    expect(parseRatingsCsv(csv('R1,other,a,2'))).toEqual([{ respondent: 'R1', role: 'other', aspect: 'a', phase: 2 }]);
  });

  it('returns no ratings for a file with only the header', () => {
    expect(parseRatingsCsv(HEADER)).toEqual([]);
  });

  it.each([
    ['an unknown phase', csv('r1,teacher,a,1', 'r2,teacher,a,5'), /^line 3: phase "5" is not 1, 2, 3, 4/],
    ['a word as phase', csv('r1,teacher,a,twee'), /^line 2: phase "twee"/],
    ['a missing column', 'respondent,role,phase\nr1,teacher,2', /^line 1: the header lacks the column aspect/],
    ['an empty file', '', /empty/],
    ['a row with too few cells', csv('r1,teacher,a,1', 'r2,teacher,a'), /^line 3: expected 4 cells like the header, found 3/],
    ['an empty respondent', csv(',teacher,a,1'), /^line 2: respondent is empty/],
    ['an empty role', csv('r1,,a,1'), /^line 2: role is empty/],
    ['a respondent with two roles', csv('r1,teacher,a,1', 'r2,teacher,a,1', 'r1,leadership,b,2'), /^line 4: respondent "r1" has role "leadership" but had role "teacher" on line 2/],
    ['a second rating of one aspect', csv('r1,teacher,a,1', 'r1,teacher,a,2'), /^line 3: respondent "r1" rated aspect "a" already on line 2/],
    ['an unclosed quote', csv('r1,teacher,"a,1'), /not readable CSV/],
  ])('refuses %s, naming the line', (_, text, message) => {
    expect(() => parseRatingsCsv(text)).toThrow(CliError);
    expect(() => parseRatingsCsv(text)).toThrow(message);
  });

  it('counts lines as a spreadsheet shows them, also after blank lines and a cell spanning two lines', () => {
    const text = csv('"r\n1",teacher,a,1', '', 'r2,teacher,a,9');
    // header 1, the two-line record 2–3, blank 4, the bad row 5.
    expect(() => parseRatingsCsv(text)).toThrow(/^line 5: phase "9"/);
  });

  it('refuses an aspect that is not in the model when the model\'s aspects are given', () => {
    const text = csv('r1,teacher,layer-1.motivation,2', 'r1,teacher,layer-9.unknown,2');
    expect(parseRatingsCsv(text, { aspectIds: ['layer-1.motivation', 'layer-9.unknown'] })).toHaveLength(2);
    expect(() => parseRatingsCsv(text, { aspectIds: ['layer-1.motivation'] })).toThrow(/^line 3: aspect "layer-9.unknown" is not in the model/);
  });
});
