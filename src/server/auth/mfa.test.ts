import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, login, requestAs, sessionCookieOf, TEST_TOTP_SECRET, type Login, type TestApp } from '../../../test/support/test-app';
import { testDialects } from '../../../test/support/test-db';
import { createWorld, WORLD_PASSWORD, type World } from '../../../test/support/world';
import { isoInstant } from '../deps';
import type { AuditAction } from '../audit/audit.service';
import { MFA_LOCK_MINUTES, MFA_MAX_FAILED_ATTEMPTS, MFA_PENDING_MINUTES, RECOVERY_CODE_COUNT } from './mfa.service';
import { totpForStep, totpStepAt } from './totp';

describe.each(testDialects())('two-step verification on %s', (dialect) => {
  let test: TestApp;
  let world: World;

  beforeEach(async () => {
    test = await createTestApp(dialect, { config: { mfaRequired: true } });
    world = await createWorld(test, { mfa: true });
  });
  afterEach(async () => test.close());

  /** Only the password step: the session it gives back still waits for a code when the user has MFA. */
  async function passwordOnly(email: string): Promise<Login & { body: { mfa: { status: string }; schools: unknown[] } }> {
    const response = await test.app.inject({ method: 'POST', url: '/api/session', payload: { email, password: WORLD_PASSWORD } });
    expect(response.statusCode).toBe(200);
    return { cookie: sessionCookieOf(response), csrfToken: response.json().csrfToken, body: response.json() };
  }

  /** The TOTP code of the test secret for the current step plus `offset`. */
  function codeAt(offset = 0): string {
    return totpForStep(TEST_TOTP_SECRET, totpStepAt(test.clock.now()) + offset);
  }

  async function auditCount(action: AuditAction, userId: string): Promise<number> {
    const rows = await test.deps.db.kysely.selectFrom('audit_events').select('id').where('action', '=', action).where('actor_user_id', '=', userId).execute();
    return rows.length;
  }

  async function withoutMfa(userId: string): Promise<void> {
    await test.deps.db.kysely.deleteFrom('user_mfa').where('user_id', '=', userId).execute();
  }

  describe('signing in', () => {
    it('asks for a code after the password, shows no places meanwhile and rotates the session id once verified', async () => {
      const pending = await passwordOnly(world.users.schoolAdmin.email);
      expect(pending.body.mfa.status).toBe('code_needed');
      expect(pending.body.schools).toEqual([]);
      const blocked = await requestAs(test.app, pending, 'GET', `/api/schools/${world.schoolA1}`);
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.code).toBe('mfa_verification_required');

      const verified = await requestAs(test.app, pending, 'POST', '/api/session/mfa', { code: codeAt() });
      expect(verified.statusCode).toBe(200);
      expect(verified.json().mfa.status).toBe('complete');
      expect(verified.json().schools).toHaveLength(1);
      const session = { cookie: sessionCookieOf(verified), csrfToken: verified.json().csrfToken };
      expect(session.cookie).not.toBe(pending.cookie);
      expect((await requestAs(test.app, session, 'GET', `/api/schools/${world.schoolA1}`)).statusCode).toBe(200);
      // The pre-verification cookie is dead.
      expect((await requestAs(test.app, pending, 'GET', '/api/session')).json().user).toBeNull();
      expect(await auditCount('mfa.verified', world.users.schoolAdmin.id)).toBe(1);
    });

    it('refuses a wrong code, records it once, and lets the pending session sign out', async () => {
      const pending = await passwordOnly(world.users.careTeam.email);
      const wrong = String((Number(codeAt()) + 500_000) % 1_000_000).padStart(6, '0');
      const response = await requestAs(test.app, pending, 'POST', '/api/session/mfa', { code: wrong });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_mfa_code');
      expect(await auditCount('mfa.verify_failed', world.users.careTeam.id)).toBe(1);
      expect(await auditCount('mfa.verified', world.users.careTeam.id)).toBe(0);
      expect((await requestAs(test.app, pending, 'DELETE', '/api/session')).statusCode).toBe(200);
    });

    it('refuses a code whose time step was used before, and an older step after a newer one (no replay)', async () => {
      const code = codeAt();
      const first = await passwordOnly(world.users.boardAdmin.email);
      expect((await requestAs(test.app, first, 'POST', '/api/session/mfa', { code })).statusCode).toBe(200);
      const second = await passwordOnly(world.users.boardAdmin.email);
      const replayed = await requestAs(test.app, second, 'POST', '/api/session/mfa', { code });
      expect(replayed.statusCode).toBe(400);
      expect(replayed.json().error.code).toBe('invalid_mfa_code');
      expect(await auditCount('mfa.verify_failed', world.users.boardAdmin.id)).toBe(1);
      // One step ahead is still in the window and not used yet; after it, the previous step is refused.
      expect((await requestAs(test.app, second, 'POST', '/api/session/mfa', { code: codeAt(1) })).statusCode).toBe(200);
      const third = await passwordOnly(world.users.boardAdmin.email);
      expect((await requestAs(test.app, third, 'POST', '/api/session/mfa', { code: codeAt(-1) })).statusCode).toBe(400);
    });

    it('accepts a code one step either side of now but not two', async () => {
      const pending = await passwordOnly(world.users.schoolAdmin.email);
      expect((await requestAs(test.app, pending, 'POST', '/api/session/mfa', { code: codeAt(2) })).statusCode).toBe(400);
      expect((await requestAs(test.app, pending, 'POST', '/api/session/mfa', { code: codeAt(-1) })).statusCode).toBe(200);
    });

    it(`locks the second step after ${MFA_MAX_FAILED_ATTEMPTS} wrong codes in a row, until ${MFA_LOCK_MINUTES} minutes have passed`, async () => {
      const pending = await passwordOnly(world.users.schoolAdmin.email);
      for (let attempt = 0; attempt < MFA_MAX_FAILED_ATTEMPTS; attempt += 1) {
        expect((await requestAs(test.app, pending, 'POST', '/api/session/mfa', { code: '000000' === codeAt() ? '111111' : '000000' })).statusCode).toBe(400);
      }
      const locked = await requestAs(test.app, pending, 'POST', '/api/session/mfa', { code: codeAt() });
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe('rate_limited');
      expect(await auditCount('mfa.verify_failed', world.users.schoolAdmin.id)).toBe(MFA_MAX_FAILED_ATTEMPTS + 1);
      test.clock.advance(MFA_LOCK_MINUTES * 60_000);
      const later = await passwordOnly(world.users.schoolAdmin.email);
      expect((await requestAs(test.app, later, 'POST', '/api/session/mfa', { code: codeAt() })).statusCode).toBe(200);
    });

    it(`ends a session that waited more than ${MFA_PENDING_MINUTES} minutes for its code`, async () => {
      const pending = await passwordOnly(world.users.schoolAdmin.email);
      test.clock.advance((MFA_PENDING_MINUTES + 1) * 60_000);
      const response = await requestAs(test.app, pending, 'POST', '/api/session/mfa', { code: codeAt() });
      expect(response.statusCode).toBe(401);
      expect((await requestAs(test.app, pending, 'GET', '/api/session')).json().user).toBeNull();
    });

    it('answers 409 when a session that needs no code sends one', async () => {
      const teacher = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
      expect((await requestAs(test.app, teacher, 'POST', '/api/session/mfa', { code: '123456' })).statusCode).toBe(409);
    });

    it('does not let a password reset skip the second step', async () => {
      const db = test.deps.db.kysely;
      const { issueUserToken } = await import('./auth.service');
      const token = await issueUserToken(db, test.deps, world.users.careTeam.id, 'reset');
      const response = await test.app.inject({ method: 'POST', url: '/api/password-resets/complete', payload: { token, password: 'een heel nieuw wachtwoord 42' } });
      expect(response.statusCode).toBe(200);
      expect(response.json().mfa.status).toBe('code_needed');
      expect(response.json().schools).toEqual([]);
    });
  });

  describe('throttling', () => {
    it('limits code attempts per address like login', async () => {
      await test.close();
      test = await createTestApp(dialect, { config: { mfaRequired: true, loginRateLimitPerMinute: 3 } });
      world = await createWorld(test, { mfa: true });
      const pending = await passwordOnly(world.users.schoolAdmin.email);
      const answers: string[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const response = await requestAs(test.app, pending, 'POST', '/api/session/mfa', { code: 'abcdef' });
        answers.push(`${response.statusCode} ${response.json().error.code}`);
      }
      expect(answers).toEqual(['400 invalid_mfa_code', '400 invalid_mfa_code', '400 invalid_mfa_code', '429 rate_limited']);
    });
  });

  describe('setting up an authenticator', () => {
    it('makes a required-role user without MFA set it up first, then lets them in with recovery codes shown once', async () => {
      const userId = world.users.careTeam.id;
      await withoutMfa(userId);
      const session = await login(test.app, world.users.careTeam.email, WORLD_PASSWORD);
      const me = await requestAs(test.app, session, 'GET', '/api/session');
      expect(me.json().mfa).toEqual({ status: 'enrollment_needed', enabled: false, required: true, enforced: true });
      const blocked = await requestAs(test.app, session, 'GET', `/api/schools/${world.schoolA1}/pupils`);
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.code).toBe('mfa_enrollment_required');

      const started = await requestAs(test.app, session, 'POST', '/api/me/mfa/enrollment');
      expect(started.statusCode).toBe(200);
      expect(started.headers['cache-control']).toBe('no-store');
      const { secret, otpauthUri, qrCodeSvg } = started.json();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(otpauthUri).toContain(`secret=${secret}`);
      expect(qrCodeSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(qrCodeSvg).not.toMatch(/<script|style=/i);
      // The secret is stored encrypted, never as itself.
      const stored = await test.deps.db.kysely.selectFrom('user_mfa').select('secret_encrypted').where('user_id', '=', userId).executeTakeFirstOrThrow();
      expect(stored.secret_encrypted).not.toContain(secret);

      const code = totpForStep(secret, totpStepAt(test.clock.now()));
      // The password is asked again, and a wrong one does not use up the code.
      const wrongPassword = await requestAs(test.app, session, 'POST', '/api/me/mfa/enrollment/confirm', { code, password: 'not the password' });
      expect(wrongPassword.statusCode).toBe(400);
      expect(wrongPassword.json().error.code).toBe('wrong_current_password');
      const wrong = await requestAs(test.app, session, 'POST', '/api/me/mfa/enrollment/confirm', { code: '12345x', password: WORLD_PASSWORD });
      expect(wrong.statusCode).toBe(400);
      const confirmed = await requestAs(test.app, session, 'POST', '/api/me/mfa/enrollment/confirm', { code, password: WORLD_PASSWORD });
      expect(confirmed.statusCode).toBe(200);
      const codes: string[] = confirmed.json().recoveryCodes;
      expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
      expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
      for (const code of codes) expect(code).toMatch(/^[a-z2-7]{6}(-[a-z2-7]{6}){3}$/);
      // Stored hashed only.
      const hashes = await test.deps.db.kysely.selectFrom('mfa_recovery_codes').select('code_hash').where('user_id', '=', userId).execute();
      expect(hashes.map((row) => row.code_hash)).not.toContain(codes[0]?.replaceAll('-', ''));

      // The same session is now complete.
      expect((await requestAs(test.app, session, 'GET', `/api/schools/${world.schoolA1}/pupils`)).statusCode).toBe(200);
      expect(await auditCount('mfa.enrolled', userId)).toBe(1);
      expect(await auditCount('mfa.verify_failed', userId)).toBe(1);
      // Once set up, starting again is refused (no silent replacement of a working authenticator).
      expect((await requestAs(test.app, session, 'POST', '/api/me/mfa/enrollment')).statusCode).toBe(409);
      const overview = await requestAs(test.app, session, 'GET', '/api/me/mfa');
      expect(overview.json()).toMatchObject({ enabled: true, required: true, recoveryCodesLeft: RECOVERY_CODE_COUNT });
    });

    it('lets a recovery code stand in for the second step exactly once', async () => {
      const teacher = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
      const codes = await enrollThroughApi(teacher);
      const pending = await passwordOnly(world.users.teacher.email);
      const used = await requestAs(test.app, pending, 'POST', '/api/session/mfa', { code: codes[0]?.toUpperCase() });
      expect(used.statusCode).toBe(200);
      expect(await auditCount('mfa.recovery_code_used', world.users.teacher.id)).toBe(1);
      expect(await auditCount('mfa.verified', world.users.teacher.id)).toBe(0);
      const again = await passwordOnly(world.users.teacher.email);
      const reused = await requestAs(test.app, again, 'POST', '/api/session/mfa', { code: codes[0] });
      expect(reused.statusCode).toBe(400);
      expect((await requestAs(test.app, again, 'POST', '/api/session/mfa', { code: codes[1]?.replaceAll('-', ' ') })).statusCode).toBe(200);
    });

    // Enrolls the signed-in user through the routes; returns the recovery codes.
    async function enrollThroughApi(session: Login): Promise<string[]> {
      const { secret } = (await requestAs(test.app, session, 'POST', '/api/me/mfa/enrollment')).json();
      const code = totpForStep(secret, totpStepAt(test.clock.now()));
      const confirmed = await requestAs(test.app, session, 'POST', '/api/me/mfa/enrollment/confirm', { code, password: WORLD_PASSWORD });
      expect(confirmed.statusCode).toBe(200);
      return confirmed.json().recoveryCodes;
    }
  });

  describe('managing MFA', () => {
    it('makes new recovery codes after a current code, and the old ones stop working', async () => {
      const admin = await login(test.app, world.users.schoolAdmin.email, WORLD_PASSWORD);
      const first = await requestAs(test.app, admin, 'POST', '/api/me/mfa/recovery-codes', { code: codeAt(1) });
      expect(first.statusCode).toBe(200);
      const second = await requestAs(test.app, admin, 'POST', '/api/me/mfa/recovery-codes', { code: codeAt(1) });
      expect(second.statusCode).toBe(400); // the same step again: replay
      test.clock.advance(60_000);
      const third = await requestAs(test.app, admin, 'POST', '/api/me/mfa/recovery-codes', { code: codeAt() });
      expect(third.statusCode).toBe(200);
      expect(await auditCount('mfa.recovery_codes_regenerated', world.users.schoolAdmin.id)).toBe(2);
      const pending = await passwordOnly(world.users.schoolAdmin.email);
      expect((await requestAs(test.app, pending, 'POST', '/api/session/mfa', { code: first.json().recoveryCodes[0] })).statusCode).toBe(400);
      expect((await requestAs(test.app, pending, 'POST', '/api/session/mfa', { code: third.json().recoveryCodes[0] })).statusCode).toBe(200);
    });

    it('refuses to turn MFA off with a clear 409 while a role requires it', async () => {
      const admin = await login(test.app, world.users.boardAdmin.email, WORLD_PASSWORD);
      const response = await requestAs(test.app, admin, 'POST', '/api/me/mfa/disable', { code: codeAt(1) });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('mfa_cannot_be_disabled');
      expect(await auditCount('mfa.disabled', world.users.boardAdmin.id)).toBe(0);
    });

    it('lets someone whose roles do not require MFA turn it off with a current code', async () => {
      await test.deps.db.kysely.deleteFrom('school_memberships').where('user_id', '=', world.users.careTeam.id).execute();
      await test.deps.db.kysely
        .insertInto('school_memberships')
        .values({ school_id: world.schoolA1, user_id: world.users.careTeam.id, role: 'teacher', created_at: isoInstant(test.clock.now()) })
        .execute();
      const session = await login(test.app, world.users.careTeam.email, WORLD_PASSWORD);
      expect((await requestAs(test.app, session, 'POST', '/api/me/mfa/disable', { code: '000000' === codeAt(1) ? '111111' : '000000' })).statusCode).toBe(400);
      const off = await requestAs(test.app, session, 'POST', '/api/me/mfa/disable', { code: codeAt(1) });
      expect(off.statusCode).toBe(200);
      expect(off.json()).toMatchObject({ enabled: false, required: false });
      expect(await auditCount('mfa.disabled', world.users.careTeam.id)).toBe(1);
      const next = await passwordOnly(world.users.careTeam.email);
      expect(next.body.mfa.status).toBe('complete');
    });
  });

  describe('roles and configuration', () => {
    it('takes a new role that requires MFA into account on the very next request, and its removal too', async () => {
      const teacher = await login(test.app, world.users.teacher.email, WORLD_PASSWORD);
      const url = `/api/schools/${world.schoolA1}/pupils`;
      expect((await requestAs(test.app, teacher, 'GET', url)).statusCode).toBe(200);
      const db = test.deps.db.kysely;
      await db.insertInto('school_memberships').values({ school_id: world.schoolA1, user_id: world.users.teacher.id, role: 'care_team', created_at: isoInstant(test.clock.now()) }).execute();
      const blocked = await requestAs(test.app, teacher, 'GET', url);
      expect(blocked.json().error.code).toBe('mfa_enrollment_required');
      await db.deleteFrom('school_memberships').where('user_id', '=', world.users.teacher.id).where('role', '=', 'care_team').execute();
      expect((await requestAs(test.app, teacher, 'GET', url)).statusCode).toBe(200);
    });

    it('with MFA_REQUIRED=false lets admins without MFA in, but still asks those who set it up for a code', async () => {
      await test.close();
      test = await createTestApp(dialect, { config: { mfaRequired: false } });
      world = await createWorld(test, { mfa: true });
      await withoutMfa(world.users.schoolAdmin.id);
      const admin = await passwordOnly(world.users.schoolAdmin.email);
      expect(admin.body.mfa).toEqual({ status: 'complete', enabled: false, required: false, enforced: false });
      expect((await requestAs(test.app, admin, 'GET', `/api/schools/${world.schoolA1}/staff`)).statusCode).toBe(200);
      const careTeam = await passwordOnly(world.users.careTeam.email);
      expect(careTeam.body.mfa.status).toBe('code_needed');
    });
  });
});
