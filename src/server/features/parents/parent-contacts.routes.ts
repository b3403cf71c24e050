import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import {
  addParentContactBodySchema,
  changeParentContactBodySchema,
  parentContactCoverageSchema,
  parentContactFollowUpBodySchema,
  parentContactLogSchema,
  parentContactParamsSchema,
  parentContactPupilParamsSchema,
  parentContactSchema,
  parentContactsOverviewSchema,
} from './parent-contacts.schemas';
import * as service from './parent-contacts.service';

/**
 * The contact log with a pupil's parents: the pupil's teachers and the care team (the service narrows a teacher to
 * the pupils of their classes), the "Ouders" list, and the counts that are evidence for the self-scan.
 */
export async function parentContactRoutes(app: App, deps: Deps): Promise<void> {
  const log = '/api/schools/:schoolId/pupils/:pupilId/parent-contacts';

  app.get(
    log,
    {
      config: { policy: { access: 'permission', permission: 'school.parents' } },
      schema: { tags: ['parents'], params: parentContactPupilParamsSchema, response: { 200: parentContactLogSchema } },
    },
    async (request) => service.getContactLog(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId),
  );

  app.post(
    log,
    {
      config: { policy: { access: 'permission', permission: 'school.parents' } },
      schema: { tags: ['parents'], params: parentContactPupilParamsSchema, body: addParentContactBodySchema, response: { 201: parentContactSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.addContact(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body)),
  );

  app.put(
    `${log}/:contactId`,
    {
      config: { policy: { access: 'permission', permission: 'school.parents' } },
      schema: { tags: ['parents'], params: parentContactParamsSchema, body: changeParentContactBodySchema, response: { 200: parentContactSchema } },
    },
    async (request) => service.changeContact(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.params.contactId, request.body),
  );

  app.put(
    `${log}/:contactId/follow-up`,
    {
      config: { policy: { access: 'permission', permission: 'school.parents' } },
      schema: { tags: ['parents'], params: parentContactParamsSchema, body: parentContactFollowUpBodySchema, response: { 200: parentContactSchema } },
    },
    async (request) => service.markFollowUp(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.params.contactId, request.body),
  );

  app.delete(
    `${log}/:contactId`,
    {
      config: { policy: { access: 'permission', permission: 'school.parents' } },
      schema: { tags: ['parents'], params: parentContactParamsSchema, response: { 204: noContentSchema } },
    },
    async (request, reply) => {
      await service.removeContact(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.params.contactId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/schools/:schoolId/parent-contacts',
    {
      config: { policy: { access: 'permission', permission: 'school.parents' } },
      schema: { tags: ['parents'], params: schoolParamsSchema, response: { 200: parentContactsOverviewSchema } },
    },
    async (request) => service.getContactsOverview(deps, staffCallerOf(request), request.params.schoolId),
  );

  app.get(
    '/api/schools/:schoolId/parent-contacts/coverage',
    {
      config: { policy: { access: 'permission', permission: 'school.parents.coverage' } },
      schema: { tags: ['parents'], params: schoolParamsSchema, response: { 200: parentContactCoverageSchema } },
    },
    async (request) => service.getContactCoverage(deps, request.params.schoolId),
  );
}
