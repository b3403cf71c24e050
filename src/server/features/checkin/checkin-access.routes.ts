import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { KIOSK_COOKIE, PUPIL_COOKIE } from '../../../shared/checkin';
import { linkBaseOf } from '../../installation/link-base';
import type { Deps } from '../../deps';
import { deviceCallerOf, staffCallerOf } from '../../access/caller';
import { clearDeviceCookie, setDeviceCookie } from '../../http/auth-hooks';
import type { App } from '../../http/fastify-types';
import {
  classCheckinSettingsSchema,
  classCodeSchema,
  classKiosksSchema,
  classPupilParamsSchema,
  classSymbolsSchema,
  issueCardsSchema,
  kioskPupilParamsSchema,
  kioskSymbolBodySchema,
  kioskParamsSchema,
  kioskSessionSchema,
  kiosksClosedSchema,
  loginCardsSchema,
  pupilSessionSchema,
  pupilSignInSchema,
  pupilSymbolChoiceSchema,
  setPupilSymbolSchema,
} from './checkin.schemas';
import {
  chooseSymbolOnKiosk,
  closeClassKiosks,
  closeKiosk,
  createClassCode,
  describeKiosk,
  describePupilSession,
  issueLoginCards,
  listClassKiosks,
  listClassSymbols,
  openKiosk,
  saveClassSettings,
  setPupilSymbol,
  signInPupil,
  signOutPupil,
} from './checkin-access.service';
import { classParamsSchema, noContentSchema, okSchema } from '../../http/common.schemas';

/**
 * Pupil access without accounts: the pupil's own device (class code + personal code), the class device
 * in kiosk mode, and the staff routes that open, list and close kiosks, show a class code, print login cards
 * and choose a class's age group. Submitting a check-in lives in checkin-submit.routes.ts.
 */
export async function checkinAccessRoutes(app: App, deps: Deps): Promise<void> {
  const db = deps.db.kysely;
  // Per address only, counted before the body is read: the answer to a throttled address cannot depend
  // on whether its class code is valid. The limit is high because a whole school signs in from one address.
  const throttle = { rateLimit: { max: deps.config.pupilSignInRateLimitPerMinute, timeWindow: '1 minute' } };

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
    { config: { policy: { access: 'device', kind: 'pupil' } }, schema: { tags: ['checkin'], response: { 200: pupilSessionSchema } } },
    async (request) => describePupilSession(deps, deviceCallerOf(request, 'pupil'), request.locale),
  );

  app.delete(
    '/api/pupil/session',
    { config: { policy: { access: 'device', kind: 'pupil' } }, schema: { tags: ['checkin'], response: { 200: okSchema } } },
    async (request, reply) => {
      await signOutPupil(db, deviceCallerOf(request, 'pupil'));
      clearDeviceCookie(reply, PUPIL_COOKIE);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/kiosk',
    { config: { policy: { access: 'device', kind: 'kiosk' } }, schema: { tags: ['checkin'], response: { 200: kioskSessionSchema } } },
    async (request) => describeKiosk(deps, deviceCallerOf(request, 'kiosk'), request.locale),
  );

  app.delete(
    '/api/kiosk',
    { config: { policy: { access: 'device', kind: 'kiosk' } }, schema: { tags: ['checkin'], response: { 200: okSchema } } },
    async (request, reply) => {
      await closeKiosk(deps, deviceCallerOf(request, 'kiosk'));
      clearDeviceCookie(reply, KIOSK_COOKIE);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/kiosk/pupils/:pupilId/symbol',
    {
      config: { policy: { access: 'device', kind: 'kiosk' } },
      schema: { tags: ['checkin'], params: kioskPupilParamsSchema, body: kioskSymbolBodySchema, response: { 200: pupilSymbolChoiceSchema } },
    },
    async (request) => chooseSymbolOnKiosk(deps, deviceCallerOf(request, 'kiosk'), request.params.pupilId, request.body.symbol),
  );

  const manage = { policy: { access: 'permission', permission: 'school.checkin.manage' } } as const;

  app.post(
    '/api/schools/:schoolId/classes/:classId/checkin/kiosk',
    { config: manage, schema: { tags: ['checkin'], params: classParamsSchema, response: { 200: kioskSessionSchema } } },
    async (request, reply) => {
      const opened = await openKiosk(deps, staffCallerOf(request), request.params.schoolId, request.params.classId);
      setDeviceCookie(reply, KIOSK_COOKIE, opened.token, opened.expiresAt);
      return opened.session;
    },
  );

  app.get(
    '/api/schools/:schoolId/classes/:classId/checkin/kiosks',
    { config: manage, schema: { tags: ['checkin'], params: classParamsSchema, response: { 200: classKiosksSchema } } },
    async (request) => listClassKiosks(deps, staffCallerOf(request), request.params.schoolId, request.params.classId),
  );

  app.delete(
    '/api/schools/:schoolId/classes/:classId/checkin/kiosks',
    { config: manage, schema: { tags: ['checkin'], params: classParamsSchema, response: { 200: kiosksClosedSchema } } },
    async (request) => closeClassKiosks(deps, staffCallerOf(request), request.params.schoolId, request.params.classId),
  );

  app.delete(
    '/api/schools/:schoolId/classes/:classId/checkin/kiosks/:kioskId',
    { config: manage, schema: { tags: ['checkin'], params: kioskParamsSchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      await closeClassKiosks(deps, staffCallerOf(request), request.params.schoolId, request.params.classId, request.params.kioskId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/schools/:schoolId/classes/:classId/checkin/class-code',
    { config: manage, schema: { tags: ['checkin'], params: classParamsSchema, response: { 200: classCodeSchema } } },
    async (request) => createClassCode(deps, staffCallerOf(request), request.params.schoolId, request.params.classId),
  );

  app.post(
    '/api/schools/:schoolId/classes/:classId/checkin/cards',
    { config: manage, schema: { tags: ['checkin'], params: classParamsSchema, body: issueCardsSchema, response: { 200: loginCardsSchema } } },
    async (request) =>
      issueLoginCards(deps, staffCallerOf(request), request.params.schoolId, request.params.classId, request.body.pupilIds, await linkBaseOf(deps)),
  );

  app.get(
    '/api/schools/:schoolId/classes/:classId/checkin/symbols',
    { config: manage, schema: { tags: ['checkin'], params: classParamsSchema, response: { 200: classSymbolsSchema } } },
    async (request) => listClassSymbols(deps, staffCallerOf(request), request.params.schoolId, request.params.classId),
  );

  app.put(
    '/api/schools/:schoolId/classes/:classId/checkin/symbols/:pupilId',
    {
      config: manage,
      schema: { tags: ['checkin'], params: classPupilParamsSchema, body: setPupilSymbolSchema, response: { 200: pupilSymbolChoiceSchema } },
    },
    async (request) =>
      setPupilSymbol(deps, staffCallerOf(request), request.params.schoolId, request.params.classId, request.params.pupilId, request.body.symbol),
  );

  app.put(
    '/api/schools/:schoolId/classes/:classId/checkin/settings',
    {
      config: manage,
      schema: { tags: ['checkin'], params: classParamsSchema, body: classCheckinSettingsSchema, response: { 200: classCheckinSettingsSchema } },
    },
    async (request) => saveClassSettings(deps, staffCallerOf(request), request.params.schoolId, request.params.classId, request.body.ageGroup),
  );
}
