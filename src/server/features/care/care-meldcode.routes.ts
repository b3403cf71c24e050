import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import {
  attentionOfficerBodySchema,
  attentionOfficerSchema,
  closeMeldcodeCaseBodySchema,
  meldcodeCaseParamsSchema,
  meldcodeCaseSchema,
  meldcodeCaseSummariesSchema,
  meldcodeCasesSchema,
  meldcodeStepParamsSchema,
  openMeldcodeCaseBodySchema,
  recordMeldcodeStepBodySchema,
} from './care-meldcode.schemas';
import * as service from './care-meldcode.service';
import { carePupilParamsSchema } from './care.schemas';

/** The meldcode: cases and their five steps (the care team, narrowed by the service), and the school's attention officer. */
export async function careMeldcodeRoutes(app: App, deps: Deps): Promise<void> {
  const cases = '/api/schools/:schoolId/pupils/:pupilId/care/meldcode-cases';

  app.get(
    cases,
    {
      config: { policy: { access: 'permission', permission: 'school.care.meldcode' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, response: { 200: meldcodeCasesSchema } },
    },
    async (request) => service.listPupilCases(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId),
  );

  app.post(
    cases,
    {
      config: { policy: { access: 'permission', permission: 'school.care.meldcode' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, body: openMeldcodeCaseBodySchema, response: { 201: meldcodeCaseSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.openCase(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body)),
  );

  app.put(
    `${cases}/:caseId/steps/:step`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.meldcode' } },
      schema: { tags: ['care'], params: meldcodeStepParamsSchema, body: recordMeldcodeStepBodySchema, response: { 200: meldcodeCaseSchema } },
    },
    async (request) =>
      service.recordStep(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.params.caseId, request.params.step, request.body),
  );

  app.put(
    `${cases}/:caseId/closing`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.meldcode' } },
      schema: { tags: ['care'], params: meldcodeCaseParamsSchema, body: closeMeldcodeCaseBodySchema, response: { 200: meldcodeCaseSchema } },
    },
    async (request) => service.closeCase(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.params.caseId, request.body),
  );

  app.get(
    '/api/schools/:schoolId/care/meldcode-cases',
    {
      config: { policy: { access: 'permission', permission: 'school.care.meldcode' } },
      schema: { tags: ['care'], params: schoolParamsSchema, response: { 200: meldcodeCaseSummariesSchema } },
    },
    async (request) => service.listOpenCases(deps, staffCallerOf(request), request.params.schoolId),
  );

  app.get(
    '/api/schools/:schoolId/care/attention-officer',
    {
      config: { policy: { access: 'permission', permission: 'school.care.attention_officer.manage' } },
      schema: { tags: ['care'], params: schoolParamsSchema, response: { 200: attentionOfficerSchema } },
    },
    async (request) => service.getAttentionOfficer(deps, request.params.schoolId),
  );

  app.put(
    '/api/schools/:schoolId/care/attention-officer',
    {
      config: { policy: { access: 'permission', permission: 'school.care.attention_officer.manage' } },
      schema: { tags: ['care'], params: schoolParamsSchema, body: attentionOfficerBodySchema, response: { 200: attentionOfficerSchema } },
    },
    async (request) => service.setAttentionOfficer(deps, staffCallerOf(request), request.params.schoolId, request.body.userId),
  );
}
