import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import {
  addScreeningBodySchema,
  addTrustedAdultBodySchema,
  breakGlassBodySchema,
  breakGlassPupilsSchema,
  breakGlassSchema,
  breakGlassSearchQuerySchema,
  careFileSchema,
  careOverviewSchema,
  carePlanVersionSchema,
  carePupilParamsSchema,
  planVersionParamsSchema,
  pupilAcesSchema,
  pupilScreeningsSchema,
  saveAcesBodySchema,
  savePlanBodySchema,
  screeningSchema,
  trustedAdultParamsSchema,
  trustedAdultSchema,
} from './care.schemas';
import * as service from './care.service';

/**
 * A pupil's care: trusted adults and the support-and-signalling plan (the pupil's teachers and the care team),
 * ACEs and screenings (the care team), break-glass, and the care team's overview.
 */
export async function careRoutes(app: App, deps: Deps): Promise<void> {
  const pupil = '/api/schools/:schoolId/pupils/:pupilId/care';

  app.get(
    pupil,
    {
      config: { policy: { access: 'permission', permission: 'school.care.plans.read' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, response: { 200: careFileSchema } },
    },
    async (request) => service.getCareFile(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId),
  );

  app.get(
    `${pupil}/support-plan/versions/:version`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.plans.read' } },
      schema: { tags: ['care'], params: planVersionParamsSchema, response: { 200: carePlanVersionSchema } },
    },
    async (request) => service.getPlanVersion(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.params.version),
  );

  app.put(
    `${pupil}/support-plan`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.plans.write' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, body: savePlanBodySchema, response: { 200: carePlanVersionSchema } },
    },
    async (request) => service.savePlan(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body),
  );

  app.post(
    `${pupil}/trusted-adults`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.plans.write' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, body: addTrustedAdultBodySchema, response: { 201: trustedAdultSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.addTrustedAdult(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body)),
  );

  app.delete(
    `${pupil}/trusted-adults/:trustedAdultId`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.plans.write' } },
      schema: { tags: ['care'], params: trustedAdultParamsSchema, response: { 204: noContentSchema } },
    },
    async (request, reply) => {
      await service.removeTrustedAdult(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.params.trustedAdultId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${pupil}/aces`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.sensitive' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, response: { 200: pupilAcesSchema } },
    },
    async (request) => service.getAces(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId),
  );

  app.put(
    `${pupil}/aces`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.sensitive' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, body: saveAcesBodySchema, response: { 200: pupilAcesSchema } },
    },
    async (request) => service.saveAces(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body),
  );

  app.get(
    `${pupil}/screenings`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.sensitive' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, response: { 200: pupilScreeningsSchema } },
    },
    async (request) => service.getScreenings(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId),
  );

  app.post(
    `${pupil}/screenings`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.sensitive' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, body: addScreeningBodySchema, response: { 201: screeningSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.addScreening(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body)),
  );

  app.post(
    `${pupil}/break-glass`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.break_glass' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, body: breakGlassBodySchema, response: { 201: breakGlassSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.openBreakGlass(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body)),
  );

  app.get(
    '/api/schools/:schoolId/care/break-glass/pupils',
    {
      config: { policy: { access: 'permission', permission: 'school.care.break_glass' } },
      schema: { tags: ['care'], params: schoolParamsSchema, querystring: breakGlassSearchQuerySchema, response: { 200: breakGlassPupilsSchema } },
    },
    async (request) => service.searchPupilsForBreakGlass(deps, staffCallerOf(request), request.params.schoolId, request.query.name),
  );

  app.get(
    '/api/schools/:schoolId/care/overview',
    {
      config: { policy: { access: 'permission', permission: 'school.care.overview' } },
      schema: { tags: ['care'], params: schoolParamsSchema, response: { 200: careOverviewSchema } },
    },
    async (request) => service.getCareOverview(deps, staffCallerOf(request), request.params.schoolId),
  );
}
