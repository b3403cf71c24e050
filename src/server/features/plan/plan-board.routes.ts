import type { Deps } from '../../deps';
import { requireAuth } from '../../http/auth-hooks';
import type { App } from '../../http/fastify-types';
import { boardParamsSchema } from '../tenancy/tenancy.schemas';
import { boardPlanRollupSchema } from './plan.schemas';
import * as service from './plan-board.service';

/** The board's roll-up of its schools' implementation plans (schools that share only; every read audited). */
export async function planBoardRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/boards/:boardId/plan-rollup',
    {
      config: { policy: { access: 'permission', permission: 'board.plan.rollup' } },
      schema: { tags: ['plan'], params: boardParamsSchema, response: { 200: boardPlanRollupSchema } },
    },
    async (request) => service.getBoardPlanRollup(deps, requireAuth(request).user.id, request.params.boardId),
  );
}
