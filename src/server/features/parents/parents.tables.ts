import type { Selectable } from 'kysely';

// Parents and carers of a school's pupils (issue 16) and how they reach their parent page: no account, no password —
// a one-time link swapped for a short parent session. What a parent writes about themselves or their child (notes,
// conversation requests, questionnaire answers) is field-encrypted; what a query filters on stays plain.

/** A parent or carer the school knows. Contact details are theirs to see and correct on the parent page. */
export interface ParentsTable {
  id: string;
  school_id: string;
  name: string;
  /** How they relate to the child, in the school's words ("moeder", "pleegvader"). */
  relation: string;
  email: string | null;
  phone: string | null;
  /** The language of their parent page: nl, en or a code the school added (parent_languages). */
  language: string;
  /** When the parent last corrected their own details (null: never). */
  details_corrected_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A child of a parent at the school; `excluded_at` set: this parent gets nothing about this child (a court order). */
export interface ParentChildrenTable {
  parent_id: string;
  pupil_id: string;
  school_id: string;
  excluded_at: string | null;
  /** Why, in the staff member's words (may name the order), field-encrypted; '' when not excluded. */
  exclusion_reason_encrypted: string;
  excluded_by: string | null;
  created_at: string;
}

/** A one-time link: works once, until it expires, unless a newer link or a revocation stopped it. */
export interface ParentLinksTable {
  id: string;
  parent_id: string;
  school_id: string;
  /** SHA-256 of the secret (the secret itself is never stored). */
  token_hash: string;
  /** email | letter */
  channel: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
  /** When the parent holding this (used or expired) link asked for a new one; the staff see it until a new link goes out. */
  new_link_requested_at: string | null;
}

/** A parent session, made when a link is opened; limited to that parent's own children. */
export interface ParentSessionsTable {
  id_hash: string;
  parent_id: string;
  school_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** A parent asks the school for a conversation about one child. */
export interface ParentConversationRequestsTable {
  id: string;
  school_id: string;
  parent_id: string;
  pupil_id: string;
  /** What about, in the parent's words, field-encrypted. */
  message_encrypted: string;
  created_at: string;
  handled_at: string | null;
  handled_by: string | null;
}

/** A questionnaire the school sent one parent about one child, answered through the questionnaire engine. */
export interface ParentQuestionnairesTable {
  id: string;
  school_id: string;
  parent_id: string;
  pupil_id: string;
  instrument_id: string;
  instrument_version: string;
  sent_by: string | null;
  sent_at: string;
  /** When the parent said yes to a questionnaire about themselves (null: not asked, or not yet). */
  consent_at: string | null;
  /** JSON { item id: value }, field-encrypted (ACEs and a parent's own life events are special-category data). */
  answers_encrypted: string;
  /** The parent's optional note at the end, field-encrypted ('' for none). */
  note_encrypted: string;
  answered: number;
  is_complete: number;
  updated_at: string;
}

/** What the school tells parents about its TSO work; no row: the project's default text. */
export interface ParentSchoolPagesTable {
  school_id: string;
  text_nl: string;
  text_en: string;
  updated_by: string | null;
  updated_at: string;
}

/** A language a school added for its parent pages, as a translation file. */
export interface ParentLanguagesTable {
  school_id: string;
  code: string;
  /** The language's own name ("العربية", "Türkçe"). */
  name: string;
  /** ltr | rtl */
  direction: string;
  /** JSON: the validated translation file's texts. */
  texts: string;
  updated_by: string | null;
  updated_at: string;
}

export type ParentRow = Selectable<ParentsTable>;
export type ParentLinkRow = Selectable<ParentLinksTable>;
export type ParentQuestionnaireRow = Selectable<ParentQuestionnairesTable>;
