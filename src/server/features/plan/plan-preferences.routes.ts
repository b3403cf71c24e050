import { z } from 'zod';
import { linkBaseOf } from '../../installation/link-base';
import type { Deps } from '../../deps';
import { staffCallerOf } from '../../access/caller';
import type { App } from '../../http/fastify-types';
import { calendarFeedCreatedSchema, calendarParamsSchema, planPreferencesBodySchema, planPreferencesSchema } from './plan.schemas';
import * as service from './plan-preferences.service';
import { noContentSchema } from '../../http/common.schemas';

/** A person's own plan settings (digest, calendar feed) and the calendar feed itself. */
export async function planPreferencesRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/me/plan-preferences',
    { config: { policy: { access: 'authenticated' } }, schema: { tags: ['plan'], response: { 200: planPreferencesSchema } } },
    async (request) => service.getPlanPreferences(deps, staffCallerOf(request).userId),
  );

  app.put(
    '/api/me/plan-preferences',
    {
      config: { policy: { access: 'authenticated' } },
      schema: { tags: ['plan'], body: planPreferencesBodySchema, response: { 200: planPreferencesSchema } },
    },
    async (request) => service.setDigestOptOut(deps, staffCallerOf(request).userId, request.body.digestOptOut),
  );

  app.post(
    '/api/me/calendar-feed',
    { config: { policy: { access: 'authenticated' } }, schema: { tags: ['plan'], response: { 201: calendarFeedCreatedSchema } } },
    async (request, reply) => reply.code(201).send(await service.createCalendarFeed(deps, staffCallerOf(request).userId, await linkBaseOf(deps))),
  );

  app.delete(
    '/api/me/calendar-feed',
    { config: { policy: { access: 'authenticated' } }, schema: { tags: ['plan'], response: { 204: noContentSchema } } },
    async (request, reply) => {
      await service.stopCalendarFeed(deps, staffCallerOf(request).userId);
      return reply.code(204).send(null);
    },
  );

  // Calendar apps subscribe without a session: the unguessable token in the path is the credential.
  // The log names this request by its route pattern only, so the token never reaches it (http/logging.ts).
  app.get(
    '/api/calendar/:token',
    { config: { policy: { access: 'public' } }, schema: { tags: ['plan'], params: calendarParamsSchema } },
    async (request, reply) => {
      const calendar = await service.calendarFeedOf(deps, request.params.token);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', 'inline; filename="groeiwijzer.ics"')
        .send(calendar);
    },
  );
}
