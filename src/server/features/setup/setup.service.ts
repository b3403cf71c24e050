import { recordAudit } from '../../audit/audit.service';
import { assertPasswordNotWeak } from '../../auth/password-policy';
import { hashPassword } from '../../auth/passwords';
import { type Deps, isoInstant, newId } from '../../deps';
import { AppError } from '../../errors';
import { seedDemo } from '../demo/demo.seed';
import { insertUser } from '../../auth/users.repository';
import { createSchool } from '../tenancy/tenancy.service';
import { insertBoard, isEmptyInstallation } from '../tenancy/tenancy.repository';
import type { SchoolKind } from '../../../shared/roles';
import { pinLinkOrigin } from '../../installation/link-base';

/** True while no board exists: the first-run page is shown. */
export async function needsSetup(deps: Deps): Promise<boolean> {
  return isEmptyInstallation(deps.db.kysely);
}

/**
 * First run: creates the board, its first school and the first administrator (board admin and
 * school admin of that school), and pins the address links will point to unless PUBLIC_URL is set.
 * Refused once any board exists.
 */
export async function completeSetup(
  deps: Deps,
  input: {
    boardName: string;
    schoolName: string;
    schoolKind: SchoolKind;
    adminName: string;
    adminEmail: string;
    adminPassword: string;
    linkOrigin?: string | undefined;
  },
): Promise<string> {
  // Without PUBLIC_URL the person setting up says where colleagues reach Groeiwijzer; no later request's
  // Host header can change it (installation/link-base.ts).
  if (!deps.config.publicUrl && !input.linkOrigin) {
    throw new AppError('validation_failed', { fields: { 'body.linkOrigin': ['required while PUBLIC_URL is not set'] } });
  }
  assertPasswordNotWeak(input.adminPassword, { email: input.adminEmail, name: input.adminName }, 'body.adminPassword');
  const passwordHash = await hashPassword(input.adminPassword);
  return deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await isEmptyInstallation(trx))) throw new AppError('already_set_up');
    const now = isoInstant(deps.clock.now());
    const boardId = newId();
    const userId = newId();
    await insertBoard(trx, { id: boardId, name: input.boardName, min_group_size: 5, created_at: now });
    await insertUser(trx, { id: userId, email: input.adminEmail, name: input.adminName, password_hash: passwordHash, locale: 'nl', disabled_at: null, created_at: now, home_board_id: boardId });
    const schoolId = await createSchool(trx, deps, userId, boardId, { name: input.schoolName, kind: input.schoolKind });
    await trx.insertInto('board_memberships').values({ board_id: boardId, user_id: userId, role: 'board_admin', created_at: now }).execute();
    await trx.insertInto('school_memberships').values({ school_id: schoolId, user_id: userId, role: 'school_admin', created_at: now }).execute();
    const linkOrigin = deps.config.publicUrl ? null : (input.linkOrigin ?? null);
    if (linkOrigin) await pinLinkOrigin(trx, deps.clock, linkOrigin);
    await recordAudit(trx, deps.clock, {
      actorUserId: userId,
      action: 'setup.completed',
      targetType: 'board',
      targetId: boardId,
      boardId,
      ...(linkOrigin ? { detail: { linkOrigin } } : {}),
    });
    return userId;
  });
}

/**
 * Whether a first-run request may load the demo: on an installation started with `groeiwijzer demo`,
 * or from the server itself. The demo's accounts have a published password, so loading it from
 * anywhere would let a stranger sign in as board administrator of a fresh installation.
 */
export function mayLoadDemo(deps: Pick<Deps, 'config'>, request: { isFromThisMachine: boolean }): boolean {
  return deps.config.isDemo || request.isFromThisMachine;
}

/**
 * First run with the demo instead: fills the empty database with the fictional demo board, and pins
 * the address its links point to when the page sent one and PUBLIC_URL is not set.
 */
export async function loadDemo(deps: Deps, request: { isFromThisMachine: boolean; linkOrigin?: string | undefined }): Promise<void> {
  if (!mayLoadDemo(deps, request)) throw new AppError('demo_not_allowed');
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (!(await isEmptyInstallation(trx))) throw new AppError('already_set_up');
    await seedDemo(trx, deps);
    if (!deps.config.publicUrl && request.linkOrigin) await pinLinkOrigin(trx, deps.clock, request.linkOrigin);
  });
}
