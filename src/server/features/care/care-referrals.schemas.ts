import { z } from 'zod';
import { REFERRAL_STATUSES } from '../../../shared/referrals';
import { multiLineTextSchema, schoolDateSchema, singleLineTextSchema } from '../../http/common.schemas';
import { carePupilParamsSchema } from './care.schemas';

// The contract of referrals (care team only): what the routes accept and answer. Types are exported for the web app.

export const referralParamsSchema = carePupilParamsSchema.extend({ referralId: z.uuid() });

/** To whom: an organisation or a person, as free text until the partners register comes. */
const toWhomSchema = singleLineTextSchema.min(1).max(200);
/** Why: paragraphs allowed, at most 4,000 characters. */
const reasonSchema = multiLineTextSchema.pipe(z.string().max(4000));

export const addReferralBodySchema = z.strictObject({
  toWhom: toWhomSchema,
  /** The date of the referral (or of the proposal). */
  referredOn: schoolDateSchema,
  reason: reasonSchema.default(''),
  status: z.enum(REFERRAL_STATUSES).default('proposed'),
  /** When to look at it again; a due follow-up reaches the care overview until the referral ends. */
  followUpOn: schoolDateSchema.nullable().default(null),
  /** The screening that proposed it: a screening of the same pupil. */
  screeningId: z.uuid().nullable().default(null),
});
export type AddReferralBody = z.input<typeof addReferralBodySchema>;
/** A new referral's fields once validated (defaults filled in). */
export type ReferralFields = z.output<typeof addReferralBodySchema>;

/** Changes to a referral; what is left out stays as it is. */
export const changeReferralBodySchema = z.strictObject({
  toWhom: toWhomSchema.optional(),
  reason: reasonSchema.optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  followUpOn: schoolDateSchema.nullable().optional(),
});
export type ChangeReferralBody = z.input<typeof changeReferralBodySchema>;

export const referralSchema = z.object({
  id: z.string(),
  toWhom: z.string(),
  referredOn: z.string(),
  reason: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  followUpOn: z.string().nullable(),
  /** The follow-up date has come and the referral has not ended. */
  isFollowUpDue: z.boolean(),
  screeningId: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Referral = z.infer<typeof referralSchema>;

export const referralsSchema = z.array(referralSchema);
export type Referrals = z.infer<typeof referralsSchema>;
