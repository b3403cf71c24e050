import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps';
import { requireAuth } from '../../http/auth-hooks';
import type { App } from '../../http/fastify-types';
import type { ExportFile } from '../selfscan/selfscan-report.service';
import { schoolParamsSchema } from '../tenancy/tenancy.schemas';
import { exportQuerySchema, planQuerySchema } from './plan.schemas';
import type { Caller } from './plan.service';
import * as service from './plan-export.service';

function callerOf(request: FastifyRequest): Caller {
  const auth = requireAuth(request);
  return { userId: auth.user.id, actor: auth.actor, schoolBoardId: request.schoolBoardId };
}

function sendFile(reply: FastifyReply, file: ExportFile) {
  // The file name is a slug plus the school year, so it needs no quoting beyond the quotes themselves.
  return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
}

/** The plan's downloads: the PDF of a school year's plan and its actions as CSV. */
export async function planExportRoutes(app: App, deps: Deps): Promise<void> {
  const base = '/api/schools/:schoolId/plan';
  // Every staff member may ask; the plan's read rule (not_shared) is applied by the service.
  const read = { policy: { access: 'permission', permission: 'school.plan.read' } } as const;

  app.get(
    `${base}/export.pdf`,
    { config: read, schema: { tags: ['plan'], params: schoolParamsSchema, querystring: exportQuerySchema } },
    async (request, reply) => {
      const locale = request.query.lang ?? request.locale;
      return sendFile(reply, await service.exportPlanPdf(deps, callerOf(request), request.params.schoolId, request.query.schoolYear, locale));
    },
  );

  app.get(
    `${base}/actions.csv`,
    { config: read, schema: { tags: ['plan'], params: schoolParamsSchema, querystring: planQuerySchema } },
    async (request, reply) =>
      sendFile(reply, await service.exportActionsCsv(deps, callerOf(request), request.params.schoolId, request.query.schoolYear, request.locale)),
  );
}
