import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DevelopmentModel } from '../shared/selfscan-model';
import { runAnalyse } from './analyse.command';
import { CliError } from './cli-arguments';

const BIN = resolve(import.meta.dirname, '../../bin/groeiwijzer.js');
const dir = mkdtempSync(join(tmpdir(), 'gw-analyse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runBin(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });
}

function writeTemp(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// Teachers t1–t4, care team c1–c3, one leader l1 who only answered "weet ik niet".
const RATINGS = `respondent,role,aspect,phase
t1,teacher,layer-2.vision,3
t1,teacher,layer-1.motivation,1
t2,teacher,layer-1.motivation,2
t2,teacher,layer-2.vision,3
t3,teacher,layer-1.motivation,2
t3,teacher,layer-2.vision,3
t4,teacher,layer-1.motivation,3
t4,teacher,layer-2.vision,
c1,care_team,layer-1.motivation,4
c1,care_team,layer-2.vision,2
c2,care_team,layer-1.motivation,4
c2,care_team,layer-2.vision,3
c3,care_team,layer-1.motivation,?
c3,care_team,layer-2.vision,3
l1,leadership,layer-1.motivation,?
l1,leadership,layer-2.vision,?
`;

describe('groeiwijzer analyse selfscan', () => {
  it('prints the aggregate as JSON in the contract shape', () => {
    const result = runBin('analyse', 'selfscan', '--input', writeTemp('ratings.csv', RATINGS), '--min-group', '3');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // k = 3: teacher 4 and care_team 3 are shown, leadership 1 is a remainder of 1, so the smallest
    // shown group (care_team, 3) joins it: other = c1, c2, c3, l1 (4). No aspect order given → by id.
    const printed = JSON.parse(result.stdout) as { aspects: object[]; groups: { aspects: object[] }[] };
    // The contract fixes the key order too, so consumers reading the text see the documented shape.
    expect(Object.keys(printed)).toEqual(['minGroupSize', 'respondents', 'aspects', 'groups']);
    expect(Object.keys(printed.aspects[0]!)).toEqual(['aspect', 'hidden', 'n', 'dontKnow', 'counts', 'median', 'mean', 'sd', 'rwg', 'discuss']);
    expect(Object.keys(printed.groups[0]!)).toEqual(['group', 'respondents', 'aspects']);
    expect(Object.keys(printed.groups[0]!.aspects[0]!)).toEqual(['aspect', 'hidden']);
    expect(Object.keys(printed.groups[0]!.aspects[1]!)).toEqual(['aspect', 'hidden', 'n', 'counts', 'median', 'mean', 'sd', 'rwg', 'discuss']);
    expect(printed).toEqual({
      minGroupSize: 3,
      respondents: 8,
      aspects: [
        // 1,2,2,3,4,4 (+2 ?): median (2+3)/2; mean 16/6; n·Σx² − (Σx)² = 6·50 − 256 = 44,
        // variance 44/(6·5) = 22/15, 1 − (22/15)/1.25 < 0 → rwg 0.
        { aspect: 'layer-1.motivation', hidden: false, n: 6, dontKnow: 2, counts: { '1': 1, '2': 2, '3': 1, '4': 2 }, median: 2.5, mean: expect.closeTo(8 / 3, 12), sd: expect.closeTo(Math.sqrt(22 / 15), 12), rwg: 0, discuss: true },
        // 3,3,3,2,3,3 (+2 don't know): sorted 2,3,3,3,3,3 → median 3; mean 17/6; 6·49 − 289 = 5,
        // variance 5/30 = 1/6, rwg = 1 − (1/6)/1.25 = 13/15.
        { aspect: 'layer-2.vision', hidden: false, n: 6, dontKnow: 2, counts: { '1': 0, '2': 1, '3': 5, '4': 0 }, median: 3, mean: expect.closeTo(17 / 6, 12), sd: expect.closeTo(Math.sqrt(1 / 6), 12), rwg: expect.closeTo(13 / 15, 12), discuss: false },
      ],
      groups: [
        {
          group: 'teacher',
          respondents: 4,
          aspects: [
            // Motivation: teachers 4 ratings, other 2 (c1, c2). Other hides (2 < 3), and the teachers with it,
            // or the team's 6 minus the teachers' 4 would give other's two 4s.
            { aspect: 'layer-1.motivation', hidden: true },
            // 3,3,3 (t4 said don't know): sd 0, rwg 1. No "weet ik niet" count per group.
            { aspect: 'layer-2.vision', hidden: false, n: 3, counts: { '1': 0, '2': 0, '3': 3, '4': 0 }, median: 3, mean: 3, sd: 0, rwg: 1, discuss: false },
          ],
        },
        {
          group: 'other',
          respondents: 4,
          aspects: [
            { aspect: 'layer-1.motivation', hidden: true },
            // 2,3,3 (+ l1 ?): median 3, mean 8/3; 3·22 − 64 = 2, variance 2/6 = 1/3, rwg = 1 − 4/15 = 11/15.
            { aspect: 'layer-2.vision', hidden: false, n: 3, counts: { '1': 0, '2': 1, '3': 2, '4': 0 }, median: 3, mean: expect.closeTo(8 / 3, 12), sd: expect.closeTo(Math.sqrt(1 / 3), 12), rwg: expect.closeTo(11 / 15, 12), discuss: false },
          ],
        },
      ],
    });
  });

  it('exits non-zero and names the line of a bad phase', () => {
    const bad = writeTemp('bad.csv', 'respondent,role,aspect,phase\nt1,teacher,layer-1.motivation,2\nt2,teacher,layer-1.motivation,5\n');
    const result = runBin('analyse', 'selfscan', '--input', bad, '--min-group', '3');
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('line 3: phase "5"');
  });
});

const text = (nl: string) => ({ nl, en: nl });
const descriptors = { '1': text('een'), '2': text('twee'), '3': text('drie'), '4': text('vier') };
const MODEL: DevelopmentModel = {
  id: 'test-model',
  version: '1.0.0',
  name: text('Testmodel'),
  source: text('Alleen voor tests'),
  phases: descriptors,
  layers: [
    { id: 'layer-2', name: text('Laag twee'), description: text('Eerst in het model'), aspects: [{ id: 'layer-2.vision', name: text('Visie'), descriptors }] },
    {
      id: 'layer-1',
      name: text('Laag een'),
      description: text('Daarna'),
      aspects: [
        { id: 'layer-1.motivation', name: text('Motivatie'), descriptors },
        { id: 'layer-1.unrated', name: text('Niet beoordeeld'), descriptors },
      ],
    },
  ],
};

describe('runAnalyse with a model', () => {
  const files = (model: unknown): ((path: string) => string) => (path) => (path === 'model.json' ? JSON.stringify(model) : RATINGS);
  const quiet = () => undefined;

  it('lists every aspect of the model in model order, rated or not', () => {
    const result = runAnalyse(['selfscan', '--input', 'ratings.csv', '--model', 'model.json'], files(MODEL), quiet);
    expect(result.minGroupSize).toBe(5);
    expect(result.aspects.map((aspect) => aspect.aspect)).toEqual(['layer-2.vision', 'layer-1.motivation', 'layer-1.unrated']);
    // k = 5: no role reaches 5 and the remainder is all 8 → one group, other.
    expect(result.groups.map((group) => [group.group, group.aspects.length])).toEqual([['other', 3]]);
  });

  it('refuses ratings on an aspect the model lacks, and a model that does not validate', () => {
    const smaller = { ...MODEL, layers: MODEL.layers.slice(1) };
    expect(() => runAnalyse(['selfscan', '--input', 'ratings.csv', '--model', 'model.json'], files(smaller), quiet)).toThrow(
      /ratings\.csv: line 2: aspect "layer-2.vision" is not in the model/,
    );
    const invalid = { ...MODEL, version: 'one' };
    expect(() => runAnalyse(['selfscan', '--input', 'ratings.csv', '--model', 'model.json'], files(invalid), quiet)).toThrow(CliError);
    expect(() => runAnalyse(['selfscan', '--input', 'ratings.csv', '--model', 'model.json'], files(invalid), quiet)).toThrow(/version: semantic version/);
  });

  it('refuses a minimum group below 3 and a missing input', () => {
    expect(() => runAnalyse(['selfscan', '--input', 'ratings.csv', '--min-group', '2'], files(MODEL), quiet)).toThrow(/--min-group: must be at least 3/);
    expect(() => runAnalyse(['selfscan'], files(MODEL), quiet)).toThrow(/--input: is required/);
  });
});

describe('runAnalyse on an export with coarsened roles', () => {
  const quiet = () => undefined;
  // As the app exports a round: teachers t1–t5 keep their role, three people of small roles are "other".
  const EXPORT = [
    'respondent;role;aspect;phase',
    ...['t1', 't2', 't3', 't4', 't5'].map((respondent, index) => `${respondent};teacher;layer-1.motivation;${(index % 3) + 1}`),
    'o1;other;layer-1.motivation;4',
    'o2;other;layer-1.motivation;',
    'o3;other;layer-2.vision;2',
  ].join('\n');

  it('reads "other" as a group of its own that is never named, and prints only cells of at least k ratings', () => {
    const printed: string[] = [];
    const result = runAnalyse(['selfscan', '--input', 'export.csv', '--min-group', '3'], () => EXPORT, (line) => printed.push(line));
    expect(JSON.parse(printed[0]!)).toEqual(JSON.parse(JSON.stringify(result)));
    // teacher 5 and other 3 respondents, both at least k = 3.
    expect(result.groups.map((group) => [group.group, group.respondents])).toEqual([
      ['teacher', 5],
      ['other', 3],
    ]);
    // Motivation: team 6 ratings; other has 1 (o1), so it hides, and the teachers hide with it (6 − 5 = 1 < 3).
    expect(result.aspects[0]).toMatchObject({ aspect: 'layer-1.motivation', hidden: false, n: 6, dontKnow: 1 });
    expect(result.groups.map((group) => group.aspects[0])).toEqual([
      { aspect: 'layer-1.motivation', hidden: true },
      { aspect: 'layer-1.motivation', hidden: true },
    ]);
    // Vision: one rating in the whole team.
    expect(result.aspects[1]).toEqual({ aspect: 'layer-2.vision', hidden: true });
  });
});
