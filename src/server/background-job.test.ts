import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackgroundJob } from './background-job';

describe('background jobs', () => {
  afterEach(() => vi.useRealTimers());

  it('runs first after the delay, then every interval, never twice at once, and goes on after a failure', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let runs = 0;
    let release: (() => void) | undefined;
    const job = startBackgroundJob({
      firstDelayMs: 1_000,
      intervalMs: 100,
      run: async () => {
        runs += 1;
        if (runs === 1) throw new Error('first run fails');
        if (runs === 2) await new Promise<void>((resolve) => (release = resolve));
      },
      onError: (error) => errors.push(error),
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    expect(errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(2);
    // The second run is still busy: the next ticks skip instead of starting another.
    await vi.advanceTimersByTimeAsync(300);
    expect(runs).toBe(2);
    release?.();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(3);
    await job.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(3);
  });

  it('stop waits for a run in progress', async () => {
    vi.useFakeTimers();
    let finished = false;
    const job = startBackgroundJob({
      firstDelayMs: 10,
      intervalMs: 1_000,
      run: () => new Promise<void>((resolve) => setTimeout(() => ((finished = true), resolve()), 50)),
      onError: () => undefined,
    });
    await vi.advanceTimersByTimeAsync(10);
    const stopped = job.stop();
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    await stopped;
    expect(finished).toBe(true);
  });
});
