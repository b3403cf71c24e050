import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as foundation from './migrations/2026-11-21-001-foundation';
import * as selfscan from './migrations/2026-11-22-001-selfscan';
import * as schoolSettings from './migrations/2026-11-22-002-school-settings';
import * as auditChain from './migrations/2026-11-23-001-audit-chain';
import * as fieldEncryption from './migrations/2026-11-23-002-field-encryption';
import * as mfa from './migrations/2026-11-23-003-mfa';
import * as checkin from './migrations/2026-11-24-001-checkin';
import * as plan from './migrations/2026-11-25-001-plan';

// Listed explicitly (not read from disk) so migrations work the same under tsx, tests and bundles.
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-21-001-foundation': foundation,
  '2026-11-22-001-selfscan': selfscan,
  '2026-11-22-002-school-settings': schoolSettings,
  '2026-11-23-001-audit-chain': auditChain,
  '2026-11-23-002-field-encryption': fieldEncryption,
  '2026-11-23-003-mfa': mfa,
  '2026-11-24-001-checkin': checkin,
  '2026-11-25-001-plan': plan,
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
