// Research export (issue 13): the studies a school joins and the pupils whose data stays out of them.

/** A study the school takes part in; its key makes the study's pseudonyms and never leaves the server. */
export interface ResearchStudiesTable {
  id: string;
  school_id: string;
  name: string;
  /** 32 random bytes (base64), field-encrypted (ENCRYPTED_COLUMNS): HMAC key of the study's pseudonyms. */
  key_encrypted: string;
  created_by: string | null;
  created_at: string;
}

/** A pupil (or their parents) objected to research: their answers are left out of every study's export. */
export interface ResearchObjectionsTable {
  pupil_id: string;
  school_id: string;
  recorded_by: string | null;
  created_at: string;
}
