import { z } from 'zod';

/** A school's settings. */
export const schoolSettingsSchema = z.object({
  /** The board admins see the agreed phases of the school's latest self-scan round. */
  sharesSelfscanWithBoard: z.boolean(),
  updatedAt: z.string().nullable(),
});

/** Changing a school's settings. */
export const schoolSettingsBodySchema = z.strictObject({ sharesSelfscanWithBoard: z.boolean() });
