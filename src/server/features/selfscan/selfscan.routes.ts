import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { baseUrlOf } from '../../auth/auth.routes';
import type { Deps } from '../../deps';
import { requireAuth } from '../../http/auth-hooks';
import type { App } from '../../http/fastify-types';
import { schoolParamsSchema } from '../tenancy/tenancy.schemas';
import {
  consensusBodySchema,
  consensusSchema,
  goalSchema,
  goalsBodySchema,
  importModelBodySchema,
  modelDetailSchema,
  modelParamsSchema,
  modelSummarySchema,
  openRoundBodySchema,
  ownRatingSchema,
  rateBodySchema,
  roundAspectParamsSchema,
  roundDetailSchema,
  roundParamsSchema,
  roundResultsSchema,
  roundSummarySchema,
} from './selfscan.schemas';
import * as service from './selfscan.service';

function callerOf(request: FastifyRequest): service.Caller {
  const auth = requireAuth(request);
  return { userId: auth.user.id, actor: auth.actor, schoolBoardId: request.schoolBoardId };
}

/** Self-scan: development models, rounds, rating, results, sharing, consensus and goals. */
export async function selfscanRoutes(app: App, deps: Deps): Promise<void> {
  const base = '/api/schools/:schoolId/selfscan';

  app.get(
    `${base}/models`,
    {
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['selfscan'], params: schoolParamsSchema, response: { 200: z.array(modelSummarySchema) } },
    },
    async (request) => service.listModels(deps, request.params.schoolId),
  );

  app.post(
    `${base}/models`,
    {
      config: { policy: { access: 'permission', permission: 'school.selfscan.models.manage' } },
      schema: { tags: ['selfscan'], params: schoolParamsSchema, body: importModelBodySchema, response: { 200: modelDetailSchema, 201: modelDetailSchema } },
    },
    async (request, reply) => {
      const { model, replaced } = await service.importModel(deps, callerOf(request), request.params.schoolId, request.body.definition);
      return reply.code(replaced ? 200 : 201).send(model);
    },
  );

  app.get(
    `${base}/models/:modelId`,
    {
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['selfscan'], params: modelParamsSchema, response: { 200: modelDetailSchema } },
    },
    async (request) => service.getModel(deps, request.params.schoolId, request.params.modelId),
  );

  app.get(
    `${base}/rounds`,
    {
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['selfscan'], params: schoolParamsSchema, response: { 200: z.array(roundSummarySchema) } },
    },
    async (request) => service.listRounds(deps, callerOf(request), request.params.schoolId),
  );

  app.post(
    `${base}/rounds`,
    {
      config: { policy: { access: 'permission', permission: 'school.selfscan.manage' } },
      schema: { tags: ['selfscan'], params: schoolParamsSchema, body: openRoundBodySchema, response: { 201: roundDetailSchema } },
    },
    async (request, reply) => {
      const round = await service.openRound(deps, callerOf(request), request.params.schoolId, request.body, baseUrlOf(deps, request));
      return reply.code(201).send(round);
    },
  );

  app.get(
    `${base}/rounds/:roundId`,
    {
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['selfscan'], params: roundParamsSchema, response: { 200: roundDetailSchema } },
    },
    async (request) => service.getRound(deps, callerOf(request), request.params.schoolId, request.params.roundId),
  );

  app.put(
    `${base}/rounds/:roundId/ratings/:aspectId`,
    {
      // Any staff member of the school; the service lets only invitees answer, and only while the round is open.
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['selfscan'], params: roundAspectParamsSchema, body: rateBodySchema, response: { 200: ownRatingSchema } },
    },
    async (request) =>
      service.rateAspect(deps, callerOf(request), request.params.schoolId, request.params.roundId, request.params.aspectId, {
        phase: request.body.phase as 1 | 2 | 3 | 4 | null,
        note: request.body.note ?? null,
      }),
  );

  app.get(
    `${base}/rounds/:roundId/results`,
    {
      // Lead and leadership always (school.selfscan.results); the rest of the team once shared: checked by the service.
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['selfscan'], params: roundParamsSchema, response: { 200: roundResultsSchema } },
    },
    async (request) => service.getResults(deps, callerOf(request), request.params.schoolId, request.params.roundId),
  );

  app.post(
    `${base}/rounds/:roundId/share`,
    {
      config: { policy: { access: 'permission', permission: 'school.selfscan.manage' } },
      schema: { tags: ['selfscan'], params: roundParamsSchema, response: { 200: roundDetailSchema } },
    },
    async (request) => service.shareResults(deps, callerOf(request), request.params.schoolId, request.params.roundId),
  );

  app.put(
    `${base}/rounds/:roundId/consensus/:aspectId`,
    {
      config: { policy: { access: 'permission', permission: 'school.selfscan.manage' } },
      schema: { tags: ['selfscan'], params: roundAspectParamsSchema, body: consensusBodySchema, response: { 200: consensusSchema } },
    },
    async (request) =>
      service.recordConsensus(deps, callerOf(request), request.params.schoolId, request.params.roundId, request.params.aspectId, {
        phase: request.body.phase as 1 | 2 | 3 | 4,
        rationale: request.body.rationale,
      }),
  );

  app.put(
    `${base}/rounds/:roundId/goals`,
    {
      config: { policy: { access: 'permission', permission: 'school.selfscan.manage' } },
      schema: { tags: ['selfscan'], params: roundParamsSchema, body: goalsBodySchema, response: { 200: z.array(goalSchema) } },
    },
    async (request) => service.replaceGoals(deps, callerOf(request), request.params.schoolId, request.params.roundId, request.body.aspectIds),
  );
}
