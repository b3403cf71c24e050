import { staffCallerOf } from '../../access/caller';
import type { RoutePolicy } from '../../access/route-policy';
import type { Deps } from '../../deps';
import { noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import {
  assessmentBodySchema,
  assessmentDetailSchema,
  assessmentParamsSchema,
  competenceFiguresSchema,
  competenceOverviewSchema,
  competenceShareSchema,
  importProfileBodySchema,
  profileListSchema,
  profileSummarySchema,
  shareBodySchema,
  shareParamsSchema,
  sharedParamsSchema,
  sharedProfileSchema,
} from './competence.schemas';
import * as service from './competence.service';

const team: RoutePolicy = { access: 'permission', permission: 'school.team' };
const manage: RoutePolicy = { access: 'permission', permission: 'school.team.manage' };
const figures: RoutePolicy = { access: 'permission', permission: 'school.team.figures' };
const tags = ['team'];

/** The competence profile: own self-assessments, sharing them, the school's profiles and its anonymous figures. */
export async function competenceRoutes(app: App, deps: Deps): Promise<void> {
  const base = '/api/schools/:schoolId/team/competence';
  const assessment = `${base}/assessments/:assessmentId`;

  app.get(base, { config: { policy: team }, schema: { tags, params: schoolParamsSchema, response: { 200: competenceOverviewSchema } } }, async (request) =>
    service.getOverview(deps, staffCallerOf(request), request.params.schoolId),
  );

  app.get(`${base}/profiles`, { config: { policy: team }, schema: { tags, params: schoolParamsSchema, response: { 200: profileListSchema } } }, async (request) =>
    service.listProfiles(deps, request.params.schoolId),
  );

  app.post(
    `${base}/profiles`,
    { config: { policy: manage }, schema: { tags, params: schoolParamsSchema, body: importProfileBodySchema, response: { 200: profileSummarySchema, 201: profileSummarySchema } } },
    async (request, reply) => {
      const { profile, replaced } = await service.importProfile(deps, staffCallerOf(request), request.params.schoolId, request.body.definition);
      return reply.code(replaced ? 200 : 201).send(profile);
    },
  );

  app.get(`${base}/figures`, { config: { policy: figures }, schema: { tags, params: schoolParamsSchema, response: { 200: competenceFiguresSchema } } }, async (request) =>
    service.getFigures(deps, request.params.schoolId),
  );

  app.post(
    `${base}/assessments`,
    { config: { policy: team }, schema: { tags, params: schoolParamsSchema, response: { 200: assessmentDetailSchema, 201: assessmentDetailSchema } } },
    async (request, reply) => {
      const { assessment: detail, isNew } = await service.startAssessment(deps, staffCallerOf(request), request.params.schoolId);
      return reply.code(isNew ? 201 : 200).send(detail);
    },
  );

  app.get(assessment, { config: { policy: team }, schema: { tags, params: assessmentParamsSchema, response: { 200: assessmentDetailSchema } } }, async (request) =>
    service.getAssessment(deps, staffCallerOf(request), request.params.schoolId, request.params.assessmentId),
  );

  app.put(
    assessment,
    { config: { policy: team }, schema: { tags, params: assessmentParamsSchema, body: assessmentBodySchema, response: { 200: assessmentDetailSchema } } },
    async (request) => service.saveAssessment(deps, staffCallerOf(request), request.params.schoolId, request.params.assessmentId, request.body),
  );

  app.post(
    `${assessment}/completion`,
    { config: { policy: team }, schema: { tags, params: assessmentParamsSchema, response: { 200: assessmentDetailSchema } } },
    async (request) => service.completeAssessment(deps, staffCallerOf(request), request.params.schoolId, request.params.assessmentId),
  );

  app.post(
    `${base}/shares`,
    { config: { policy: team }, schema: { tags, params: schoolParamsSchema, body: shareBodySchema, response: { 200: competenceShareSchema, 201: competenceShareSchema } } },
    async (request, reply) => {
      const { share, isNew } = await service.share(deps, staffCallerOf(request), request.params.schoolId, request.body);
      return reply.code(isNew ? 201 : 200).send(share);
    },
  );

  app.delete(`${base}/shares/:shareId`, { config: { policy: team }, schema: { tags, params: shareParamsSchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    await service.revokeShare(deps, staffCallerOf(request), request.params.schoolId, request.params.shareId);
    return reply.code(204).send(null);
  });

  app.get(`${base}/shared/:ownerUserId`, { config: { policy: team }, schema: { tags, params: sharedParamsSchema, response: { 200: sharedProfileSchema } } }, async (request) =>
    service.readShared(deps, staffCallerOf(request), request.params.schoolId, request.params.ownerUserId),
  );
}
