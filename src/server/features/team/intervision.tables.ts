// The intervision and supervision log (issue 17): sessions with their date, kind, the TSO core concept discussed, a
// theme and a short note (both field-encrypted: they may tell about a pupil when the care team runs the session), and
// who took part. Participants and the recorder read a session; leadership and TSO leads see counts only.

/** One intervision or supervision session of a school. */
export interface TeamIntervisionSessionsTable {
  id: string;
  school_id: string;
  /** The school date it was held on. */
  held_on: string;
  /** One of INTERVISION_KINDS (shared/intervision.ts). */
  kind: string;
  /** One of TSO_CORE_CONCEPTS (shared/intervision.ts). */
  core_concept: string;
  /** The theme, field-encrypted. */
  theme_encrypted: string;
  /** A short note (may be ''), field-encrypted when not empty. */
  note_encrypted: string;
  /** 1 when the care team runs it: only then may theme and note name a pupil. */
  is_care_team_run: number;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A staff member of the school who took part in a session. */
export interface TeamIntervisionParticipantsTable {
  session_id: string;
  user_id: string;
  school_id: string;
}
