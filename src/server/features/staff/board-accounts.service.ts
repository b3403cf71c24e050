import type { StaffCaller } from '../../access/caller';
import { recordAudit } from '../../audit/audit.service';
import { deleteSessionsOfUser } from '../../auth/sessions.repository';
import { findUserById, updateUser } from '../../auth/users.repository';
import { type Deps, isoInstant } from '../../deps';
import { AppError } from '../../errors';
import * as repository from './staff.repository';
import type { BoardAccount } from './staff.schemas';

// What only the admins of an account's HOME board may do: switch the whole account off (for every school and
// board it joined) and sign it out everywhere. An account of another board is "not found" here, so no board can
// touch — or learn about — the accounts of another.

/** The accounts whose home is the board. */
export async function listBoardAccounts(deps: Deps, boardId: string): Promise<BoardAccount[]> {
  const { accounts, schools } = await repository.listAccountsHomedIn(deps.db.kysely, boardId);
  return accounts.map((account) => ({
    userId: account.id,
    name: account.name,
    email: account.email,
    disabled: account.disabled_at !== null,
    invitationPending: account.password_hash === null,
    schools: schools.filter((school) => school.user_id === account.id).map((school) => ({ id: school.id, name: school.name })),
  }));
}

/** Switches an account of the board off (ending all its sessions) or on again. */
export async function setAccountDisabled(deps: Deps, caller: StaffCaller, boardId: string, userId: string, disabled: boolean): Promise<BoardAccount> {
  if (userId === caller.userId) throw new AppError('self_lockout', { fields: { userId: ['you cannot disable your own account'] } });
  await deps.db.kysely.transaction().execute(async (trx) => {
    await requireHomedIn(trx, boardId, userId);
    await updateUser(trx, userId, { disabled_at: disabled ? isoInstant(deps.clock.now()) : null });
    const ended = disabled ? await deleteSessionsOfUser(trx, userId) : 0;
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: disabled ? 'staff.disabled' : 'staff.enabled',
      targetType: 'user',
      targetId: userId,
      boardId,
      detail: { scope: 'account', ...(disabled ? { sessionsEnded: ended } : {}) },
    });
  });
  const account = (await listBoardAccounts(deps, boardId)).find((entry) => entry.userId === userId);
  if (!account) throw new AppError('not_found');
  return account;
}

/** Signs an account of the board out on every device, without switching it off. */
export async function endAllSessionsOfAccount(deps: Deps, caller: StaffCaller, boardId: string, userId: string): Promise<number> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    await requireHomedIn(trx, boardId, userId);
    const ended = await deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'staff.sessions_ended',
      targetType: 'user',
      targetId: userId,
      boardId,
      detail: { ended, scope: 'account' },
    });
    return ended;
  });
}

async function requireHomedIn(db: Deps['db']['kysely'], boardId: string, userId: string): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user || user.home_board_id !== boardId) throw new AppError('not_found');
}
