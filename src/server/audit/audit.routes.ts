import { z } from 'zod';
import type { Deps } from '../deps';
import type { App } from '../http/fastify-types';

import { listAuditEvents } from './audit.repository';
import { auditEventSchema } from './audit.schemas';
import { boardParamsSchema, schoolParamsSchema } from '../http/common.schemas';

const AUDIT_PAGE = 200;

/** The audit log of a board or a school (newest first). */
export async function auditRoutes(app: App, deps: Deps): Promise<void> {
  const db = deps.db.kysely;
  const present = (rows: Awaited<ReturnType<typeof listAuditEvents>>) =>
    rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurred_at,
      actorName: row.actor_name,
      actorEmail: row.actor_email,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      detail: row.detail,
    }));
  app.get(
    '/api/boards/:boardId/audit-events',
    {
      config: { policy: { access: 'permission', permission: 'board.audit.read' } },
      schema: { tags: ['audit'], params: boardParamsSchema, response: { 200: z.array(auditEventSchema) } },
    },
    async (request) => present(await listAuditEvents(db, { boardId: request.params.boardId }, AUDIT_PAGE)),
  );
  app.get(
    '/api/schools/:schoolId/audit-events',
    {
      config: { policy: { access: 'permission', permission: 'school.audit.read' } },
      schema: { tags: ['audit'], params: schoolParamsSchema, response: { 200: z.array(auditEventSchema) } },
    },
    async (request) => present(await listAuditEvents(db, { schoolId: request.params.schoolId }, AUDIT_PAGE)),
  );
}
