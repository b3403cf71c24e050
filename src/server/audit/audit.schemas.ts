import { z } from 'zod';

/** One audit event as the log page shows it. */
export const auditEventSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  detail: z.string().nullable(),
});
/** One line of the audit log. */
export type AuditEvent = z.infer<typeof auditEventSchema>;
