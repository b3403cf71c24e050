/** A job the server runs in the background; `stop` cancels it and waits for a run in progress. */
export interface BackgroundJob {
  stop(): Promise<void>;
}

/**
 * Runs `run` after `firstDelayMs` (not in the middle of starting up or of a quick restart), then every
 * `intervalMs`, never twice at once. A failing run is handed to `onError` and tried again at the next tick.
 * The timers do not keep the process alive.
 */
export function startBackgroundJob(options: {
  firstDelayMs: number;
  intervalMs: number;
  run: () => Promise<void>;
  onError: (error: unknown) => void;
}): BackgroundJob {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = options
      .run()
      .catch(options.onError)
      .finally(() => (running = null));
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, options.intervalMs);
    interval.unref();
  }, options.firstDelayMs);
  first.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(interval);
      await running;
    },
  };
}
