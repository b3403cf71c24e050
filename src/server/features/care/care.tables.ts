// The care team's records about one pupil (issue 14). Need-to-know: a pupil's teachers read and write the trusted
// adults and the support-and-signalling plan; ACEs and screenings are the care team's only. Every free text and
// every special-category answer is field-encrypted (ENCRYPTED_COLUMNS); what stays plain is what a query must
// filter on (dates, ids, the informant and the category of an ACE answer — never the answer itself).

/** A staff member the pupil trusts, in the pupil's own words about why. */
export interface CareTrustedAdultsTable {
  id: string;
  school_id: string;
  pupil_id: string;
  user_id: string;
  /** The pupil's words about why this adult (may be ''), field-encrypted. */
  why_encrypted: string;
  created_by: string | null;
  created_at: string;
}

/** One version of a pupil's support-and-signalling plan; a change adds a version, none is ever overwritten. */
export interface CareSupportPlansTable {
  id: string;
  school_id: string;
  pupil_id: string;
  /** 1, 2, 3… per pupil. */
  version: number;
  /** The plan's texts as JSON (CarePlanContent), field-encrypted. */
  content_encrypted: string;
  /** When the plan is to be looked at again (school date); overdue reviews reach the care overview. */
  review_on: string;
  created_by: string | null;
  created_at: string;
}

/** One informant's answer about one ACE category of a pupil; the newest per informant and category holds. */
export interface CareAceAnswersTable {
  id: string;
  school_id: string;
  pupil_id: string;
  /** pupil | parent | file */
  informant: string;
  category: string;
  /** yes | no | unknown, field-encrypted: even a "no" about abuse is not for every reader of the database. */
  answer_encrypted: string;
  /** The school date the informant said so. */
  recorded_on: string;
  recorded_by: string | null;
  created_at: string;
}

/** A trauma screening (CRIES-13, CRIES-8, CATS) of a pupil, entered by the care team; scored when read. */
export interface CareScreeningsTable {
  id: string;
  school_id: string;
  pupil_id: string;
  instrument_id: string;
  instrument_version: string;
  /** Who filled in the form: the pupil, or a parent or carer. */
  informant: string;
  taken_on: string;
  /** { item id: option value } as JSON, field-encrypted. */
  answers_encrypted: string;
  recorded_by: string | null;
  created_at: string;
}

/** A break-glass opening: a staff member without need-to-know reads one pupil's support plan for 60 minutes. */
export interface CareBreakGlassTable {
  id: string;
  school_id: string;
  pupil_id: string;
  user_id: string;
  /** Why, in the staff member's words, field-encrypted. */
  reason_encrypted: string;
  opened_at: string;
  expires_at: string;
}

/** An ACE category a school added to the default list (shared/aces.ts DEFAULT_ACE_CATEGORIES). */
export interface CareAceCategoriesTable {
  school_id: string;
  /** `eigen-…`: never one of the default ids. */
  id: string;
  name_nl: string;
  name_en: string;
  created_by: string | null;
  created_at: string;
}

/** The age (whole years) at which a pupil had their first ACE, as far as the care team knows. */
export interface CareAceFirstAgesTable {
  pupil_id: string;
  school_id: string;
  /** The age as text, field-encrypted. */
  years_encrypted: string;
  recorded_by: string | null;
  recorded_at: string;
}

/** The item wording a school is licensed to use for one screening list, entered by its care team. */
export interface CareScreeningWordingsTable {
  school_id: string;
  instrument_id: string;
  /** JSON: item id → text. Not personal data: the published questions of a form. */
  items: string;
  updated_by: string | null;
  updated_at: string;
}
