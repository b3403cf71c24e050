import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { classParamsSchema, noContentSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { addClimateRatingBodySchema, classGroupSchema, climateRatingParamsSchema, climateRatingSchema, groupPhaseEntrySchema, setGroupPhaseBodySchema } from './class-group.schemas';
import * as service from './class-group.service';

/** The class's Groep page: class climate and group phase, for the class's teachers and the care team. */
export async function classGroupRoutes(app: App, deps: Deps): Promise<void> {
  const group = '/api/schools/:schoolId/classes/:classId/group';
  const policy = { access: 'permission', permission: 'school.group' } as const;

  app.get(
    group,
    { config: { policy }, schema: { tags: ['group'], params: classParamsSchema, response: { 200: classGroupSchema } } },
    async (request) => service.getClassGroup(deps, staffCallerOf(request), request.params.schoolId, request.params.classId),
  );

  app.post(
    `${group}/climate`,
    { config: { policy }, schema: { tags: ['group'], params: classParamsSchema, body: addClimateRatingBodySchema, response: { 201: climateRatingSchema } } },
    async (request, reply) => reply.code(201).send(await service.addClimateRating(deps, staffCallerOf(request), request.params.schoolId, request.params.classId, request.body)),
  );

  app.delete(
    `${group}/climate/:ratingId`,
    { config: { policy }, schema: { tags: ['group'], params: climateRatingParamsSchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      await service.removeClimateRating(deps, staffCallerOf(request), request.params.schoolId, request.params.classId, request.params.ratingId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    `${group}/phase`,
    { config: { policy }, schema: { tags: ['group'], params: classParamsSchema, body: setGroupPhaseBodySchema, response: { 200: groupPhaseEntrySchema } } },
    async (request) => service.setGroupPhase(deps, staffCallerOf(request), request.params.schoolId, request.params.classId, request.body),
  );
}
