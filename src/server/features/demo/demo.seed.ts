import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.service';
import { hashPassword } from '../../auth/passwords';
import type { Database } from '../../db/database';
import { type Deps, newId } from '../../deps';
import { recountClassDays } from '../checkin/checkin-class-days.repository';
import { buildDemoRows, DEMO_PASSWORD } from './demo.data';
import { insertDemoRows } from './demo.repository';

/**
 * Fills an empty database with the fictional demo board "Stichting Voorbeeld" and returns its id; the
 * caller runs it in a transaction and checks that the installation is empty first.
 */
export async function seedDemo(db: Kysely<Database>, deps: Pick<Deps, 'clock'>): Promise<string> {
  // One hash for every account: argon2id is slow on purpose and the password is the same.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rows = buildDemoRows({ now: deps.clock.now(), passwordHash, newId });
  const [board] = rows.boards;
  if (!board) throw new Error('the demo has no board');
  await insertDemoRows(db, rows);
  // The anonymous figures read only the class-day counts, which the write queue keeps for check-ins it stores.
  await recountClassDays(db, rows.checkins.map((checkin) => ({ classId: checkin.class_id, date: checkin.school_date })));
  await recordAudit(db, deps.clock, {
    actorUserId: null,
    action: 'demo.loaded',
    targetType: 'board',
    targetId: board.id,
    boardId: board.id,
    detail: { schools: rows.schools.length, pupils: rows.pupils.length, accounts: rows.users.length },
  });
  return board.id;
}
