import type { FastifyReply, FastifyRequest } from 'fastify';
import { KIOSK_COOKIE, PUPIL_COOKIE } from '../../shared/checkin';
import { findBoardIdOfSchool } from '../auth/actor.repository';
import { mfaStateOf } from '../auth/mfa.service';
import { type Actor, isAllowed, type RoutePolicy } from '../auth/policy';
import { type ActiveSession, resumeSession, SESSION_COOKIE } from '../auth/sessions.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { resumeKioskDevice, resumePupilDevice } from '../features/checkin/checkin-access.service';
import { pickLocale } from '../i18n/messages';
import type { App, KioskDeviceAuth, PupilDeviceAuth } from './fastify-types';

/** A route as registered, with its policy: the authorization tests walk this list. */
export interface RegisteredRoute {
  method: string;
  url: string;
  policy: RoutePolicy;
  hasBody: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Header the SPA sends on every state-changing request with the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Installs deny-by-default authorization: every route must declare a policy when it registers,
 * and every request is checked against it before its body is even read.
 */
export function installAuthHooks(app: App, deps: Deps): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'nl');
  app.decorateRequest('schoolBoardId', undefined);
  app.decorateRequest('pupilAuth', null);
  app.decorateRequest('kioskAuth', null);

  const registered: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registered);
  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    if (!policy) {
      throw new Error(`Route ${String(route.method)} ${route.url} has no policy: every route must declare one`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') registered.push({ method, url: route.url, policy, hasBody: Boolean(route.schema?.body) });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.locale = pickLocale(request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await resumeSession(deps.db.kysely, deps.clock, deps.config, token) : null;
    if (token && !request.auth) clearSessionCookie(reply);

    if (request.is404) return;
    checkSameOrigin(request);
    const policy = request.routeOptions.config.policy;
    if (!policy) throw new AppError('forbidden');
    if (policy.access === 'public') return;
    // A pupil or kiosk route answers only to its own cookie: a staff session never satisfies it (and
    // the staff checks below look only at the staff session, so those cookies never reach a staff route).
    if (policy.access === 'pupil' || policy.access === 'kiosk') return resolveDevice(deps, request, reply, policy.access);
    if (!request.auth) throw new AppError('not_authenticated');
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.auth.csrfToken) {
      throw new AppError('csrf_failed');
    }
    await checkMfa(deps, request, request.auth);
    if (policy.access === 'authenticated') return;
    const params = request.params as { boardId?: string; schoolId?: string };
    const schoolBoardId = params.schoolId ? await boardOfSchool(deps, request.auth.actor, params.schoolId) : undefined;
    request.schoolBoardId = schoolBoardId;
    if (!isAllowed(request.auth.actor, policy.permission, { boardId: params.boardId, schoolId: params.schoolId, schoolBoardId })) {
      throw new AppError('forbidden');
    }
  });
}

// Resolves the pupil's own-device session or the kiosk device of a pupil/kiosk route, and requires
// its CSRF token on state changes. A cookie that no longer works is removed from the browser.
async function resolveDevice(deps: Deps, request: FastifyRequest, reply: FastifyReply, access: 'pupil' | 'kiosk'): Promise<void> {
  const db = deps.db.kysely;
  const cookieName = access === 'pupil' ? PUPIL_COOKIE : KIOSK_COOKIE;
  const token = request.cookies[cookieName];
  const device = token
    ? access === 'pupil'
      ? (request.pupilAuth = await resumePupilDevice(db, deps.clock, token))
      : (request.kioskAuth = await resumeKioskDevice(db, deps.clock, token))
    : null;
  if (!device) {
    if (token) clearDeviceCookie(reply, cookieName);
    throw new AppError('not_authenticated');
  }
  if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== device.csrfToken) throw new AppError('csrf_failed');
}

// Until the second sign-in step is done (or, where a role requires MFA, set up), a session reaches only
// the routes that declare `duringMfa` for its state. Roles are fresh per request, so a new role counts at once.
async function checkMfa(deps: Deps, request: FastifyRequest, auth: ActiveSession): Promise<void> {
  const { status } = await mfaStateOf(deps, auth);
  if (status === 'complete' || request.routeOptions.config.duringMfa?.includes(status)) return;
  throw new AppError(status === 'code_needed' ? 'mfa_verification_required' : 'mfa_enrollment_required');
}

// A cross-site page can still make the browser send a request; refuse state changes whose Origin
// is another site (the CSRF token covers signed-in requests; this also covers login and setup).
function checkSameOrigin(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError('csrf_failed');
  }
  if (originHost !== request.headers.host) throw new AppError('csrf_failed');
}

async function boardOfSchool(deps: Deps, actor: Actor, schoolId: string): Promise<string | undefined> {
  return actor.boardOfSchool.get(schoolId) ?? findBoardIdOfSchool(deps.db.kysely, schoolId);
}

/** Sets the session cookie: `__Host-`, Secure, HttpOnly, SameSite=Lax, path `/`. */
export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
}

/** Removes the session cookie from the browser. */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
}

/**
 * Sets the cookie of a pupil's own device or of a kiosk: `__Host-`, Secure, HttpOnly, SameSite=Strict,
 * path `/` (Strict: the pupil pages are only ever opened directly, never followed from another site).
 */
export function setDeviceCookie(reply: FastifyReply, name: typeof PUPIL_COOKIE | typeof KIOSK_COOKIE, token: string, expiresAt: Date): void {
  reply.setCookie(name, token, { path: '/', httpOnly: true, secure: true, sameSite: 'strict', expires: expiresAt });
}

/** Removes the cookie of a pupil's own device or of a kiosk from the browser. */
export function clearDeviceCookie(reply: FastifyReply, name: typeof PUPIL_COOKIE | typeof KIOSK_COOKIE): void {
  reply.clearCookie(name, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
}

/** The own-device session of a request that passed a `pupil` policy. */
export function requirePupil(request: FastifyRequest): PupilDeviceAuth {
  if (!request.pupilAuth) throw new AppError('not_authenticated');
  return request.pupilAuth;
}

/** The kiosk device of a request that passed a `kiosk` policy. */
export function requireKiosk(request: FastifyRequest): KioskDeviceAuth {
  if (!request.kioskAuth) throw new AppError('not_authenticated');
  return request.kioskAuth;
}

/** The signed-in session of a request that passed an authenticated policy. */
export function requireAuth(request: FastifyRequest) {
  if (!request.auth) throw new AppError('not_authenticated');
  return request.auth;
}
