// Group dynamics in class (issue 15). Sociogram answers are need-to-know: only the class's teachers and the care
// team. Choices are stored as pupil ids (no text to encrypt); the class-climate note is field-encrypted because a
// teacher may name pupils in it.

/** Whether a school allows "rather not" (negative) questions; off unless the school switches it on. */
export interface SociogramSettingsTable {
  school_id: string;
  /** 0 | 1 */
  negative_questions_allowed: number;
  updated_by: string | null;
  updated_at: string;
}

/** A question a school added to the project's question bank. */
export interface SociogramSchoolQuestionsTable {
  id: string;
  school_id: string;
  text: string;
  /** positive | negative */
  valence: string;
  created_by: string | null;
  created_at: string;
  archived_at: string | null;
}

/** One sociogram of one class: open while pupils answer, closed when the teacher closes it. */
export interface SociogramsTable {
  id: string;
  school_id: string;
  class_id: string;
  opened_on: string;
  closed_on: string | null;
  created_by: string | null;
  created_at: string;
  /** Set by retention: the choices are deleted, `class_counts` (JSON, anonymous) remains. */
  purged_on: string | null;
  class_counts: string | null;
}

/** A question as it was asked in one sociogram (a copy of the bank's wording at the start). */
export interface SociogramQuestionsTable {
  sociogram_id: string;
  position: number;
  /** The bank's key (`play`, `sit`…) or the school question's id. */
  question_key: string;
  text_nl: string;
  text_en: string;
  /** positive | negative */
  valence: string;
  /** null: no maximum. */
  max_choices: number | null;
}

/** That a pupil answered (possibly choosing nobody), when, and who typed it in (null: the pupil themselves). */
export interface SociogramAnswersTable {
  sociogram_id: string;
  pupil_id: string;
  answered_at: string;
  entered_by: string | null;
}

/** One choice: `chooser_id` chose `chosen_id` on question `position`. */
export interface SociogramChoicesTable {
  sociogram_id: string;
  chooser_id: string;
  position: number;
  chosen_id: string;
}

/** The teacher's quick rating of the class climate (1 = negative, much trouble … 4 = positive, strengthening). */
export interface ClassClimateRatingsTable {
  id: string;
  school_id: string;
  class_id: string;
  rated_on: string;
  rating: number;
  /** A short note (may be ''), field-encrypted. */
  note_encrypted: string;
  rated_by: string | null;
  created_at: string;
}

/** The group phase the teacher sees the class in, from a date on; the newest holds, earlier ones are its history. */
export interface ClassGroupPhasesTable {
  id: string;
  school_id: string;
  class_id: string;
  /** forming | storming | norming | performing | reforming */
  phase: string;
  from_on: string;
  set_by: string | null;
  created_at: string;
}
