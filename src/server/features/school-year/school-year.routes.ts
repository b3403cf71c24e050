import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { confirmPreparation, getNextSchoolYear, previewPreparation, undoPreparation } from './school-year.service';
import { nextSchoolYearStateSchema, preparationPlanBodySchema, preparationPreviewSchema, preparedYearParamsSchema } from './school-year.schemas';

const preparePolicy = { policy: { access: 'permission', permission: 'school.year.prepare' } } as const;

/** Preparing a school's next school year (the August rollover): its state, a preview, confirming, undoing. */
export async function schoolYearRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/schools/:schoolId/next-school-year',
    { config: preparePolicy, schema: { tags: ['school-year'], params: schoolParamsSchema, response: { 200: nextSchoolYearStateSchema } } },
    async (request) => getNextSchoolYear(deps, request.params.schoolId),
  );

  app.post(
    '/api/schools/:schoolId/next-school-year/preview',
    { config: preparePolicy, schema: { tags: ['school-year'], params: schoolParamsSchema, body: preparationPlanBodySchema, response: { 200: preparationPreviewSchema } } },
    async (request) => previewPreparation(deps, staffCallerOf(request), request.params.schoolId, request.body),
  );

  app.post(
    '/api/schools/:schoolId/next-school-year/preparation',
    { config: preparePolicy, schema: { tags: ['school-year'], params: schoolParamsSchema, body: preparationPlanBodySchema, response: { 201: preparationPreviewSchema } } },
    async (request, reply) => reply.code(201).send(await confirmPreparation(deps, staffCallerOf(request), request.params.schoolId, request.body)),
  );

  app.delete(
    '/api/schools/:schoolId/school-years/:schoolYear/preparation',
    { config: preparePolicy, schema: { tags: ['school-year'], params: preparedYearParamsSchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      await undoPreparation(deps, staffCallerOf(request), request.params.schoolId, request.params.schoolYear);
      return reply.code(204).send(null);
    },
  );
}
