import type { SchoolRole } from '../../../shared/roles';
import type { StaffCaller } from '../../access/caller';
import { recordAudit } from '../../audit/audit.service';
import { findUserById } from '../../auth/users.repository';
import { type Deps, isoInstant } from '../../deps';
import { AppError } from '../../errors';
import { roleGrantedMail } from '../../mail/templates';
import * as repository from './staff.repository';
import type { RoleGrant } from './staff.schemas';
import { requireSchool } from './staff.service';

// Separation of duties for roles that read special-category data (the care team reads check-in notes, and later
// care plans): asking for such a role and approving it are two people. The approver is the school's leadership
// or an admin (permission school.roles.approve) — never the one who asked, never the one who gets the role —
// and the person who gets it is told by mail once it counts.

/** The roles waiting for a second person in a school, and whether the caller may decide each. */
export async function listRoleGrants(deps: Deps, caller: StaffCaller, schoolId: string): Promise<RoleGrant[]> {
  await requireSchool(deps, schoolId);
  const rows = await repository.listPendingRoleGrants(deps.db.kysely, schoolId);
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    name: row.person_name,
    email: row.person_email,
    role: row.role as SchoolRole,
    requestedBy: row.requester_name ?? null,
    requestedAt: row.requested_at,
    canDecide: row.requested_by !== caller.userId && row.user_id !== caller.userId,
  }));
}

/**
 * Approves or rejects a waiting role. An approved role counts at once for a member of the school; for someone
 * still invited it counts when they accept.
 */
export async function decideRoleGrant(deps: Deps, caller: StaffCaller, schoolId: string, grantId: string, approve: boolean): Promise<void> {
  const school = await requireSchool(deps, schoolId);
  const now = isoInstant(deps.clock.now());
  const grant = await deps.db.kysely.transaction().execute(async (trx) => {
    const grant = await repository.findRoleGrant(trx, schoolId, grantId);
    if (!grant || grant.decision !== null) throw new AppError('not_found');
    if (grant.requested_by === caller.userId || grant.user_id === caller.userId) throw new AppError('second_person_needed');
    if (!(await repository.decideRoleGrant(trx, grantId, approve ? 'approved' : 'rejected', caller.userId, now))) throw new AppError('not_found');
    let applied = false;
    if (approve && !(await repository.findOpenInvitationOf(trx, schoolId, grant.user_id))) {
      const held = await repository.findRolesInSchool(trx, schoolId, grant.user_id);
      await repository.replaceRolesInSchool(trx, schoolId, grant.user_id, [...new Set([...held, grant.role as SchoolRole])], now);
      await repository.markGrantsApplied(trx, [grant.id], now);
      applied = true;
    }
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: approve ? 'staff.role_grant_approved' : 'staff.role_grant_rejected',
      targetType: 'user',
      targetId: grant.user_id,
      schoolId,
      boardId: school.board_id,
      detail: { role: grant.role, requestedBy: grant.requested_by },
    });
    return { ...grant, applied };
  });
  if (!grant.applied) return;
  // The person granted is told: a role that reads sensitive data never arrives unnoticed.
  const person = await findUserById(deps.db.kysely, grant.user_id);
  if (!person) return;
  const mail = roleGrantedMail(person.locale === 'en' ? 'en' : 'nl', school.name, grant.role as SchoolRole, caller.user.name);
  await deps.mailer.send({ to: person.email, ...mail, boardId: person.home_board_id ?? null, schoolId: null });
}
