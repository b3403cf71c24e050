import { z } from 'zod';

/** A mail as the outbox page shows it. */
export const outboxMessageSchema = z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), createdAt: z.string() });
