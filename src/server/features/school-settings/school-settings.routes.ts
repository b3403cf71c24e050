import type { Deps } from '../../deps';
import { staffCallerOf } from '../../access/caller';
import type { App } from '../../http/fastify-types';

import { schoolSettingsBodySchema, schoolSettingsSchema } from './school-settings.schemas';
import * as service from './school-settings.service';
import { schoolParamsSchema } from '../../http/common.schemas';

/** A school's own settings: read by everyone who can see the school, changed by its admin and leadership. */
export async function schoolSettingsRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/schools/:schoolId/settings',
    {
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['schools'], params: schoolParamsSchema, response: { 200: schoolSettingsSchema } },
    },
    async (request) => service.getSchoolSettings(deps, request.params.schoolId),
  );

  app.put(
    '/api/schools/:schoolId/settings',
    {
      config: { policy: { access: 'permission', permission: 'school.settings.manage' } },
      schema: { tags: ['schools'], params: schoolParamsSchema, body: schoolSettingsBodySchema, response: { 200: schoolSettingsSchema } },
    },
    async (request) => service.updateSchoolSettings(deps, staffCallerOf(request).userId, request.params.schoolId, request.body),
  );
}
