// The meldcode (issue 14): a case per worry about a pupil's safety, its five steps, and who the school's attention
// officer (aandachtsfunctionaris) is. Only a step's notes are free text, field-encrypted (ENCRYPTED_COLUMNS); who
// opened a case and who recorded a step stay plain: they decide who may see the case.

/** A meldcode case of a pupil: opened, and closed with an outcome. */
export interface CareMeldcodeCasesTable {
  id: string;
  school_id: string;
  pupil_id: string;
  /** The school date the case was opened. */
  opened_on: string;
  created_by: string | null;
  created_at: string;
  /** The school date it was closed; null while open. */
  closed_on: string | null;
  /** help_offered | reported | reported_and_help | no_concern; null while open. */
  outcome: string | null;
  closed_by: string | null;
}

/** One recording of a step of a case; the newest per step holds, earlier ones stay as the case's history. */
export interface CareMeldcodeStepsTable {
  id: string;
  school_id: string;
  case_id: string;
  /** 1–5 (MELDCODE_STEPS). */
  step: number;
  /** 1, 2, 3… per case, in the order steps were recorded: the highest per step is its newest recording. */
  recording: number;
  /** The school date the step was done; null while it is only being prepared. */
  done_on: string | null;
  /** The step's notes (may be ''), field-encrypted. */
  notes_encrypted: string;
  recorded_by: string | null;
  recorded_at: string;
}

/** The school's attention officer for the meldcode: sees every case of the school. */
export interface CareAttentionOfficersTable {
  school_id: string;
  /** A member of the school's care team. */
  user_id: string;
  set_by: string | null;
  set_at: string;
}
