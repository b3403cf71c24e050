import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database';
import { type Deps, hashSecret, isoInstant } from '../deps';

// The counters of @fastify/rate-limit in the database instead of each process's memory: with several servers
// behind a load balancer, an address that spreads its login attempts over them still meets one limit. One code
// path for SQLite and PostgreSQL: a single INSERT … ON CONFLICT DO UPDATE … RETURNING counts a hit and starts a
// new window when the old one has ended, atomically (PostgreSQL locks the row; SQLite has one writer).
// The routes use fixed windows only (`max` + `timeWindow`): the plugin's continueExceeding and exponential
// backoff are not offered here.

/** Expired windows are deleted by the process that counts a hit at most this often. */
export const RATE_LIMIT_PURGE_INTERVAL_MS = 60_000;

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;

/** What the store needs: the database and the clock (tests move the clock past a window). */
export type RateLimitStoreDeps = Pick<Deps, 'db' | 'clock'>;

/** A @fastify/rate-limit store on the rate_limits table; `child` gives each route its own counters, as the in-memory store does. */
export class DatabaseRateLimitStore implements FastifyRateLimitStore {
  // Shared by a store and its children: one purge per interval per process, not per route.
  private readonly purge: { lastAt: number };

  constructor(
    private readonly deps: RateLimitStoreDeps,
    private readonly scope = '',
    purge?: { lastAt: number },
  ) {
    this.purge = purge ?? { lastAt: 0 };
  }

  incr(key: string, callback: Callback, timeWindow: number, _max: number): void {
    this.count(key, timeWindow).then(
      (counted) => callback(null, counted),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  /** The plugin's non-counting look (`increment: false`). */
  read(key: string, callback: Callback): void {
    this.peek(key).then(
      (counted) => callback(null, counted),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): DatabaseRateLimitStore {
    // The plugin passes its merged settings with the route under `routeInfo` (as its Redis store reads them),
    // not the route options its types name.
    const { routeInfo } = routeOptions as unknown as { routeInfo?: { method?: string | string[]; url?: string } };
    return this.forRoute([routeInfo?.method ?? ''].flat().join(','), routeInfo?.url ?? '');
  }

  /** The counters of one route: its own, as with the plugin's in-memory store. */
  forRoute(method: string, url: string): DatabaseRateLimitStore {
    return new DatabaseRateLimitStore(this.deps, `${method} ${url}`, this.purge);
  }

  private async count(key: string, timeWindowMs: number): Promise<Counted> {
    const now = this.deps.clock.now();
    const nowText = isoInstant(now);
    const db = this.deps.db.kysely;
    const row = await db
      .insertInto('rate_limits')
      .values({ key_hash: this.hashOf(key), hits: 1, window_ends_at: isoInstant(new Date(now.getTime() + timeWindowMs)) })
      .onConflict((conflict) =>
        conflict.column('key_hash').doUpdateSet({
          hits: sql<number>`case when rate_limits.window_ends_at <= ${nowText} then 1 else rate_limits.hits + 1 end`,
          window_ends_at: sql<string>`case when rate_limits.window_ends_at <= ${nowText} then excluded.window_ends_at else rate_limits.window_ends_at end`,
        }),
      )
      .returning(['hits', 'window_ends_at'])
      .executeTakeFirstOrThrow();
    if (now.getTime() - this.purge.lastAt >= RATE_LIMIT_PURGE_INTERVAL_MS) {
      this.purge.lastAt = now.getTime();
      await deleteEndedWindows(db, now);
    }
    return { current: Number(row.hits), ttl: Math.max(0, Date.parse(row.window_ends_at) - now.getTime()) };
  }

  private async peek(key: string): Promise<Counted> {
    const now = this.deps.clock.now();
    const row = await this.deps.db.kysely
      .selectFrom('rate_limits')
      .select(['hits', 'window_ends_at'])
      .where('key_hash', '=', this.hashOf(key))
      .where('window_ends_at', '>', isoInstant(now))
      .executeTakeFirst();
    return row ? { current: Number(row.hits), ttl: Date.parse(row.window_ends_at) - now.getTime() } : { current: 0, ttl: 0 };
  }

  private hashOf(key: string): string {
    return hashSecret(`${this.scope} ${key}`);
  }
}

/** Deletes the counters whose window has ended; returns how many. */
export async function deleteEndedWindows(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('window_ends_at', '<=', isoInstant(now)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The store class to give @fastify/rate-limit (`store:`): the plugin constructs it itself, so the deps are bound here. */
export function databaseRateLimitStore(deps: RateLimitStoreDeps): FastifyRateLimitStoreCtor {
  return class extends DatabaseRateLimitStore {
    constructor() {
      super(deps);
    }
  };
}
