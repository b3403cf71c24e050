import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';

// The board roll-up's own queries on the plan tables (read-only; the plan feature writes them).

/** The schools of a board, by name. */
export async function listSchoolsOfBoard(db: Kysely<Database>, boardId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('schools').select(['id', 'name']).where('board_id', '=', boardId).orderBy('name').orderBy('id').execute();
}

/** The phases of the given schools that started on or before `today`. */
export async function listStartedPhases(db: Kysely<Database>, schoolIds: readonly string[], today: string): Promise<{ school_id: string; phase: string; starts_on: string }[]> {
  if (schoolIds.length === 0) return [];
  return db.selectFrom('plan_phases').select(['school_id', 'phase', 'starts_on']).where('school_id', 'in', schoolIds).where('starts_on', '<=', today).execute();
}

/** How many goals of one school year each of the given schools has per status. */
export async function countGoalsByStatus(db: Kysely<Database>, schoolIds: readonly string[], schoolYear: string): Promise<{ school_id: string; status: string; goals: number }[]> {
  if (schoolIds.length === 0) return [];
  const rows = await db
    .selectFrom('plan_goals')
    .select((eb) => ['school_id', 'status', eb.fn.countAll<number>().as('goals')])
    .where('school_id', 'in', schoolIds)
    .where('school_year', '=', schoolYear)
    .groupBy(['school_id', 'status'])
    .execute();
  return rows.map((row) => ({ ...row, goals: Number(row.goals) }));
}

/** The actions of the given schools (any school year) with a due date before `today`, whatever their status. */
export async function listActionsDueBefore(db: Kysely<Database>, schoolIds: readonly string[], today: string): Promise<{ school_id: string; status: string; due_on: string | null }[]> {
  if (schoolIds.length === 0) return [];
  return db
    .selectFrom('plan_actions')
    .select(['school_id', 'status', 'due_on'])
    .where('school_id', 'in', schoolIds)
    .where('due_on', 'is not', null)
    .where('due_on', '<', today)
    .execute();
}
