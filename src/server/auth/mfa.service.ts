import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import type { Actor } from '../../shared/permissions';
import type { BoardRole, SchoolRole } from '../../shared/roles';
import { recordAudit } from '../audit/audit.service';
import type { Config } from '../config';
import type { FieldRef } from '../crypto/field-crypto';
import type { Database } from '../db/database';
import { type Deps, hashSecret, isoInstant } from '../deps';
import { AppError } from '../errors';
import { findUserById } from './users.repository';
import {
  claimRecoveryCode,
  claimTotpStep,
  confirmUserMfa,
  countFailedAttempt,
  countUnusedRecoveryCodes,
  deleteUserMfa,
  findSessionStart,
  findUserMfa,
  markSessionMfaVerified,
  replaceRecoveryCodes,
  replaceUnconfirmedMfa,
  resetFailedAttempts,
} from './mfa.repository';
import type { MFA_STATUSES } from './mfa.schemas';
import type { UserMfaRow } from './mfa.tables';
import { verifyPassword } from './passwords';
import { endSession, type SignedInStaff } from './sessions.service';
import { encodeBase32, matchTotpStep, newTotpSecret, otpauthUri } from './totp';

/** School roles that reach special-category data or exports, and therefore need two-step verification. */
export const MFA_SCHOOL_ROLES: readonly SchoolRole[] = ['school_admin', 'care_team'];
/** Board roles that need two-step verification. */
export const MFA_BOARD_ROLES: readonly BoardRole[] = ['board_admin'];
/** How many recovery codes a person gets at a time. */
export const RECOVERY_CODE_COUNT = 10;
/** Wrong codes in a row after which verification is locked for `MFA_LOCK_MINUTES`. */
export const MFA_MAX_FAILED_ATTEMPTS = 5;
/** How long verification stays locked after too many wrong codes. */
export const MFA_LOCK_MINUTES = 15;
/** How long a session may wait for its second step before the password has to be given again. */
export const MFA_PENDING_MINUTES = 10;
/** The name authenticator apps show above the code. */
export const TOTP_ISSUER = 'Groeiwijzer';

/**
 * Where a session stands with two-step verification: `complete` (verified, or not needed),
 * `code_needed` (the user has MFA and this session has not given a code yet) or
 * `enrollment_needed` (a role requires MFA and the user has not set it up).
 */
export type MfaStatus = (typeof MFA_STATUSES)[number];
/** The statuses in which a session may do only what a route explicitly allows. */
export type IncompleteMfaStatus = Exclude<MfaStatus, 'complete'>;

/** A session's MFA picture, as the SPA and the request hooks see it. */
export interface MfaState {
  status: MfaStatus;
  /** The user has a confirmed authenticator. */
  enabled: boolean;
  /** The user's roles require MFA on this installation. */
  required: boolean;
  /** This installation requires MFA for those roles (MFA_REQUIRED). */
  enforced: boolean;
}

/** What a code was checked for (recorded in the audit detail of a failure). */
type CodePurpose = 'sign_in' | 'enrollment' | 'recovery_codes' | 'disable' | 'step_up';

/** Whether any role of the actor requires two-step verification. */
export function rolesRequireMfa(actor: Actor): boolean {
  const hasBoardRole = [...actor.boardRoles.values()].some((roles) => roles.some((role) => MFA_BOARD_ROLES.includes(role)));
  const hasSchoolRole = [...actor.schoolRoles.values()].some((roles) => roles.some((role) => MFA_SCHOOL_ROLES.includes(role)));
  return hasBoardRole || hasSchoolRole;
}

/** Works out a session's MFA state from the user's registration, roles (fresh every request) and the session. */
export function mfaStateFrom(config: Config, actor: Actor, registration: UserMfaRow | undefined, sessionVerifiedAt: string | null): MfaState {
  const enabled = Boolean(registration?.confirmed_at);
  const required = config.mfaRequired && rolesRequireMfa(actor);
  // A session verified without an authenticator of its own was verified by the school's provider (school sign-in
  // whose ID token said MFA, auth/oidc-sign-in.ts): that satisfies the requirement too.
  const status: MfaStatus =
    enabled && sessionVerifiedAt === null ? 'code_needed' : !enabled && required && sessionVerifiedAt === null ? 'enrollment_needed' : 'complete';
  return { status, enabled, required, enforced: config.mfaRequired };
}

/** The MFA state of a live session. */
export async function mfaStateOf(deps: Deps, auth: { actor: Actor; mfaVerifiedAt: string | null }): Promise<MfaState> {
  return mfaStateFrom(deps.config, auth.actor, await findUserMfa(deps.db.kysely, auth.actor.userId), auth.mfaVerifiedAt);
}

/** What the account security page shows. */
export async function describeMfa(deps: Deps, auth: SignedInStaff) {
  const db = deps.db.kysely;
  const registration = await findUserMfa(db, auth.user.id);
  const state = mfaStateFrom(deps.config, auth.actor, registration, auth.session.mfaVerifiedAt);
  return {
    enabled: state.enabled,
    required: state.required,
    enforced: state.enforced,
    confirmedAt: registration?.confirmed_at ?? null,
    recoveryCodesLeft: state.enabled ? await countUnusedRecoveryCodes(db, auth.user.id) : 0,
  };
}

/**
 * Starts (or restarts) setting up an authenticator: a new secret, stored encrypted and unconfirmed,
 * returned with its otpauth URI and that URI as a QR code (SVG).
 */
export async function startEnrollment(deps: Deps, auth: SignedInStaff) {
  const db = deps.db.kysely;
  const existing = await findUserMfa(db, auth.user.id);
  if (existing?.confirmed_at) throw new AppError('conflict', { detail: 'MFA is already set up' });
  const secret = newTotpSecret();
  await replaceUnconfirmedMfa(db, {
    user_id: auth.user.id,
    secret_encrypted: await deps.fieldCrypto.encrypt(secretRef(auth.user.id), secret),
    confirmed_at: null,
    last_used_step: null,
    failed_attempts: 0,
    last_failed_at: null,
    created_at: isoInstant(deps.clock.now()),
  });
  const uri = otpauthUri({ issuer: TOTP_ISSUER, account: auth.user.email, secret });
  const qrCodeSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri: uri, qrCodeSvg };
}

/**
 * Confirms the authenticator with the password and its first code: MFA is on from now, this session
 * counts as verified, and the new recovery codes are returned (the only time they are shown).
 */
export async function confirmEnrollment(deps: Deps, auth: SignedInStaff, code: string, password: string): Promise<string[]> {
  const registration = await findUserMfa(deps.db.kysely, auth.user.id);
  if (!registration || registration.confirmed_at) throw new AppError('conflict', { detail: 'no enrollment to confirm' });
  // Changing how the account signs in asks for the password again, whatever the session's age.
  const user = await findUserById(deps.db.kysely, auth.user.id);
  if (!user || !(await verifyPassword(user.password_hash, password))) {
    throw new AppError('wrong_current_password', { fields: { 'body.password': ['wrong_current_password'] } });
  }
  await checkCode(deps, registration, code, 'enrollment');
  return deps.db.kysely.transaction().execute(async (trx) => {
    const now = isoInstant(deps.clock.now());
    await confirmUserMfa(trx, auth.user.id, now);
    const codes = await issueRecoveryCodes(trx, auth.user.id, now);
    await markSessionMfaVerified(trx, auth.session.idHash, now);
    await recordAudit(trx, deps.clock, { actorUserId: auth.user.id, action: 'mfa.enrolled', targetType: 'user', targetId: auth.user.id });
    return codes;
  });
}

/**
 * The second sign-in step: a TOTP code or an unused recovery code. The caller rotates the session
 * afterwards. A session that waited longer than `MFA_PENDING_MINUTES` is ended instead.
 */
export async function verifySignIn(deps: Deps, auth: SignedInStaff, code: string): Promise<void> {
  const db = deps.db.kysely;
  const state = await mfaStateOf(deps, { actor: auth.actor, mfaVerifiedAt: auth.session.mfaVerifiedAt });
  if (state.status !== 'code_needed') throw new AppError('conflict', { detail: 'this session needs no code' });
  const startedAt = await findSessionStart(db, auth.session.idHash);
  if (!startedAt || deps.clock.now().getTime() - Date.parse(startedAt) > MFA_PENDING_MINUTES * 60_000) {
    await endSession(db, auth.session.idHash);
    throw new AppError('not_authenticated');
  }
  const registration = await findUserMfa(db, auth.user.id);
  if (!registration) throw new AppError('conflict');
  const kind = await checkCode(deps, registration, code, 'sign_in');
  await recordAudit(db, deps.clock, {
    actorUserId: auth.user.id,
    action: kind === 'recovery' ? 'mfa.recovery_code_used' : 'mfa.verified',
    targetType: 'user',
    targetId: auth.user.id,
    ...(kind === 'recovery' ? { detail: { recoveryCodesLeft: await countUnusedRecoveryCodes(db, auth.user.id) } } : {}),
  });
}

/**
 * Signing in again for one sensitive step (break-glass): beside the password, someone who set up two-step
 * verification gives a current TOTP code too — a stolen session plus a password is not enough. Without MFA set up
 * this checks nothing; a missing code is a field error at `field`, a wrong one `invalid_mfa_code` (counted and locked
 * like every code).
 */
export async function assertStepUpCode(deps: Deps, userId: string, code: string | undefined, field: string): Promise<void> {
  const registration = await findUserMfa(deps.db.kysely, userId);
  if (!registration?.confirmed_at) return;
  if (code === undefined) throw new AppError('validation_failed', { fields: { [field]: ['mfa_code_required'] } });
  await checkCode(deps, registration, code, 'step_up');
}

/** Replaces the recovery codes after a current TOTP code; returns the new ones. */
export async function regenerateRecoveryCodes(deps: Deps, auth: SignedInStaff, code: string): Promise<string[]> {
  const registration = await confirmedRegistrationOf(deps, auth.user.id);
  await checkCode(deps, registration, code, 'recovery_codes');
  return deps.db.kysely.transaction().execute(async (trx) => {
    const codes = await issueRecoveryCodes(trx, auth.user.id, isoInstant(deps.clock.now()));
    await recordAudit(trx, deps.clock, { actorUserId: auth.user.id, action: 'mfa.recovery_codes_regenerated', targetType: 'user', targetId: auth.user.id });
    return codes;
  });
}

/** Turns MFA off after a current TOTP code; refused while one of the user's roles requires it. */
export async function disableMfa(deps: Deps, auth: SignedInStaff, code: string): Promise<void> {
  const registration = await confirmedRegistrationOf(deps, auth.user.id);
  if (deps.config.mfaRequired && rolesRequireMfa(auth.actor)) throw new AppError('mfa_cannot_be_disabled');
  await checkCode(deps, registration, code, 'disable');
  await deps.db.kysely.transaction().execute(async (trx) => {
    await deleteUserMfa(trx, auth.user.id);
    await recordAudit(trx, deps.clock, { actorUserId: auth.user.id, action: 'mfa.disabled', targetType: 'user', targetId: auth.user.id });
  });
}

async function confirmedRegistrationOf(deps: Deps, userId: string): Promise<UserMfaRow> {
  const registration = await findUserMfa(deps.db.kysely, userId);
  if (!registration?.confirmed_at) throw new AppError('conflict', { detail: 'MFA is not set up' });
  return registration;
}

/**
 * Checks a typed code against the registration: six digits are a TOTP code (its time step must be
 * later than any accepted before), anything else may be a recovery code when signing in. Wrong
 * codes are counted and audited; after `MFA_MAX_FAILED_ATTEMPTS` in a row the check is locked.
 */
async function checkCode(deps: Deps, registration: UserMfaRow, typed: string, purpose: CodePurpose): Promise<'totp' | 'recovery'> {
  const db = deps.db.kysely;
  const now = deps.clock.now();
  if (isLocked(registration, now)) {
    await recordFailure(deps, registration, purpose, 'locked', false);
    throw new AppError('rate_limited');
  }
  const code = typed.replace(/[\s-]/g, '').toLowerCase();
  if (/^\d{6}$/.test(code)) {
    const secret = await deps.fieldCrypto.decrypt(secretRef(registration.user_id), registration.secret_encrypted);
    const step = matchTotpStep(secret, code, now);
    if (step === null) return failCheck(deps, registration, purpose, 'wrong_code');
    if (!(await claimTotpStep(db, registration.user_id, step))) return failCheck(deps, registration, purpose, 'replayed');
    return 'totp';
  }
  if (purpose === 'sign_in' && /^[a-z2-7]{24}$/.test(code)) {
    if (!(await claimRecoveryCode(db, registration.user_id, hashSecret(code), isoInstant(now)))) {
      return failCheck(deps, registration, purpose, 'wrong_code');
    }
    await resetFailedAttempts(db, registration.user_id);
    return 'recovery';
  }
  return failCheck(deps, registration, purpose, 'wrong_code');
}

function isLocked(registration: UserMfaRow, now: Date): boolean {
  if (registration.failed_attempts < MFA_MAX_FAILED_ATTEMPTS || registration.last_failed_at === null) return false;
  return now.getTime() - Date.parse(registration.last_failed_at) < MFA_LOCK_MINUTES * 60_000;
}

async function failCheck(deps: Deps, registration: UserMfaRow, purpose: CodePurpose, reason: 'wrong_code' | 'replayed'): Promise<never> {
  await recordFailure(deps, registration, purpose, reason, true);
  throw new AppError('invalid_mfa_code');
}

// One audit event per refused code; the reason stays in the log and never reaches the caller.
async function recordFailure(deps: Deps, registration: UserMfaRow, purpose: CodePurpose, reason: string, counts: boolean): Promise<void> {
  const now = deps.clock.now();
  await deps.db.kysely.transaction().execute(async (trx) => {
    if (counts) {
      // Failures older than the lock window no longer add up.
      const isRecent = registration.last_failed_at !== null && now.getTime() - Date.parse(registration.last_failed_at) < MFA_LOCK_MINUTES * 60_000;
      await countFailedAttempt(trx, registration.user_id, isRecent, isoInstant(now));
    }
    await recordAudit(trx, deps.clock, {
      actorUserId: registration.user_id,
      action: 'mfa.verify_failed',
      targetType: 'user',
      targetId: registration.user_id,
      detail: { purpose, reason },
    });
  });
}

// 15 random bytes = 120 bits per code, above the 112 bits ASVS asks before a plain hash will do.
async function issueRecoveryCodes(db: Kysely<Database>, userId: string, now: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => encodeBase32(randomBytes(15)).toLowerCase());
  await replaceRecoveryCodes(db, userId, codes.map(hashSecret), now);
  return codes.map(formatRecoveryCode);
}

/** Shows a recovery code in four groups of six, easier to read and type (the dashes are optional). */
export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,6}/g)?.join('-') ?? code;
}

function secretRef(userId: string): FieldRef {
  return { table: 'user_mfa', column: 'secret_encrypted', rowId: userId };
}
