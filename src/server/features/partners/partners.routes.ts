import { staffCallerOf } from '../../access/caller';
import type { RoutePolicy } from '../../access/route-policy';
import type { Deps } from '../../deps';
import { noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import {
  agreementBodySchema,
  agreementParamsSchema,
  archivedBodySchema,
  contactBodySchema,
  contactParamsSchema,
  organisationBodySchema,
  organisationParamsSchema,
  partnerAgreementSchema,
  partnerContactSchema,
  partnerDirectorySchema,
  partnerOrganisationSchema,
  partnersEvidenceSchema,
  partnersRegisterSchema,
} from './partners.schemas';
import * as service from './partners.service';

const read: RoutePolicy = { access: 'permission', permission: 'school.partners' };
const manage: RoutePolicy = { access: 'permission', permission: 'school.partners.manage' };
const tags = ['partners'];

/** The partners register: organisations, contact persons, agreements; read with school.partners, kept with school.partners.manage. */
export async function partnersRoutes(app: App, deps: Deps): Promise<void> {
  const partners = '/api/schools/:schoolId/partners';
  const organisation = `${partners}/organisations/:organisationId`;

  app.get(partners, { config: { policy: read }, schema: { tags, params: schoolParamsSchema, response: { 200: partnersRegisterSchema } } }, async (request) =>
    service.getRegister(deps, request.params.schoolId),
  );

  app.get(`${partners}/directory`, { config: { policy: read }, schema: { tags, params: schoolParamsSchema, response: { 200: partnerDirectorySchema } } }, async (request) =>
    service.getDirectory(deps, request.params.schoolId),
  );

  app.get(`${partners}/evidence`, { config: { policy: read }, schema: { tags, params: schoolParamsSchema, response: { 200: partnersEvidenceSchema } } }, async (request) =>
    service.getEvidence(deps, request.params.schoolId),
  );

  app.post(
    `${partners}/organisations`,
    { config: { policy: manage }, schema: { tags, params: schoolParamsSchema, body: organisationBodySchema, response: { 201: partnerOrganisationSchema } } },
    async (request, reply) => reply.code(201).send(await service.addOrganisation(deps, staffCallerOf(request), request.params.schoolId, request.body)),
  );

  app.put(
    organisation,
    { config: { policy: manage }, schema: { tags, params: organisationParamsSchema, body: organisationBodySchema, response: { 200: partnerOrganisationSchema } } },
    async (request) => service.changeOrganisation(deps, staffCallerOf(request), request.params.schoolId, request.params.organisationId, request.body),
  );

  app.put(
    `${organisation}/archived`,
    { config: { policy: manage }, schema: { tags, params: organisationParamsSchema, body: archivedBodySchema, response: { 200: partnerOrganisationSchema } } },
    async (request) => service.setOrganisationArchived(deps, staffCallerOf(request), request.params.schoolId, request.params.organisationId, request.body.archived),
  );

  app.post(
    `${organisation}/contacts`,
    { config: { policy: manage }, schema: { tags, params: organisationParamsSchema, body: contactBodySchema, response: { 201: partnerContactSchema } } },
    async (request, reply) =>
      reply.code(201).send(await service.addContact(deps, staffCallerOf(request), request.params.schoolId, request.params.organisationId, request.body)),
  );

  app.put(
    `${organisation}/contacts/:contactId`,
    { config: { policy: manage }, schema: { tags, params: contactParamsSchema, body: contactBodySchema, response: { 200: partnerContactSchema } } },
    async (request) => service.changeContact(deps, staffCallerOf(request), request.params.schoolId, request.params.organisationId, request.params.contactId, request.body),
  );

  app.delete(
    `${organisation}/contacts/:contactId`,
    { config: { policy: manage }, schema: { tags, params: contactParamsSchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      await service.removeContact(deps, staffCallerOf(request), request.params.schoolId, request.params.organisationId, request.params.contactId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${organisation}/agreements`,
    { config: { policy: manage }, schema: { tags, params: organisationParamsSchema, body: agreementBodySchema, response: { 201: partnerAgreementSchema } } },
    async (request, reply) =>
      reply.code(201).send(await service.addAgreement(deps, staffCallerOf(request), request.params.schoolId, request.params.organisationId, request.body)),
  );

  app.put(
    `${organisation}/agreements/:agreementId`,
    { config: { policy: manage }, schema: { tags, params: agreementParamsSchema, body: agreementBodySchema, response: { 200: partnerAgreementSchema } } },
    async (request) =>
      service.changeAgreement(deps, staffCallerOf(request), request.params.schoolId, request.params.organisationId, request.params.agreementId, request.body),
  );

  app.delete(
    `${organisation}/agreements/:agreementId`,
    { config: { policy: manage }, schema: { tags, params: agreementParamsSchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      await service.removeAgreement(deps, staffCallerOf(request), request.params.schoolId, request.params.organisationId, request.params.agreementId);
      return reply.code(204).send(null);
    },
  );
}
