import { z } from 'zod';
import type { Deps } from '../../deps';
import { staffCallerOf } from '../../access/caller';
import type { App } from '../../http/fastify-types';
import { schoolParamsSchema } from '../../http/common.schemas';
import { importBatchRoute, importComparisonRoute, stagedImportRoute, stageImportRoute } from './pupil-import.routes';
import { markPupilLeft, movePupil, undoPupilLeft, updatePupilDetails } from './pupil-lifecycle.service';
import {
  movePupilBodySchema,
  pupilDepartureBodySchema,
  pupilDetailsBodySchema,
  pupilListQuerySchema,
  pupilParamsSchema,
  pupilSchema,
} from './pupils.schemas';
import { listPupils } from './pupils.service';
import { exportPupils, pupilExportQuerySchema } from './pupils-export';
import { SPREADSHEET_FORMATS } from '../../http/export-table';
import { sendExportFile } from '../../http/export-reply';

const managePolicy = { policy: { access: 'permission', permission: 'school.pupils.manage' } } as const;

/** Pupils of a school: the list, a pupil's details, class and leaving, and the CSV import. */
export async function pupilsRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/schools/:schoolId/pupils',
    {
      config: { policy: { access: 'permission', permission: 'school.pupils.read' } },
      schema: { tags: ['pupils'], params: schoolParamsSchema, querystring: pupilListQuerySchema, response: { 200: z.array(pupilSchema) } },
    },
    async (request) =>
      listPupils(deps, staffCallerOf(request), request.params.schoolId, request.query),
  );

  // The list as an .xlsx workbook for people and CSV for machines: the school admin only, audited (pupils.exported).
  for (const format of SPREADSHEET_FORMATS) {
    app.get(
      `/api/schools/:schoolId/pupils.${format}`,
      { config: managePolicy, schema: { tags: ['pupils'], params: schoolParamsSchema, querystring: pupilExportQuerySchema } },
      async (request, reply) => {
        const { lang, ...query } = request.query;
        return sendExportFile(reply, await exportPupils(deps, staffCallerOf(request), request.params.schoolId, query, format, lang ?? request.locale));
      },
    );
  }

  app.put(
    '/api/schools/:schoolId/pupils/:pupilId',
    { config: managePolicy, schema: { tags: ['pupils'], params: pupilParamsSchema, body: pupilDetailsBodySchema, response: { 200: pupilSchema } } },
    async (request) => updatePupilDetails(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body),
  );

  app.put(
    '/api/schools/:schoolId/pupils/:pupilId/class',
    { config: managePolicy, schema: { tags: ['pupils'], params: pupilParamsSchema, body: movePupilBodySchema, response: { 200: pupilSchema } } },
    async (request) => movePupil(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body),
  );

  app.put(
    '/api/schools/:schoolId/pupils/:pupilId/departure',
    { config: managePolicy, schema: { tags: ['pupils'], params: pupilParamsSchema, body: pupilDepartureBodySchema, response: { 200: pupilSchema } } },
    async (request) => markPupilLeft(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body),
  );

  app.delete(
    '/api/schools/:schoolId/pupils/:pupilId/departure',
    { config: managePolicy, schema: { tags: ['pupils'], params: pupilParamsSchema, response: { 200: pupilSchema } } },
    async (request) => undoPupilLeft(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId),
  );

  stageImportRoute(app, deps);
  stagedImportRoute(app, deps);
  importComparisonRoute(app, deps);
  importBatchRoute(app, deps);
}
