import { recordAudit } from '../../audit/audit.service';
import { assertPasswordNotWeak } from '../../auth/password-policy';
import { hashPassword } from '../../auth/passwords';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { seedDemo } from '../demo/demo.seed';
import { insertUser } from '../staff/users.repository';
import { createSchool } from '../tenancy/tenancy.service';
import { insertBoard, isEmptyInstallation } from '../tenancy/tenancy.repository';
import type { SchoolKind } from '../../../shared/roles';

/** True while no board exists: the first-run page is shown. */
export async function needsSetup(deps: Deps): Promise<boolean> {
  return isEmptyInstallation(deps.db.kysely);
}

/**
 * First run: creates the board, its first school and the first administrator (board admin and
 * school admin of that school). Refused once any board exists.
 */
export async function completeSetup(
  deps: Deps,
  input: { boardName: string; schoolName: string; schoolKind: SchoolKind; adminName: string; adminEmail: string; adminPassword: string },
): Promise<string> {
  assertPasswordNotWeak(input.adminPassword, { email: input.adminEmail, name: input.adminName }, 'body.adminPassword');
  const passwordHash = await hashPassword(input.adminPassword);
  return deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await isEmptyInstallation(trx))) throw new AppError('already_set_up');
    const now = isoInstant(deps.clock.now());
    const boardId = newId();
    const userId = newId();
    await insertBoard(trx, { id: boardId, name: input.boardName, min_group_size: 5, created_at: now });
    await insertUser(trx, { id: userId, email: input.adminEmail, name: input.adminName, password_hash: passwordHash, locale: 'nl', disabled_at: null, created_at: now });
    const schoolId = await createSchool(trx, deps, userId, boardId, { name: input.schoolName, kind: input.schoolKind });
    await trx.insertInto('board_memberships').values({ board_id: boardId, user_id: userId, role: 'board_admin', created_at: now }).execute();
    await trx.insertInto('school_memberships').values({ school_id: schoolId, user_id: userId, role: 'school_admin', created_at: now }).execute();
    await recordAudit(trx, deps.clock, { actorUserId: userId, action: 'setup.completed', targetType: 'board', targetId: boardId, boardId });
    return userId;
  });
}

/** First run with the demo instead: fills the empty database with the fictional demo board. */
export async function loadDemo(deps: Deps): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await isEmptyInstallation(trx))) throw new AppError('already_set_up');
    await seedDemo(trx, deps);
  });
}
