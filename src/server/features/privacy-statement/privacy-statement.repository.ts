import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { PrivacyStatementsTable } from './privacy-statement.tables';

/** A school's adapted privacy statement with the name of whoever saved it last, if the school adapted it. */
export async function findPrivacyStatement(
  db: Kysely<Database>,
  schoolId: string,
): Promise<{ text: string; updatedAt: string; updatedByName: string | null } | undefined> {
  const row = await db
    .selectFrom('privacy_statements')
    .leftJoin('users', 'users.id', 'privacy_statements.updated_by')
    .select(['privacy_statements.text', 'privacy_statements.updated_at', 'users.name'])
    .where('privacy_statements.school_id', '=', schoolId)
    .executeTakeFirst();
  return row ? { text: row.text, updatedAt: row.updated_at, updatedByName: row.name ?? null } : undefined;
}

/** Stores a school's own text, replacing an earlier one. */
export async function upsertPrivacyStatement(db: Kysely<Database>, statement: PrivacyStatementsTable): Promise<void> {
  await db
    .insertInto('privacy_statements')
    .values(statement)
    .onConflict((conflict) => conflict.column('school_id').doUpdateSet({ text: statement.text, updated_by: statement.updated_by, updated_at: statement.updated_at }))
    .execute();
}

/** Removes a school's own text (the default applies again); true when there was one. */
export async function deletePrivacyStatement(db: Kysely<Database>, schoolId: string): Promise<boolean> {
  const result = await db.deleteFrom('privacy_statements').where('school_id', '=', schoolId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
