import { staffCallerOf } from '../../access/caller';
import type { RoutePolicy } from '../../access/route-policy';
import type { Deps } from '../../deps';
import { noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { intervisionFiguresSchema, intervisionLogSchema, intervisionSessionSchema, sessionBodySchema, sessionParamsSchema } from './intervision.schemas';
import * as service from './intervision.service';

const team: RoutePolicy = { access: 'permission', permission: 'school.team' };
const figures: RoutePolicy = { access: 'permission', permission: 'school.team.figures' };
const tags = ['team'];

/** The intervision and supervision log: the caller's sessions (school.team) and the counts per school year (school.team.figures). */
export async function intervisionRoutes(app: App, deps: Deps): Promise<void> {
  const base = '/api/schools/:schoolId/team/intervision';
  const session = `${base}/sessions/:sessionId`;

  app.get(base, { config: { policy: team }, schema: { tags, params: schoolParamsSchema, response: { 200: intervisionLogSchema } } }, async (request) =>
    service.getLog(deps, staffCallerOf(request), request.params.schoolId),
  );

  app.get(`${base}/figures`, { config: { policy: figures }, schema: { tags, params: schoolParamsSchema, response: { 200: intervisionFiguresSchema } } }, async (request) =>
    service.getFigures(deps, request.params.schoolId),
  );

  app.post(
    `${base}/sessions`,
    { config: { policy: team }, schema: { tags, params: schoolParamsSchema, body: sessionBodySchema, response: { 201: intervisionSessionSchema } } },
    async (request, reply) => reply.code(201).send(await service.recordSession(deps, staffCallerOf(request), request.params.schoolId, request.body)),
  );

  app.get(session, { config: { policy: team }, schema: { tags, params: sessionParamsSchema, response: { 200: intervisionSessionSchema } } }, async (request) =>
    service.getSession(deps, staffCallerOf(request), request.params.schoolId, request.params.sessionId),
  );

  app.put(
    session,
    { config: { policy: team }, schema: { tags, params: sessionParamsSchema, body: sessionBodySchema, response: { 200: intervisionSessionSchema } } },
    async (request) => service.changeSession(deps, staffCallerOf(request), request.params.schoolId, request.params.sessionId, request.body),
  );

  app.delete(session, { config: { policy: team }, schema: { tags, params: sessionParamsSchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    await service.removeSession(deps, staffCallerOf(request), request.params.schoolId, request.params.sessionId);
    return reply.code(204).send(null);
  });
}
