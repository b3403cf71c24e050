import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { privacyStatementBodySchema, privacyStatementSchema } from './privacy-statement.schemas';
import * as service from './privacy-statement.service';

/** A school's privacy statement: read by everyone who can see the school, adapted and reset by its school admin. */
export async function privacyStatementRoutes(app: App, deps: Deps): Promise<void> {
  const path = '/api/schools/:schoolId/privacy-statement';

  app.get(
    path,
    {
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['schools'], params: schoolParamsSchema, response: { 200: privacyStatementSchema } },
    },
    async (request) => service.getPrivacyStatement(deps, request.params.schoolId),
  );

  app.put(
    path,
    {
      config: { policy: { access: 'permission', permission: 'school.privacy.manage' } },
      schema: { tags: ['schools'], params: schoolParamsSchema, body: privacyStatementBodySchema, response: { 200: privacyStatementSchema } },
    },
    async (request) => service.updatePrivacyStatement(deps, staffCallerOf(request).userId, request.params.schoolId, request.body.text),
  );

  app.delete(
    path,
    {
      config: { policy: { access: 'permission', permission: 'school.privacy.manage' } },
      schema: { tags: ['schools'], params: schoolParamsSchema, response: { 204: noContentSchema } },
    },
    async (request, reply) => {
      await service.resetPrivacyStatement(deps, staffCallerOf(request).userId, request.params.schoolId);
      return reply.code(204).send(null);
    },
  );
}
