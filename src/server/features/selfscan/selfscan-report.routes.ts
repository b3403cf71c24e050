import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LOCALES } from '../../../shared/roles';
import type { Deps } from '../../deps';
import { requireAuth } from '../../http/auth-hooks';
import type { App } from '../../http/fastify-types';
import { roundParamsSchema } from './selfscan.schemas';
import type { Caller } from './selfscan.service';
import * as service from './selfscan-report.service';

/** The language of a report; without it, the language the request asks for. */
const reportQuerySchema = z.strictObject({ lang: z.enum(LOCALES).optional() });

function callerOf(request: FastifyRequest): Caller {
  const auth = requireAuth(request);
  return { userId: auth.user.id, actor: auth.actor, schoolBoardId: request.schoolBoardId };
}

function sendFile(reply: FastifyReply, file: service.ExportFile) {
  // The file name is a slug, so it needs no quoting beyond the quotes themselves.
  return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
}

/** Self-scan report and exports: the PDF report, the aggregates as CSV and the pseudonymised raw ratings. */
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
      return sendFile(reply, await service.exportReportPdf(deps, callerOf(request), request.params.schoolId, request.params.roundId, locale));
    },
  );

  app.get(
    `${base}/results.csv`,
    {
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['selfscan'], params: roundParamsSchema },
    },
    async (request, reply) => sendFile(reply, await service.exportResultsCsv(deps, callerOf(request), request.params.schoolId, request.params.roundId)),
  );

  app.get(
    `${base}/ratings.csv`,
    {
      config: { policy: { access: 'permission', permission: 'school.selfscan.raw.export' } },
      schema: { tags: ['selfscan'], params: roundParamsSchema },
    },
    async (request, reply) => sendFile(reply, await service.exportRatingsCsv(deps, callerOf(request), request.params.schoolId, request.params.roundId)),
  );
}
