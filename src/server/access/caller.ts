import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../shared/permissions';
import type { Locale } from '../../shared/roles';
import type { Deps } from '../deps';
import { AppError } from '../errors';

// THE caller model: one `Caller` per request, built by the auth hook (http/auth-hooks.ts) before any
// route runs. Staff sessions are the core kind; every other kind of caller (a pupil's own device, a class
// kiosk — and next: a parent's one-time link) is registered by the feature that owns it, so the HTTP layer
// never imports a feature (see DeviceKindRegistration).

/** The signed-in staff member's account, as a request sees it. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: Locale;
}

/** The staff session a request came with. */
export interface StaffSession {
  idHash: string;
  /** The token that state-changing requests must echo in the CSRF header. */
  csrfToken: string;
  /** When the session passed the second sign-in step; null when it has not (see auth/mfa.service.ts). */
  mfaVerifiedAt: string | null;
  /** When the session started (a school can end the sessions started before a moment). */
  createdAt: string;
}

/** A staff member signed in with a session: who, their roles (loaded fresh for this request) and the session. */
export interface StaffCaller {
  kind: 'staff';
  userId: string;
  user: SessionUser;
  actor: Actor;
  session: StaffSession;
  /** The language of this request's answers. */
  locale: Locale;
  /** The board of the school named in the route's path, resolved by the policy check; undefined without one. */
  schoolBoardId: string | undefined;
}

/**
 * The callers that are not staff sessions, by kind. Each feature that brings a kind adds it here by
 * declaration merging — `declare module '<path>/access/caller' { interface DeviceCallers { pupil: PupilDevice } }` —
 * and registers how to resolve it (DeviceKindRegistration) in app.ts.
 */
export interface DeviceCallers {}

/** The name of a registered device kind ('pupil', 'kiosk', …). */
export type DeviceKind = keyof DeviceCallers & string;

/** What a device kind's resolver returns: the feature's own fields plus the CSRF token of the device. */
export type ResolvedDevice<K extends DeviceKind> = DeviceCallers[K] & { csrfToken: string };

/** A device caller of one kind, as routes receive it. */
export type DeviceCaller<K extends DeviceKind = DeviceKind> = { [Key in K]: ResolvedDevice<Key> & { kind: Key } }[K];

/** Nobody signed in (or a cookie that no longer works): only public routes answer. */
export interface AnonymousCaller {
  kind: 'anonymous';
}

/** THE caller of a request. */
export type Caller = AnonymousCaller | StaffCaller | DeviceCaller;

/**
 * How a feature's device kind is recognised: the cookie that carries its secret and how to resolve that
 * secret to a live device (null when it no longer works; the hook then removes the cookie).
 */
export interface DeviceKindRegistration<K extends DeviceKind = DeviceKind> {
  kind: K;
  cookie: string;
  resolve(deps: Deps, cookieValue: string): Promise<ResolvedDevice<K> | null>;
}

/** The staff caller of a request that passed a staff policy (any other caller: not_authenticated). */
export function staffCallerOf(request: FastifyRequest): StaffCaller {
  const caller = request.caller;
  if (caller.kind !== 'staff') throw new AppError('not_authenticated');
  return caller;
}

/** The staff caller of a request, or null when nobody is signed in as staff (public routes that look). */
export function optionalStaffCallerOf(request: FastifyRequest): StaffCaller | null {
  return request.caller.kind === 'staff' ? request.caller : null;
}

/** The device caller of a request that passed a `device` policy of this kind. */
export function deviceCallerOf<K extends DeviceKind>(request: FastifyRequest, kind: K): DeviceCaller<K> {
  const caller = request.caller as Caller;
  if (caller.kind !== kind) throw new AppError('not_authenticated');
  return caller as unknown as DeviceCaller<K>;
}
