import { z } from 'zod';
import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { myAnswersBodySchema, openWaveSchema, savedAnswersSchema, waveCompletionSchema, waveInstrumentParamsSchema } from './questionnaire-answers.schemas';
import * as service from './questionnaire-answers.service';
import { closedWaveSchema, waveResultsSchema } from './questionnaire-results.schemas';
import { getWaveResults, listMyClosedWaves } from './questionnaire-results.service';
import { waveParamsSchema } from './questionnaire-waves.schemas';

/** Teachers answering open waves, the planners' completion counts, and a closed wave's results. */
export async function questionnaireAnswerRoutes(app: App, deps: Deps): Promise<void> {
  const answer = { access: 'permission', permission: 'school.questionnaires.answer' } as const;

  app.get(
    '/api/schools/:schoolId/my-questionnaires',
    { config: { policy: answer }, schema: { tags: ['questionnaires'], params: schoolParamsSchema, response: { 200: z.array(openWaveSchema) } } },
    async (request) => service.listMyOpenWaves(deps, staffCallerOf(request).userId, request.params.schoolId),
  );

  app.get(
    '/api/schools/:schoolId/my-questionnaires/closed',
    { config: { policy: answer }, schema: { tags: ['questionnaires'], params: schoolParamsSchema, response: { 200: z.array(closedWaveSchema) } } },
    async (request) => listMyClosedWaves(deps, staffCallerOf(request).userId, request.params.schoolId),
  );

  app.put(
    '/api/schools/:schoolId/my-questionnaires/:waveId/:instrumentId',
    { config: { policy: answer }, schema: { tags: ['questionnaires'], params: waveInstrumentParamsSchema, body: myAnswersBodySchema, response: { 200: savedAnswersSchema } } },
    async (request) => {
      const { schoolId, waveId, instrumentId } = request.params;
      return service.saveMyAnswers(deps, staffCallerOf(request).userId, schoolId, waveId, instrumentId, request.body.answers);
    },
  );

  app.get(
    '/api/schools/:schoolId/questionnaire-waves/:waveId/completion',
    {
      config: { policy: { access: 'permission', permission: 'school.questionnaires.manage' } },
      schema: { tags: ['questionnaires'], params: waveParamsSchema, response: { 200: waveCompletionSchema } },
    },
    async (request) => service.getWaveCompletion(deps, request.params.schoolId, request.params.waveId),
  );

  app.get(
    '/api/schools/:schoolId/questionnaire-waves/:waveId/results',
    {
      config: { policy: { access: 'permission', permission: 'school.questionnaires.results' } },
      schema: { tags: ['questionnaires'], params: waveParamsSchema, response: { 200: waveResultsSchema } },
    },
    async (request) => getWaveResults(deps, staffCallerOf(request), request.params.schoolId, request.params.waveId),
  );
}
