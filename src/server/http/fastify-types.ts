import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Locale } from '../../shared/roles';
import type { Caller } from '../access/caller';
import type { RoutePolicy } from '../access/route-policy';
import type { IncompleteMfaStatus } from '../auth/mfa.service';
import type { RegisteredRoute } from './auth-hooks';

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
    /** Who is calling: built once per request by the auth hook (anonymous until then). */
    caller: Caller;
    /** The language for messages in this response. */
    locale: Locale;
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
