import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LOCALES } from '../../../shared/roles';
import type { Deps } from '../../deps';
import { staffCallerOf } from '../../access/caller';
import { SPREADSHEET_FORMATS } from '../../http/export-table';
import type { App } from '../../http/fastify-types';
import { roundParamsSchema } from './selfscan.schemas';
import * as service from './selfscan-report.service';

/** The language of a report or workbook; without it, the language the request asks for. */
const reportQuerySchema = z.strictObject({ lang: z.enum(LOCALES).optional() });

function sendFile(reply: FastifyReply, file: service.ExportFile) {
  // The file name is a slug, so it needs no quoting beyond the quotes themselves.
  return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
}

/** Self-scan report and exports: the PDF report, the aggregates and the pseudonymised raw ratings (.xlsx and CSV). */
export async function selfscanReportRoutes(app: App, deps: Deps): Promise<void> {
  const base = '/api/schools/:schoolId/selfscan/rounds/:roundId';

  app.get(
    `${base}/report.pdf`,
    {
      // Same readers as the results: lead and leadership always, the team once shared (checked by the service).
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['selfscan'], params: roundParamsSchema, querystring: reportQuerySchema },
    },
    async (request, reply) => {
      const locale = request.query.lang ?? request.locale;
      return sendFile(reply, await service.exportReportPdf(deps, staffCallerOf(request), request.params.schoolId, request.params.roundId, locale));
    },
  );

  // Each table as an .xlsx workbook for people (in the language asked for) and as CSV for machines.
  for (const format of SPREADSHEET_FORMATS) {
    app.get(
      `${base}/results.${format}`,
      {
        config: { policy: { access: 'permission', permission: 'school.read' } },
        schema: { tags: ['selfscan'], params: roundParamsSchema, querystring: reportQuerySchema },
      },
      async (request, reply) =>
        sendFile(reply, await service.exportResults(deps, staffCallerOf(request), request.params.schoolId, request.params.roundId, format, request.query.lang ?? request.locale)),
    );

    app.get(
      `${base}/ratings.${format}`,
      {
        config: { policy: { access: 'permission', permission: 'school.selfscan.raw.export' } },
        schema: { tags: ['selfscan'], params: roundParamsSchema, querystring: reportQuerySchema },
      },
      async (request, reply) =>
        sendFile(reply, await service.exportRatings(deps, staffCallerOf(request), request.params.schoolId, request.params.roundId, format, request.query.lang ?? request.locale)),
    );
  }
}
