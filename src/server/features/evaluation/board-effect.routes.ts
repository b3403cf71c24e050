import { staffCallerOf } from '../../access/caller';
import type { Deps } from '../../deps';
import { boardParamsSchema } from '../../http/common.schemas';
import type { App } from '../../http/fastify-types';
import { boardEffectSchema } from './board-effect.schemas';
import { getBoardEffect } from './board-effect.service';

/** The board's effect evaluation over the schools that share it. */
export async function boardEffectRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/api/boards/:boardId/effect-evaluation',
    {
      config: { policy: { access: 'permission', permission: 'board.evaluation.read' } },
      schema: { tags: ['questionnaires'], params: boardParamsSchema, response: { 200: boardEffectSchema } },
    },
    async (request) => getBoardEffect(deps, staffCallerOf(request).userId, request.params.boardId),
  );
}
