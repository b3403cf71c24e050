import type { z } from 'zod';
import type { checkinFormSchema, kioskSessionSchema, pupilSessionSchema } from '../server/features/checkin/checkin.schemas';

// Types only, like the SPA's api-types.ts: the server's zod schemas are the contract; nothing of
// zod or the server ends up in the pupil bundle.

/** The words and choices of the check-in, in the pupil's language and age group. */
export type CheckinForm = z.infer<typeof checkinFormSchema>;
/** A pupil's own-device session. */
export type PupilSession = z.infer<typeof pupilSessionSchema>;
/** The class device in kiosk mode. */
export type KioskSession = z.infer<typeof kioskSessionSchema>;
