import type { z } from 'zod';
import type { accountSessionSchema, endedSessionsSchema } from '../../server/auth/account.schemas';

/** One place where the signed-in user is signed in. */
export type AccountSession = z.infer<typeof accountSessionSchema>;
/** How many other sessions an account action ended. */
export type EndedSessions = z.infer<typeof endedSessionsSchema>;
