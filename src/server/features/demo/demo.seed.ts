import type { Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit.service';
import { hashPassword } from '../../auth/passwords';
import type { Database } from '../../db/database';
import { newId } from '../../deps';
import { recountClassDays } from '../checkin/checkin-class-days.repository';
import { type DemoSchoolYearDeps, type DemoSchoolYearSummary, seedDemoSchoolYear } from './demo-school-year.seed';
import { buildDemoRows, DEMO_PASSWORD } from './demo.data';
import { insertDemoRows } from './demo.repository';

/** How much of the demo to load. */
export interface DemoOptions {
  /**
   * Whether De Vlinderboom gets its school year (self-scan rounds, plan, training register, sharing with the
   * board); true unless a test needs the bare demo: schools, classes, pupils, accounts and check-ins only.
   */
  withSchoolYear?: boolean;
}

/**
 * Fills an empty database with the fictional demo board "Stichting Voorbeeld" and returns its id; the
 * caller runs it in a transaction `trx` and checks that the installation is empty first.
 */
export async function seedDemo(trx: Transaction<Database>, deps: DemoSchoolYearDeps, options: DemoOptions = {}): Promise<string> {
  // One hash for every account: argon2id is slow on purpose and the password is the same.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rows = buildDemoRows({ now: deps.clock.now(), passwordHash, newId });
  const [board] = rows.boards;
  if (!board) throw new Error('the demo has no board');
  await insertDemoRows(trx, rows);
  // The anonymous figures read only the class-day counts, which the write queue keeps for check-ins it stores.
  await recountClassDays(trx, rows.checkins.map((checkin) => ({ classId: checkin.class_id, date: checkin.school_date })));
  const schoolYear: DemoSchoolYearSummary | null = options.withSchoolYear === false ? null : await seedDemoSchoolYear(trx, deps, rows);
  await recordAudit(trx, deps.clock, {
    actorUserId: null,
    action: 'demo.loaded',
    targetType: 'board',
    targetId: board.id,
    boardId: board.id,
    detail: { schools: rows.schools.length, pupils: rows.pupils.length, accounts: rows.users.length, ...(schoolYear ? { schoolYear } : {}) },
  });
  return board.id;
}
