import { z } from 'zod';
import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { noContentSchema, reminderSentSchema, schoolParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { instrumentImportBodySchema, instrumentSummarySchema, waveBodySchema, waveParamsSchema, waveSchema, wavesQuerySchema, wavesSchema } from './questionnaire-waves.schemas';
import * as service from './questionnaire-waves.service';
import { linkBaseOf } from '../../installation/link-base';


/** Measurement waves: the instruments to choose from, and planning, changing and removing waves. */
export async function questionnaireWaveRoutes(app: App, deps: Deps): Promise<void> {
  const policy = { access: 'permission', permission: 'school.questionnaires.manage' } as const;
  const waves = '/api/schools/:schoolId/questionnaire-waves';

  app.get(
    '/api/schools/:schoolId/questionnaire-instruments',
    { config: { policy }, schema: { tags: ['questionnaires'], params: schoolParamsSchema, response: { 200: z.array(instrumentSummarySchema) } } },
    async (request) => service.listInstrumentSummaries(deps, request.params.schoolId),
  );

  app.post(
    '/api/schools/:schoolId/questionnaire-instruments',
    { config: { policy }, schema: { tags: ['questionnaires'], params: schoolParamsSchema, body: instrumentImportBodySchema, response: { 201: instrumentSummarySchema } } },
    async (request, reply) => reply.code(201).send(await service.importInstrument(deps, staffCallerOf(request).userId, request.params.schoolId, request.body.definition)),
  );

  app.post(
    `${waves}/:waveId/reminders`,
    { config: { policy }, schema: { tags: ['questionnaires'], params: waveParamsSchema, response: { 200: reminderSentSchema } } },
    async (request) => service.remindWave(deps, staffCallerOf(request).userId, request.params.schoolId, request.params.waveId, await linkBaseOf(deps)),
  );

  app.get(
    waves,
    { config: { policy }, schema: { tags: ['questionnaires'], params: schoolParamsSchema, querystring: wavesQuerySchema, response: { 200: wavesSchema } } },
    async (request) => service.listWaves(deps, request.params.schoolId, request.query.schoolYear),
  );

  app.post(
    waves,
    { config: { policy }, schema: { tags: ['questionnaires'], params: schoolParamsSchema, body: waveBodySchema, response: { 201: waveSchema } } },
    async (request, reply) => reply.code(201).send(await service.planWave(deps, staffCallerOf(request).userId, request.params.schoolId, request.body)),
  );

  app.put(
    `${waves}/:waveId`,
    { config: { policy }, schema: { tags: ['questionnaires'], params: waveParamsSchema, body: waveBodySchema, response: { 200: waveSchema } } },
    async (request) => service.updateWave(deps, request.params.schoolId, request.params.waveId, request.body),
  );

  app.delete(
    `${waves}/:waveId`,
    { config: { policy }, schema: { tags: ['questionnaires'], params: waveParamsSchema, response: { 204: noContentSchema } } },
    async (request, reply) => {
      await service.deleteWave(deps, request.params.schoolId, request.params.waveId);
      return reply.code(204).send(null);
    },
  );
}
