import { z } from 'zod';

import type { Deps } from '../../deps';
import { staffCallerOf } from '../../access/caller';
import type { App } from '../../http/fastify-types';
import { boardResponseSchema, classListQuerySchema, classSchema, createClassSchema, createSchoolSchema, locationBodySchema, locationParamsSchema, locationSchema, schoolResponseSchema, updateClassSchema } from './tenancy.schemas';
import * as service from './tenancy.service';
import { boardParamsSchema, classParamsSchema, okSchema, schoolParamsSchema } from '../../http/common.schemas';

/** Boards, schools, locations and classes. */
export async function tenancyRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/boards/:boardId',
    {
      config: { policy: { access: 'permission', permission: 'board.read' } },
      schema: { tags: ['tenancy'], params: boardParamsSchema, response: { 200: boardResponseSchema } },
    },
    async (request) => service.getBoardOverview(deps, request.params.boardId),
  );

  app.post(
    '/api/boards/:boardId/schools',
    {
      config: { policy: { access: 'permission', permission: 'board.schools.manage' } },
      schema: { tags: ['tenancy'], params: boardParamsSchema, body: createSchoolSchema, response: { 201: schoolResponseSchema } },
    },
    async (request, reply) => {
      const auth = staffCallerOf(request);
      const schoolId = await deps.db.kysely
        .transaction()
        .execute((trx) => service.createSchool(trx, deps, auth.user.id, request.params.boardId, request.body));
      return reply.code(201).send(await service.getSchool(deps, schoolId));
    },
  );

  app.get(
    '/api/schools/:schoolId',
    {
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['tenancy'], params: schoolParamsSchema, response: { 200: schoolResponseSchema } },
    },
    async (request) => service.getSchool(deps, request.params.schoolId),
  );

  app.get(
    '/api/schools/:schoolId/locations',
    {
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['tenancy'], params: schoolParamsSchema, response: { 200: z.array(locationSchema) } },
    },
    async (request) => service.listLocations(deps, request.params.schoolId),
  );

  app.post(
    '/api/schools/:schoolId/locations',
    {
      config: { policy: { access: 'permission', permission: 'school.structure.manage' } },
      schema: { tags: ['tenancy'], params: schoolParamsSchema, body: locationBodySchema, response: { 201: locationSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createLocation(deps, staffCallerOf(request).userId, request.params.schoolId, request.body.name)),
  );

  app.patch(
    '/api/schools/:schoolId/locations/:locationId',
    {
      config: { policy: { access: 'permission', permission: 'school.structure.manage' } },
      schema: { tags: ['tenancy'], params: locationParamsSchema, body: locationBodySchema, response: { 200: locationSchema } },
    },
    async (request) =>
      service.renameLocation(deps, staffCallerOf(request).userId, request.params.schoolId, request.params.locationId, request.body.name),
  );

  app.delete(
    '/api/schools/:schoolId/locations/:locationId',
    {
      config: { policy: { access: 'permission', permission: 'school.structure.manage' } },
      schema: { tags: ['tenancy'], params: locationParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await service.removeLocation(deps, staffCallerOf(request).userId, request.params.schoolId, request.params.locationId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/schools/:schoolId/classes',
    {
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['tenancy'], params: schoolParamsSchema, querystring: classListQuerySchema, response: { 200: z.array(classSchema) } },
    },
    async (request) =>
      service.listClasses(deps, request.params.schoolId, request.query.schoolYear, request.query.taughtByMe === 'true' ? staffCallerOf(request).userId : undefined),
  );

  app.post(
    '/api/schools/:schoolId/classes',
    {
      config: { policy: { access: 'permission', permission: 'school.structure.manage' } },
      schema: { tags: ['tenancy'], params: schoolParamsSchema, body: createClassSchema, response: { 201: classSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createClass(deps, staffCallerOf(request).userId, request.params.schoolId, request.body)),
  );

  app.patch(
    '/api/schools/:schoolId/classes/:classId',
    {
      config: { policy: { access: 'permission', permission: 'school.structure.manage' } },
      schema: { tags: ['tenancy'], params: classParamsSchema, body: updateClassSchema, response: { 200: classSchema } },
    },
    async (request) =>
      service.updateClass(deps, staffCallerOf(request).userId, request.params.schoolId, request.params.classId, request.body),
  );

  app.delete(
    '/api/schools/:schoolId/classes/:classId',
    {
      config: { policy: { access: 'permission', permission: 'school.structure.manage' } },
      schema: { tags: ['tenancy'], params: classParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await service.removeClass(deps, staffCallerOf(request).userId, request.params.schoolId, request.params.classId);
      return { ok: true as const };
    },
  );
}
