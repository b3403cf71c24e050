import type { Deps } from '../../deps';
import { staffCallerOf } from '../../access/caller';
import type { App } from '../../http/fastify-types';

import { boardPlanRollupSchema } from './plan.schemas';
import * as service from './plan-board.service';
import { boardParamsSchema } from '../../http/common.schemas';

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
}
