import { PARENT_COOKIE } from '../../../shared/parents';
import { deviceCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { clearDeviceCookie, setDeviceCookie } from '../../http/auth-hooks';
import { noContentSchema, okSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { openParentLink, requestNewParentLink, signOutParent } from './parent-access.service';
import {
  chooseLanguageBodySchema,
  conversationRequestBodySchema,
  correctDetailsBodySchema,
  linkTokenBodySchema,
  parentAnswersBodySchema,
  parentChildParamsSchema,
  parentHomeSchema,
  parentQuestionnaireIdParamsSchema,
  researchConsentBodySchema,
  savedParentAnswersSchema,
} from './parent-page.schemas';
import * as service from './parent-page.service';

/** The parent page: opening a one-time link, and what a parent session reads and changes. */
export async function parentPageRoutes(app: App, deps: Deps): Promise<void> {
  const parent = { access: 'device', kind: 'parent' } as const;
  const tags = ['parent page'];
  // Per address, counted before the body is read (like the pupil sign-in): guessing links is slow, and a
  // throttled address gets the same answer whether or not its link is real.
  const throttle = { rateLimit: { max: deps.config.pupilSignInRateLimitPerMinute, timeWindow: '1 minute' } };

  app.post('/api/parent/session', { config: { policy: { access: 'public' }, ...throttle }, schema: { tags, body: linkTokenBodySchema, response: { 200: okSchema } } }, async (request, reply) => {
    const session = await openParentLink(deps, request.body.token);
    setDeviceCookie(reply, PARENT_COOKIE, session.token, session.expiresAt);
    return { ok: true as const };
  });

  app.post(
    '/api/parent/new-link-requests',
    { config: { policy: { access: 'public' }, ...throttle }, schema: { tags, body: linkTokenBodySchema, response: { 202: okSchema } } },
    async (request, reply) => {
      await requestNewParentLink(deps, request.body.token);
      return reply.code(202).send({ ok: true as const });
    },
  );

  app.get('/api/parent/home', { config: { policy: parent }, schema: { tags, response: { 200: parentHomeSchema } } }, async (request) => service.getParentHome(deps, deviceCallerOf(request, 'parent')));

  app.delete('/api/parent/session', { config: { policy: parent }, schema: { tags, response: { 200: okSchema } } }, async (request, reply) => {
    await signOutParent(deps, deviceCallerOf(request, 'parent'));
    clearDeviceCookie(reply, PARENT_COOKIE);
    return { ok: true as const };
  });

  app.put('/api/parent/language', { config: { policy: parent }, schema: { tags, body: chooseLanguageBodySchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    await service.chooseLanguage(deps, deviceCallerOf(request, 'parent'), request.body.code);
    return reply.code(204).send(null);
  });

  app.put('/api/parent/details', { config: { policy: parent }, schema: { tags, body: correctDetailsBodySchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    await service.correctDetails(deps, deviceCallerOf(request, 'parent'), request.body);
    return reply.code(204).send(null);
  });

  app.put(
    '/api/parent/children/:pupilId/research',
    { config: { policy: parent }, schema: { tags, params: parentChildParamsSchema, body: researchConsentBodySchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      await service.setResearchConsent(deps, deviceCallerOf(request, 'parent'), request.params.pupilId, request.body.takesPart);
      return reply.code(204).send(null);
    },
  );

  app.post('/api/parent/conversation-requests', { config: { policy: parent }, schema: { tags, body: conversationRequestBodySchema, response: { 200: okSchema } } }, async (request) => {
    await service.requestConversation(deps, deviceCallerOf(request, 'parent'), request.body.pupilId, request.body.message);
    return { ok: true as const };
  });

  app.post(
    '/api/parent/questionnaires/:questionnaireId/consent',
    { config: { policy: parent }, schema: { tags, params: parentQuestionnaireIdParamsSchema, response: { 200: okSchema } } },
    async (request) => {
      await service.giveConsent(deps, deviceCallerOf(request, 'parent'), request.params.questionnaireId);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/parent/questionnaires/:questionnaireId',
    { config: { policy: parent }, schema: { tags, params: parentQuestionnaireIdParamsSchema, body: parentAnswersBodySchema, response: { 200: savedParentAnswersSchema } } },
    async (request) => service.saveParentAnswers(deps, deviceCallerOf(request, 'parent'), request.params.questionnaireId, request.body),
  );
}
