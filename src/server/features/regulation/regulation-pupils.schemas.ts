import { z } from 'zod';
import { definitionIdSchema } from '../../../shared/definition-schemas';
import { ACTIVITY_KINDS, type OutOfWindowState, PUPIL_ANIMATIONS } from '../../../shared/regulation';

// The contract of the regulation moment on the pupil page (issue 19): what the class device and a pupil's own device
// ask for after a check-in outside the window, and the moment they store afterwards.

/** The states an offer is asked for: above or below the window (inside it nothing is offered). */
export const OUT_OF_WINDOW_STATES = ['too_high', 'too_low'] as const satisfies readonly OutOfWindowState[];

const stateSchema = z.enum(OUT_OF_WINDOW_STATES);

/** `GET /api/pupil/regulation/offer?state=…`: the signed-in pupil's offer. */
export const pupilOfferQuerySchema = z.strictObject({ state: stateSchema });

/** `GET /api/kiosk/regulation/offer?pupilId=…&state=…`: the offer for a pupil of the class device's class. */
export const kioskOfferQuerySchema = pupilOfferQuerySchema.extend({ pupilId: z.uuid() });

const localizedSchema = z.object({ nl: z.string(), en: z.string() });

/** One activity as the pupil page shows it: both languages (the page picks its own), the prompt, steps and animation. */
export const offeredActivitySchema = z.object({
  id: z.string(),
  name: localizedSchema,
  kind: z.enum(ACTIVITY_KINDS),
  durationSeconds: z.number().int(),
  animation: z.enum(PUPIL_ANIMATIONS),
  prompt: localizedSchema,
  steps: z.array(localizedSchema),
});
/** One offered activity. */
export type OfferedActivity = z.infer<typeof offeredActivitySchema>;

/** The offer: at most two activities, best first; empty when the school has none for this pupil and state. */
export const regulationOfferSchema = z.array(offeredActivitySchema);

/** `POST /api/pupil/regulation/moments`: which activity the pupil did for which state, and whether it helped (null: skipped). */
export const pupilMomentBodySchema = z.strictObject({
  state: stateSchema,
  activityId: definitionIdSchema.max(100),
  helped: z.boolean().nullable(),
});
/** A moment as the pupil page sends it. */
export type MomentBody = z.infer<typeof pupilMomentBodySchema>;

/** `POST /api/kiosk/regulation/moments`: the same, naming the pupil of the class who did it. */
export const kioskMomentBodySchema = pupilMomentBodySchema.extend({ pupilId: z.uuid() });

/** The stored moment's id. */
export const savedMomentSchema = z.object({ id: z.string() });
/** A stored moment. */
export type SavedMoment = z.infer<typeof savedMomentSchema>;
