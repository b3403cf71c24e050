// Where a referral of a pupil to help outside school stands: the server validates with these, the web shows them.

/** A referral's statuses, in the order a referral usually goes. */
export const REFERRAL_STATUSES = ['proposed', 'discussed_with_parents', 'sent', 'waiting', 'in_care', 'ended'] as const;
/** One referral status. */
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
