// The tables of the care team's daily jobs: retention terms (care-retention.ts) and sent reminders (care-reminders.ts).

/** A school's own term for one kind of care data (features/care/care-retention.ts); the default holds without a row. */
export interface CareRetentionTermsTable {
  school_id: string;
  /** One of CARE_RETENTION_CATEGORIES. */
  category: string;
  /** Months after the pupil's leaving date. */
  months: number;
  updated_by: string | null;
  updated_at: string;
}

/** A care reminder that went out: about a plan's review date (record: the pupil) or a referral's follow-up date. */
export interface CareRemindersSentTable {
  school_id: string;
  /** `plan_review` or `referral_follow_up`. */
  kind: string;
  record_id: string;
  due_on: string;
  sent_at: string;
}
