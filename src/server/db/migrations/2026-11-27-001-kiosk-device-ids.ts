import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// Staff list and close the kiosks of a class, so a kiosk needs an id that is not the hash of its secret.
// SQLite cannot add a NOT NULL column to a table, so the table is built anew and its rows (open kiosks,
// at most a school day old) are copied over, each with a new id.

/** Gives every class device in kiosk mode an id of its own (the primary key); the secret's hash stays unique. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kiosk_devices_new')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('id_hash', 'text', (c) => c.notNull().unique())
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  const rows = await db.selectFrom('kiosk_devices').selectAll().execute();
  for (const row of rows) await db.insertInto('kiosk_devices_new').values({ ...row, id: randomUUID() }).execute();
  await db.schema.dropTable('kiosk_devices').execute();
  await db.schema.alterTable('kiosk_devices_new').renameTo('kiosk_devices').execute();
  await db.schema.createIndex('kiosk_devices_class_idx').on('kiosk_devices').column('class_id').execute();
}

/** Back to kiosk devices known only by the hash of their secret. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kiosk_devices_old')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  const rows = await db.selectFrom('kiosk_devices').select(['id_hash', 'class_id', 'csrf_token', 'opened_by', 'created_at', 'expires_at']).execute();
  for (const row of rows) await db.insertInto('kiosk_devices_old').values(row).execute();
  await db.schema.dropIndex('kiosk_devices_class_idx').execute();
  await db.schema.dropTable('kiosk_devices').execute();
  await db.schema.alterTable('kiosk_devices_old').renameTo('kiosk_devices').execute();
}
