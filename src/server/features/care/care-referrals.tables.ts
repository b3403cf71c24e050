// Referrals (verwijzingen, issue 14): the care team's referrals of a pupil to help outside school. To whom and why
// are field-encrypted (ENCRYPTED_COLUMNS); dates and the status stay plain: the care overview's follow-ups filter on them.

/** A referral of a pupil, with where it stands and when to look at it again. */
export interface CareReferralsTable {
  id: string;
  school_id: string;
  pupil_id: string;
  /** The school date of the referral (or of the proposal). */
  referred_on: string;
  /** To whom, as free text (the partners register comes later), field-encrypted. */
  to_whom_encrypted: string;
  /** Why (may be ''), field-encrypted. */
  reason_encrypted: string;
  /** proposed | discussed_with_parents | sent | waiting | in_care | ended */
  status: string;
  /** When to follow it up (school date); due ones reach the care overview until the referral ends. */
  follow_up_on: string | null;
  /** The screening that proposed it, if any (a screening of the same pupil). */
  screening_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
