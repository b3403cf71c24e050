import QRCode from 'qrcode';
import { PARENT_COOKIE, PARENT_LINK_DAYS, PARENT_LINK_FRAGMENT, PARENT_PAGE_PATH, PARENT_SESSION_HOURS, type ParentLinkChannel } from '../../../shared/parents';
import type { DeviceCaller, DeviceKindRegistration, ResolvedDevice, StaffCaller } from '../../access/caller';
import { recordAudit } from '../../audit/audit.service';
import { type Deps, hashSecret, isoInstant, newId, newSecretToken } from '../../deps';
import { AppError } from '../../errors';
import { linkBaseOf } from '../../installation/link-base';
import { parentLinkMail } from '../../mail/templates';
import { findSchool } from '../tenancy/tenancy.repository';
import { requireParentOfPupil } from './parents.service';
import type { SentLink } from './parents.schemas';
import * as repository from './parents.repository';

// How a parent reaches their parent page without an account (issue 16): a staff member sends a one-time link (≥ 128
// bits — 256 here —, stored hashed, usable once, 14 days); opening it makes a short parent session limited to that
// parent's own children. A newer link or a revocation stops the older ones. Redemption is throttled per address and
// every attempt is audited; a refused link answers the same whatever the reason, so an attempt reveals nothing.

/** A parent session: whose, at which school. */
export interface ParentDevice {
  idHash: string;
  parentId: string;
  schoolId: string;
}

declare module '../../access/caller' {
  interface DeviceCallers {
    parent: ParentDevice;
  }
}

/** A parent session as routes receive it. */
export type ParentCaller = DeviceCaller<'parent'>;

/** The parent session's cookie: resolved by the access core like a pupil's own device. */
export const parentDeviceKind: DeviceKindRegistration<'parent'> = {
  kind: 'parent',
  cookie: PARENT_COOKIE,
  resolve: (deps, cookie) => resumeParentSession(deps, cookie),
};

/** Resolves a parent cookie to a live session, or null (ended, expired, or the parent was removed). */
export async function resumeParentSession(deps: Pick<Deps, 'db' | 'clock'>, cookie: string): Promise<ResolvedDevice<'parent'> | null> {
  const idHash = hashSecret(cookie);
  const row = await repository.findSession(deps.db.kysely, idHash);
  if (!row || deps.clock.now().getTime() >= Date.parse(row.expires_at)) {
    if (row) await repository.deleteSession(deps.db.kysely, idHash);
    return null;
  }
  return { idHash, parentId: row.parent_id, schoolId: row.school_id, csrfToken: row.csrf_token };
}

/**
 * Sends a parent of the pupil a new one-time link, by e-mail or for a printed letter (the answer then carries the
 * link and its QR code, once: only the hash is stored). Older links of the parent stop working.
 */
export async function sendParentLink(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, parentId: string, channel: ParentLinkChannel): Promise<SentLink> {
  // The address first: without one no link is stored that could never be handed out.
  const base = await linkBaseOf(deps);
  const { token, expiresAt, parent, school } = await issueParentLink(deps, caller, schoolId, pupilId, parentId, channel);
  const url = `${base}${PARENT_PAGE_PATH}#${PARENT_LINK_FRAGMENT}=${token}`;
  if (channel === 'email') {
    // Sent after the commit: a mail never carries a link the database does not know.
    const mail = parentLinkMail(parent.language === 'en' ? 'en' : 'nl', school.name, parent.name, url, PARENT_LINK_DAYS);
    await deps.mailer.send({ to: parent.email!, ...mail, secretLink: { url, expiresAt }, boardId: school.board_id, schoolId });
    return { channel, expiresAt, letter: null };
  }
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { channel, expiresAt, letter: { url, qrSvg, schoolName: school.name, parentName: parent.name } };
}

/**
 * Stores a new one-time link of a parent of the pupil (older ones stop) and returns its secret, which nobody can read
 * back later: `sendParentLink` mails or prints it; the demo opens it at once as the parent would.
 */
export async function issueParentLink(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, parentId: string, channel: ParentLinkChannel) {
  const parent = await requireParentOfPupil(deps, caller, schoolId, pupilId, parentId);
  if (parent.excluded_at !== null) throw new AppError('parent_excluded');
  if (channel === 'email' && !parent.email) throw new AppError('parent_email_missing');
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  const token = newSecretToken();
  const now = deps.clock.now();
  const expiresAt = isoInstant(new Date(now.getTime() + PARENT_LINK_DAYS * 86_400_000));
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.revokeOpenLinks(trx, parentId, isoInstant(now));
    await repository.clearNewLinkRequests(trx, parentId);
    await repository.insertLink(trx, {
      id: newId(),
      parent_id: parentId,
      school_id: schoolId,
      token_hash: hashSecret(token),
      channel,
      created_by: caller.userId,
      created_at: isoInstant(now),
      expires_at: expiresAt,
      used_at: null,
      revoked_at: null,
      new_link_requested_at: null,
    });
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'parents.link_sent',
      targetType: 'parent',
      targetId: parentId,
      schoolId,
      boardId: school.board_id,
      detail: { pupilId, channel },
    });
  });
  return { token, expiresAt, parent, school };
}

/** Stops every open link of the parent and ends their sessions (the parent can be sent a new link later). */
export async function revokeParentAccess(deps: Deps, caller: StaffCaller, schoolId: string, pupilId: string, parentId: string): Promise<void> {
  await requireParentOfPupil(deps, caller, schoolId, pupilId, parentId);
  const now = isoInstant(deps.clock.now());
  await deps.db.kysely.transaction().execute(async (trx) => {
    const links = await repository.revokeOpenLinks(trx, parentId, now);
    const sessions = await repository.deleteSessionsOf(trx, parentId);
    await recordAudit(trx, deps.clock, {
      actorUserId: caller.userId,
      action: 'parents.access_revoked',
      targetType: 'parent',
      targetId: parentId,
      schoolId,
      boardId: caller.schoolBoardId ?? null,
      detail: { pupilId, links, sessions },
    });
  });
}

/** A parent session just made: the cookie's secret and when it ends. */
export interface NewParentSession {
  token: string;
  expiresAt: Date;
}

/**
 * Opens a one-time link: a link that is unknown, used, expired or revoked is refused (`parent_link_invalid`, the
 * same answer for each), and so is a parent with no child left to see. Marks the link used in the same transaction
 * that makes the session, so two tabs opening it at once get one session.
 */
export async function openParentLink(deps: Deps, token: string): Promise<NewParentSession> {
  const db = deps.db.kysely;
  const now = deps.clock.now();
  const link = await repository.findLinkByHash(db, hashSecret(token));
  const refuse = async (reason: string): Promise<never> => {
    await recordAudit(db, deps.clock, {
      actorUserId: null,
      action: 'parent.link_open_failed',
      targetType: 'parent',
      ...(link ? { targetId: link.parent_id, schoolId: link.school_id } : {}),
      detail: { reason },
    });
    throw new AppError('parent_link_invalid');
  };
  if (!link) return refuse('unknown');
  if (link.revoked_at !== null) return refuse('revoked');
  if (link.used_at !== null) return refuse('used');
  if (now.getTime() >= Date.parse(link.expires_at)) return refuse('expired');
  if ((await repository.listVisibleChildren(db, link.parent_id)).length === 0) return refuse('no_children');
  const sessionToken = newSecretToken();
  const expiresAt = new Date(now.getTime() + PARENT_SESSION_HOURS * 3_600_000);
  const opened = await db.transaction().execute(async (trx) => {
    if (!(await repository.markLinkUsed(trx, link.id, isoInstant(now)))) return false;
    await repository.insertSession(trx, {
      id_hash: hashSecret(sessionToken),
      parent_id: link.parent_id,
      school_id: link.school_id,
      csrf_token: newSecretToken(),
      created_at: isoInstant(now),
      expires_at: isoInstant(expiresAt),
    });
    await recordAudit(trx, deps.clock, { actorUserId: null, action: 'parent.link_opened', targetType: 'parent', targetId: link.parent_id, schoolId: link.school_id, detail: { channel: link.channel } });
    return true;
  });
  if (!opened) return refuse('used');
  return { token: sessionToken, expiresAt };
}

/**
 * A parent whose link no longer works asks for a new one. The answer never says whether the link was known (the
 * route always answers 202); a known link's parent shows up on the staff page as asking for a new link.
 */
export async function requestNewParentLink(deps: Deps, token: string): Promise<void> {
  const db = deps.db.kysely;
  const link = await repository.findLinkByHash(db, hashSecret(token));
  if (!link) return;
  await db.transaction().execute(async (trx) => {
    await repository.markNewLinkRequested(trx, link.id, isoInstant(deps.clock.now()));
    await recordAudit(trx, deps.clock, { actorUserId: null, action: 'parent.new_link_requested', targetType: 'parent', targetId: link.parent_id, schoolId: link.school_id });
  });
}

/** Ends the parent's session (the page's "close" button). */
export async function signOutParent(deps: Deps, parent: ParentCaller): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repository.deleteSession(trx, parent.idHash);
    await recordAudit(trx, deps.clock, { actorUserId: null, action: 'parent.signed_out', targetType: 'parent', targetId: parent.parentId, schoolId: parent.schoolId });
  });
}
