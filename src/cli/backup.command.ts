import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { backupDatabase, restoreDatabase } from '../server/db/backup';
import { loadConfig } from '../server/config';
import { createDb, sqlitePathOf } from '../server/db/create-db';
import { CliError, describeDatabaseUrl, parseCommandArguments } from './cli-arguments';

const fileArgumentSchema = z.strictObject({
  positionals: z.tuple([z.string().min(1, 'give the backup file')], { error: 'give exactly one file' }),
});

/** `groeiwijzer backup <file>`: writes a consistent backup of the configured database to a new file. */
export async function runBackup(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  print: (line: string) => void = console.log,
): Promise<string> {
  const file = resolve(parseCommandArguments('backup <file>', args, {}, fileArgumentSchema).positionals[0]);
  const { databaseUrl } = loadConfig(env);
  // Opening a missing SQLite file would create an empty database and back that up.
  if (databaseUrl.startsWith('sqlite:') && !existsSync(sqlitePathOf(databaseUrl))) {
    throw new CliError(`backup: there is no database at ${sqlitePathOf(databaseUrl)}`);
  }
  const db = await createDb(databaseUrl);
  try {
    await backupDatabase(db, file);
  } finally {
    await db.close();
  }
  print(`Backed up ${describeDatabaseUrl(databaseUrl)} to ${file} (${statSync(file).size} bytes).`);
  return file;
}

/** `groeiwijzer restore <file>`: loads a backup into the configured database, which must be empty. */
export async function runRestore(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  print: (line: string) => void = console.log,
): Promise<void> {
  const file = resolve(parseCommandArguments('restore <file>', args, {}, fileArgumentSchema).positionals[0]);
  const { databaseUrl } = loadConfig(env);
  await restoreDatabase(databaseUrl, file);
  print(`Restored ${file} into ${describeDatabaseUrl(databaseUrl)}.`);
}
