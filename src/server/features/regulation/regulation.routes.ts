import { z } from 'zod';
import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { classParamsSchema, noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { carePupilParamsSchema } from '../care/care.schemas';
import {
  activityParamsSchema,
  addOwnActivityBodySchema,
  addRoutineBodySchema,
  classActivityParamsSchema,
  classRegulationSchema,
  favouriteBodySchema,
  hideActivityBodySchema,
  libraryActivitySchema,
  planLinkBodySchema,
  pupilActivityParamsSchema,
  pupilRegulationSchema,
  regulationFiguresSchema,
  routineParamsSchema,
} from './regulation.schemas';
import * as service from './regulation.service';

/** The staff side of regulation: the library, a class's favourites and routines, what helped a pupil, figures. */
export async function regulationRoutes(app: App, deps: Deps): Promise<void> {
  const use = { access: 'permission', permission: 'school.regulation' } as const;
  const manage = { access: 'permission', permission: 'school.regulation.manage' } as const;
  const tags = ['regulation'];
  const school = '/api/schools/:schoolId';
  const ofClass = `${school}/classes/:classId/regulation`;
  const ofPupil = `${school}/pupils/:pupilId/regulation`;

  app.get(`${school}/regulation/activities`, { config: { policy: use }, schema: { tags, params: schoolParamsSchema, response: { 200: z.array(libraryActivitySchema) } } }, async (request) =>
    service.listActivities(deps, request.params.schoolId),
  );

  app.get(`${school}/regulation/library`, { config: { policy: manage }, schema: { tags, params: schoolParamsSchema, response: { 200: z.array(libraryActivitySchema) } } }, async (request) =>
    service.listLibrary(deps, request.params.schoolId),
  );
  app.post(
    `${school}/regulation/library`,
    { config: { policy: manage }, schema: { tags, params: schoolParamsSchema, body: addOwnActivityBodySchema, response: { 201: libraryActivitySchema } } },
    async (request, reply) => reply.code(201).send(await service.addOwnActivity(deps, staffCallerOf(request), request.params.schoolId, request.body.definition)),
  );
  app.delete(`${school}/regulation/library/:activityId`, { config: { policy: manage }, schema: { tags, params: activityParamsSchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    await service.removeOwnActivity(deps, staffCallerOf(request), request.params.schoolId, request.params.activityId);
    return reply.code(204).send(null);
  });
  app.put(
    `${school}/regulation/library/:activityId/hidden`,
    { config: { policy: manage }, schema: { tags, params: activityParamsSchema, body: hideActivityBodySchema, response: { 200: libraryActivitySchema } } },
    async (request) => service.setActivityHidden(deps, staffCallerOf(request), request.params.schoolId, request.params.activityId, request.body.hidden),
  );
  app.get(`${school}/regulation/figures`, { config: { policy: manage }, schema: { tags, params: schoolParamsSchema, response: { 200: regulationFiguresSchema } } }, async (request) =>
    service.getFigures(deps, request.params.schoolId, staffCallerOf(request).schoolBoardId ?? ''),
  );

  app.get(ofClass, { config: { policy: use }, schema: { tags, params: classParamsSchema, response: { 200: classRegulationSchema } } }, async (request) =>
    service.getClassRegulation(deps, staffCallerOf(request), request.params.schoolId, request.params.classId),
  );
  app.put(
    `${ofClass}/favourites/:activityId`,
    { config: { policy: use }, schema: { tags, params: classActivityParamsSchema, body: favouriteBodySchema, response: { 200: classRegulationSchema } } },
    async (request) => service.setFavourite(deps, staffCallerOf(request), request.params.schoolId, request.params.classId, request.params.activityId, request.body.favourite),
  );
  app.post(
    `${ofClass}/routines`,
    { config: { policy: use }, schema: { tags, params: classParamsSchema, body: addRoutineBodySchema, response: { 201: classRegulationSchema } } },
    async (request, reply) => reply.code(201).send(await service.addRoutine(deps, staffCallerOf(request), request.params.schoolId, request.params.classId, request.body)),
  );
  app.delete(`${ofClass}/routines/:routineId`, { config: { policy: use }, schema: { tags, params: routineParamsSchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    await service.removeRoutine(deps, staffCallerOf(request), request.params.schoolId, request.params.classId, request.params.routineId);
    return reply.code(204).send(null);
  });

  app.get(ofPupil, { config: { policy: use }, schema: { tags, params: carePupilParamsSchema, response: { 200: pupilRegulationSchema } } }, async (request) =>
    service.getPupilRegulation(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId),
  );
  app.put(
    `${ofPupil}/plan-activities/:activityId`,
    { config: { policy: use }, schema: { tags, params: pupilActivityParamsSchema, body: planLinkBodySchema, response: { 200: pupilRegulationSchema } } },
    async (request) => service.setPlanActivity(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.params.activityId, request.body.linked),
  );
}
