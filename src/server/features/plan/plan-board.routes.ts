import type { Deps } from '../../deps';
import { staffCallerOf } from '../../access/caller';
import type { App } from '../../http/fastify-types';

import { boardPlanRollupSchema } from './plan.schemas';
import * as service from './plan-board.service';
import { boardParamsSchema } from '../../http/common.schemas';
import { SPREADSHEET_FORMATS } from '../../http/export-table';
import { sendExportFile, spreadsheetQuerySchema } from '../../http/export-reply';
import { exportBoardRollup } from './plan-board-export';

/** The board's roll-up of its schools' implementation plans (schools that share only; every read audited). */
export async function planBoardRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/boards/:boardId/plan-rollup',
    {
      config: { policy: { access: 'permission', permission: 'board.plan.rollup' } },
      schema: { tags: ['plan'], params: boardParamsSchema, response: { 200: boardPlanRollupSchema } },
    },
    async (request) => service.getBoardPlanRollup(deps, staffCallerOf(request).userId, request.params.boardId),
  );

  // The same roll-up as an .xlsx workbook for people and CSV for machines (recorded like a look at the page).
  for (const format of SPREADSHEET_FORMATS) {
    app.get(
      `/api/boards/:boardId/plan-rollup.${format}`,
      {
        config: { policy: { access: 'permission', permission: 'board.plan.rollup' } },
        schema: { tags: ['plan'], params: boardParamsSchema, querystring: spreadsheetQuerySchema },
      },
      async (request, reply) =>
        sendExportFile(reply, await exportBoardRollup(deps, staffCallerOf(request).userId, request.params.boardId, format, request.query.lang ?? request.locale)),
    );
  }
}
