import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as foundation from './migrations/2026-11-21-001-foundation';
import * as selfscan from './migrations/2026-11-22-001-selfscan';
import * as schoolSettings from './migrations/2026-11-22-002-school-settings';

// Listed explicitly (not read from disk) so migrations work the same under tsx, tests and bundles.
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-21-001-foundation': foundation,
  '2026-11-22-001-selfscan': selfscan,
  '2026-11-22-002-school-settings': schoolSettings,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies every pending migration; throws with the failing migration's name on error. */
export async function migrateToLatest(kysely: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db: kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}

/** Reverts every migration (used by tests that check `down`). */
export async function migrateToBottom(kysely: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db: kysely, provider });
  for (;;) {
    const { error, results } = await migrator.migrateDown();
    if (error) throw error;
    if (!results || results.length === 0) return;
  }
}
