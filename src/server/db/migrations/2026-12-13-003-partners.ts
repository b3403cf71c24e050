import type { Kysely } from 'kysely';

// The partners register (issue 16): a school's partner organisations, their contact persons and the agreements made
// with them. Nothing about a pupil; notes and agreement texts are field-encrypted.

/** Adds partner_organisations, partner_contacts and partner_agreements. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('partner_organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // One of PARTNER_KINDS (shared/partners.ts).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('is_key_partner', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes_encrypted', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('partner_organisations_school').on('partner_organisations').columns(['school_id', 'archived_at']).execute();

  await db.schema
    .createTable('partner_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('partner_organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('is_fixed_contact', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('partner_contacts_organisation').on('partner_contacts').columns(['organisation_id']).execute();

  await db.schema
    .createTable('partner_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('partner_organisations.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('agreed_on', 'text', (c) => c.notNull())
    .addColumn('review_on', 'text')
    .addColumn('text_encrypted', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('partner_agreements_organisation').on('partner_agreements').columns(['organisation_id']).execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('partner_agreements').execute();
  await db.schema.dropTable('partner_contacts').execute();
  await db.schema.dropTable('partner_organisations').execute();
}
