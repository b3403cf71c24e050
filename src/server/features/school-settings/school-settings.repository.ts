import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import type { SchoolSettingsRow, SchoolSettingsTable } from './school-settings.tables';

/** The stored settings of a school, if it ever changed one. */
export async function findSchoolSettings(db: Kysely<Database>, schoolId: string): Promise<SchoolSettingsRow | undefined> {
  return db.selectFrom('school_settings').selectAll().where('school_id', '=', schoolId).executeTakeFirst();
}

/** What a school may share with its board, by its column. */
type BoardSharing = 'shares_selfscan_with_board' | 'shares_checkin_with_board' | 'shares_plan_with_board' | 'shares_effect_with_board';

/** The ids of the given schools that share this with the board. */
async function listSchoolIdsSharing(db: Kysely<Database>, schoolIds: readonly string[], sharing: BoardSharing): Promise<string[]> {
  if (schoolIds.length === 0) return [];
  const rows = await db.selectFrom('school_settings').select('school_id').where('school_id', 'in', schoolIds).where(sharing, '=', 1).execute();
  return rows.map((row) => row.school_id);
}

/** The ids of the given schools that share their self-scan placements with the board. */
export function listSchoolIdsSharingSelfscan(db: Kysely<Database>, schoolIds: readonly string[]): Promise<string[]> {
  return listSchoolIdsSharing(db, schoolIds, 'shares_selfscan_with_board');
}

/** The ids of the given schools that share their anonymous check-in figures with the board. */
export function listSchoolIdsSharingCheckin(db: Kysely<Database>, schoolIds: readonly string[]): Promise<string[]> {
  return listSchoolIdsSharing(db, schoolIds, 'shares_checkin_with_board');
}

/** The ids of the given schools that share their implementation plan roll-up with the board. */
export function listSchoolIdsSharingPlan(db: Kysely<Database>, schoolIds: readonly string[]): Promise<string[]> {
  return listSchoolIdsSharing(db, schoolIds, 'shares_plan_with_board');
}

/** The ids of the given schools that share their effect evaluation with the board. */
export function listSchoolIdsSharingEffect(db: Kysely<Database>, schoolIds: readonly string[]): Promise<string[]> {
  return listSchoolIdsSharing(db, schoolIds, 'shares_effect_with_board');
}

/** Stores a school's settings, replacing the earlier row. */
export async function upsertSchoolSettings(db: Kysely<Database>, settings: SchoolSettingsTable): Promise<void> {
  await db
    .insertInto('school_settings')
    .values(settings)
    .onConflict((conflict) =>
      conflict.column('school_id').doUpdateSet({
        shares_selfscan_with_board: settings.shares_selfscan_with_board,
        shares_checkin_with_board: settings.shares_checkin_with_board,
        shares_plan_with_team: settings.shares_plan_with_team,
        shares_plan_with_board: settings.shares_plan_with_board,
        shares_effect_with_board: settings.shares_effect_with_board,
        untrained_after_months: settings.untrained_after_months,
        updated_by: settings.updated_by,
        updated_at: settings.updated_at,
      }),
    )
    .execute();
}
