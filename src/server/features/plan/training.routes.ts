import { z } from 'zod';
import type { Deps } from '../../deps';
import { staffCallerOf } from '../../access/caller';
import type { App } from '../../http/fastify-types';

import { trainingBodySchema, trainingCoverageSchema, trainingParamsSchema, trainingRegisterSchema, trainingSchema } from './plan.schemas';
import * as service from './training.service';
import { noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import { SPREADSHEET_FORMATS } from '../../http/export-table';
import { sendExportFile, spreadsheetQuerySchema } from '../../http/export-reply';
import { exportTrainingTable, type TrainingTable } from './training-export';

/** The school's training register (who had which training) and its coverage figures. */
export async function trainingRoutes(app: App, deps: Deps): Promise<void> {
  const trainings = '/api/schools/:schoolId/trainings';

  app.get(
    trainings,
    {
      config: { policy: { access: 'permission', permission: 'school.training.read' } },
      schema: { tags: ['plan'], params: schoolParamsSchema, response: { 200: trainingRegisterSchema } },
    },
    async (request) => service.getTrainingRegister(deps, request.params.schoolId),
  );

  app.get(
    `${trainings}/coverage`,
    {
      config: { policy: { access: 'permission', permission: 'school.training.read' } },
      schema: { tags: ['plan'], params: schoolParamsSchema, response: { 200: trainingCoverageSchema } },
    },
    async (request) => service.getTrainingCoverage(deps, request.params.schoolId),
  );

  // The register's two tables as downloads: an .xlsx workbook for people (in the language asked for) and CSV for
  // machines. They name staff, so each download is audited (training.exported).
  const downloads: Record<TrainingTable, string> = { register: trainings, coverage: `${trainings}/coverage` };
  for (const [table, path] of Object.entries(downloads) as [TrainingTable, string][]) {
    for (const format of SPREADSHEET_FORMATS) {
      app.get(
        `${path}.${format}`,
        {
          config: { policy: { access: 'permission', permission: 'school.training.read' } },
          schema: { tags: ['plan'], params: schoolParamsSchema, querystring: spreadsheetQuerySchema },
        },
        async (request, reply) => {
          const locale = request.query.lang ?? request.locale;
          return sendExportFile(reply, await exportTrainingTable(deps, staffCallerOf(request), request.params.schoolId, table, format, locale));
        },
      );
    }
  }

  app.post(
    trainings,
    {
      config: { policy: { access: 'permission', permission: 'school.training.manage' } },
      schema: { tags: ['plan'], params: schoolParamsSchema, body: trainingBodySchema, response: { 201: trainingSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.recordTraining(deps, staffCallerOf(request).userId, request.params.schoolId, request.body)),
  );

  app.put(
    `${trainings}/:trainingId`,
    {
      config: { policy: { access: 'permission', permission: 'school.training.manage' } },
      schema: { tags: ['plan'], params: trainingParamsSchema, body: trainingBodySchema, response: { 200: trainingSchema } },
    },
    async (request) => service.updateTraining(deps, staffCallerOf(request).userId, request.params.schoolId, request.params.trainingId, request.body),
  );

  app.delete(
    `${trainings}/:trainingId`,
    {
      config: { policy: { access: 'permission', permission: 'school.training.manage' } },
      schema: { tags: ['plan'], params: trainingParamsSchema, response: { 204: noContentSchema } },
    },
    async (request, reply) => {
      await service.deleteTraining(deps, staffCallerOf(request).userId, request.params.schoolId, request.params.trainingId);
      return reply.code(204).send(null);
    },
  );
}
