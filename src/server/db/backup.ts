import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createDb, sqlitePathOf } from './create-db';
import type { Db } from './database';
import { migrateToLatest } from './migrate';
import { createOwnerOnlyFile, OWNER_ONLY_FILE_MODE } from './owner-only-files';

const execFileAsync = promisify(execFile);

// Kysely's own bookkeeping: present (with rows) in every migrated database, even one without data.
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

// better-sqlite3's upper bound for pages per backup step.
const ALL_REMAINING_PAGES = 0x7fffffff;

/**
 * Writes a consistent copy of the open database to `file` while the app may keep running: SQLite's
 * online backup API, or `pg_dump --format=custom` for PostgreSQL. Refuses to overwrite a file. The
 * file is readable by its owner only.
 */
export async function backupDatabase(db: Db, file: string): Promise<void> {
  if (existsSync(file)) throw new Error(`Refusing to overwrite ${file}: choose a new file name for the backup`);
  // Written under a temporary name first, so a failed backup never looks like a finished one.
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    // Made owner-only before a byte is written: SQLite and pg_dump write into the file as it is.
    createOwnerOnlyFile(partial);
    if (db.dialect === 'sqlite') await backupSqlite(db.location, partial);
    else await runTool('pg_dump', ['--format=custom', `--file=${partial}`, `--dbname=${db.location}`]);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Loads a backup made by `backupDatabase` into the database at `databaseUrl`, then migrates it (a
 * backup from an older version is brought up to date). The target must hold no data.
 */
export async function restoreDatabase(databaseUrl: string, file: string): Promise<void> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`Backup file not found: ${file}`);
  if (databaseUrl.startsWith('sqlite:')) await restoreSqlite(sqlitePathOf(databaseUrl), file);
  else await restorePostgres(databaseUrl, file);
  // createDb checks the durability settings; migrating brings an older backup up to date.
  const db = await createDb(databaseUrl);
  try {
    await migrateToLatest(db.kysely);
  } finally {
    await db.close();
  }
}

async function backupSqlite(sourcePath: string, targetPath: string): Promise<void> {
  // Kysely hides the better-sqlite3 handle, so a second connection does the backup; WAL lets both read at once.
  const sqlite = new SQLite(sourcePath, { fileMustExist: true });
  try {
    // All pages in one step, inside one read transaction: copied in small steps (the default, 100
    // pages), every write by the running server restarts the copy, and under steady writes a large
    // database never finishes. WAL lets the server keep writing during the single step.
    await sqlite.backup(targetPath, { progress: () => ALL_REMAINING_PAGES });
  } finally {
    sqlite.close();
  }
}

async function restoreSqlite(targetPath: string, file: string): Promise<void> {
  if (existsSync(targetPath)) {
    const tablesWithData = sqliteTablesWithData(targetPath);
    if (tablesWithData.length > 0) throw targetHasDataError(tablesWithData);
  }
  const incoming = `${targetPath}.restoring`;
  removeSqliteFiles(incoming);
  copyFileSync(file, incoming);
  try {
    // The copy has the backup's mode, which may be one from before backups were owner-only.
    chmodSync(incoming, OWNER_ONLY_FILE_MODE);
    assertSqliteBackup(incoming);
    // The target held no data (checked above): its empty schema makes way for the backup's.
    removeSqliteFiles(targetPath);
    renameSync(incoming, targetPath);
  } finally {
    removeSqliteFiles(incoming);
  }
}

function sqliteTablesWithData(path: string): string[] {
  const sqlite = new SQLite(path, { fileMustExist: true });
  try {
    const tables = sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all() as string[];
    return tables.filter(
      (table) => !MIGRATION_TABLES.has(table) && sqlite.prepare(`select 1 from "${table.replaceAll('"', '""')}" limit 1`).get() !== undefined,
    );
  } catch (error) {
    throw new Error(`Refusing to restore: ${path} exists and is not a readable SQLite database`, { cause: error });
  } finally {
    sqlite.close();
  }
}

function assertSqliteBackup(path: string): void {
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(path, { fileMustExist: true });
    const check = sqlite.pragma('integrity_check', { simple: true });
    const hasMigrations = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get() !== undefined;
    if (check !== 'ok' || !hasMigrations) throw new Error(check !== 'ok' ? `integrity check: ${String(check)}` : 'no migration table');
  } catch (error) {
    throw new Error('The file is not a Groeiwijzer SQLite backup (or it is damaged)', { cause: error });
  } finally {
    sqlite?.close();
  }
}

function removeSqliteFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  const tables = await postgresTables(databaseUrl);
  const withData = tables.filter((table) => table.hasRows && !MIGRATION_TABLES.has(table.name));
  if (withData.length > 0) throw targetHasDataError(withData.map((table) => `${table.schema}.${table.name}`));
  if (tables.length > 0) await dropEmptyGroeiwijzerSchema(databaseUrl, tables);
  // One transaction: a failed restore leaves the target without tables, as empty as it was.
  await runTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${databaseUrl}`, file]);
}

// A server started once on the target migrated it: those empty tables would clash with the backup's.
async function dropEmptyGroeiwijzerSchema(databaseUrl: string, tables: { schema: string; name: string }[]): Promise<void> {
  const isOnlyGroeiwijzer = tables.every((table) => table.schema === 'public') && tables.some((table) => table.name === 'kysely_migration');
  if (!isOnlyGroeiwijzer) {
    throw new Error(
      `Refusing to restore: the target database has tables Groeiwijzer did not create (${tables.map((table) => `${table.schema}.${table.name}`).join(', ')}). ` +
        'Restore into a newly created, empty database.',
    );
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    for (const table of tables) await client.query(`drop table if exists public.${client.escapeIdentifier(table.name)} cascade`);
    // Trigger functions (the audit chain's) outlive their tables; the backup brings its own.
    const { rows: functions } = await client.query<{ signature: string }>(
      `select p.oid::regprocedure::text as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
    );
    for (const fn of functions) await client.query(`drop function if exists ${fn.signature} cascade`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function postgresTables(databaseUrl: string): Promise<{ schema: string; name: string; hasRows: boolean }[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string; name: string }>(
      "select table_schema as schema, table_name as name from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2",
    );
    const result = [];
    for (const table of rows) {
      const quoted = `${client.escapeIdentifier(table.schema)}.${client.escapeIdentifier(table.name)}`;
      const found = await client.query(`select 1 from ${quoted} limit 1`);
      result.push({ ...table, hasRows: (found.rowCount ?? 0) > 0 });
    }
    return result;
  } finally {
    await client.end();
  }
}

function targetHasDataError(tables: string[]): Error {
  return new Error(`Refusing to restore: the target database already holds data (in ${tables.join(', ')}). Restore needs an empty database.`);
}

async function runTool(command: string, args: string[]): Promise<void> {
  try {
    await execFileAsync(command, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error(`${command} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client)`, { cause: error });
    }
    // The tools print the connection URL on some errors; keep the password out of the message.
    const detail = (failure.stderr ?? failure.message).replace(/(postgres(?:ql)?:\/\/[^:@/]*:)[^@]*@/g, '$1***@').trim();
    throw new Error(`${command} failed: ${detail}`, { cause: error });
  }
}
