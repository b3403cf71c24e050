import { deviceCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import type { App } from '../../http/fastify-types';
import { kioskMomentBodySchema, kioskOfferQuerySchema, pupilMomentBodySchema, pupilOfferQuerySchema, regulationOfferSchema, savedMomentSchema } from './regulation-pupils.schemas';
import * as service from './regulation-pupils.service';

/** The regulation moment after a check-in outside the window: on the class device (kiosk) and on a pupil's own device. */
export async function regulationPupilRoutes(app: App, deps: Deps): Promise<void> {
  const kiosk = { access: 'device', kind: 'kiosk' } as const;
  const pupil = { access: 'device', kind: 'pupil' } as const;
  const tags = ['regulation'];

  app.get(
    '/api/kiosk/regulation/offer',
    { config: { policy: kiosk }, schema: { tags, querystring: kioskOfferQuerySchema, response: { 200: regulationOfferSchema } } },
    async (request) => service.offerOnClassDevice(deps, deviceCallerOf(request, 'kiosk'), request.query.pupilId, request.query.state),
  );

  app.post(
    '/api/kiosk/regulation/moments',
    { config: { policy: kiosk }, schema: { tags, body: kioskMomentBodySchema, response: { 201: savedMomentSchema } } },
    async (request, reply) => {
      const { pupilId, ...moment } = request.body;
      return reply.code(201).send(await service.saveOnClassDevice(deps, deviceCallerOf(request, 'kiosk'), pupilId, moment));
    },
  );

  app.get(
    '/api/pupil/regulation/offer',
    { config: { policy: pupil }, schema: { tags, querystring: pupilOfferQuerySchema, response: { 200: regulationOfferSchema } } },
    async (request) => service.myOffer(deps, deviceCallerOf(request, 'pupil'), request.query.state),
  );

  app.post(
    '/api/pupil/regulation/moments',
    { config: { policy: pupil }, schema: { tags, body: pupilMomentBodySchema, response: { 201: savedMomentSchema } } },
    async (request, reply) => reply.code(201).send(await service.saveMine(deps, deviceCallerOf(request, 'pupil'), request.body)),
  );
}
