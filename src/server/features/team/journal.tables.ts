// The private reflection journal (issue 17): a staff member's own entries, readable by nobody else. Every query is
// keyed to the author's user id; the body is field-encrypted (ENCRYPTED_COLUMNS).

/** One journal entry of one staff member in one school. */
export interface TeamJournalEntriesTable {
  id: string;
  school_id: string;
  user_id: string;
  /** A prompt id of shared/reflection-prompts.ts, or null. */
  prompt_id: string | null;
  body_encrypted: string;
  created_at: string;
  updated_at: string;
}
