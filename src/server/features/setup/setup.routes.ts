import { isIPv4 } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { sessionResponseSchema } from '../../auth/auth.schemas';
import { signIn } from '../../auth/auth.routes';
import type { Deps } from '../../deps';
import type { App } from '../../http/fastify-types';
import { setupBodySchema, setupDemoBodySchema, setupStatusSchema } from './setup.schemas';
import { completeSetup, loadDemo, mayLoadDemo, needsSetup } from './setup.service';
import { okSchema } from '../../http/common.schemas';
import { wasForwarded } from '../../http/forwarded';

/** First run: status, create the board, or load the demo. */
export async function setupRoutes(app: App, deps: Deps): Promise<void> {
  const throttle = { rateLimit: { max: 20, timeWindow: '1 minute' } };
  app.get(
    '/api/setup',
    { config: { policy: { access: 'public' } }, schema: { tags: ['setup'], response: { 200: setupStatusSchema } } },
    async (request) => {
      const isEmpty = await needsSetup(deps);
      return {
        needsSetup: isEmpty,
        canLoadDemo: isEmpty && mayLoadDemo(deps, { isFromThisMachine: isFromThisMachine(request) }),
        publicUrl: deps.config.publicUrl ?? null,
      };
    },
  );

  app.post(
    '/api/setup',
    {
      config: { policy: { access: 'public' }, ...throttle },
      schema: { tags: ['setup'], body: setupBodySchema, response: { 201: sessionResponseSchema } },
    },
    async (request, reply) => {
      const userId = await completeSetup(deps, request.body);
      const session = await signIn(deps, reply, userId);
      return reply.code(201).send(session);
    },
  );

  app.post(
    '/api/setup/demo',
    { config: { policy: { access: 'public' }, ...throttle }, schema: { tags: ['setup'], body: setupDemoBodySchema, response: { 201: okSchema } } },
    async (request, reply) => {
      await loadDemo(deps, { isFromThisMachine: isFromThisMachine(request), linkOrigin: request.body?.linkOrigin });
      return reply.code(201).send({ ok: true as const });
    },
  );
}

/**
 * Whether the request was made on the server itself: the TCP peer is a loopback address and no proxy
 * forwarded it. The socket's address, never request.ip: with TRUST_PROXY that is X-Forwarded-For,
 * which any client can write. A proxy on the same machine connects from loopback too, hence the
 * header check (a client adding such a header only refuses itself).
 */
function isFromThisMachine(request: FastifyRequest): boolean {
  if (wasForwarded(request)) return false;
  return isLoopbackAddress(request.socket.remoteAddress);
}

function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  if (address === '::1') return true;
  // An IPv4 client of a dual-stack socket shows as ::ffff:127.0.0.1.
  const ipv4 = address.toLowerCase().startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return isIPv4(ipv4) && ipv4.startsWith('127.');
}
