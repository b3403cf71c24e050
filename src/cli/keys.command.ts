import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../server/config';
import { rotateDataKey, rotateKek } from '../server/crypto/key-rotation';
import { kekSourceExists, kekSourceOf, loadKek, readKeyFile, writeNewKeyFile } from '../server/crypto/kek';
import { createDb } from '../server/db/create-db';
import type { Db } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { systemClock } from '../server/deps';
import { CliError, parseCommandArguments } from './cli-arguments';

/** Usage lines of `groeiwijzer keys`, shown in the main help. */
export const KEYS_USAGE = `  keys generate <file>  write a new random key-encryption key to a new <file> (mode 0600)
  keys rotate-kek --new-key-file <file>
                        re-wrap every data key with the key in <file>; the current key comes from
                        GROEIWIJZER_KEY_FILE / GROEIWIJZER_KEY (or groeiwijzer.key next to SQLite)
  keys rotate-data-key  make a new data key, re-encrypt every encrypted field with it, retire the old
                        (stop the server first for both rotations)`;

const generateSchema = z.strictObject({ positionals: z.tuple([z.string().min(1, 'give the key file')], { error: 'give exactly one file' }) });
const rotateKekSchema = z.strictObject({ 'new-key-file': z.string().min(1), positionals: z.tuple([], { error: 'takes no arguments' }) });
const noArgumentsSchema = z.strictObject({ positionals: z.tuple([], { error: 'takes no arguments' }) });

/** `groeiwijzer keys <generate|rotate-kek|rotate-data-key>`: manages the field-encryption keys. */
export async function runKeys(args: string[], env: NodeJS.ProcessEnv = process.env, print: (line: string) => void = console.log): Promise<void> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'generate') return generateKey(rest, print);
  if (subcommand === 'rotate-kek') return runRotateKek(rest, env, print);
  if (subcommand === 'rotate-data-key') return runRotateDataKey(rest, env, print);
  throw new CliError(`keys: give generate, rotate-kek or rotate-data-key${subcommand ? ` (not ${subcommand})` : ''}`);
}

function generateKey(args: string[], print: (line: string) => void): void {
  const file = resolve(parseCommandArguments('keys generate <file>', args, {}, generateSchema).positionals[0]);
  if (existsSync(file)) throw new CliError(`keys generate: ${file} exists already; a key is never overwritten`);
  writeNewKeyFile(file);
  print(`Wrote a new key to ${file} (readable by this user only). Keep a copy somewhere else than the database backups.`);
}

async function runRotateKek(args: string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<void> {
  const parsed = parseCommandArguments('keys rotate-kek', args, { 'new-key-file': { type: 'string' } }, rotateKekSchema);
  const newKeyFile = resolve(parsed['new-key-file']);
  const newKek = asCliError(() => readKeyFile(newKeyFile));
  await withDatabase(env, async (db, oldKek) => {
    const { dataKeys } = await asCliErrorAsync(() => rotateKek(db.kysely, oldKek, newKek));
    print(
      `Re-wrapped ${dataKeys} data key(s) with the key in ${newKeyFile}. The current key no longer opens this database.\n` +
        `Now point GROEIWIJZER_KEY_FILE at ${newKeyFile} (or put it in place of the old key file) and restart the server.\n` +
        'Keep the old key as long as you keep backups made before this rotation: they need it.',
    );
  });
}

async function runRotateDataKey(args: string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<void> {
  parseCommandArguments('keys rotate-data-key', args, {}, noArgumentsSchema);
  await withDatabase(env, async (db, kek) => {
    const result = await asCliErrorAsync(() => rotateDataKey(db.kysely, kek, systemClock));
    print(`New data key ${result.dataKeyId}: re-encrypted ${result.values} value(s), retired ${result.retired} older key(s).`);
  });
}

// Opens the configured database with its current KEK (never creating a key: rotation needs the existing one).
async function withDatabase(env: NodeJS.ProcessEnv, work: (db: Db, kek: Buffer) => Promise<void>): Promise<void> {
  const config = loadConfig(env);
  const db = await createDb(config.databaseUrl);
  try {
    await migrateToLatest(db.kysely);
    const source = kekSourceOf(config, db);
    if (!kekSourceExists(source)) {
      throw new CliError(source.kind === 'file' ? `keys: the current key file ${source.path} does not exist` : `keys: ${source.kind === 'none' ? source.reason : 'no key'}`);
    }
    await work(db, asCliError(() => loadKek(source)));
  } finally {
    await db.close();
  }
}

function asCliError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw error instanceof CliError ? error : new CliError(`keys: ${(error as Error).message}`);
  }
}

async function asCliErrorAsync<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof CliError ? error : new CliError(`keys: ${(error as Error).message}`);
  }
}
