import { z } from 'zod';
import { deviceCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import type { App } from '../../http/fastify-types';
import { classWaveSchema, kioskAnswerParamsSchema, myAnswersBodySchema, openWaveSchema, pupilWaveInstrumentParamsSchema, savedAnswersSchema } from './questionnaire-answers.schemas';
import * as service from './questionnaire-pupils.service';

/** Pupils answering their class's open waves: on the class device (kiosk) and on their own device. */
export async function questionnairePupilRoutes(app: App, deps: Deps): Promise<void> {
  const kiosk = { access: 'device', kind: 'kiosk' } as const;
  const pupil = { access: 'device', kind: 'pupil' } as const;

  app.get(
    '/api/kiosk/questionnaires',
    { config: { policy: kiosk }, schema: { tags: ['questionnaires'], response: { 200: z.array(classWaveSchema) } } },
    async (request) => service.listClassWaves(deps, deviceCallerOf(request, 'kiosk')),
  );

  app.put(
    '/api/kiosk/questionnaires/:waveId/:instrumentId/pupils/:pupilId',
    { config: { policy: kiosk }, schema: { tags: ['questionnaires'], params: kioskAnswerParamsSchema, body: myAnswersBodySchema, response: { 200: savedAnswersSchema } } },
    async (request) => {
      const { waveId, instrumentId, pupilId } = request.params;
      return service.saveAnswersOnClassDevice(deps, deviceCallerOf(request, 'kiosk'), pupilId, waveId, instrumentId, request.body.answers);
    },
  );

  app.get(
    '/api/pupil/questionnaires',
    { config: { policy: pupil }, schema: { tags: ['questionnaires'], response: { 200: z.array(openWaveSchema) } } },
    async (request) => service.listMyPupilWaves(deps, deviceCallerOf(request, 'pupil')),
  );

  app.put(
    '/api/pupil/questionnaires/:waveId/:instrumentId',
    { config: { policy: pupil }, schema: { tags: ['questionnaires'], params: pupilWaveInstrumentParamsSchema, body: myAnswersBodySchema, response: { 200: savedAnswersSchema } } },
    async (request) => service.saveMyPupilAnswers(deps, deviceCallerOf(request, 'pupil'), request.params.waveId, request.params.instrumentId, request.body.answers),
  );
}
