import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import { sendExportFile, spreadsheetQuerySchema } from '../../http/export-reply';
import type { App } from '../../http/fastify-types';
import { objectionParamsSchema, researchOverviewSchema, studyBodySchema, studyExportParamsSchema, studySchema } from './research.schemas';
import * as service from './research.service';

/** The research export: studies, objections, and a study's answers and codebook per instrument (CSV). */
export async function researchRoutes(app: App, deps: Deps): Promise<void> {
  const policy = { access: 'permission', permission: 'school.research.manage' } as const;
  const base = '/api/schools/:schoolId/research';

  app.get(
    base,
    { config: { policy }, schema: { tags: ['research'], params: schoolParamsSchema, response: { 200: researchOverviewSchema } } },
    async (request) => service.getResearchOverview(deps, request.params.schoolId),
  );

  app.post(
    `${base}/studies`,
    { config: { policy }, schema: { tags: ['research'], params: schoolParamsSchema, body: studyBodySchema, response: { 201: studySchema } } },
    async (request, reply) => reply.code(201).send(await service.createStudy(deps, staffCallerOf(request), request.params.schoolId, request.body.name)),
  );

  for (const [method, objects] of [['PUT', true], ['DELETE', false]] as const) {
    app.route({
      method,
      url: `${base}/objections/:pupilId`,
      config: { policy },
      schema: { tags: ['research'], params: objectionParamsSchema, response: { 204: noContentSchema } },
      handler: async (request, reply) => {
        const { schoolId, pupilId } = request.params;
        await service.setObjection(deps, staffCallerOf(request), schoolId, pupilId, objects);
        return reply.code(204).send(null);
      },
    });
  }

  app.get(
    `${base}/studies/:studyId/:instrumentId/answers.csv`,
    { config: { policy }, schema: { tags: ['research'], params: studyExportParamsSchema } },
    async (request, reply) => {
      const { schoolId, studyId, instrumentId } = request.params;
      return sendExportFile(reply, await service.exportStudyAnswers(deps, staffCallerOf(request), schoolId, studyId, instrumentId));
    },
  );

  app.get(
    `${base}/studies/:studyId/:instrumentId/codebook.csv`,
    { config: { policy }, schema: { tags: ['research'], params: studyExportParamsSchema, querystring: spreadsheetQuerySchema } },
    async (request, reply) => {
      const { schoolId, studyId, instrumentId } = request.params;
      return sendExportFile(reply, await service.exportCodebook(deps, staffCallerOf(request), schoolId, studyId, instrumentId, request.query.lang ?? request.locale));
    },
  );
}
