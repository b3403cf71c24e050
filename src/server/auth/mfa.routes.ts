import { type Deps, isoInstant } from '../deps';
import { staffCallerOf } from '../access/caller';
import { setSessionCookie } from '../http/auth-hooks';
import type { App } from '../http/fastify-types';
import { describeSessionOf } from './auth.routes';
import { sessionResponseSchema } from './auth.schemas';
import { mfaCodeBodySchema, mfaEnrollmentConfirmSchema, mfaEnrollmentSchema, mfaOverviewSchema, recoveryCodesSchema } from './mfa.schemas';
import { confirmEnrollment, describeMfa, disableMfa, regenerateRecoveryCodes, startEnrollment, verifySignIn } from './mfa.service';
import { endSession, startSession } from './sessions.service';

/**
 * Two-step verification: the second sign-in step, setting up an authenticator, new recovery codes
 * and turning MFA off. Every route that checks a code is throttled like login.
 */
export async function mfaRoutes(app: App, deps: Deps): Promise<void> {
  const db = deps.db.kysely;
  const throttle = { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } };

  app.post(
    '/api/session/mfa',
    {
      config: { policy: { access: 'authenticated' }, duringMfa: ['code_needed'], ...throttle },
      schema: { tags: ['auth'], body: mfaCodeBodySchema, response: { 200: sessionResponseSchema } },
    },
    async (request, reply) => {
      const auth = staffCallerOf(request);
      await verifySignIn(deps, auth, request.body.code);
      // A new session id once the second step is passed: the pre-verification cookie is worth nothing.
      await endSession(db, auth.session.idHash);
      const verifiedAt = isoInstant(deps.clock.now());
      const { token, csrfToken, createdAt } = await startSession(db, deps.clock, deps.config, auth.user.id, { mfaVerifiedAt: verifiedAt });
      setSessionCookie(reply, token);
      return describeSessionOf(deps, { userId: auth.user.id, csrfToken, mfaVerifiedAt: verifiedAt, createdAt });
    },
  );

  app.get(
    '/api/me/mfa',
    {
      config: { policy: { access: 'authenticated' }, duringMfa: ['enrollment_needed'] },
      schema: { tags: ['account'], response: { 200: mfaOverviewSchema } },
    },
    async (request) => describeMfa(deps, staffCallerOf(request)),
  );

  app.post(
    '/api/me/mfa/enrollment',
    {
      config: { policy: { access: 'authenticated' }, duringMfa: ['enrollment_needed'] },
      schema: { tags: ['account'], response: { 200: mfaEnrollmentSchema } },
    },
    async (request) => startEnrollment(deps, staffCallerOf(request)),
  );

  app.post(
    '/api/me/mfa/enrollment/confirm',
    {
      config: { policy: { access: 'authenticated' }, duringMfa: ['enrollment_needed'], ...throttle },
      schema: { tags: ['account'], body: mfaEnrollmentConfirmSchema, response: { 200: recoveryCodesSchema } },
    },
    async (request) => ({ recoveryCodes: await confirmEnrollment(deps, staffCallerOf(request), request.body.code, request.body.password) }),
  );

  app.post(
    '/api/me/mfa/recovery-codes',
    {
      config: { policy: { access: 'authenticated' }, ...throttle },
      schema: { tags: ['account'], body: mfaCodeBodySchema, response: { 200: recoveryCodesSchema } },
    },
    async (request) => ({ recoveryCodes: await regenerateRecoveryCodes(deps, staffCallerOf(request), request.body.code) }),
  );

  app.post(
    '/api/me/mfa/disable',
    {
      config: { policy: { access: 'authenticated' }, ...throttle },
      schema: { tags: ['account'], body: mfaCodeBodySchema, response: { 200: mfaOverviewSchema } },
    },
    async (request) => {
      const auth = staffCallerOf(request);
      await disableMfa(deps, auth, request.body.code);
      return describeMfa(deps, auth);
    },
  );
}
