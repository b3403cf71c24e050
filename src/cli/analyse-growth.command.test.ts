import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyseGrowth } from './analyse-growth.command';
import { CliError } from './cli-arguments';
import { parseMeasurementsCsv, parseTrainingsCsv } from './growth-input';

const BIN = resolve(import.meta.dirname, '../../bin/groeiwijzer.js');
const REFERENCE_DIR = resolve(import.meta.dirname, '../server/features/evaluation/growth-reference');
const dir = mkdtempSync(join(tmpdir(), 'gw-growth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeTemp(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function runBin(...args: string[]) {
  return spawnSync(process.execPath, [BIN, 'analyse', 'growth', ...args], { encoding: 'utf8', timeout: 30_000 });
}

/** The exit code and message a parse or run ends with. */
function failureOf(run: () => unknown): { exitCode: number; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return { exitCode: error.exitCode, message: error.message };
    throw error;
  }
  throw new Error('expected a CliError');
}

const TRAININGS = 'school,time\nnoord,2.5\nzuid,3\n';

describe('groeiwijzer analyse growth', () => {
  it('prints the fit in the contract shape and agrees with lme4 on the reference data', () => {
    const result = runBin(
      '--measurements',
      join(REFERENCE_DIR, 'school-person-board.measurements.csv'),
      '--trainings',
      join(REFERENCE_DIR, 'school-person-board.trainings.csv'),
      '--model',
      'school-person',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, unknown> & { fixed: Record<string, { estimate: number; se: number }>; variance: object };
    expect(Object.keys(printed)).toEqual(['rows', 'persons', 'fixed', 'slopeDifference', 'variance', 'logLikREML']);
    expect(Object.keys(printed.fixed)).toEqual(['intercept', 'baselineSlope', 'implementationSlope', 'levelChange']);
    expect(Object.keys(printed.variance)).toEqual(['person', 'residual', 'school']);
    const lme4 = JSON.parse(readFileSync(join(REFERENCE_DIR, 'school-person-board.lme4.json'), 'utf8')) as typeof printed;
    expect(printed.rows).toBe(lme4.rows);
    expect(printed.fixed.levelChange!.estimate).toBeCloseTo(lme4.fixed.levelChange!.estimate, 5);
    expect(printed.fixed.levelChange!.se).toBeCloseTo(lme4.fixed.levelChange!.se, 5);
  });

  it('uses the person model unless told otherwise, and notes a boundary fit on stderr', () => {
    const result = runBin('--measurements', join(REFERENCE_DIR, 'person-boundary.measurements.csv'), '--trainings', join(REFERENCE_DIR, 'person-boundary.trainings.csv'));
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^boundary \(singular\) fit/);
    const printed = JSON.parse(result.stdout) as { variance: Record<string, number> };
    expect(printed.variance).toEqual({ person: 0, residual: expect.any(Number) });
  });

  it.each([
    ['a missing column', 'person,school,score\na,noord,3\n', /m\.csv: line 1: the header lacks the column time/],
    ['a time that is not a number', 'person,school,time,score\na,noord,0,3\na,noord,een,3\n', /m\.csv: line 3: time "een" is not a number/],
    ['a school without a training time', 'person,school,time,score\na,noord,0,3\nb,west,0,3\n', /m\.csv: line 3: school "west" has no training time in .*t\.csv/],
  ])('exits 2 with one line naming the file and row for %s', (_case, measurements, message) => {
    const result = runBin('--measurements', writeTemp('m.csv', measurements), '--trainings', writeTemp('t.csv', TRAININGS));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for data the model cannot be fitted to, and 1 for a mistake in the arguments', () => {
    const beforeOnly = 'person,school,time,score\na,noord,0,3\na,noord,1,3.2\nb,noord,0,2\nb,noord,1,2.5\n';
    const unfit = runBin('--measurements', writeTemp('before.csv', beforeOnly), '--trainings', writeTemp('t.csv', TRAININGS));
    expect(unfit.status).toBe(2);
    expect(unfit.stderr.trim()).toMatch(/before\.csv: no measurement lies at or after its school's training time/);
    const wrongModel = runBin('--measurements', 'm.csv', '--trainings', 't.csv', '--model', 'school');
    expect(wrongModel.status).toBe(1);
    expect(wrongModel.stderr).toMatch(/--model/);
  });
});

describe('reading the growth files', () => {
  const trainings = parseTrainingsCsv(TRAININGS, 't.csv');

  it('reads columns in any order, Dutch decimal commas and ; as separator, and leaves rows without a score out', () => {
    const text = 'score;time;school;person;class\n3,5;0;noord;a;4B\nNA;1;noord;a;4B\n;2;noord;a;4B\n4;2,5;zuid;b;5A\n';
    expect(parseMeasurementsCsv(text, 'm.csv', trainings, 't.csv')).toEqual([
      { person: 'a', school: 'noord', time: 0, score: 3.5 },
      { person: 'b', school: 'zuid', time: 2.5, score: 4 },
    ]);
  });

  it('still refuses a bad time on a row without a score, and an empty person', () => {
    expect(failureOf(() => parseMeasurementsCsv('person,school,time,score\na,noord,,\n', 'm.csv', trainings, 't.csv'))).toEqual({
      exitCode: 2,
      message: 'm.csv: line 2: time "" is not a number',
    });
    expect(failureOf(() => parseMeasurementsCsv('person,school,time,score\n,noord,1,3\n', 'm.csv', trainings, 't.csv')).message).toBe('m.csv: line 2: person is empty');
    expect(failureOf(() => parseMeasurementsCsv('person,school,time,score\na,noord,1,veel\n', 'm.csv', trainings, 't.csv')).message).toBe('m.csv: line 2: score "veel" is not a number');
  });

  it('allows a school twice with the same training time, and refuses two different ones', () => {
    expect([...parseTrainingsCsv('school,time\nnoord,3\nnoord,3\n', 't.csv')]).toEqual([['noord', 3]]);
    expect(failureOf(() => parseTrainingsCsv('school,time\nnoord,3\nzuid,2\nnoord,4\n', 't.csv'))).toEqual({
      exitCode: 2,
      message: 't.csv: line 4: school "noord" has training time 4 but had 3 on line 2',
    });
    expect(failureOf(() => parseTrainingsCsv('', 't.csv')).message).toMatch(/t\.csv: the file is empty/);
  });

  it('names a file it cannot read', () => {
    expect(failureOf(() => runAnalyseGrowth(['growth', '--measurements', join(dir, 'absent.csv'), '--trainings', join(dir, 'absent-t.csv')], undefined, () => {}, () => {}))).toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/absent-t\.csv: cannot be read/),
    });
  });
});
