// `npm test`: every tier in turn — typecheck, i18n check, vitest (unit + integration and browser, side by side
// on two cores), the crash run — each timed, with one seed for every sampled test, printed at the start and in
// the summary. The first tier that fails ends the run with its exit code, as `a && b && c` would.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDuration, type ProjectTiming } from './support/tier-timing-reporter';

/** One step of the run: its name in the summary and the command (run from the repository root). */
interface Tier {
  name: string;
  command: string[];
}

const seed = process.env.TEST_SEED ?? String(randomInt(1, 2 ** 31));
const timesDir = mkdtempSync(join(tmpdir(), 'gw-tiers-'));
const timesFile = join(timesDir, 'vitest-tiers.json');
// Every sampled test and the crash run take the same seed: TEST_SEED=<seed> npm test replays the run's choices.
const env = { ...process.env, TEST_SEED: seed, TIER_TIMES_FILE: timesFile };

const TIERS: Tier[] = [
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'i18n check', command: ['npm', 'run', '--silent', 'i18n:check'] },
  { name: 'vitest', command: ['npx', 'vitest', 'run'] },
  { name: 'durability', command: ['npm', 'run', '--silent', 'test:durability', '--', '--kills', '10', '--seed', seed] },
];
// How the vitest projects are called in the summary.
const PROJECT_TIERS: Record<string, string> = { integration: 'unit + integration', browser: 'browser' };

function run(command: string[]): Promise<number> {
  return new Promise((resolveCode) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env });
    child.once('error', () => resolveCode(127));
    child.once('exit', (code, signal) => resolveCode(code ?? (signal ? 128 : 1)));
  });
}

async function main(): Promise<number> {
  const sampling = process.env.TEST_SAMPLE === 'all' ? 'TEST_SAMPLE=all: sampled tests run everything' : `TEST_SEED=${seed} npm test replays the samples, TEST_SAMPLE=all runs everything`;
  console.log(`npm test: seed ${seed} (${sampling})`);
  const lines: string[] = [];
  const started = performance.now();
  let exitCode = 0;
  for (const tier of TIERS) {
    console.log(`\n▶ ${tier.name}`);
    const tierStarted = performance.now();
    exitCode = await run(tier.command);
    const took = performance.now() - tierStarted;
    lines.push(`  ${tier.name.padEnd(22)} ${formatDuration(took).padStart(10)}${exitCode === 0 ? '' : `  FAILED (exit ${exitCode})`}`);
    if (tier.name === 'vitest' && existsSync(timesFile)) {
      const projects = JSON.parse(readFileSync(timesFile, 'utf8')) as ProjectTiming[];
      for (const project of projects) {
        const name = `  ${PROJECT_TIERS[project.project] ?? project.project}`;
        lines.push(`  ${name.padEnd(22)} ${formatDuration(project.wallMs).padStart(10)}  (${project.files} files, ${formatDuration(project.fileMs)} added up)`);
      }
    }
    console.log(`◀ ${tier.name}: ${formatDuration(took)}${exitCode === 0 ? '' : `, FAILED (exit ${exitCode})`}`);
    if (exitCode !== 0) break;
  }
  rmSync(timesDir, { recursive: true, force: true });
  console.log(`\nnpm test ${exitCode === 0 ? 'passed' : 'FAILED'} in ${formatDuration(performance.now() - started)}`);
  // The samples all follow the one seed (FUZZ_SEED, when given, only the OpenAPI fuzzing's).
  console.log(`  seed ${seed}: stored XSS, injection corpora, OpenAPI fuzzing${process.env.FUZZ_SEED ? ` (FUZZ_SEED=${process.env.FUZZ_SEED})` : ''}, crash run`);
  for (const line of lines) console.log(line);
  if (exitCode !== 0) console.log(`  Replay the samples with TEST_SEED=${seed}.`);
  return exitCode;
}

main().then((code) => {
  process.exitCode = code;
});
