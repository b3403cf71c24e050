import { z } from 'zod';
import { baseUrlOf } from '../../auth/auth.routes';
import type { Deps } from '../../deps';
import { requireAuth } from '../../http/auth-hooks';
import type { App } from '../../http/fastify-types';
import { schoolParamsSchema } from '../tenancy/tenancy.schemas';
import { inviteBodySchema, rolesBodySchema, staffMemberSchema, staffParamsSchema } from './staff.schemas';
import * as service from './staff.service';
import { endedSessionsSchema } from '../../auth/account.schemas';

/** Staff of a school: list, invite, roles, disable, sign out everywhere. */
export async function staffRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/schools/:schoolId/staff',
    {
      config: { policy: { access: 'permission', permission: 'school.staff.read' } },
      schema: { tags: ['staff'], params: schoolParamsSchema, response: { 200: z.array(staffMemberSchema) } },
    },
    async (request) => service.listStaff(deps, request.params.schoolId),
  );

  app.post(
    '/api/schools/:schoolId/invitations',
    {
      config: { policy: { access: 'permission', permission: 'school.staff.manage' } },
      schema: { tags: ['staff'], params: schoolParamsSchema, body: inviteBodySchema, response: { 201: staffMemberSchema } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const member = await service.inviteStaff(deps, auth.user, request.params.schoolId, request.body, baseUrlOf(deps, request));
      return reply.code(201).send(member);
    },
  );

  app.post(
    '/api/schools/:schoolId/staff/:userId/invitation',
    {
      config: { policy: { access: 'permission', permission: 'school.staff.manage' } },
      schema: { tags: ['staff'], params: staffParamsSchema, response: { 200: staffMemberSchema } },
    },
    async (request) =>
      service.resendInvitation(deps, requireAuth(request).user, request.params.schoolId, request.params.userId, baseUrlOf(deps, request)),
  );

  app.put(
    '/api/schools/:schoolId/staff/:userId/roles',
    {
      config: { policy: { access: 'permission', permission: 'school.staff.manage' } },
      schema: {
        tags: ['staff'],
        params: staffParamsSchema,
        body: rolesBodySchema,
        response: { 200: z.object({ member: staffMemberSchema.nullable() }) },
      },
    },
    async (request) => ({
      member: await service.changeRoles(deps, requireAuth(request).user.id, request.params.schoolId, request.params.userId, request.body),
    }),
  );

  app.post(
    '/api/schools/:schoolId/staff/:userId/disable',
    {
      config: { policy: { access: 'permission', permission: 'school.staff.manage' } },
      schema: { tags: ['staff'], params: staffParamsSchema, response: { 200: staffMemberSchema } },
    },
    async (request) => service.setDisabled(deps, requireAuth(request).actor, request.params.schoolId, request.params.userId, true),
  );

  app.post(
    '/api/schools/:schoolId/staff/:userId/sessions/end',
    {
      config: { policy: { access: 'permission', permission: 'school.staff.manage' } },
      schema: { tags: ['staff'], params: staffParamsSchema, response: { 200: endedSessionsSchema } },
    },
    async (request) => ({
      ended: await service.endSessionsOfStaff(deps, requireAuth(request).actor, request.params.schoolId, request.params.userId),
    }),
  );

  app.post(
    '/api/schools/:schoolId/staff/:userId/enable',
    {
      config: { policy: { access: 'permission', permission: 'school.staff.manage' } },
      schema: { tags: ['staff'], params: staffParamsSchema, response: { 200: staffMemberSchema } },
    },
    async (request) => service.setDisabled(deps, requireAuth(request).actor, request.params.schoolId, request.params.userId, false),
  );
}
