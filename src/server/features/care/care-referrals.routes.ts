import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import type { App } from '../../http/fastify-types';
import { addReferralBodySchema, changeReferralBodySchema, referralParamsSchema, referralSchema, referralsSchema } from './care-referrals.schemas';
import * as service from './care-referrals.service';
import { carePupilParamsSchema } from './care.schemas';

/** Referrals of a pupil to help outside school: the care team only. */
export async function careReferralRoutes(app: App, deps: Deps): Promise<void> {
  const referrals = '/api/schools/:schoolId/pupils/:pupilId/care/referrals';

  app.get(
    referrals,
    {
      config: { policy: { access: 'permission', permission: 'school.care.sensitive' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, response: { 200: referralsSchema } },
    },
    async (request) => service.listReferrals(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId),
  );

  app.post(
    referrals,
    {
      config: { policy: { access: 'permission', permission: 'school.care.sensitive' } },
      schema: { tags: ['care'], params: carePupilParamsSchema, body: addReferralBodySchema, response: { 201: referralSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.addReferral(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body)),
  );

  app.put(
    `${referrals}/:referralId`,
    {
      config: { policy: { access: 'permission', permission: 'school.care.sensitive' } },
      schema: { tags: ['care'], params: referralParamsSchema, body: changeReferralBodySchema, response: { 200: referralSchema } },
    },
    async (request) => service.changeReferral(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.params.referralId, request.body),
  );
}
