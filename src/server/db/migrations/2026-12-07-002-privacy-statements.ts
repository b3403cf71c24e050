import type { Kysely } from 'kysely';

// A school's own privacy statement (issue 12). No row: the school shows Groeiwijzer's default text.

/** Adds the privacy statements a school adapted. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('privacy_statements')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
    // Plain text as the school admin typed it (line feeds kept); never rendered as HTML.
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('privacy_statements').execute();
}
