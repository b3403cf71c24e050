import type { Database } from '../db/database';
import type { FieldRef } from './field-crypto';

/** A column whose values are stored encrypted; `keyColumns` identify a row (joined by `/` into the row id). */
export interface EncryptedColumn {
  table: keyof Database;
  column: string;
  keyColumns: readonly string[];
}

/**
 * THE registry of encrypted columns. FieldCrypto refuses to encrypt for a column that is not listed,
 * so `groeiwijzer keys rotate-data-key` and the start-up encryption of old plain text cover every one.
 * Add a line here for every new special-category field (free text about a pupil, MFA secrets) or live secret.
 */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  // A staff member's note with a self-scan answer: free text that may describe a pupil.
  { table: 'selfscan_ratings', column: 'note', keyColumns: ['response_id', 'aspect_id'] },
  // Why the team agreed on a phase for an aspect: free text that may name colleagues or pupils.
  { table: 'selfscan_consensus', column: 'rationale', keyColumns: ['round_id', 'aspect_id'] },
  // The TOTP secret of a user's authenticator (two-step verification).
  { table: 'user_mfa', column: 'secret_encrypted', keyColumns: ['user_id'] },
  // The optional word or emoji a pupil adds to a daily check-in.
  { table: 'checkins', column: 'word_encrypted', keyColumns: ['id'] },
  // A "we talked" note a teacher or the care team writes about a pupil after a check-in signal.
  { table: 'checkin_notes', column: 'note_encrypted', keyColumns: ['id'] },
  // The evidence of a goal in the implementation plan: free text that may tell about pupils or colleagues.
  // An empty text ('' = no evidence yet, the column's default) is stored as it is.
  { table: 'plan_goals', column: 'evidence', keyColumns: ['id'] },
  // The key of a research study's pseudonyms: whoever holds it can link a pseudonym back to a pupil id.
  { table: 'research_studies', column: 'key_encrypted', keyColumns: ['id'] },
  // The care team's records about a pupil (features/care): a trusted adult in the pupil's words, each version of the
  // support plan, every ACE answer (a "no" too), a screening's answers, and why someone opened a plan by break-glass.
  { table: 'care_trusted_adults', column: 'why_encrypted', keyColumns: ['id'] },
  { table: 'care_support_plans', column: 'content_encrypted', keyColumns: ['id'] },
  { table: 'care_ace_answers', column: 'answer_encrypted', keyColumns: ['id'] },
  { table: 'care_ace_first_ages', column: 'years_encrypted', keyColumns: ['pupil_id'] },
  { table: 'care_screenings', column: 'answers_encrypted', keyColumns: ['id'] },
  { table: 'care_break_glass', column: 'reason_encrypted', keyColumns: ['id'] },
  // A pupil conversation: the author's own note, and what the pupil agreed to share with the care team.
  { table: 'care_conversations', column: 'note_encrypted', keyColumns: ['id'] },
  { table: 'care_conversations', column: 'for_care_team_encrypted', keyColumns: ['id'] },
  // A referral: to whom (a named organisation or person tells a lot about a child) and why.
  { table: 'care_referrals', column: 'to_whom_encrypted', keyColumns: ['id'] },
  { table: 'care_referrals', column: 'reason_encrypted', keyColumns: ['id'] },
  // The notes of a meldcode step: signs of abuse, what the pupil and parents said, the weighing.
  { table: 'care_meldcode_steps', column: 'notes_encrypted', keyColumns: ['id'] },
  // A teacher's note beside a class-climate rating: about the class, and it may name pupils.
  { table: 'class_climate_ratings', column: 'note_encrypted', keyColumns: ['id'] },
  // Parents (features/parents): why a parent gets nothing about a child (a court order), what a parent asks a
  // conversation about, and a parent's questionnaire answers (ACEs, their own life events) and closing note.
  { table: 'parent_children', column: 'exclusion_reason_encrypted', keyColumns: ['parent_id', 'pupil_id'] },
  { table: 'parent_conversation_requests', column: 'message_encrypted', keyColumns: ['id'] },
  { table: 'parent_questionnaires', column: 'answers_encrypted', keyColumns: ['id'] },
  { table: 'parent_questionnaires', column: 'note_encrypted', keyColumns: ['id'] },
  // A contact with a pupil's parents (features/parents): the short note the pupil's teachers read, and the care
  // team's own notes (the life course told at the enrolment conversation).
  { table: 'parent_contacts', column: 'note_encrypted', keyColumns: ['id'] },
  { table: 'parent_contacts', column: 'care_notes_encrypted', keyColumns: ['id'] },
  // The partners register: notes about a partner organisation and the text of an agreement with one (may name pupils
  // or colleagues). An empty text ('' = none, the columns' default) is stored as it is.
  { table: 'partner_organisations', column: 'notes_encrypted', keyColumns: ['id'] },
  { table: 'partner_agreements', column: 'text_encrypted', keyColumns: ['id'] },
  // Onboarding (features/team/onboarding): the short note of a buddy conversation, readable by the newcomer and the
  // buddy only (it may tell how a colleague is doing).
  { table: 'team_buddy_conversations', column: 'note_encrypted', keyColumns: ['id'] },
  // A staff member's competence self-assessment (features/team): the personal goals and the evidence per indicator —
  // about themselves, private unless they share it. The intervision log: a session's theme and note (they may tell
  // about a pupil when the care team runs it). An empty text ('' = none) is stored as it is.
  { table: 'team_competence_assessments', column: 'goals_encrypted', keyColumns: ['id'] },
  { table: 'team_competence_ratings', column: 'evidence_encrypted', keyColumns: ['assessment_id', 'indicator_id'] },
  { table: 'team_intervision_sessions', column: 'theme_encrypted', keyColumns: ['id'] },
  { table: 'team_intervision_sessions', column: 'note_encrypted', keyColumns: ['id'] },
  // A staff member's private reflection journal (features/team): readable by its author only.
  { table: 'team_journal_entries', column: 'body_encrypted', keyColumns: ['id'] },
  // A reset or invitation link kept in the outbox: it works like a password until it expires (then purged).
  { table: 'outbox_messages', column: 'secret_link_encrypted', keyColumns: ['id'] },
  // The client secret of a board's school sign-in provider (auth/sso.*): whoever holds it can act as Groeiwijzer there.
  { table: 'board_sso_providers', column: 'client_secret_encrypted', keyColumns: ['board_id'] },
];

/** The registry entry of a field, or undefined when the column is not registered. */
export function encryptedColumnOf(table: string, column: string): EncryptedColumn | undefined {
  return ENCRYPTED_COLUMNS.find((entry) => entry.table === table && entry.column === column);
}

/** The row id of a row of a registered column: its key column values joined by `/`. */
export function rowIdOf(entry: EncryptedColumn, row: Record<string, unknown>): string {
  return entry.keyColumns.map((name) => String(row[name])).join('/');
}

/** The FieldRef of a registered column for the given key values (in `keyColumns` order). */
export function encryptedFieldRef(table: keyof Database, column: string, keyValues: readonly string[]): FieldRef {
  const entry = encryptedColumnOf(table, column);
  if (!entry) throw new Error(`${table}.${column} is not in ENCRYPTED_COLUMNS`);
  if (keyValues.length !== entry.keyColumns.length) throw new Error(`${table}.${column} needs ${entry.keyColumns.length} key values`);
  return { table, column, rowId: keyValues.join('/') };
}
