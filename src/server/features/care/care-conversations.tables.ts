// Pupil conversations (kindgesprekken, issue 14): a teacher's planned and held conversations with a pupil. The
// teacher's note and the part the pupil agreed to share with the care team are field-encrypted (ENCRYPTED_COLUMNS);
// dates, the author and whether something is shared stay plain: queries and the care overview filter on them.

/** One conversation with a pupil, planned and (once held) recorded by its author. */
export interface CareConversationsTable {
  id: string;
  school_id: string;
  pupil_id: string;
  /** The school date the conversation is planned for. */
  planned_on: string;
  /** The school date it was held; null while it is only planned. */
  held_on: string | null;
  /** The author's own note (may be ''), field-encrypted; read by the author only. */
  note_encrypted: string;
  /** 1 when the pupil agreed that `for_care_team` goes to the care team, else 0. */
  shared_with_care_team: number;
  /** What the pupil agreed to share with the care team (may be ''), field-encrypted. */
  for_care_team_encrypted: string;
  /** The author: the teacher (or care team member) who planned the conversation. */
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
