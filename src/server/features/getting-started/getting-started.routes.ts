import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { gettingStartedSchema } from './getting-started.schemas';
import * as service from './getting-started.service';

/** The getting-started checklist of a new school (its admin and TSO leads): read it, hide it once done. */
export async function gettingStartedRoutes(app: App, deps: Deps): Promise<void> {
  const policy = { policy: { access: 'permission', permission: 'school.getting_started' } } as const;

  app.get(
    '/api/schools/:schoolId/getting-started',
    { config: policy, schema: { tags: ['schools'], params: schoolParamsSchema, response: { 200: gettingStartedSchema } } },
    async (request) => service.getGettingStarted(deps, request.params.schoolId),
  );

  app.post(
    '/api/schools/:schoolId/getting-started/hide',
    { config: policy, schema: { tags: ['schools'], params: schoolParamsSchema, response: { 200: gettingStartedSchema } } },
    async (request) => service.hideGettingStarted(deps, staffCallerOf(request), request.params.schoolId),
  );
}
