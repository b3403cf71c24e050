// Several real `groeiwijzer serve` processes on one PostgreSQL database, as a board runs them behind a load
// balancer: for test/multi-server.test.ts and bench/checkin.ts. One server process is started the way the
// durability harness starts it (test/durability/server-process.ts).
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import pg from 'pg';
import { type ServerProcess, startServerProcess } from '../durability/server-process';

/** A scratch PostgreSQL database and how to throw it away. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database `<prefix>_<random>` beside `adminUrl`'s (CREATE DATABASE; dropped with force). */
export async function createScratchPostgresDatabase(adminUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Options shared by every server of a group: the database, the key-encryption key, extra settings. */
export interface ServerGroupOptions {
  databaseUrl: string;
  key: string;
  env?: Record<string, string>;
}

/** Starts `count` servers at the same moment (each on a free port), so they also migrate the database together. */
export async function startServers(count: number, options: ServerGroupOptions): Promise<ServerProcess[]> {
  const started = await Promise.allSettled(
    Array.from({ length: count }, () => startServerProcess({ databaseUrl: options.databaseUrl, key: options.key, ...(options.env ? { env: options.env } : {}) })),
  );
  const servers = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const failure = started.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    for (const server of servers) server.child.kill('SIGKILL');
    throw failure.reason;
  }
  return servers;
}

/** Per job name: how many ticks of one server ran (ok, failed) or skipped (another server held the period). */
export type JobRunCounts = Map<string, { ok: number; failed: number; skipped: number }>;

/** Reads groeiwijzer_job_runs_total from a server's /metrics (reachable from 127.0.0.1 by default). */
export async function jobRunsOf(server: Pick<ServerProcess, 'baseUrl'>): Promise<JobRunCounts> {
  const text = await getText(`${server.baseUrl}/metrics`);
  const counts: JobRunCounts = new Map();
  for (const match of text.matchAll(/^groeiwijzer_job_runs_total\{([^}]*)\} (\d+)/gm)) {
    const labels = Object.fromEntries([...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((label) => [label[1], label[2]]));
    const job = labels.job ?? '';
    const entry = counts.get(job) ?? { ok: 0, failed: 0, skipped: 0 };
    const outcome = labels.outcome as keyof typeof entry;
    if (outcome in entry) entry[outcome] += Number(match[2]);
    counts.set(job, entry);
  }
  return counts;
}

/** The job runs of several servers added up per job. */
export function addJobRuns(all: readonly JobRunCounts[]): JobRunCounts {
  const total: JobRunCounts = new Map();
  for (const counts of all) {
    for (const [job, entry] of counts) {
      const sum = total.get(job) ?? { ok: 0, failed: 0, skipped: 0 };
      total.set(job, { ok: sum.ok + entry.ok, failed: sum.failed + entry.failed, skipped: sum.skipped + entry.skipped });
    }
  }
  return total;
}

function getText(url: string): Promise<string> {
  return new Promise((resolveText, reject) => {
    const outgoing = request(url, { agent: false, timeout: 10_000 }, (incoming) => {
      let body = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (body += chunk));
      incoming.on('end', () => (incoming.statusCode === 200 ? resolveText(body) : reject(new Error(`${url} answered ${incoming.statusCode}: ${body.slice(0, 200)}`))));
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`${url}: no answer`)));
    outgoing.on('error', reject);
    outgoing.end();
  });
}
