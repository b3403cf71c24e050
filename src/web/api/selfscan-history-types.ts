import type { z } from 'zod';
import type { schoolSettingsSchema } from '../../server/features/school-settings/school-settings.schemas';
import type { boardSelfscanSchema, historySchema, placementSchema, shiftSchema } from '../../server/features/selfscan/selfscan-history.schemas';

// Types only, like api-types.ts: kept apart so the self-scan history work does not edit that shared file.

/** Where a school stood on an aspect: the agreed phase or, without one, the team median. */
export type Placement = z.infer<typeof placementSchema>;
/** The shift per aspect between a round and an earlier one. */
export type SelfscanShift = z.infer<typeof shiftSchema>;
/** The agreed phase and median of every aspect over a school's rounds. */
export type SelfscanHistory = z.infer<typeof historySchema>;
/** The board's view of the agreed phases of the schools that share them. */
export type BoardSelfscan = z.infer<typeof boardSelfscanSchema>;
/** A school's own settings. */
export type SchoolSettings = z.infer<typeof schoolSettingsSchema>;
