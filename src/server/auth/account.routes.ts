import { z } from 'zod';
import type { Deps } from '../deps';
import { staffCallerOf } from '../access/caller';
import type { App } from '../http/fastify-types';
import { accountSessionSchema, endedSessionsSchema, endOtherSessionsSchema, passwordChangeSchema } from './account.schemas';
import { changeOwnPassword, endOtherOwnSessions, listOwnSessions } from './account.service';

/** The signed-in user's own account: change the password, see and end their sessions. */
export async function accountRoutes(app: App, deps: Deps): Promise<void> {
  // Both routes check a password, so they are throttled like login.
  const throttle = { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } };

  app.post(
    '/api/me/password',
    {
      config: { policy: { access: 'authenticated' }, ...throttle },
      schema: { tags: ['account'], body: passwordChangeSchema, response: { 200: endedSessionsSchema } },
    },
    async (request) => ({ ended: await changeOwnPassword(deps, staffCallerOf(request), request.body.currentPassword, request.body.newPassword) }),
  );

  app.get(
    '/api/me/sessions',
    { config: { policy: { access: 'authenticated' } }, schema: { tags: ['account'], response: { 200: z.array(accountSessionSchema) } } },
    async (request) => listOwnSessions(deps, staffCallerOf(request)),
  );

  app.post(
    '/api/me/sessions/end-others',
    {
      config: { policy: { access: 'authenticated' }, ...throttle },
      schema: { tags: ['account'], body: endOtherSessionsSchema, response: { 200: endedSessionsSchema } },
    },
    async (request) => ({ ended: await endOtherOwnSessions(deps, staffCallerOf(request), request.body.password) }),
  );
}
