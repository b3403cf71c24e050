import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../deps';
import { staffCallerOf } from '../../access/caller';
import type { App } from '../../http/fastify-types';

import { getBoardSelfscan } from './selfscan-board.service';
import { boardSelfscanSchema, historySchema, shiftQuerySchema, shiftSchema } from './selfscan-history.schemas';
import { getHistory, getShift } from './selfscan-history.service';
import { roundParamsSchema } from './selfscan.schemas';
import { boardParamsSchema, schoolParamsSchema } from '../../http/common.schemas';
import { SPREADSHEET_FORMATS } from '../../http/export-table';
import { sendExportFile, spreadsheetQuerySchema } from '../../http/export-reply';
import { exportBoardSelfscan } from './selfscan-board-export';

/** Self-scan over time: the shift against an earlier round, the timeline per aspect, and the board's view of sharing schools. */
export async function selfscanHistoryRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/schools/:schoolId/selfscan/rounds/:roundId/shift',
    {
      // Same access as the results: the service checks that the caller may read both rounds' results.
      config: { policy: { access: 'permission', permission: 'school.read' } },
      schema: { tags: ['selfscan'], params: roundParamsSchema, querystring: shiftQuerySchema, response: { 200: shiftSchema } },
    },
    async (request) => getShift(deps, staffCallerOf(request), request.params.schoolId, request.params.roundId, request.query.against),
  );

  app.get(
    '/api/schools/:schoolId/selfscan/history',
    {
      config: { policy: { access: 'permission', permission: 'school.selfscan.results' } },
      schema: { tags: ['selfscan'], params: schoolParamsSchema, response: { 200: historySchema } },
    },
    async (request) => getHistory(deps, request.params.schoolId),
  );

  app.get(
    '/api/boards/:boardId/selfscan',
    {
      config: { policy: { access: 'permission', permission: 'board.read' } },
      schema: { tags: ['selfscan'], params: boardParamsSchema, response: { 200: boardSelfscanSchema } },
    },
    async (request) => getBoardSelfscan(deps, staffCallerOf(request).userId, request.params.boardId),
  );

  // The same view as an .xlsx workbook for people and CSV for machines (recorded like a look at the page).
  for (const format of SPREADSHEET_FORMATS) {
    app.get(
      `/api/boards/:boardId/selfscan.${format}`,
      {
        config: { policy: { access: 'permission', permission: 'board.read' } },
        schema: { tags: ['selfscan'], params: boardParamsSchema, querystring: spreadsheetQuerySchema },
      },
      async (request, reply) =>
        sendExportFile(reply, await exportBoardSelfscan(deps, staffCallerOf(request).userId, request.params.boardId, format, request.query.lang ?? request.locale)),
    );
  }
}
