import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { requirePupil } from './care.service';
import { carePupilParamsSchema } from './care.schemas';
import {
  aceCategoryListSchema,
  aceCategoryParamsSchema,
  addAceCategoryBodySchema,
  addAceCategory,
  firstAgeBodySchema,
  listAceCategories,
  removeAceCategory,
  saveFirstAceAge,
} from './care-ace-categories';

/** The school's ACE categories (the default list plus its own) and a pupil's age at the first ACE: the care team. */
export async function careAceCategoriesRoutes(app: App, deps: Deps): Promise<void> {
  const categories = '/api/schools/:schoolId/care/ace-categories';

  app.get(
    categories,
    {
      config: { policy: { access: 'permission', permission: 'school.care.overview' } },
      schema: { tags: ['care'], params: schoolParamsSchema, response: { 200: aceCategoryListSchema } },
    },
    async (request) => listAceCategories(deps, request.params.schoolId),
  );

  app.post(
    categories,
    {
      config: { policy: { access: 'permission', permission: 'school.care.overview' } },
      schema: { tags: ['care'], params: schoolParamsSchema, body: addAceCategoryBodySchema, response: { 201: aceCategoryListSchema } },
    },
    async (request, reply) => reply.code(201).send(await addAceCategory(deps, staffCallerOf(request), request.params.schoolId, request.body)),
  );

  app.delete(
    `${categories}/:categoryId`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.overview' } },
      schema: { tags: ['care'], params: aceCategoryParamsSchema, response: { 200: aceCategoryListSchema } },
    },
    async (request) => removeAceCategory(deps, staffCallerOf(request), request.params.schoolId, request.params.categoryId),
  );

  app.put(
    '/api/schools/:schoolId/pupils/:pupilId/care/aces/first-age',
    {
      config: { policy: { access: 'permission', permission: 'school.care.sensitive' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, body: firstAgeBodySchema, response: { 204: noContentSchema } },
    },
    async (request, reply) => {
      await requirePupil(deps, request.params.schoolId, request.params.pupilId);
      await saveFirstAceAge(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body.years);
      return reply.code(204).send(null);
    },
  );
}
