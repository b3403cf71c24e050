import type { Kysely } from 'kysely';

// Data keys for field encryption. Each is stored wrapped by the key-encryption key (KEK), which lives
// outside the database (a key file or environment variable); `kek_id` is the KEK's fingerprint.
// Existing plain-text notes are encrypted when the server first opens the database with a key
// (see src/server/crypto/field-encryption.ts), because a migration has no access to the key.

/** Creates the data key table. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('kek_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
}

/** Drops the data key table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('data_keys').execute();
}
