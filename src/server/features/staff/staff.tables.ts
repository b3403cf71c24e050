/** A teacher's assignment to a class. */
export interface ClassTeachersTable {
  class_id: string;
  user_id: string;
  created_at: string;
}

/** The day a person started at a school, as the school entered or imported it (YYYY-MM-DD). */
export interface StaffStartDatesTable {
  school_id: string;
  user_id: string;
  started_on: string;
  updated_at: string;
}
