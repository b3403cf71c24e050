import { z } from 'zod';
import type { Deps } from '../../deps';
import { requireAuth } from '../../http/auth-hooks';
import type { App } from '../../http/fastify-types';
import { schoolParamsSchema } from '../tenancy/tenancy.schemas';
import { importPreviewRoute, importPupilsRoute } from './pupil-import.routes';
import { pupilListQuerySchema, pupilSchema } from './pupils.schemas';
import { listPupils } from './pupils.service';

/** Pupils of a school and the CSV import. */
export async function pupilsRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/schools/:schoolId/pupils',
    {
      config: { policy: { access: 'permission', permission: 'school.pupils.read' } },
      schema: { tags: ['pupils'], params: schoolParamsSchema, querystring: pupilListQuerySchema, response: { 200: z.array(pupilSchema) } },
    },
    async (request) =>
      listPupils(deps, { actor: requireAuth(request).actor, schoolId: request.params.schoolId, boardId: request.schoolBoardId }, request.query),
  );

  importPreviewRoute(app, deps);
  importPupilsRoute(app, deps);
}
