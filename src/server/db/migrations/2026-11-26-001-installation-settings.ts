import type { Kysely } from 'kysely';

// Settings of the installation itself, one row per setting (e.g. the address links point to,
// pinned at first run). Few and rarely written, so a name/value table needs no migration per setting.

/** Creates the installation settings table. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('installation_settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops the installation settings table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('installation_settings').execute();
}
