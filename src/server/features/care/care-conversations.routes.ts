import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { noContentSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { addConversationBodySchema, changeConversationBodySchema, conversationParamsSchema, conversationSchema, conversationsSchema } from './care-conversations.schemas';
import * as service from './care-conversations.service';
import { carePupilParamsSchema } from './care.schemas';

/** Pupil conversations (kindgesprekken): the pupil's teachers and the care team plan, hold and record them. */
export async function careConversationRoutes(app: App, deps: Deps): Promise<void> {
  const conversations = '/api/schools/:schoolId/pupils/:pupilId/care/conversations';

  app.get(
    conversations,
    {
      config: { policy: { access: 'permission', permission: 'school.care.plans.read' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, response: { 200: conversationsSchema } },
    },
    async (request) => service.listConversations(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId),
  );

  app.post(
    conversations,
    {
      config: { policy: { access: 'permission', permission: 'school.care.plans.write' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, body: addConversationBodySchema, response: { 201: conversationSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.addConversation(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body)),
  );

  app.post(
    `${conversations}/plan-year`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.plans.write' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, response: { 201: conversationsSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.planConversationYear(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId)),
  );

  app.put(
    `${conversations}/:conversationId`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.plans.write' } },
      schema: { tags: ['care'], params: conversationParamsSchema, body: changeConversationBodySchema, response: { 200: conversationSchema } },
    },
    async (request) =>
      service.changeConversation(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.params.conversationId, request.body),
  );

  app.delete(
    `${conversations}/:conversationId`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.plans.write' } },
      schema: { tags: ['care'], params: conversationParamsSchema, response: { 204: noContentSchema } },
    },
    async (request, reply) => {
      await service.removeConversation(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.params.conversationId);
      return reply.code(204).send(null);
    },
  );
}
