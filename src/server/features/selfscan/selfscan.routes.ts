import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { linkBaseOf } from '../../installation/link-base';
import type { Deps } from '../../deps';
import { staffCallerOf } from '../../access/caller';
import type { App } from '../../http/fastify-types';

import {
  audienceSchema,
  audienceSizeSchema,
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
  reminderSentSchema,
  roundAspectParamsSchema,
  roundDetailSchema,
  roundParamsSchema,
  roundResultsSchema,
  roundSummarySchema,
} from './selfscan.schemas';
import * as service from './selfscan.service';
import { schoolParamsSchema } from '../../http/common.schemas';

/** Self-scan: development models, rounds (open, close, remind), rating, results, sharing, consensus and goals. */
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
      const { model, replaced } = await service.importModel(deps, staffCallerOf(request), request.params.schoolId, request.body.definition);
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
    async (request) => service.listRounds(deps, staffCallerOf(request), request.params.schoolId),
  );

  app.post(
    `${base}/rounds`,
    {
      config: { policy: { access: 'permission', permission: 'school.selfscan.manage' } },
      schema: { tags: ['selfscan'], params: schoolParamsSchema, body: openRoundBodySchema, response: { 201: roundDetailSchema } },
    },
    async (request, reply) => {
      const round = await service.openRound(deps, staffCallerOf(request), request.params.schoolId, request.body, await linkBaseOf(deps));
      return reply.code(201).send(round);
    },
  );

  app.post(
    `${base}/audience`,
    {
      // Asked while filling in "Ronde openen": how many people the chosen audience holds, and the k to reach.
      config: { policy: { access: 'permission', permission: 'school.selfscan.manage' } },
      schema: { tags: ['selfscan'], params: schoolParamsSchema, body: audienceSchema, response: { 200: audienceSizeSchema } },
    },
    async (request) => service.audienceSize(deps, request.params.schoolId, request.body),
  );

  app.get(
    `${base}/rounds/:roundId`,
    {
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['selfscan'], params: roundParamsSchema, response: { 200: roundDetailSchema } },
    },
    async (request) => service.getRound(deps, staffCallerOf(request), request.params.schoolId, request.params.roundId),
  );

  app.put(
    `${base}/rounds/:roundId/ratings/:aspectId`,
    {
      // Any staff member of the school; the service lets only invitees answer, and only while the round is open.
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['selfscan'], params: roundAspectParamsSchema, body: rateBodySchema, response: { 200: ownRatingSchema } },
    },
    async (request) =>
      service.rateAspect(deps, staffCallerOf(request), request.params.schoolId, request.params.roundId, request.params.aspectId, {
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
    async (request) => service.getResults(deps, staffCallerOf(request), request.params.schoolId, request.params.roundId),
  );

  app.post(
    `${base}/rounds/:roundId/close`,
    {
      config: { policy: { access: 'permission', permission: 'school.selfscan.manage' } },
      schema: { tags: ['selfscan'], params: roundParamsSchema, response: { 200: roundDetailSchema } },
    },
    async (request) => service.closeRound(deps, staffCallerOf(request), request.params.schoolId, request.params.roundId),
  );

  app.post(
    `${base}/rounds/:roundId/reminders`,
    {
      // The lead and leadership remind whoever has not finished; the answer names nobody and counts nobody.
      config: { policy: { access: 'permission', permission: 'school.selfscan.manage' } },
      schema: { tags: ['selfscan'], params: roundParamsSchema, response: { 200: reminderSentSchema } },
    },
    async (request) => service.sendReminders(deps, staffCallerOf(request), request.params.schoolId, request.params.roundId, await linkBaseOf(deps)),
  );

  app.post(
    `${base}/rounds/:roundId/share`,
    {
      config: { policy: { access: 'permission', permission: 'school.selfscan.manage' } },
      schema: { tags: ['selfscan'], params: roundParamsSchema, response: { 200: roundDetailSchema } },
    },
    async (request) => service.shareResults(deps, staffCallerOf(request), request.params.schoolId, request.params.roundId),
  );

  app.put(
    `${base}/rounds/:roundId/consensus/:aspectId`,
    {
      config: { policy: { access: 'permission', permission: 'school.selfscan.manage' } },
      schema: { tags: ['selfscan'], params: roundAspectParamsSchema, body: consensusBodySchema, response: { 200: consensusSchema } },
    },
    async (request) =>
      service.recordConsensus(deps, staffCallerOf(request), request.params.schoolId, request.params.roundId, request.params.aspectId, {
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
    async (request) => service.replaceGoals(deps, staffCallerOf(request), request.params.schoolId, request.params.roundId, request.body.aspectIds),
  );
}
