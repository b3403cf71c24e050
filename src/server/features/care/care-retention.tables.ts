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
