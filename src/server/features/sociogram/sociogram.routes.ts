import { z } from 'zod';
import { deviceCallerOf, staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { classParamsSchema, noContentSchema, schoolParamsSchema } from '../../http/common.schemas';
import { sendExportFile, spreadsheetQuerySchema } from '../../http/export-reply';
import { renderSociogramPdf } from './sociogram-results.pdf';
import type { App } from '../../http/fastify-types';
import {
  addSchoolQuestionBodySchema,
  changeSociogramSettingsBodySchema,
  kioskSociogramParamsSchema,
  ownSociogramSchema,
  paperAnswersSchema,
  pupilSociogramParamsSchema,
  pupilSociogramSchema,
  saveChoicesBodySchema,
  savedChoicesSchema,
  schoolQuestionParamsSchema,
  sociogramDetailSchema,
  sociogramParamsSchema,
  sociogramPupilParamsSchema,
  sociogramResultsSchema,
  sociogramSettingsSchema,
  sociogramSummarySchema,
  startSociogramBodySchema,
} from './sociogram.schemas';
import * as pupils from './sociogram-pupils.service';
import * as service from './sociogram.service';

/** Sociograms: the school's settings and questions, a class's sociograms, paper answers, results; pupils answering. */
export async function sociogramRoutes(app: App, deps: Deps): Promise<void> {
  const group = { access: 'permission', permission: 'school.group' } as const;
  const settings = { access: 'permission', permission: 'school.group.settings' } as const;
  const kiosk = { access: 'device', kind: 'kiosk' } as const;
  const pupil = { access: 'device', kind: 'pupil' } as const;
  const tags = ['sociogram'];
  const one = '/api/schools/:schoolId/sociograms/:sociogramId';

  // The bank as whoever starts a sociogram reads it, and the settings page of the people who change it.
  app.get(
    '/api/schools/:schoolId/sociogram-questions',
    { config: { policy: group }, schema: { tags, params: schoolParamsSchema, response: { 200: sociogramSettingsSchema } } },
    async (request) => service.getSettings(deps, request.params.schoolId),
  );
  app.get(
    '/api/schools/:schoolId/sociogram-settings',
    { config: { policy: settings }, schema: { tags, params: schoolParamsSchema, response: { 200: sociogramSettingsSchema } } },
    async (request) => service.getSettings(deps, request.params.schoolId),
  );
  app.put(
    '/api/schools/:schoolId/sociogram-settings',
    { config: { policy: settings }, schema: { tags, params: schoolParamsSchema, body: changeSociogramSettingsBodySchema, response: { 200: sociogramSettingsSchema } } },
    async (request) => service.changeSettings(deps, staffCallerOf(request), request.params.schoolId, request.body.negativeQuestionsAllowed),
  );
  app.post(
    '/api/schools/:schoolId/sociogram-questions',
    { config: { policy: settings }, schema: { tags, params: schoolParamsSchema, body: addSchoolQuestionBodySchema, response: { 201: sociogramSettingsSchema } } },
    async (request, reply) => reply.code(201).send(await service.addSchoolQuestion(deps, staffCallerOf(request), request.params.schoolId, request.body)),
  );
  app.delete(
    '/api/schools/:schoolId/sociogram-questions/:questionId',
    { config: { policy: settings }, schema: { tags, params: schoolQuestionParamsSchema, response: { 200: sociogramSettingsSchema } } },
    async (request) => service.archiveSchoolQuestion(deps, staffCallerOf(request), request.params.schoolId, request.params.questionId),
  );

  app.get(
    '/api/schools/:schoolId/classes/:classId/sociograms',
    { config: { policy: group }, schema: { tags, params: classParamsSchema, response: { 200: z.array(sociogramSummarySchema) } } },
    async (request) => service.listClassSociograms(deps, staffCallerOf(request), request.params.schoolId, request.params.classId),
  );
  app.post(
    '/api/schools/:schoolId/classes/:classId/sociograms',
    { config: { policy: group }, schema: { tags, params: classParamsSchema, body: startSociogramBodySchema, response: { 201: sociogramDetailSchema } } },
    async (request, reply) => reply.code(201).send(await service.startSociogram(deps, staffCallerOf(request), request.params.schoolId, request.params.classId, request.body)),
  );

  app.get(one, { config: { policy: group }, schema: { tags, params: sociogramParamsSchema, response: { 200: sociogramDetailSchema } } }, async (request) =>
    service.getSociogram(deps, staffCallerOf(request), request.params.schoolId, request.params.sociogramId),
  );
  app.post(`${one}/close`, { config: { policy: group }, schema: { tags, params: sociogramParamsSchema, response: { 200: sociogramDetailSchema } } }, async (request) =>
    service.closeSociogram(deps, staffCallerOf(request), request.params.schoolId, request.params.sociogramId),
  );
  app.post(`${one}/reopen`, { config: { policy: group }, schema: { tags, params: sociogramParamsSchema, response: { 200: sociogramDetailSchema } } }, async (request) =>
    service.reopenSociogram(deps, staffCallerOf(request), request.params.schoolId, request.params.sociogramId),
  );
  app.delete(one, { config: { policy: group }, schema: { tags, params: sociogramParamsSchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    await service.removeSociogram(deps, staffCallerOf(request), request.params.schoolId, request.params.sociogramId);
    return reply.code(204).send(null);
  });
  app.get(`${one}/results`, { config: { policy: group }, schema: { tags, params: sociogramParamsSchema, response: { 200: sociogramResultsSchema } } }, async (request) =>
    service.getResults(deps, staffCallerOf(request), request.params.schoolId, request.params.sociogramId),
  );

  // The care team's own PDF for the class meeting: the only export with status labels (403 for anyone else).
  app.get(
    `${one}/results.pdf`,
    { config: { policy: group }, schema: { tags, params: sociogramParamsSchema, querystring: spreadsheetQuerySchema } },
    async (request, reply) => {
      const caller = staffCallerOf(request);
      const results = await service.getResultsForPdf(deps, caller, request.params.schoolId, request.params.sociogramId);
      const body = await renderSociogramPdf(results, request.query.lang ?? caller.locale, deps.clock.now());
      return sendExportFile(reply, { body, contentType: 'application/pdf', fileName: `sociogram-${results.sociogram.openedOn}.pdf` });
    },
  );

  // A paper round: the teacher types in, corrects or removes one pupil's answers.
  const answers = `${one}/pupils/:pupilId/answers`;
  app.get(answers, { config: { policy: group }, schema: { tags, params: sociogramPupilParamsSchema, response: { 200: paperAnswersSchema } } }, async (request) =>
    service.getPupilAnswers(deps, staffCallerOf(request), request.params.schoolId, request.params.sociogramId, request.params.pupilId),
  );
  app.put(
    answers,
    { config: { policy: group }, schema: { tags, params: sociogramPupilParamsSchema, body: saveChoicesBodySchema, response: { 200: savedChoicesSchema } } },
    async (request) => service.savePaperAnswers(deps, staffCallerOf(request), request.params.schoolId, request.params.sociogramId, request.params.pupilId, request.body.choices),
  );
  app.delete(answers, { config: { policy: group }, schema: { tags, params: sociogramPupilParamsSchema, response: { 204: noContentSchema } } }, async (request, reply) => {
    await service.removePupilAnswers(deps, staffCallerOf(request), request.params.schoolId, request.params.sociogramId, request.params.pupilId);
    return reply.code(204).send(null);
  });

  app.get('/api/kiosk/sociograms', { config: { policy: kiosk }, schema: { tags, response: { 200: z.array(pupilSociogramSchema) } } }, async (request) =>
    pupils.listClassSociograms(deps, deviceCallerOf(request, 'kiosk')),
  );
  app.put(
    '/api/kiosk/sociograms/:sociogramId/pupils/:pupilId',
    { config: { policy: kiosk }, schema: { tags, params: kioskSociogramParamsSchema, body: saveChoicesBodySchema, response: { 200: savedChoicesSchema } } },
    async (request) => pupils.saveOnClassDevice(deps, deviceCallerOf(request, 'kiosk'), request.params.sociogramId, request.params.pupilId, request.body.choices),
  );
  app.get('/api/pupil/sociograms', { config: { policy: pupil }, schema: { tags, response: { 200: z.array(ownSociogramSchema) } } }, async (request) =>
    pupils.listMySociograms(deps, deviceCallerOf(request, 'pupil')),
  );
  app.put(
    '/api/pupil/sociograms/:sociogramId',
    { config: { policy: pupil }, schema: { tags, params: pupilSociogramParamsSchema, body: saveChoicesBodySchema, response: { 200: savedChoicesSchema } } },
    async (request) => pupils.saveMine(deps, deviceCallerOf(request, 'pupil'), request.params.sociogramId, request.body.choices),
  );
}
