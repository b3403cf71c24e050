import type { Deps } from '../../deps';
import { schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { schoolEffectSchema } from './school-effect.schemas';
import { getSchoolEffect } from './school-effect.service';

/** The effect evaluation of a school: does growth after the team training differ from growth before it? */
export async function schoolEffectRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/schools/:schoolId/effect-evaluation',
    {
      config: { policy: { access: 'permission', permission: 'school.evaluation.read' } },
      schema: { tags: ['questionnaires'], params: schoolParamsSchema, response: { 200: schoolEffectSchema } },
    },
    async (request) => getSchoolEffect(deps, request.params.schoolId),
  );
}
