import type { Deps } from '../../deps';
import { schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { aceFiguresSchema, careCoverageSchema, getAceFigures, getCareCoverage } from './care-figures';

/** Anonymous figures of the school's care: coverage for the people who lead the TSO work, ACE figures for the care team. */
export async function careFiguresRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/schools/:schoolId/care/coverage',
    {
      config: { policy: { access: 'permission', permission: 'school.care.coverage' } },
      schema: { tags: ['care'], params: schoolParamsSchema, response: { 200: careCoverageSchema } },
    },
    async (request) => getCareCoverage(deps, request.params.schoolId),
  );

  app.get(
    '/api/schools/:schoolId/care/ace-figures',
    {
      config: { policy: { access: 'permission', permission: 'school.care.overview' } },
      schema: { tags: ['care'], params: schoolParamsSchema, response: { 200: aceFiguresSchema } },
    },
    async (request) => getAceFigures(deps, request.params.schoolId),
  );
}
