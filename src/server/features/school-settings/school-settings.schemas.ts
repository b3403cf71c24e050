import { z } from 'zod';
import { UNTRAINED_AFTER_MONTHS_RANGE } from '../../../shared/plan';

/** A school's settings. */
export const schoolSettingsSchema = z.object({
  /** The board admins see the agreed phases of the school's latest self-scan round. */
  sharesSelfscanWithBoard: z.boolean(),
  /** The board admins see the school's anonymous per-class check-in figures (classes under k stay hidden). */
  sharesCheckinWithBoard: z.boolean(),
  /** Every staff member may read the implementation plan (the working group and leadership always can). */
  sharesPlanWithTeam: z.boolean(),
  /** The board admins see the plan roll-up (phase, goals achieved/total, overdue actions, training coverage). */
  sharesPlanWithBoard: z.boolean(),
  /** The board admins see the school's effect evaluation, pooled with the other schools that share it. */
  sharesEffectWithBoard: z.boolean(),
  /** Staff who joined more than this many months ago without the full training are listed (default 12). */
  untrainedAfterMonths: z.number().int(),
  /** When a setting last changed; null while every setting is at its default. */
  updatedAt: z.string().nullable(),
});
/** A school's own settings. */
export type SchoolSettings = z.infer<typeof schoolSettingsSchema>;

/** Changing a school's settings: the settings given change, the others stay as they are (at least one). */
export const schoolSettingsBodySchema = z
  .strictObject({
    sharesSelfscanWithBoard: z.boolean().optional(),
    sharesCheckinWithBoard: z.boolean().optional(),
    sharesPlanWithTeam: z.boolean().optional(),
    sharesPlanWithBoard: z.boolean().optional(),
    sharesEffectWithBoard: z.boolean().optional(),
    untrainedAfterMonths: z.number().int().min(UNTRAINED_AFTER_MONTHS_RANGE.min).max(UNTRAINED_AFTER_MONTHS_RANGE.max).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'Give at least one setting' });
