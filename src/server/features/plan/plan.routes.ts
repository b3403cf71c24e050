import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { staffCallerOf } from '../../access/caller';
import type { App } from '../../http/fastify-types';

import {
  actionParamsSchema,
  actionSchema,
  createActionSchema,
  createGoalSchema,
  goalParamsSchema,
  goalSchema,
  memberParamsSchema,
  momentBodySchema,
  momentParamsSchema,
  momentSchema,
  myActionsSchema,
  phasesBodySchema,
  planOverviewSchema,
  planQuerySchema,
  updateActionSchema,
  updateGoalSchema,
  workingGroupBodySchema,
  workingGroupMemberSchema,
} from './plan.schemas';
import * as service from './plan.service';
import { noContentSchema, schoolParamsSchema } from '../../http/common.schemas';

/** The implementation plan's core: overview, phases, moments, working group, goals, actions and "my actions". */
export async function planRoutes(app: App, deps: Deps): Promise<void> {
  const base = '/api/schools/:schoolId/plan';
  const read = { policy: { access: 'permission', permission: 'school.plan.read' } } as const;
  const edit = { policy: { access: 'permission', permission: 'school.plan.edit' } } as const;
  const manageTeam = { policy: { access: 'permission', permission: 'school.plan.team.manage' } } as const;

  app.get(
    base,
    { config: read, schema: { tags: ['plan'], params: schoolParamsSchema, querystring: planQuerySchema, response: { 200: planOverviewSchema } } },
    async (request) => service.getPlan(deps, staffCallerOf(request), request.params.schoolId, request.query.schoolYear),
  );

  app.put(
    `${base}/phases`,
    { config: edit, schema: { tags: ['plan'], params: schoolParamsSchema, body: phasesBodySchema, response: { 200: planOverviewSchema } } },
    async (request) => service.replacePhases(deps, staffCallerOf(request), request.params.schoolId, request.body),
  );

  app.post(
    `${base}/moments`,
    { config: edit, schema: { tags: ['plan'], params: schoolParamsSchema, body: momentBodySchema, response: { 201: momentSchema } } },
    async (request, reply) => reply.code(201).send(await service.addMoment(deps, staffCallerOf(request), request.params.schoolId, request.body)),
  );

  app.delete(
    `${base}/moments/:momentId`,
    { config: edit, schema: { tags: ['plan'], params: momentParamsSchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      await service.removeMoment(deps, request.params.schoolId, request.params.momentId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    `${base}/working-group/:userId`,
    { config: manageTeam, schema: { tags: ['plan'], params: memberParamsSchema, body: workingGroupBodySchema, response: { 200: workingGroupMemberSchema } } },
    async (request) => service.setWorkingGroupMember(deps, staffCallerOf(request), request.params.schoolId, request.params.userId, request.body.role),
  );

  app.delete(
    `${base}/working-group/:userId`,
    { config: manageTeam, schema: { tags: ['plan'], params: memberParamsSchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      await service.removeWorkingGroupMember(deps, staffCallerOf(request), request.params.schoolId, request.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${base}/goals`,
    { config: edit, schema: { tags: ['plan'], params: schoolParamsSchema, body: createGoalSchema, response: { 201: goalSchema } } },
    async (request, reply) => reply.code(201).send(await service.createGoal(deps, staffCallerOf(request), request.params.schoolId, request.body)),
  );

  app.patch(
    `${base}/goals/:goalId`,
    { config: edit, schema: { tags: ['plan'], params: goalParamsSchema, body: updateGoalSchema, response: { 200: goalSchema } } },
    async (request) => service.updateGoal(deps, request.params.schoolId, request.params.goalId, request.body),
  );

  app.delete(
    `${base}/goals/:goalId`,
    { config: edit, schema: { tags: ['plan'], params: goalParamsSchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      await service.deleteGoal(deps, request.params.schoolId, request.params.goalId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${base}/goals/:goalId/actions`,
    { config: edit, schema: { tags: ['plan'], params: goalParamsSchema, body: createActionSchema, response: { 201: actionSchema } } },
    async (request, reply) =>
      reply.code(201).send(await service.createAction(deps, staffCallerOf(request), request.params.schoolId, request.params.goalId, request.body)),
  );

  app.patch(
    `${base}/actions/:actionId`,
    { config: edit, schema: { tags: ['plan'], params: actionParamsSchema, body: updateActionSchema, response: { 200: actionSchema } } },
    async (request) => service.updateAction(deps, request.params.schoolId, request.params.actionId, request.body),
  );

  app.delete(
    `${base}/actions/:actionId`,
    { config: edit, schema: { tags: ['plan'], params: actionParamsSchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      await service.deleteAction(deps, request.params.schoolId, request.params.actionId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me/actions',
    { config: { policy: { access: 'authenticated' } }, schema: { tags: ['plan'], response: { 200: myActionsSchema } } },
    async (request) => service.listMyActions(deps, staffCallerOf(request).userId),
  );
}
