import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database';
import type { Deps } from '../deps';
import { recordAudit } from '../audit/audit.service';
import { requireAuth } from '../http/auth-hooks';
import type { App } from '../http/fastify-types';
import { outboxMessageSchema } from './outbox.schemas';
import { boardParamsSchema, schoolParamsSchema } from '../features/tenancy/tenancy.schemas';

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
      await recordAudit(db, deps.clock, { actorUserId: requireAuth(request).user.id, action: 'outbox.read', boardId: request.params.boardId });
      return listOutbox(db, { boardId: request.params.boardId });
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
        actorUserId: requireAuth(request).user.id,
        action: 'outbox.read',
        schoolId: request.params.schoolId,
        boardId: request.schoolBoardId ?? null,
      });
      return listOutbox(db, { schoolId: request.params.schoolId });
    },
  );
}

async function listOutbox(db: Kysely<Database>, scope: { boardId: string } | { schoolId: string }) {
  let query = db.selectFrom('outbox_messages').selectAll();
  query = 'boardId' in scope ? query.where('board_id', '=', scope.boardId) : query.where('school_id', '=', scope.schoolId);
  const rows = await query.orderBy('created_at', 'desc').limit(200).execute();
  return rows.map((row) => ({ id: row.id, to: row.to_address, subject: row.subject, text: row.body_text, createdAt: row.created_at }));
}
