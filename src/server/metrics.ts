import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { App } from './http/fastify-types';

// The server's Prometheus metrics (served at /metrics, see http/metrics.routes.ts). One registry for the whole
// process, created once with this module: the tests build many apps in one process, so a metric is never created
// twice and a test compares a value before and after. A metric carries no personal data: its labels are route
// patterns, methods, status classes, job names, outcomes and the database dialect — never a URL, an id, a name,
// a school or an address.

/** The registry `/metrics` writes out (not prom-client's global one, which any other package could fill). */
export const metricsRegistry = new Registry();

// Memory, CPU, event-loop delay, garbage collection, open handles: the standard names, so existing dashboards work.
collectDefaultMetrics({ register: metricsRegistry });

/** The state of a PostgreSQL connection pool at one moment. */
export interface PoolState {
  total: number;
  idle: number;
  waiting: number;
}

/** What one running app lets the metrics read when they are scraped. */
export interface MetricsSource {
  dialect: 'sqlite' | 'postgres';
  /** The PostgreSQL pool; undefined on SQLite (one connection, no pool). */
  databasePool(): PoolState | undefined;
}

// Normally one app per process; tests run several at once, and each one's figures count until it closes.
const sources = new Set<MetricsSource>();
// The check-in write queues (one per app), registered by the check-in feature itself: http/ imports no feature.
const checkinQueueDepths = new Set<() => number>();

/** Lets the metrics read this app's database and pool at scrape time; returns the function that stops it (on close). */
export function addMetricsSource(source: MetricsSource): () => void {
  sources.add(source);
  return () => void sources.delete(source);
}

/** Lets the metrics read a check-in write queue's depth (queued or being written) at scrape time; returns its removal. */
export function addCheckinQueueDepth(read: () => number): () => void {
  checkinQueueDepths.add(read);
  return () => void checkinQueueDepths.delete(read);
}

const httpRequests = new Counter({
  name: 'groeiwijzer_http_requests_total',
  help: 'Answered HTTP requests, by route pattern, method and status class.',
  labelNames: ['route', 'method', 'status'] as const,
  registers: [metricsRegistry],
});

const httpDuration = new Histogram({
  name: 'groeiwijzer_http_request_duration_seconds',
  help: 'Time from receiving a request to its answer, by route pattern, method and status class.',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

// The route label of a request that matched no route: one value, so scanning for paths adds no time series.
const UNMATCHED_ROUTE = '(none)';

/**
 * Counts every answered request and its duration under its route pattern (`/api/schools/:schoolId/pupils`),
 * never the URL: a URL carries ids, and every distinct value would become a time series of its own.
 */
export function installRequestMetrics(app: App): void {
  // A callback hook, not an async one: it runs for every answer and has nothing to wait for.
  app.addHook('onResponse', (request, reply, done) => {
    const labels = {
      route: request.routeOptions.url ?? UNMATCHED_ROUTE,
      method: request.method,
      status: `${Math.floor(reply.statusCode / 100)}xx`,
    };
    httpRequests.inc(labels);
    httpDuration.observe(labels, reply.elapsedTime / 1000);
    done();
  });
}

new Gauge({
  name: 'groeiwijzer_checkin_queue_depth',
  help: 'Check-ins waiting in the write queue for their commit (queued or being written).',
  registers: [metricsRegistry],
  collect() {
    let depth = 0;
    for (const read of checkinQueueDepths) depth += read();
    this.set(depth);
  },
});

const checkinsCommitted = new Counter({
  name: 'groeiwijzer_checkins_committed_total',
  help: 'Check-ins stored by a committed write-queue transaction (a repeated idempotency key is not counted).',
  registers: [metricsRegistry],
});

/** Counts check-ins a write-queue transaction stored (called once the transaction committed). */
export function recordCheckinsCommitted(count: number): void {
  if (count > 0) checkinsCommitted.inc(count);
}

const jobRuns = new Counter({
  name: 'groeiwijzer_job_runs_total',
  help: 'Runs of the background jobs, by job and outcome (ok, failed, or skipped because another server ran it).',
  labelNames: ['job', 'outcome'] as const,
  registers: [metricsRegistry],
});

const jobDuration = new Histogram({
  name: 'groeiwijzer_job_duration_seconds',
  help: 'How long a background job run took that was not skipped, by job.',
  labelNames: ['job'] as const,
  buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300, 900],
  registers: [metricsRegistry],
});

/** Records one run of a background job: its outcome and how long it took (`skipped`: another server ran it). */
export function recordJobRun(job: string, outcome: 'ok' | 'failed' | 'skipped', seconds: number): void {
  jobRuns.inc({ job, outcome });
  if (outcome !== 'skipped') jobDuration.observe({ job }, seconds);
}

new Gauge({
  name: 'groeiwijzer_database_info',
  help: 'The database the server runs on (1 for its dialect).',
  labelNames: ['dialect'] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    for (const source of sources) this.set({ dialect: source.dialect }, 1);
  },
});

new Gauge({
  name: 'groeiwijzer_database_pool_connections',
  help: 'PostgreSQL pool connections: total open, idle, and queries waiting for one (absent on SQLite).',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    const states = [...sources].map((source) => source.databasePool()).filter((state) => state !== undefined);
    if (states.length === 0) return;
    for (const state of ['total', 'idle', 'waiting'] as const) {
      this.set({ state }, states.reduce((sum, pool) => sum + pool[state], 0));
    }
  },
});
