import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, isAllowed } from '../../shared/permissions';
import type { Caller, DeviceKindRegistration, StaffCaller } from '../access/caller';
import type { RoutePolicy } from '../access/route-policy';
import { findBoardIdOfSchool } from '../auth/actor.repository';
import { mfaStateOf } from '../auth/mfa.service';
import { resumeSession, SESSION_COOKIE } from '../auth/sessions.service';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { pickLocale } from '../i18n/messages';
import type { App } from './fastify-types';

/** A route as registered, with its policy: the authorization tests walk this list. */
export interface RegisteredRoute {
  method: string;
  url: string;
  policy: RoutePolicy;
  hasBody: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ANONYMOUS: Caller = { kind: 'anonymous' };

/** Header the SPA sends on every state-changing request with the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Installs deny-by-default authorization: every route must declare a policy when it registers, and every
 * request gets its one `Caller` (staff session, a registered device kind, or anonymous) and is checked against
 * the route's policy before its body is even read. `deviceKinds` are the device callers the features bring
 * (app.ts passes them), so this layer knows no feature.
 */
export function installAuthHooks(app: App, deps: Deps, deviceKinds: readonly DeviceKindRegistration[]): void {
  const devices = new Map<string, DeviceKindRegistration>(deviceKinds.map((registration) => [registration.kind, registration]));
  // Fastify refuses an object as a request decoration's default (it would be shared): onRequest sets it first thing.
  app.decorateRequest('caller', null as never);
  app.decorateRequest('locale', 'nl');

  const registered: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registered);
  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    if (!policy) {
      throw new Error(`Route ${String(route.method)} ${route.url} has no policy: every route must declare one`);
    }
    if (policy.access === 'device' && !devices.has(policy.kind)) {
      throw new Error(`Route ${String(route.method)} ${route.url} names device kind "${policy.kind}", which nobody registered`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') registered.push({ method, url: route.url, policy, hasBody: Boolean(route.schema?.body) });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.locale = pickLocale(request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    const staff = token ? await resumeSession(deps.db.kysely, deps.clock, deps.config, token) : null;
    if (token && !staff) clearSessionCookie(reply);
    request.caller = staff ? { kind: 'staff', ...staff, locale: request.locale, schoolBoardId: undefined } : ANONYMOUS;

    if (request.is404) return;
    checkSameOrigin(request);
    const policy = request.routeOptions.config.policy;
    if (!policy) throw new AppError('forbidden');
    if (policy.access === 'public') return;
    // A device route answers only to its own cookie: a staff session never satisfies it (and the staff checks
    // below look only at the staff session, so a device cookie never reaches a staff route).
    if (policy.access === 'device') return resolveDevice(deps, request, reply, devices.get(policy.kind)!);
    if (!staff || request.caller.kind !== 'staff') throw new AppError('not_authenticated');
    const caller: StaffCaller = request.caller;
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== caller.session.csrfToken) {
      throw new AppError('csrf_failed');
    }
    await checkMfa(deps, request, caller);
    if (policy.access === 'authenticated') return;
    const params = request.params as { boardId?: string; schoolId?: string };
    const schoolBoardId = params.schoolId ? await boardOfSchool(deps, caller.actor, params.schoolId) : undefined;
    request.caller = { ...caller, schoolBoardId };
    if (!isAllowed(caller.actor, policy.permission, { boardId: params.boardId, schoolId: params.schoolId, schoolBoardId })) {
      throw new AppError('forbidden');
    }
  });
}

// Resolves the device of a device route through its kind's registration, and requires its CSRF token on
// state changes. A cookie that no longer works is removed from the browser.
async function resolveDevice(deps: Deps, request: FastifyRequest, reply: FastifyReply, registration: DeviceKindRegistration): Promise<void> {
  const token = request.cookies[registration.cookie];
  const device = token ? await registration.resolve(deps, token) : null;
  if (!device) {
    if (token) clearDeviceCookie(reply, registration.cookie);
    throw new AppError('not_authenticated');
  }
  request.caller = { ...device, kind: registration.kind } as Caller;
  if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== device.csrfToken) throw new AppError('csrf_failed');
}

// Until the second sign-in step is done (or, where a role requires MFA, set up), a session reaches only
// the routes that declare `duringMfa` for its state. Roles are fresh per request, so a new role counts at once.
async function checkMfa(deps: Deps, request: FastifyRequest, caller: StaffCaller): Promise<void> {
  const { status } = await mfaStateOf(deps, { actor: caller.actor, mfaVerifiedAt: caller.session.mfaVerifiedAt });
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
 * Sets the cookie of a device caller (a pupil's own device, a kiosk): `__Host-`, Secure, HttpOnly,
 * SameSite=Strict, path `/` (Strict: device pages are only ever opened directly, never followed from another site).
 */
export function setDeviceCookie(reply: FastifyReply, name: string, token: string, expiresAt: Date): void {
  reply.setCookie(name, token, { path: '/', httpOnly: true, secure: true, sameSite: 'strict', expires: expiresAt });
}

/** Removes the cookie of a device caller from the browser. */
export function clearDeviceCookie(reply: FastifyReply, name: string): void {
  reply.clearCookie(name, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
}
