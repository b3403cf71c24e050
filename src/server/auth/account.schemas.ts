import { z } from 'zod';
import { newPasswordSchema } from './passwords';

/** Changing one's own password: the current one proves it is really them. */
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: newPasswordSchema,
});

/** Ending one's other sessions asks for the password again. */
export const endOtherSessionsSchema = z.strictObject({
  password: z.string().min(1).max(1024),
});

/** One place where the user is signed in; `id` is derived from the session, never the session secret. */
export const accountSessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
});
/** One place where the signed-in user is signed in. */
export type AccountSession = z.infer<typeof accountSessionSchema>;

/** How many other sessions were ended. */
export const endedSessionsSchema = z.object({ ended: z.number().int().min(0) });
/** How many other sessions an account action ended. */
export type EndedSessions = z.infer<typeof endedSessionsSchema>;
