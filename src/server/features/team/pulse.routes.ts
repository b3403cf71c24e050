import { staffCallerOf } from '../../access/caller';
import type { RoutePolicy } from '../../access/route-policy';
import type { Deps } from '../../deps';
import { noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import {
  pulseAnswerBodySchema,
  pulseAnsweredSchema,
  pulseHelpBodySchema,
  pulseHelpSchema,
  pulseOverviewSchema,
  pulseParamsSchema,
  pulsePeriodSchema,
  pulsePlanBodySchema,
} from './pulse.schemas';
import * as service from './pulse.service';

const team: RoutePolicy = { access: 'permission', permission: 'school.team' };
const manage: RoutePolicy = { access: 'permission', permission: 'school.team.manage' };
const tags = ['team'];

/** The staff wellbeing pulse: read and answered with school.team, planned with school.team.manage. */
export async function pulseRoutes(app: App, deps: Deps): Promise<void> {
  const base = '/api/schools/:schoolId/team/pulse';
  const pulse = `${base}/pulses/:pulseId`;

  app.get(base, { config: { policy: team }, schema: { tags, params: schoolParamsSchema, response: { 200: pulseOverviewSchema } } }, async (request) =>
    service.getOverview(deps, staffCallerOf(request), request.params.schoolId),
  );

  app.post(
    `${base}/pulses`,
    { config: { policy: manage }, schema: { tags, params: schoolParamsSchema, body: pulsePlanBodySchema, response: { 201: pulsePeriodSchema } } },
    async (request, reply) => reply.code(201).send(await service.planPulse(deps, staffCallerOf(request), request.params.schoolId, request.body)),
  );

  app.post(`${pulse}/close`, { config: { policy: manage }, schema: { tags, params: pulseParamsSchema, response: { 200: pulsePeriodSchema } } }, async (request) =>
    service.closePulse(deps, staffCallerOf(request), request.params.schoolId, request.params.pulseId),
  );

  app.delete(pulse, { config: { policy: manage }, schema: { tags, params: pulseParamsSchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    await service.removePulse(deps, staffCallerOf(request), request.params.schoolId, request.params.pulseId);
    return reply.code(204).send(null);
  });

  app.post(
    `${pulse}/answers`,
    { config: { policy: team }, schema: { tags, params: pulseParamsSchema, body: pulseAnswerBodySchema, response: { 200: pulseAnsweredSchema } } },
    async (request) => service.answerPulse(deps, staffCallerOf(request), request.params.schoolId, request.params.pulseId, request.body.answers),
  );

  app.put(`${base}/help`, { config: { policy: manage }, schema: { tags, params: schoolParamsSchema, body: pulseHelpBodySchema, response: { 200: pulseHelpSchema } } }, async (request) =>
    service.setHelp(deps, staffCallerOf(request), request.params.schoolId, request.body),
  );
}
