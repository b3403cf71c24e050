import type { Kysely } from 'kysely';

/** Creates staged pupil imports: an uploaded file's checked records and error report, kept until they expire. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pupil_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull())
    .addColumn('valid_count', 'integer', (c) => c.notNull())
    .addColumn('error_row_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pupil_imports_school_creator_idx').on('pupil_imports').columns(['school_id', 'created_by']).execute();
  await db.schema.createIndex('pupil_imports_expires_idx').on('pupil_imports').column('expires_at').execute();

  await db.schema
    .createTable('pupil_import_records')
    .addColumn('import_id', 'text', (c) => c.notNull().references('pupil_imports.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('pupil_number', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('class_name', 'text')
    .addPrimaryKeyConstraint('pupil_import_records_pk', ['import_id', 'position'])
    .execute();

  await db.schema
    .createTable('pupil_import_errors')
    .addColumn('import_id', 'text', (c) => c.notNull().references('pupil_imports.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pupil_import_errors_pk', ['import_id', 'position'])
    .execute();
}

/** Drops the staged pupil imports. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pupil_import_errors').execute();
  await db.schema.dropTable('pupil_import_records').execute();
  await db.schema.dropTable('pupil_imports').execute();
}
