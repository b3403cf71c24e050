import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { withStatementCache } from './statement-cache';
import pg from 'pg';
import type { Database, Db } from './database';
import { createOwnerOnlyFile, OWNER_ONLY_FOLDER_MODE, restrictToOwner } from './owner-only-files';

// PostgreSQL returns bigint counts as strings; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** What opening a database may report besides errors (a SQLite file whose permissions were tightened). */
export interface OpenDbOptions {
  warn?: (message: string) => void;
}

/**
 * Opens the database named by a `sqlite:` or `postgres://` URL and checks that it is durable. A SQLite
 * database, its WAL and shared-memory files are made readable by their owner only.
 */
export async function createDb(databaseUrl: string, options: OpenDbOptions = {}): Promise<Db> {
  if (databaseUrl.startsWith('sqlite:')) return openSqlite(sqlitePathOf(databaseUrl), options.warn ?? console.warn);
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgres(databaseUrl);
  throw new Error(`Unsupported DATABASE_URL: ${databaseUrl.split(':')[0]}:…`);
}

/** The file path inside a `sqlite:` URL (`sqlite:./data/x.db`, `sqlite:///abs/x.db`). */
export function sqlitePathOf(databaseUrl: string): string {
  const raw = databaseUrl.slice('sqlite:'.length).replace(/^\/\//, '');
  if (raw === '' || raw === ':memory:') throw new Error('SQLite needs a file path: in-memory databases are not durable');
  return resolve(raw);
}

function openSqlite(path: string, warn: (message: string) => void): Db {
  // An existing folder is left alone: DATABASE_URL may point into a shared one (/var/lib, a home folder).
  mkdirSync(dirname(path), { recursive: true, mode: OWNER_ONLY_FOLDER_MODE });
  restrictSqliteFilesToOwner(path, warn);
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  assertSqliteDurable(sqlite);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    kysely,
    dialect: 'sqlite',
    location: path,
    close: () => kysely.destroy(),
  };
}

// SQLite creates a new database file 0644 (less the umask) and gives its -wal and -shm files the
// database file's mode: an owner-only database file makes all three owner-only. A database left readable
// by others (made before this rule, or copied in) is tightened, and the log says so.
function restrictSqliteFilesToOwner(path: string, warn: (message: string) => void): void {
  if (createOwnerOnlyFile(path)) return;
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      const previous = restrictToOwner(file);
      if (previous !== undefined) warn(`${file} was readable by other users (mode ${previous.toString(8)}): made it readable by its owner only`);
    } catch (error) {
      warn(`Could not make ${file} readable by its owner only (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}): check its permissions`);
    }
  }
}

/** Throws unless the SQLite connection runs in WAL mode with synchronous=FULL and foreign keys on. */
export function assertSqliteDurable(sqlite: SQLite.Database): void {
  const journalMode = String(sqlite.pragma('journal_mode', { simple: true }));
  const synchronous = Number(sqlite.pragma('synchronous', { simple: true }));
  const foreignKeys = Number(sqlite.pragma('foreign_keys', { simple: true }));
  // synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA — FULL or stronger keeps every commit.
  if (journalMode !== 'wal' || synchronous < 2 || foreignKeys !== 1) {
    throw new Error(
      `Refusing to start: SQLite is not durable (journal_mode=${journalMode}, synchronous=${synchronous}, foreign_keys=${foreignKeys}); need wal, FULL, on`,
    );
  }
}

// The pool behind each PostgreSQL Db, for the metrics; the Db type itself stays the same for both dialects.
const poolsByDb = new WeakMap<Db, pg.Pool>();

/** Connections of the database's PostgreSQL pool (open, idle, queries waiting); undefined on SQLite. */
export function poolStateOf(db: Db): { total: number; idle: number; waiting: number } | undefined {
  const pool = poolsByDb.get(db);
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : undefined;
}

async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server drops (restart, admin kill) is removed from the pool and replaced
  // on the next query; without a listener that event would crash the process.
  pool.on('error', (error) => console.warn(`PostgreSQL dropped an idle connection: ${error.message}`));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await assertPostgresDurable(pool);
  } catch (error) {
    // Kysely has not used the pool yet, so destroying Kysely would leave the check's connection open.
    await pool.end();
    throw error;
  }
  const db: Db = {
    kysely,
    dialect: 'postgres',
    location: url,
    close: async () => {
      await kysely.destroy();
      // Kysely ends the pool only if it ran a query itself; the durability check's connection is the pool's too.
      if (!pool.ended) await pool.end();
    },
  };
  poolsByDb.set(db, pool);
  return db;
}

/** Throws when PostgreSQL would acknowledge commits it could lose (fsync or synchronous_commit off). */
export async function assertPostgresDurable(pool: pg.Pool): Promise<void> {
  const result = await pool.query<{ fsync: string; synchronous_commit: string; full_page_writes: string }>(
    "select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit, current_setting('full_page_writes') as full_page_writes",
  );
  const settings = result.rows[0];
  if (!settings || settings.fsync !== 'on' || settings.synchronous_commit === 'off' || settings.full_page_writes !== 'on') {
    throw new Error(
      `Refusing to start: PostgreSQL is not durable (fsync=${settings?.fsync}, synchronous_commit=${settings?.synchronous_commit}, full_page_writes=${settings?.full_page_writes})`,
    );
  }
}
