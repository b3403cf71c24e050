import { z } from 'zod';

/** A school's settings. */
export const schoolSettingsSchema = z.object({
  /** The board admins see the agreed phases of the school's latest self-scan round. */
  sharesSelfscanWithBoard: z.boolean(),
  /** The board admins see the school's anonymous per-class check-in figures (classes under k stay hidden). */
  sharesCheckinWithBoard: z.boolean(),
  updatedAt: z.string().nullable(),
});

/** Changing a school's settings: the settings given change, the others stay as they are (at least one). */
export const schoolSettingsBodySchema = z
  .strictObject({ sharesSelfscanWithBoard: z.boolean().optional(), sharesCheckinWithBoard: z.boolean().optional() })
  .refine((body) => body.sharesSelfscanWithBoard !== undefined || body.sharesCheckinWithBoard !== undefined, { message: 'Give at least one setting' });
