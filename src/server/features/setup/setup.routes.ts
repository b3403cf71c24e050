import { okSchema, sessionResponseSchema } from '../../auth/auth.schemas';
import { signIn } from '../../auth/auth.routes';
import type { Deps } from '../../deps';
import type { App } from '../../http/fastify-types';
import { setupBodySchema, setupStatusSchema } from './setup.schemas';
import { completeSetup, loadDemo, needsSetup } from './setup.service';

/** First run: status, create the board, or load the demo. */
export async function setupRoutes(app: App, deps: Deps): Promise<void> {
  const throttle = { rateLimit: { max: 20, timeWindow: '1 minute' } };
  app.get(
    '/api/setup',
    { config: { policy: { access: 'public' } }, schema: { tags: ['setup'], response: { 200: setupStatusSchema } } },
    async () => ({ needsSetup: await needsSetup(deps) }),
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
    { config: { policy: { access: 'public' }, ...throttle }, schema: { tags: ['setup'], response: { 201: okSchema } } },
    async (_request, reply) => {
      await loadDemo(deps);
      return reply.code(201).send({ ok: true as const });
    },
  );
}
