import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { KIOSK_COOKIE, PUPIL_COOKIE } from '../../../shared/checkin';
import { baseUrlOf } from '../../auth/auth.routes';
import type { Deps } from '../../deps';
import { clearDeviceCookie, requireAuth, requireKiosk, requirePupil, setDeviceCookie } from '../../http/auth-hooks';
import type { App } from '../../http/fastify-types';
import {
  classCheckinSettingsSchema,
  classCodeSchema,
  issueCardsSchema,
  kioskSessionSchema,
  loginCardsSchema,
  pupilSessionSchema,
  pupilSignInSchema,
} from './checkin.schemas';
import {
  type CheckinManager,
  closeKiosk,
  createClassCode,
  describeKiosk,
  describePupilSession,
  issueLoginCards,
  openKiosk,
  saveClassSettings,
  signInBucketOf,
  signInPupil,
  signOutPupil,
} from './checkin-access.service';

const okSchema = z.object({ ok: z.literal(true) });
const classParamsSchema = z.strictObject({ schoolId: z.uuid(), classId: z.uuid() });

/**
 * Pupil access without accounts: the pupil's own device (class code + personal code), the class device
 * in kiosk mode, and the staff routes that open a kiosk, show a class code, print login cards and
 * choose a class's age group. Submitting a check-in lives in checkin-submit.routes.ts.
 */
export async function checkinAccessRoutes(app: App, deps: Deps): Promise<void> {
  const db = deps.db.kysely;
  // Per address and class: a whole class often signs in from one school address at once, while guessing
  // a classmate's card (or any class code) from one place soon stops. Counted after validation.
  const throttle = {
    rateLimit: {
      max: deps.config.pupilSignInRateLimitPerMinute,
      timeWindow: '1 minute',
      hook: 'preHandler' as const,
      keyGenerator: (request: FastifyRequest) => signInBucketOf(deps, request.ip, (request.body as { classCode?: string } | undefined)?.classCode),
    },
  };

  app.post(
    '/api/pupil/session',
    {
      config: { policy: { access: 'public' }, ...throttle },
      schema: { tags: ['checkin'], body: pupilSignInSchema, response: { 200: pupilSessionSchema } },
    },
    async (request, reply) => {
      const signedIn = await signInPupil(deps, request.body, request.locale, request.cookies[PUPIL_COOKIE]);
      setDeviceCookie(reply, PUPIL_COOKIE, signedIn.token, signedIn.expiresAt);
      return signedIn.session;
    },
  );

  app.get(
    '/api/pupil/session',
    { config: { policy: { access: 'pupil' } }, schema: { tags: ['checkin'], response: { 200: pupilSessionSchema } } },
    async (request) => describePupilSession(deps, requirePupil(request), request.locale),
  );

  app.delete(
    '/api/pupil/session',
    { config: { policy: { access: 'pupil' } }, schema: { tags: ['checkin'], response: { 200: okSchema } } },
    async (request, reply) => {
      await signOutPupil(db, requirePupil(request));
      clearDeviceCookie(reply, PUPIL_COOKIE);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/kiosk',
    { config: { policy: { access: 'kiosk' } }, schema: { tags: ['checkin'], response: { 200: kioskSessionSchema } } },
    async (request) => describeKiosk(deps, requireKiosk(request), request.locale),
  );

  app.delete(
    '/api/kiosk',
    { config: { policy: { access: 'kiosk' } }, schema: { tags: ['checkin'], response: { 200: okSchema } } },
    async (request, reply) => {
      await closeKiosk(db, requireKiosk(request));
      clearDeviceCookie(reply, KIOSK_COOKIE);
      return { ok: true as const };
    },
  );

  const manage = { policy: { access: 'permission', permission: 'school.checkin.manage' } } as const;

  app.post(
    '/api/schools/:schoolId/classes/:classId/checkin/kiosk',
    { config: manage, schema: { tags: ['checkin'], params: classParamsSchema, response: { 200: kioskSessionSchema } } },
    async (request, reply) => {
      const opened = await openKiosk(deps, managerOf(request, request.params.schoolId), request.params.classId, request.locale);
      setDeviceCookie(reply, KIOSK_COOKIE, opened.token, opened.expiresAt);
      return opened.session;
    },
  );

  app.post(
    '/api/schools/:schoolId/classes/:classId/checkin/class-code',
    { config: manage, schema: { tags: ['checkin'], params: classParamsSchema, response: { 200: classCodeSchema } } },
    async (request) => createClassCode(deps, managerOf(request, request.params.schoolId), request.params.classId),
  );

  app.post(
    '/api/schools/:schoolId/classes/:classId/checkin/cards',
    { config: manage, schema: { tags: ['checkin'], params: classParamsSchema, body: issueCardsSchema, response: { 200: loginCardsSchema } } },
    async (request) =>
      issueLoginCards(deps, managerOf(request, request.params.schoolId), request.params.classId, request.body.pupilIds, baseUrlOf(deps, request)),
  );

  app.put(
    '/api/schools/:schoolId/classes/:classId/checkin/settings',
    {
      config: manage,
      schema: { tags: ['checkin'], params: classParamsSchema, body: classCheckinSettingsSchema, response: { 200: classCheckinSettingsSchema } },
    },
    async (request) => saveClassSettings(deps, managerOf(request, request.params.schoolId), request.params.classId, request.body.ageGroup),
  );
}

function managerOf(request: FastifyRequest, schoolId: string): CheckinManager {
  return { actor: requireAuth(request).actor, schoolId, boardId: request.schoolBoardId };
}
