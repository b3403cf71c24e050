import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WorkingGroupRole } from '../../shared/plan';
import type { BoardRole, SchoolRole } from '../../shared/roles';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { findPlacesOfUser, findUserById, updateUser } from './users.repository';
import { optionalStaffCallerOf, staffCallerOf } from '../access/caller';
import { clearSessionCookie, setSessionCookie } from '../http/auth-hooks';
import type { App } from '../http/fastify-types';
import { loginBodySchema, passwordResetCompleteSchema, passwordResetRequestSchema, type SessionResponse, sessionResponseSchema, updateMeSchema } from './auth.schemas';
import { authenticate, redeemUserToken, requestPasswordReset } from './auth.service';
import { mfaStateOf } from './mfa.service';
import { endSession, loadActor, startSession } from './sessions.service';
import { okSchema } from '../http/common.schemas';
import { linkBaseOf } from '../installation/link-base';

/** Sign in and out, the current session, password reset and accepting an invitation. */
export async function authRoutes(app: App, deps: Deps): Promise<void> {
  const db = deps.db.kysely;
  const throttle = { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } };

  app.get(
    '/api/session',
    { config: { policy: { access: 'public' } }, schema: { tags: ['auth'], response: { 200: sessionResponseSchema } } },
    async (request) => describeSession(deps, request),
  );

  app.post(
    '/api/session',
    {
      config: { policy: { access: 'public' }, ...throttle },
      schema: { tags: ['auth'], body: loginBodySchema, response: { 200: sessionResponseSchema } },
    },
    async (request, reply) => {
      const userId = await authenticate(deps, request.body.email, request.body.password);
      // A fresh id at every login: a cookie planted before login is worth nothing after it.
      const previous = optionalStaffCallerOf(request);
      if (previous) await endSession(db, previous.session.idHash);
      return signIn(deps, reply, userId);
    },
  );

  app.delete(
    '/api/session',
    { config: { policy: { access: 'authenticated' }, duringMfa: ['code_needed', 'enrollment_needed'] }, schema: { tags: ['auth'], response: { 200: okSchema } } },
    async (request, reply) => {
      const auth = staffCallerOf(request);
      await endSession(db, auth.session.idHash);
      await recordAudit(db, deps.clock, { actorUserId: auth.user.id, action: 'auth.logout', targetType: 'user', targetId: auth.user.id });
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.patch(
    '/api/me',
    {
      // Name and language may be set while MFA is being set up (the password is proven, no second factor exists yet).
      config: { policy: { access: 'authenticated' }, duringMfa: ['enrollment_needed'] },
      schema: { tags: ['auth'], body: updateMeSchema, response: { 200: sessionResponseSchema } },
    },
    async (request) => {
      const auth = staffCallerOf(request);
      await updateUser(db, auth.user.id, {
        ...(request.body.name !== undefined ? { name: request.body.name } : {}),
        ...(request.body.locale !== undefined ? { locale: request.body.locale } : {}),
      });
      return describeSessionOf(deps, { userId: auth.userId, ...auth.session });
    },
  );

  app.post(
    '/api/password-resets',
    {
      config: { policy: { access: 'public' }, ...throttle },
      schema: { tags: ['auth'], body: passwordResetRequestSchema, response: { 202: okSchema } },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, request.body.email, await linkBaseOf(deps));
      // Same answer whether or not the address exists.
      return reply.code(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/password-resets/complete',
    {
      config: { policy: { access: 'public' }, ...throttle },
      schema: { tags: ['auth'], body: passwordResetCompleteSchema, response: { 200: sessionResponseSchema } },
    },
    async (request, reply) => {
      const userId = await redeemUserToken(deps, 'reset', request.body.token, request.body.password);
      return signIn(deps, reply, userId);
    },
  );

}

/** The session as the SPA sees it (signed out: all empty). */
export async function describeSession(deps: Deps, request: FastifyRequest): Promise<SessionResponse> {
  const caller = optionalStaffCallerOf(request);
  if (!caller) return { user: null, csrfToken: null, boards: [], schools: [], mfa: null };
  return describeSessionOf(deps, { userId: caller.userId, ...caller.session });
}

/** Starts a session, sets its cookie and answers with the session description. */
export async function signIn(deps: Deps, reply: FastifyReply, userId: string): Promise<SessionResponse> {
  const { token, csrfToken, createdAt } = await startSession(deps.db.kysely, deps.clock, deps.config, userId);
  setSessionCookie(reply, token);
  return describeSessionOf(deps, { userId, csrfToken, mfaVerifiedAt: null, createdAt });
}

/** The session description for a user; places stay empty until two-step verification is complete. */
export async function describeSessionOf(
  deps: Deps,
  session: { userId: string; csrfToken: string; mfaVerifiedAt: string | null; createdAt: string },
): Promise<SessionResponse> {
  const { userId, csrfToken, mfaVerifiedAt } = session;
  const db = deps.db.kysely;
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('not_authenticated');
  const actor = await loadActor(db, userId, session.createdAt);
  const mfa = await mfaStateOf(deps, { actor, mfaVerifiedAt });
  const userPart = { id: user.id, email: user.email, name: user.name, locale: user.locale === 'en' ? ('en' as const) : ('nl' as const) };
  if (mfa.status !== 'complete') return { user: userPart, csrfToken, boards: [], schools: [], mfa };
  const places = await findPlacesOfUser(db, userId);
  const boards = new Map<string, { id: string; name: string; roles: BoardRole[] }>();
  for (const row of places.boards) {
    const entry = boards.get(row.id) ?? { id: row.id, name: row.name, roles: [] };
    entry.roles.push(row.role as BoardRole);
    boards.set(row.id, entry);
  }
  const schools = new Map<
    string,
    { id: string; name: string; boardId: string; roles: SchoolRole[]; workingGroup: WorkingGroupRole | null; planSharedWithTeam: boolean }
  >();
  for (const row of places.schools) {
    // A school that blocked the person, or ended this session there, is not one of their places now.
    if (!actor.schoolRoles.has(row.id)) continue;
    const entry = schools.get(row.id) ?? {
      id: row.id,
      name: row.name,
      boardId: row.board_id,
      roles: [],
      workingGroup: actor.workingGroup?.get(row.id) ?? null,
      planSharedWithTeam: row.shares_plan_with_team === 1,
    };
    entry.roles.push(row.role as SchoolRole);
    schools.set(row.id, entry);
  }
  return {
    user: userPart,
    csrfToken,
    boards: [...boards.values()],
    schools: [...schools.values()],
    mfa,
  };
}
