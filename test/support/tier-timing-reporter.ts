import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/** Wall time and files of one vitest project (a tier of `npm test`): from its first file's start to its last file's end. */
export interface ProjectTiming {
  project: string;
  files: number;
  /** Milliseconds from the first file's start to the last file's end. */
  wallMs: number;
  /** The files' own durations added up (more than wallMs when files ran side by side). */
  fileMs: number;
}

/**
 * Prints per vitest project its wall time and files (the integration and browser tiers overlap in one run),
 * and writes them as JSON to TIER_TIMES_FILE when set, for test/run-tiers.ts's summary.
 */
export default class TierTimingReporter implements Reporter {
  private readonly started = new Map<string, number>();
  private readonly ended = new Map<string, number>();
  private readonly files = new Map<string, number>();
  private readonly fileMs = new Map<string, number>();

  onTestModuleStart(testModule: TestModule): void {
    const project = testModule.project.name;
    if (!this.started.has(project)) this.started.set(project, performance.now());
  }

  onTestModuleEnd(testModule: TestModule): void {
    const project = testModule.project.name;
    this.ended.set(project, performance.now());
    this.files.set(project, (this.files.get(project) ?? 0) + 1);
    this.fileMs.set(project, (this.fileMs.get(project) ?? 0) + testModule.diagnostic().duration);
  }

  onTestRunEnd(): void {
    const timings: ProjectTiming[] = [...this.started].map(([project, start]) => ({
      project,
      files: this.files.get(project) ?? 0,
      wallMs: (this.ended.get(project) ?? start) - start,
      fileMs: this.fileMs.get(project) ?? 0,
    }));
    for (const timing of timings) {
      console.log(`Tier ${timing.project}: ${formatDuration(timing.wallMs)} wall, ${timing.files} files taking ${formatDuration(timing.fileMs)} together`);
    }
    if (process.env.TIER_TIMES_FILE) writeFileSync(process.env.TIER_TIMES_FILE, JSON.stringify(timings));
  }
}

/** `1 min 05 s`, `42.1 s`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
