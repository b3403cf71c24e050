import { z } from 'zod';
import { endedSessionsSchema } from '../../auth/account.schemas';
import { invitationAcceptSchema, sessionResponseSchema } from '../../auth/auth.schemas';
import { signIn } from '../../auth/auth.routes';
import { redeemUserToken } from '../../auth/auth.service';
import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { boardParamsSchema, classParamsSchema, noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { linkBaseOf } from '../../installation/link-base';
import * as accounts from './board-accounts.service';
import * as grants from './role-grants.service';
import * as invitations from './staff-invitations.service';
import {
  accountParamsSchema,
  boardAccountSchema,
  classTeacherBodySchema,
  classTeacherParamsSchema,
  classTeachersSchema,
  invitationParamsSchema,
  invitationSchema,
  inviteBodySchema,
  myInvitationParamsSchema,
  myInvitationSchema,
  roleGrantParamsSchema,
  roleGrantSchema,
  rolesBodySchema,
  staffMemberSchema,
  staffParamsSchema,
  invitationSentSchema,
  type MailDelivery,
  startDateBodySchema,
  staffImportBodySchema,
  staffImportPreviewSchema,
  staffImportResultSchema,
} from './staff.schemas';
import * as staffImport from './staff-import.service';
import * as service from './staff.service';
import { exportStaff } from './staff-export';
import { SPREADSHEET_FORMATS } from '../../http/export-table';
import { sendExportFile, spreadsheetQuerySchema } from '../../http/export-reply';

/**
 * Staff: a school's members (roles, blocking, signing out of the school), invitations and their answers, roles
 * waiting for a second person, and a board's own accounts (switching an account off, signing it out everywhere).
 */
export async function staffRoutes(app: App, deps: Deps): Promise<void> {
  const read = { policy: { access: 'permission', permission: 'school.staff.read' } } as const;
  const manage = { policy: { access: 'permission', permission: 'school.staff.manage' } } as const;
  const approve = { policy: { access: 'permission', permission: 'school.roles.approve' } } as const;
  const boardAccounts = { policy: { access: 'permission', permission: 'board.accounts.manage' } } as const;
  const signedIn = { policy: { access: 'authenticated' } } as const;
  const throttle = { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } };

  // ---------- a school's members ----------

  app.get(
    '/api/schools/:schoolId/staff',
    { config: read, schema: { tags: ['staff'], params: schoolParamsSchema, response: { 200: z.array(staffMemberSchema) } } },
    async (request) => service.listStaff(deps, request.params.schoolId),
  );

  // The same list as an .xlsx workbook for people (in the language asked for) and CSV for machines (audited).
  for (const format of SPREADSHEET_FORMATS) {
    app.get(
      `/api/schools/:schoolId/staff.${format}`,
      { config: read, schema: { tags: ['staff'], params: schoolParamsSchema, querystring: spreadsheetQuerySchema } },
      async (request, reply) => sendExportFile(reply, await exportStaff(deps, staffCallerOf(request), request.params.schoolId, format, request.query.lang ?? request.locale)),
    );
  }

  app.put(
    '/api/schools/:schoolId/staff/:userId/roles',
    {
      config: manage,
      schema: { tags: ['staff'], params: staffParamsSchema, body: rolesBodySchema, response: { 200: z.object({ member: staffMemberSchema.nullable() }) } },
    },
    async (request) => ({
      member: await service.changeRoles(deps, staffCallerOf(request), request.params.schoolId, request.params.userId, request.body),
    }),
  );

  for (const [path, blocked] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/schools/:schoolId/staff/:userId/${path}`,
      { config: manage, schema: { tags: ['staff'], params: staffParamsSchema, response: { 200: staffMemberSchema } } },
      async (request) => service.setBlockedInSchool(deps, staffCallerOf(request), request.params.schoolId, request.params.userId, blocked),
    );
  }

  app.put(
    '/api/schools/:schoolId/staff/:userId/start-date',
    { config: manage, schema: { tags: ['staff'], params: staffParamsSchema, body: startDateBodySchema, response: { 200: staffMemberSchema } } },
    async (request) => service.setStartDate(deps, staffCallerOf(request), request.params.schoolId, request.params.userId, request.body.startedOn),
  );

  app.post(
    '/api/schools/:schoolId/staff/:userId/sessions/end',
    { config: manage, schema: { tags: ['staff'], params: staffParamsSchema, response: { 200: endedSessionsSchema } } },
    async (request) => ({ ended: await service.endSessionsInSchool(deps, staffCallerOf(request), request.params.schoolId, request.params.userId) }),
  );

  // ---------- the teachers of a class (the class page; the same links as a teacher's classes above) ----------

  app.post(
    '/api/schools/:schoolId/classes/:classId/teachers',
    { config: manage, schema: { tags: ['staff'], params: classParamsSchema, body: classTeacherBodySchema, response: { 200: classTeachersSchema } } },
    async (request) => service.setClassTeacher(deps, staffCallerOf(request), { ...request.params, userId: request.body.userId }, true),
  );

  app.delete(
    '/api/schools/:schoolId/classes/:classId/teachers/:userId',
    { config: manage, schema: { tags: ['staff'], params: classTeacherParamsSchema, response: { 200: classTeachersSchema } } },
    async (request) => service.setClassTeacher(deps, staffCallerOf(request), request.params, false),
  );

  // ---------- invitations ----------

  app.get(
    '/api/schools/:schoolId/invitations',
    { config: read, schema: { tags: ['staff'], params: schoolParamsSchema, response: { 200: z.array(invitationSchema) } } },
    async (request) => invitations.listInvitations(deps, request.params.schoolId),
  );

  app.post(
    '/api/schools/:schoolId/invitations',
    { config: manage, schema: { tags: ['staff'], params: schoolParamsSchema, body: inviteBodySchema, response: { 201: invitationSentSchema } } },
    async (request, reply) => {
      const invitation = await invitations.inviteStaff(deps, staffCallerOf(request), request.params.schoolId, request.body, await linkBaseOf(deps));
      return reply.code(201).send({ ...invitation, mailDelivery: mailDeliveryOf(deps) });
    },
  );

  app.post(
    '/api/schools/:schoolId/invitations/:invitationId/resend',
    { config: manage, schema: { tags: ['staff'], params: invitationParamsSchema, response: { 200: invitationSentSchema } } },
    async (request) => ({
      ...(await invitations.resendInvitation(deps, staffCallerOf(request), request.params.schoolId, request.params.invitationId, await linkBaseOf(deps))),
      mailDelivery: mailDeliveryOf(deps),
    }),
  );

  app.delete(
    '/api/schools/:schoolId/invitations/:invitationId',
    { config: manage, schema: { tags: ['staff'], params: invitationParamsSchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      await invitations.withdrawInvitation(deps, staffCallerOf(request), request.params.schoolId, request.params.invitationId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/schools/:schoolId/staff-import/preview',
    { config: manage, schema: { tags: ['staff'], params: schoolParamsSchema, body: staffImportBodySchema, response: { 200: staffImportPreviewSchema } } },
    async (request) => staffImport.previewStaffImport(deps, staffCallerOf(request), request.params.schoolId, request.body.csv),
  );

  app.post(
    '/api/schools/:schoolId/staff-import',
    { config: manage, schema: { tags: ['staff'], params: schoolParamsSchema, body: staffImportBodySchema, response: { 200: staffImportResultSchema } } },
    async (request) => ({
      ...(await staffImport.confirmStaffImport(deps, staffCallerOf(request), request.params.schoolId, request.body.csv, await linkBaseOf(deps))),
      mailDelivery: mailDeliveryOf(deps),
    }),
  );

  app.get(
    '/api/me/invitations',
    { config: signedIn, schema: { tags: ['staff'], response: { 200: z.array(myInvitationSchema) } } },
    async (request) => invitations.listMyInvitations(deps, staffCallerOf(request)),
  );

  for (const [path, answer] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const) {
    app.post(
      `/api/me/invitations/:invitationId/${path}`,
      { config: signedIn, schema: { tags: ['staff'], params: myInvitationParamsSchema, response: { 204: noContentSchema } } },
      async (request, reply) => {
        await invitations.answerMyInvitation(deps, staffCallerOf(request), request.params.invitationId, answer);
        return reply.code(204).send(null);
      },
    );
  }

  app.post(
    '/api/invitations/accept',
    {
      config: { policy: { access: 'public' }, ...throttle },
      schema: { tags: ['auth'], body: invitationAcceptSchema, response: { 200: sessionResponseSchema } },
    },
    async (request, reply) => {
      const { token, name, password } = request.body;
      // Links sent before invitations had their own table are still honoured until they expire.
      const userId = (await invitations.acceptInvitationWithLink(deps, token, name, password)) ?? (await redeemUserToken(deps, 'invite', token, password, name));
      return signIn(deps, reply, userId);
    },
  );

  // ---------- roles waiting for a second person ----------

  app.get(
    '/api/schools/:schoolId/role-grants',
    { config: read, schema: { tags: ['staff'], params: schoolParamsSchema, response: { 200: z.array(roleGrantSchema) } } },
    async (request) => grants.listRoleGrants(deps, staffCallerOf(request), request.params.schoolId),
  );

  for (const [path, isApproved] of [
    ['approve', true],
    ['reject', false],
  ] as const) {
    app.post(
      `/api/schools/:schoolId/role-grants/:grantId/${path}`,
      { config: approve, schema: { tags: ['staff'], params: roleGrantParamsSchema, response: { 204: noContentSchema } } },
      async (request, reply) => {
        await grants.decideRoleGrant(deps, staffCallerOf(request), request.params.schoolId, request.params.grantId, isApproved);
        return reply.code(204).send(null);
      },
    );
  }

  // ---------- a board's own accounts ----------

  app.get(
    '/api/boards/:boardId/accounts',
    { config: boardAccounts, schema: { tags: ['staff'], params: boardParamsSchema, response: { 200: z.array(boardAccountSchema) } } },
    async (request) => accounts.listBoardAccounts(deps, request.params.boardId),
  );

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/boards/:boardId/accounts/:userId/${path}`,
      { config: boardAccounts, schema: { tags: ['staff'], params: accountParamsSchema, response: { 200: boardAccountSchema } } },
      async (request) => accounts.setAccountDisabled(deps, staffCallerOf(request), request.params.boardId, request.params.userId, disabled),
    );
  }

  app.post(
    '/api/boards/:boardId/accounts/:userId/sessions/end',
    { config: boardAccounts, schema: { tags: ['staff'], params: accountParamsSchema, response: { 200: endedSessionsSchema } } },
    async (request) => ({ ended: await accounts.endAllSessionsOfAccount(deps, staffCallerOf(request), request.params.boardId, request.params.userId) }),
  );
}

/** Whether mail really leaves the machine (SMTP) or waits in the outbox: the inviter is told which. */
export function mailDeliveryOf(deps: Pick<Deps, 'mailer'>): MailDelivery {
  return deps.mailer.deliversExternally ? 'sent' : 'outbox';
}
