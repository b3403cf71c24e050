import type { Deps } from '../deps';
import { isoInstant } from '../deps';
import { optionalStaffCallerOf, staffCallerOf } from '../access/caller';
import { setSessionCookie } from '../http/auth-hooks';
import type { App } from '../http/fastify-types';
import { boardParamsSchema, noContentSchema } from '../http/common.schemas';
import { describeSessionOf } from './auth.routes';
import { sessionResponseSchema } from './auth.schemas';
import { completeSsoSignIn, SSO_ATTEMPT_COOKIE, SSO_ATTEMPT_MINUTES, startSsoSignIn } from './oidc-sign-in';
import { endSession, startSession } from './sessions.service';
import {
  ssoCompleteBodySchema,
  ssoConnectionTestBodySchema,
  ssoConnectionTestSchema,
  ssoSettingsBodySchema,
  ssoSettingsSchema,
  ssoStartBodySchema,
  ssoStartSchema,
} from './sso.schemas';
import { describeSso, removeSso, saveSso, testSsoConnection } from './sso.service';

// Lax: the attempt cookie must come along when the login page posts the provider's answer (same site), and
// it is never needed on a request from another site.
const ATTEMPT_COOKIE_OPTIONS = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' } as const;

/** School sign-in (OpenID Connect): starting and finishing it, and the board admin's settings. */
export async function ssoRoutes(app: App, deps: Deps): Promise<void> {
  const db = deps.db.kysely;
  const throttle = { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } };
  const manage = { policy: { access: 'permission', permission: 'board.sso.manage' } } as const;

  app.post(
    '/api/auth/sso/start',
    { config: { policy: { access: 'public' }, ...throttle }, schema: { tags: ['auth'], body: ssoStartBodySchema, response: { 200: ssoStartSchema } } },
    async (request, reply) => {
      const started = await startSsoSignIn(deps, request.body.email, request.log);
      reply.setCookie(SSO_ATTEMPT_COOKIE, started.browserSecret, { ...ATTEMPT_COOKIE_OPTIONS, maxAge: SSO_ATTEMPT_MINUTES * 60 });
      return { redirectUrl: started.redirectUrl };
    },
  );

  // A POST from the login page, not the provider's GET itself: GET requests never write, and this one starts a session.
  app.post(
    '/api/auth/sso/complete',
    { config: { policy: { access: 'public' }, ...throttle }, schema: { tags: ['auth'], body: ssoCompleteBodySchema, response: { 200: sessionResponseSchema } } },
    async (request, reply) => {
      // The attempt works once, whatever the outcome: the cookie goes too.
      reply.clearCookie(SSO_ATTEMPT_COOKIE, ATTEMPT_COOKIE_OPTIONS);
      const { userId, providerDidMfa } = await completeSsoSignIn(deps, request.body.callbackQuery, request.cookies[SSO_ATTEMPT_COOKIE], request.log);
      const previous = optionalStaffCallerOf(request);
      if (previous) await endSession(db, previous.session.idHash);
      // The provider's two-step verification counts as this session's; otherwise Groeiwijzer's own step follows.
      const mfaVerifiedAt = providerDidMfa ? isoInstant(deps.clock.now()) : null;
      const { token, csrfToken, createdAt } = await startSession(db, deps.clock, deps.config, userId, mfaVerifiedAt ? { mfaVerifiedAt } : {});
      setSessionCookie(reply, token);
      return describeSessionOf(deps, { userId, csrfToken, mfaVerifiedAt, createdAt });
    },
  );

  app.get(
    '/api/boards/:boardId/sso',
    { config: manage, schema: { tags: ['sso'], params: boardParamsSchema, response: { 200: ssoSettingsSchema } } },
    async (request) => describeSso(deps, request.params.boardId),
  );

  app.put(
    '/api/boards/:boardId/sso',
    { config: manage, schema: { tags: ['sso'], params: boardParamsSchema, body: ssoSettingsBodySchema, response: { 200: ssoSettingsSchema } } },
    async (request) => saveSso(deps, staffCallerOf(request), request.params.boardId, request.body),
  );

  app.delete(
    '/api/boards/:boardId/sso',
    { config: manage, schema: { tags: ['sso'], params: boardParamsSchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      await removeSso(deps, staffCallerOf(request), request.params.boardId);
      return reply.code(204).send(null);
    },
  );

  // A POST because it fetches from an address the admin typed (not yet saved); it writes nothing.
  app.post(
    '/api/boards/:boardId/sso/test',
    { config: manage, schema: { tags: ['sso'], params: boardParamsSchema, body: ssoConnectionTestBodySchema, response: { 200: ssoConnectionTestSchema } } },
    async (request) => testSsoConnection(request.body.issuer),
  );
}
