import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps';
import { staffCallerOf } from '../../access/caller';
import type { App } from '../../http/fastify-types';
import type { ExportFile } from '../selfscan/selfscan-report.service';

import { exportQuerySchema } from './plan.schemas';
import * as service from './plan-export.service';
import { schoolParamsSchema } from '../../http/common.schemas';
import { SPREADSHEET_FORMATS } from '../../http/export-table';

function sendFile(reply: FastifyReply, file: ExportFile) {
  // The file name is a slug plus the school year, so it needs no quoting beyond the quotes themselves.
  return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
}

/** The plan's downloads: the PDF of a school year's plan and its actions as .xlsx and CSV. */
export async function planExportRoutes(app: App, deps: Deps): Promise<void> {
  const base = '/api/schools/:schoolId/plan';
  // Every staff member may ask; the plan's read rule (not_shared) is applied by the service.
  const read = { policy: { access: 'permission', permission: 'school.plan.read' } } as const;

  app.get(
    `${base}/export.pdf`,
    { config: read, schema: { tags: ['plan'], params: schoolParamsSchema, querystring: exportQuerySchema } },
    async (request, reply) => {
      const locale = request.query.lang ?? request.locale;
      return sendFile(reply, await service.exportPlanPdf(deps, staffCallerOf(request), request.params.schoolId, request.query.schoolYear, locale));
    },
  );

  // The actions as an .xlsx workbook for people (in the language asked for) and as CSV for machines.
  for (const format of SPREADSHEET_FORMATS) {
    app.get(
      `${base}/actions.${format}`,
      { config: read, schema: { tags: ['plan'], params: schoolParamsSchema, querystring: exportQuerySchema } },
      async (request, reply) => {
        const locale = request.query.lang ?? request.locale;
        return sendFile(reply, await service.exportActions(deps, staffCallerOf(request), request.params.schoolId, request.query.schoolYear, format, locale));
      },
    );
  }
}
