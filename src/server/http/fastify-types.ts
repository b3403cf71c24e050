import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Locale } from '../../shared/roles';
import type { IncompleteMfaStatus } from '../auth/mfa.service';
import type { ActiveSession } from '../auth/sessions.service';
import type { RoutePolicy } from '../auth/policy';
import type { RegisteredRoute } from './auth-hooks';

/** A pupil's own-device session: whose check-in it may submit, and in which class. */
export interface PupilDeviceAuth {
  idHash: string;
  pupilId: string;
  classId: string;
  schoolId: string;
  csrfToken: string;
}

/** A class device in kiosk mode: which class it serves. */
export interface KioskDeviceAuth {
  idHash: string;
  classId: string;
  schoolId: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route must declare who may call it; a route without one fails to register. */
    policy?: RoutePolicy;
    /** The unfinished two-step-verification states in which a signed-in route may still be called (default: none). */
    duringMfa?: readonly IncompleteMfaStatus[];
  }
  interface FastifyInstance {
    /** Every route with its policy, in registration order (HEAD routes left out). */
    registeredRoutes: RegisteredRoute[];
  }
  interface FastifyRequest {
    /** The live session of the caller, or null when signed out. */
    auth: ActiveSession | null;
    /** The language for messages in this response. */
    locale: Locale;
    /** The board a school-scoped route's school belongs to (resolved by the policy check). */
    schoolBoardId: string | undefined;
    /** On a `pupil` route: the pupil's own-device session (set by the auth hook; never a staff session). */
    pupilAuth: PupilDeviceAuth | null;
    /** On a `kiosk` route: the class device in kiosk mode (set by the auth hook). */
    kioskAuth: KioskDeviceAuth | null;
  }
}

/** The Fastify instance every route module receives (zod-typed). */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
