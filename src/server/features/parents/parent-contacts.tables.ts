// The contact log with a pupil's parents and carers (issue 16), from enrolment on. The short note and the care team's
// notes are field-encrypted (ENCRYPTED_COLUMNS); dates, the kind of contact and whether it was the enrolment
// conversation stay plain: the overview, the follow-ups and the evidence counts filter on them. With whom and the
// topic are short plain labels ("moeder", "kennismaking"), shown in lists.

/** One contact of the school with a pupil's parents or carers. */
export interface ParentContactsTable {
  id: string;
  school_id: string;
  pupil_id: string;
  /** The school date the contact took place. */
  held_on: string;
  /** phone | visit | at_school | video | other (PARENT_CONTACT_KINDS in shared/parent-contacts.ts). */
  kind: string;
  /** With whom, as a short label: "moeder", "vader en stiefmoeder", "pleegouders". */
  with_whom: string;
  /** What it was about, in a few words. */
  topic: string;
  /** 1 for the enrolment conversation about the life course of pupil and parents (intakegesprek), else 0. */
  is_enrolment: number;
  /** The short note (may be ''), field-encrypted; read by the pupil's teachers and the care team. */
  note_encrypted: string;
  /** The care team's own notes (may be ''), field-encrypted; never returned to a teacher. */
  care_notes_encrypted: string;
  /** When to get back to the parents (school date), if agreed. */
  follow_up_on: string | null;
  /** When the follow-up was marked done (UTC instant); null while open. */
  follow_up_done_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
