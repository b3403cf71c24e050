import type { Deps } from '../../deps';
import { requireAuth } from '../../http/auth-hooks';
import type { App } from '../../http/fastify-types';
import { schoolParamsSchema } from '../tenancy/tenancy.schemas';
import { importPupils, previewImport } from './pupil-import.service';
import { importBodySchema, importPreviewBodySchema, importPreviewResponseSchema, importResponseSchema } from './pupils.schemas';

/** Registers the import preview: reads and checks a CSV file, writes nothing. */
export function importPreviewRoute(app: App, deps: Deps): void {
  app.post(
    '/api/schools/:schoolId/pupil-imports/preview',
    {
      config: { policy: { access: 'permission', permission: 'school.pupils.import' } },
      schema: { tags: ['pupils'], params: schoolParamsSchema, body: importPreviewBodySchema, response: { 200: importPreviewResponseSchema } },
    },
    async (request) => previewImport(deps.clock, request.body),
  );
}

/** Registers the import itself: one batch of valid rows per call, the client loops until done. */
export function importPupilsRoute(app: App, deps: Deps): void {
  app.post(
    '/api/schools/:schoolId/pupil-imports',
    {
      config: { policy: { access: 'permission', permission: 'school.pupils.import' } },
      schema: { tags: ['pupils'], params: schoolParamsSchema, body: importBodySchema, response: { 200: importResponseSchema } },
    },
    async (request) =>
      importPupils(
        deps,
        { actorUserId: requireAuth(request).user.id, schoolId: request.params.schoolId, boardId: request.schoolBoardId },
        request.body,
      ),
  );
}
