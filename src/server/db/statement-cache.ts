import type { Database as BetterSqlite, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** How many distinct statements stay prepared: far more than the app's queries, few enough to never matter. */
export const STATEMENT_CACHE_LIMIT = 1_000;

/**
 * The SQLite database as Kysely's dialect uses it, keeping each statement prepared for the next query with the same
 * SQL text. Kysely's SQLite driver prepares every query afresh: on the check-in route that was 12 % of the server's
 * CPU (bench/cpu-profile-summary.ts), and with a cache each check-in took 28 % less. Kysely writes values as bound
 * parameters, never into the text, so the texts are the app's few hundred query shapes. A statement still being read
 * (a streamed query, `busy`) is not handed out twice: the query gets a fresh one. The least recently used statement
 * goes when the cache is full. SQLite itself prepares a kept statement again when the schema changed.
 */
export function withStatementCache(database: BetterSqlite, limit = STATEMENT_CACHE_LIMIT): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    prepare(sql: string): Statement {
      const kept = statements.get(sql);
      if (kept && !kept.busy) {
        // Most recently used last, so the first key is the one to let go.
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = database.prepare(sql);
      if (!kept) {
        statements.set(sql, statement);
        if (statements.size > limit) statements.delete(statements.keys().next().value ?? '');
      }
      return statement;
    },
    close(): void {
      statements.clear();
      database.close();
    },
  };
}
