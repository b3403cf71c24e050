import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

import type { Deps } from '../../deps';
import { staffCallerOf } from '../../access/caller';
import type { App } from '../../http/fastify-types';

import {
  aggregatesQuerySchema,
  boardAggregatesSchema,
  checkinNoteSchema,
  classOverviewSchema,
  closedDaysBodySchema,
  closedDaysSchema,
  createNoteSchema,
  historyQuerySchema,
  pupilCheckinHistorySchema,
  pupilParamsSchema,
  schoolAggregatesSchema,
  schoolSignalSchema,
  wordingSchema,
} from './checkin.schemas';
import * as service from './checkin-teacher.service';
import { boardParamsSchema, classParamsSchema, okSchema, schoolParamsSchema } from '../../http/common.schemas';
import { SPREADSHEET_FORMATS } from '../../http/export-table';
import { sendExportFile } from '../../http/export-reply';
import { exportBoardFigures, exportSchoolFigures, figuresExportQuerySchema } from './checkin-figures-export';

const closedDaysParamsSchema = z.strictObject({ schoolId: z.uuid(), closedDaysId: z.uuid() });

/**
 * The teacher's side of the daily check-in: today's class overview, a pupil's trend with signals,
 * conversation starters and "we talked" notes, the care team's school-wide signals, anonymous figures
 * for leadership and the board, and the school's check-in settings (wording, closed days).
 */
export async function checkinTeacherRoutes(app: App, deps: Deps): Promise<void> {
  const school = '/api/schools/:schoolId';

  app.get(
    `${school}/classes/:classId/checkin/today`,
    {
      config: { policy: { access: 'permission', permission: 'school.checkin.class.read' } },
      schema: { tags: ['checkin'], params: classParamsSchema, response: { 200: classOverviewSchema } },
    },
    async (request) => service.getClassOverview(deps, staffCallerOf(request), request.params.schoolId, request.params.classId),
  );

  app.get(
    `${school}/pupils/:pupilId/checkin/history`,
    {
      config: { policy: { access: 'permission', permission: 'school.checkin.class.read' } },
      schema: { tags: ['checkin'], params: pupilParamsSchema, querystring: historyQuerySchema, response: { 200: pupilCheckinHistorySchema } },
    },
    async (request) => service.getPupilHistory(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.query.weeks),
  );

  app.post(
    `${school}/pupils/:pupilId/checkin/notes`,
    {
      config: { policy: { access: 'permission', permission: 'school.checkin.notes.write' } },
      schema: { tags: ['checkin'], params: pupilParamsSchema, body: createNoteSchema, response: { 201: checkinNoteSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.addNote(deps, staffCallerOf(request), request.params.schoolId, request.params.pupilId, request.body)),
  );

  app.get(
    `${school}/checkin/signals`,
    {
      config: { policy: { access: 'permission', permission: 'school.checkin.signals.school' } },
      schema: { tags: ['checkin'], params: schoolParamsSchema, response: { 200: z.array(schoolSignalSchema) } },
    },
    async (request) => service.listSchoolSignals(deps, staffCallerOf(request), request.params.schoolId),
  );

  app.get(
    `${school}/checkin/aggregates`,
    {
      config: { policy: { access: 'permission', permission: 'school.checkin.aggregates' } },
      schema: { tags: ['checkin'], params: schoolParamsSchema, querystring: aggregatesQuerySchema, response: { 200: schoolAggregatesSchema } },
    },
    async (request) => service.getSchoolAggregates(deps, request.params.schoolId, request.query),
  );

  app.get(
    '/api/boards/:boardId/checkin/aggregates',
    {
      config: { policy: { access: 'permission', permission: 'board.checkin.aggregates' } },
      schema: { tags: ['checkin'], params: boardParamsSchema, querystring: aggregatesQuerySchema, response: { 200: boardAggregatesSchema } },
    },
    async (request) => service.getBoardAggregates(deps, request.params.boardId, request.query),
  );

  // The same anonymous figures as an .xlsx workbook for people and CSV for machines: built from the very answer
  // above, so the files never show a smaller group than the page.
  for (const format of SPREADSHEET_FORMATS) {
    app.get(
      `${school}/checkin/aggregates.${format}`,
      {
        config: { policy: { access: 'permission', permission: 'school.checkin.aggregates' } },
        schema: { tags: ['checkin'], params: schoolParamsSchema, querystring: figuresExportQuerySchema },
      },
      async (request, reply) => {
        const { lang, ...query } = request.query;
        return sendExportFile(reply, await exportSchoolFigures(deps, request.params.schoolId, query, format, lang ?? request.locale));
      },
    );
    app.get(
      `/api/boards/:boardId/checkin/aggregates.${format}`,
      {
        config: { policy: { access: 'permission', permission: 'board.checkin.aggregates' } },
        schema: { tags: ['checkin'], params: boardParamsSchema, querystring: figuresExportQuerySchema },
      },
      async (request, reply) => {
        const { lang, ...query } = request.query;
        return sendExportFile(reply, await exportBoardFigures(deps, request.params.boardId, query, format, lang ?? request.locale));
      },
    );
  }

  app.get(
    `${school}/checkin/wording`,
    {
      config: { policy: { access: 'permission', permission: 'school.checkin.settings' } },
      schema: { tags: ['checkin'], params: schoolParamsSchema, response: { 200: wordingSchema } },
    },
    async (request) => service.getWording(deps, request.params.schoolId),
  );

  app.put(
    `${school}/checkin/wording`,
    {
      config: { policy: { access: 'permission', permission: 'school.checkin.settings' } },
      schema: { tags: ['checkin'], params: schoolParamsSchema, body: wordingSchema, response: { 200: wordingSchema } },
    },
    async (request) => service.updateWording(deps, staffCallerOf(request), request.params.schoolId, request.body),
  );

  app.get(
    `${school}/closed-days`,
    {
      config: { policy: { access: 'permission', permission: 'school.checkin.settings' } },
      schema: { tags: ['checkin'], params: schoolParamsSchema, response: { 200: z.array(closedDaysSchema) } },
    },
    async (request) => service.listClosedDays(deps, request.params.schoolId),
  );

  app.post(
    `${school}/closed-days`,
    {
      config: { policy: { access: 'permission', permission: 'school.checkin.settings' } },
      schema: { tags: ['checkin'], params: schoolParamsSchema, body: closedDaysBodySchema, response: { 201: closedDaysSchema } },
    },
    async (request, reply) => reply.code(201).send(await service.addClosedDays(deps, staffCallerOf(request), request.params.schoolId, request.body)),
  );

  app.delete(
    `${school}/closed-days/:closedDaysId`,
    {
      config: { policy: { access: 'permission', permission: 'school.checkin.settings' } },
      schema: { tags: ['checkin'], params: closedDaysParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      await service.removeClosedDays(deps, staffCallerOf(request), request.params.schoolId, request.params.closedDaysId);
      return { ok: true as const };
    },
  );
}
