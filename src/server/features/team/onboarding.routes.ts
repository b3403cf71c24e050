import { staffCallerOf } from '../../access/caller';
import type { RoutePolicy } from '../../access/route-policy';
import type { Deps } from '../../deps';
import { noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import {
  chefBuddyBodySchema,
  conversationBodySchema,
  conversationParamsSchema,
  evaluationBodySchema,
  evaluationResultsSchema,
  evaluationSchema,
  guideViewSchema,
  itemParamsSchema,
  locationParamsSchema,
  onboardingHomeSchema,
  onboardingSettingsSchema,
  pairBodySchema,
  pairChangeBodySchema,
  pairDetailSchema,
  pairParamsSchema,
  rampItemBodySchema,
  sectionBodySchema,
  sectionParamsSchema,
  textsBodySchema,
  tickBodySchema,
  tickParamsSchema,
  versionParamsSchema,
} from './onboarding.schemas';
import * as service from './onboarding.service';

const team: RoutePolicy = { access: 'permission', permission: 'school.team' };
const manage: RoutePolicy = { access: 'permission', permission: 'school.team.manage' };
const figures: RoutePolicy = { access: 'permission', permission: 'school.team.figures' };
const tags = ['team'];

/** Onboarding per location: every staff member reaches it, the service narrows each pair to the caller's relation. */
export async function onboardingRoutes(app: App, deps: Deps): Promise<void> {
  const base = '/api/schools/:schoolId/team/onboarding';
  const pair = `${base}/pairs/:pairId`;

  app.get(base, { config: { policy: team }, schema: { tags, params: schoolParamsSchema, response: { 200: onboardingHomeSchema } } }, async (request) =>
    service.getHome(deps, staffCallerOf(request), request.params.schoolId),
  );

  app.get(`${base}/guide/versions/:version`, { config: { policy: team }, schema: { tags, params: versionParamsSchema, response: { 200: guideViewSchema } } }, async (request) =>
    service.getGuideVersion(deps, staffCallerOf(request), request.params.schoolId, request.params.version),
  );

  app.post(
    `${base}/guide/sections/:sectionId/confirmation`,
    { config: { policy: team }, schema: { tags, params: sectionParamsSchema, response: { 200: guideViewSchema } } },
    async (request) => service.confirmSection(deps, staffCallerOf(request), request.params.schoolId, request.params.sectionId),
  );

  // ---------- pairs ----------

  app.post(`${base}/pairs`, { config: { policy: team }, schema: { tags, params: schoolParamsSchema, body: pairBodySchema, response: { 201: pairDetailSchema } } }, async (request, reply) =>
    reply.code(201).send(await service.addPair(deps, staffCallerOf(request), request.params.schoolId, request.body)),
  );

  app.get(pair, { config: { policy: team }, schema: { tags, params: pairParamsSchema, response: { 200: pairDetailSchema } } }, async (request) =>
    service.getPair(deps, staffCallerOf(request), request.params.schoolId, request.params.pairId),
  );

  app.put(pair, { config: { policy: team }, schema: { tags, params: pairParamsSchema, body: pairChangeBodySchema, response: { 200: pairDetailSchema } } }, async (request) =>
    service.changePair(deps, staffCallerOf(request), request.params.schoolId, request.params.pairId, request.body),
  );

  app.delete(pair, { config: { policy: team }, schema: { tags, params: pairParamsSchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    await service.removePair(deps, staffCallerOf(request), request.params.schoolId, request.params.pairId);
    return reply.code(204).send(null);
  });

  app.put(`${pair}/ticks/:itemId`, { config: { policy: team }, schema: { tags, params: tickParamsSchema, body: tickBodySchema, response: { 200: pairDetailSchema } } }, async (request) =>
    service.setTick(deps, staffCallerOf(request), request.params.schoolId, request.params.pairId, request.params.itemId, request.body.isTicked),
  );

  app.post(
    `${pair}/conversations`,
    { config: { policy: team }, schema: { tags, params: pairParamsSchema, body: conversationBodySchema, response: { 201: pairDetailSchema } } },
    async (request, reply) => reply.code(201).send(await service.addConversation(deps, staffCallerOf(request), request.params.schoolId, request.params.pairId, request.body)),
  );

  app.put(
    `${pair}/conversations/:conversationId`,
    { config: { policy: team }, schema: { tags, params: conversationParamsSchema, body: conversationBodySchema, response: { 200: pairDetailSchema } } },
    async (request) => service.changeConversation(deps, staffCallerOf(request), request.params.schoolId, request.params.pairId, request.params.conversationId, request.body),
  );

  app.delete(
    `${pair}/conversations/:conversationId`,
    { config: { policy: team }, schema: { tags, params: conversationParamsSchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      await service.removeConversation(deps, staffCallerOf(request), request.params.schoolId, request.params.pairId, request.params.conversationId);
      return reply.code(204).send(null);
    },
  );

  app.get(`${pair}/evaluation`, { config: { policy: team }, schema: { tags, params: pairParamsSchema, response: { 200: evaluationSchema } } }, async (request) =>
    service.getEvaluation(deps, staffCallerOf(request), request.params.schoolId, request.params.pairId),
  );

  app.put(`${pair}/evaluation`, { config: { policy: team }, schema: { tags, params: pairParamsSchema, body: evaluationBodySchema, response: { 200: evaluationSchema } } }, async (request) =>
    service.saveEvaluation(deps, staffCallerOf(request), request.params.schoolId, request.params.pairId, request.body),
  );

  app.get(`${base}/evaluation-results`, { config: { policy: figures }, schema: { tags, params: schoolParamsSchema, response: { 200: evaluationResultsSchema } } }, async (request) =>
    service.getEvaluationResults(deps, request.params.schoolId),
  );

  // ---------- settings (school.team.manage) ----------

  app.get(`${base}/settings`, { config: { policy: manage }, schema: { tags, params: schoolParamsSchema, response: { 200: onboardingSettingsSchema } } }, async (request) =>
    service.getSettings(deps, request.params.schoolId),
  );

  app.post(
    `${base}/guide/draft/sections`,
    { config: { policy: manage }, schema: { tags, params: schoolParamsSchema, body: sectionBodySchema, response: { 201: onboardingSettingsSchema } } },
    async (request, reply) => reply.code(201).send(await service.addDraftSection(deps, request.params.schoolId, request.body)),
  );

  app.put(
    `${base}/guide/draft/sections/:sectionId`,
    { config: { policy: manage }, schema: { tags, params: sectionParamsSchema, body: sectionBodySchema, response: { 200: onboardingSettingsSchema } } },
    async (request) => service.changeDraftSection(deps, request.params.schoolId, request.params.sectionId, request.body),
  );

  app.delete(
    `${base}/guide/draft/sections/:sectionId`,
    { config: { policy: manage }, schema: { tags, params: sectionParamsSchema, response: { 200: onboardingSettingsSchema } } },
    async (request) => service.removeDraftSection(deps, request.params.schoolId, request.params.sectionId),
  );

  app.post(`${base}/guide/publish`, { config: { policy: manage }, schema: { tags, params: schoolParamsSchema, response: { 200: onboardingSettingsSchema } } }, async (request) =>
    service.publishGuide(deps, staffCallerOf(request), request.params.schoolId),
  );

  app.put(
    `${base}/chef-buddies/:locationId`,
    { config: { policy: manage }, schema: { tags, params: locationParamsSchema, body: chefBuddyBodySchema, response: { 200: onboardingSettingsSchema } } },
    async (request) => service.setChefBuddy(deps, staffCallerOf(request), request.params.schoolId, request.params.locationId, request.body.userId),
  );

  app.post(
    `${base}/ramp-items`,
    { config: { policy: manage }, schema: { tags, params: schoolParamsSchema, body: rampItemBodySchema, response: { 201: onboardingSettingsSchema } } },
    async (request, reply) => reply.code(201).send(await service.addRampItem(deps, request.params.schoolId, request.body)),
  );

  app.put(
    `${base}/ramp-items/:itemId`,
    { config: { policy: manage }, schema: { tags, params: itemParamsSchema, body: rampItemBodySchema, response: { 200: onboardingSettingsSchema } } },
    async (request) => service.changeRampItem(deps, request.params.schoolId, request.params.itemId, request.body),
  );

  app.delete(
    `${base}/ramp-items/:itemId`,
    { config: { policy: manage }, schema: { tags, params: itemParamsSchema, response: { 200: onboardingSettingsSchema } } },
    async (request) => service.removeRampItem(deps, request.params.schoolId, request.params.itemId),
  );

  app.put(`${base}/texts`, { config: { policy: manage }, schema: { tags, params: schoolParamsSchema, body: textsBodySchema, response: { 200: onboardingSettingsSchema } } }, async (request) =>
    service.setTexts(deps, staffCallerOf(request), request.params.schoolId, request.body),
  );
}
