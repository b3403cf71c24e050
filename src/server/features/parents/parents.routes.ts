import { z } from 'zod';
import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { noContentSchema, okSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { revokeParentAccess, sendParentLink } from './parent-access.service';
import {
  exclusionBodySchema,
  parentFieldsSchema,
  parentLanguageParamsSchema,
  parentPageBodySchema,
  parentParamsSchema,
  parentQuestionnaireParamsSchema,
  parentRequestParamsSchema,
  parentSettingsSchema,
  pupilParentsParamsSchema,
  pupilParentsSchema,
  sendLinkBodySchema,
  sendQuestionnaireBodySchema,
  sentLinkSchema,
  translationFileSchema,
  translationTemplateSchema,
} from './parents.schemas';
import * as service from './parents.service';

/** The staff side of parents: a pupil's parents, links, questionnaires and requests; what the school shows parents. */
export async function parentsRoutes(app: App, deps: Deps): Promise<void> {
  const parents = { access: 'permission', permission: 'school.parents' } as const;
  const settings = { access: 'permission', permission: 'school.parents.settings' } as const;
  const tags = ['parents'];
  const base = '/api/schools/:schoolId/pupils/:pupilId/parents';

  app.get(base, { config: { policy: parents }, schema: { tags, params: pupilParentsParamsSchema, response: { 200: pupilParentsSchema } } }, async (request) =>
    service.getPupilParents(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId),
  );

  app.post(
    base,
    { config: { policy: parents }, schema: { tags, params: pupilParentsParamsSchema, body: parentFieldsSchema, response: { 201: z.object({ id: z.string() }) } } },
    async (request, reply) => reply.code(201).send(await service.addParent(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body)),
  );

  app.put(`${base}/:parentId`, { config: { policy: parents }, schema: { tags, params: parentParamsSchema, body: parentFieldsSchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    const { schoolId, pupilId, parentId } = request.params;
    await service.changeParent(deps, staffCallerOf(request), schoolId, pupilId, parentId, request.body);
    return reply.code(204).send(null);
  });

  app.delete(`${base}/:parentId`, { config: { policy: parents }, schema: { tags, params: parentParamsSchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    const { schoolId, pupilId, parentId } = request.params;
    await service.removeParent(deps, staffCallerOf(request), schoolId, pupilId, parentId);
    return reply.code(204).send(null);
  });

  app.put(
    `${base}/:parentId/exclusion`,
    { config: { policy: parents }, schema: { tags, params: parentParamsSchema, body: exclusionBodySchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      const { schoolId, pupilId, parentId } = request.params;
      await service.setExclusion(deps, staffCallerOf(request), schoolId, pupilId, parentId, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${base}/:parentId/links`,
    { config: { policy: parents }, schema: { tags, params: parentParamsSchema, body: sendLinkBodySchema, response: { 201: sentLinkSchema } } },
    async (request, reply) => {
      const { schoolId, pupilId, parentId } = request.params;
      return reply.code(201).send(await sendParentLink(deps, staffCallerOf(request), schoolId, pupilId, parentId, request.body.channel));
    },
  );

  app.post(`${base}/:parentId/revoke`, { config: { policy: parents }, schema: { tags, params: parentParamsSchema, response: { 200: okSchema } } }, async (request) => {
    const { schoolId, pupilId, parentId } = request.params;
    await revokeParentAccess(deps, staffCallerOf(request), schoolId, pupilId, parentId);
    return { ok: true as const };
  });

  app.post(
    '/api/schools/:schoolId/pupils/:pupilId/parent-questionnaires',
    { config: { policy: parents }, schema: { tags, params: pupilParentsParamsSchema, body: sendQuestionnaireBodySchema, response: { 201: z.object({ id: z.string() }) } } },
    async (request, reply) => {
      const { schoolId, pupilId } = request.params;
      return reply.code(201).send(await service.sendQuestionnaire(deps, staffCallerOf(request), schoolId, pupilId, request.body.parentId, request.body.instrumentId));
    },
  );

  app.delete(
    '/api/schools/:schoolId/pupils/:pupilId/parent-questionnaires/:questionnaireId',
    { config: { policy: parents }, schema: { tags, params: parentQuestionnaireParamsSchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      const { schoolId, pupilId, questionnaireId } = request.params;
      await service.withdrawQuestionnaire(deps, staffCallerOf(request), schoolId, pupilId, questionnaireId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/schools/:schoolId/pupils/:pupilId/parent-requests/:requestId/handled',
    { config: { policy: parents }, schema: { tags, params: parentRequestParamsSchema, response: { 200: okSchema } } },
    async (request) => {
      const { schoolId, pupilId, requestId } = request.params;
      await service.handleRequest(deps, staffCallerOf(request), schoolId, pupilId, requestId);
      return { ok: true as const };
    },
  );

  app.get('/api/schools/:schoolId/parent-settings', { config: { policy: settings }, schema: { tags, params: schoolParamsSchema, response: { 200: parentSettingsSchema } } }, async (request) =>
    service.getParentSettings(deps, request.params.schoolId),
  );

  app.put(
    '/api/schools/:schoolId/parent-settings/tso-page',
    { config: { policy: settings }, schema: { tags, params: schoolParamsSchema, body: parentPageBodySchema, response: { 200: parentSettingsSchema } } },
    async (request) => service.saveParentPage(deps, staffCallerOf(request), request.params.schoolId, request.body.text),
  );

  app.get(
    '/api/schools/:schoolId/parent-settings/languages/:code/template',
    { config: { policy: settings }, schema: { tags, params: parentLanguageParamsSchema, response: { 200: translationTemplateSchema } } },
    async (request) => service.translationTemplate(deps, request.params.schoolId, request.params.code),
  );

  app.put(
    '/api/schools/:schoolId/parent-settings/languages/:code',
    { config: { policy: settings }, schema: { tags, params: parentLanguageParamsSchema, body: translationFileSchema, response: { 200: parentSettingsSchema } } },
    async (request) => service.saveLanguage(deps, staffCallerOf(request), request.params.schoolId, request.params.code, request.body),
  );

  app.delete(
    '/api/schools/:schoolId/parent-settings/languages/:code',
    { config: { policy: settings }, schema: { tags, params: parentLanguageParamsSchema, response: { 200: parentSettingsSchema } } },
    async (request) => service.removeLanguage(deps, staffCallerOf(request), request.params.schoolId, request.params.code),
  );
}
