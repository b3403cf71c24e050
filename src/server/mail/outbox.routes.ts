import { z } from 'zod';
import type { Deps } from '../deps';
import { recordAudit } from '../audit/audit.service';
import { staffCallerOf } from '../access/caller';
import type { App } from '../http/fastify-types';
import { outboxMessageSchema } from './outbox.schemas';
import { listOutbox } from './outbox.service';
import { boardParamsSchema, schoolParamsSchema } from '../http/common.schemas';

/** The outbox: mail kept for administrators when no SMTP server is configured. */
export async function outboxRoutes(app: App, deps: Deps): Promise<void> {
  const db = deps.db.kysely;
  app.get(
    '/api/boards/:boardId/outbox',
    {
      config: { policy: { access: 'permission', permission: 'board.outbox.read' } },
      schema: { tags: ['outbox'], params: boardParamsSchema, response: { 200: z.array(outboxMessageSchema) } },
    },
    async (request) => {
      // The outbox can hold sign-in links of colleagues, so every look at it is on record.
      await recordAudit(db, deps.clock, { actorUserId: staffCallerOf(request).userId, action: 'outbox.read', boardId: request.params.boardId });
      return listOutbox(deps, { boardId: request.params.boardId });
    },
  );
  app.get(
    '/api/schools/:schoolId/outbox',
    {
      config: { policy: { access: 'permission', permission: 'school.outbox.read' } },
      schema: { tags: ['outbox'], params: schoolParamsSchema, response: { 200: z.array(outboxMessageSchema) } },
    },
    async (request) => {
      await recordAudit(db, deps.clock, {
        actorUserId: staffCallerOf(request).userId,
        action: 'outbox.read',
        schoolId: request.params.schoolId,
        boardId: staffCallerOf(request).schoolBoardId ?? null,
      });
      return listOutbox(deps, { schoolId: request.params.schoolId });
    },
  );
}
