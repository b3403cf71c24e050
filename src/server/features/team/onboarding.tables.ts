// Onboarding per location (issue 17): the tables of migration 2026-12-14-001-onboarding. The note of a buddy
// conversation is field-encrypted ('' when empty); guide texts and the ramp are the school's own content, not
// personal, and stored as they are.

/** When a school's onboarding received its default guide and ramp (once). */
export interface TeamOnboardingSetupsTable {
  school_id: string;
  created_at: string;
}

/** A published version of a school's guide. */
export interface TeamGuideVersionsTable {
  id: string;
  school_id: string;
  number: number;
  published_by: string | null;
  published_at: string;
}

/** A section of the draft (version_id null) or of a published version. */
export interface TeamGuideSectionsTable {
  id: string;
  school_id: string;
  version_id: string | null;
  section_key: string;
  location_id: string | null;
  kind: string;
  title: string;
  body: string;
  position: number;
  changed_in: number | null;
  updated_at: string;
}

/** A staff member read a section as it was changed in version `changed_in`. */
export interface TeamGuideConfirmationsTable {
  school_id: string;
  user_id: string;
  section_key: string;
  changed_in: number;
  confirmed_at: string;
}

/** The chef-buddy of a location. */
export interface TeamChefBuddiesTable {
  location_id: string;
  school_id: string;
  user_id: string;
  appointed_by: string | null;
  appointed_at: string;
}

/** A newcomer and their buddy, from a start date. */
export interface TeamOnboardingPairsTable {
  id: string;
  school_id: string;
  location_id: string | null;
  newcomer_user_id: string;
  buddy_user_id: string;
  started_on: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One item of the school's ramp template, in week 1, 2 or 3. */
export interface TeamRampTemplateItemsTable {
  id: string;
  school_id: string;
  week: number;
  position: number;
  text: string;
  updated_at: string;
}

/** An item of the ramp done by a pair. */
export interface TeamRampTicksTable {
  pair_id: string;
  item_id: string;
  ticked_by: string | null;
  ticked_at: string;
}

/** A planned (and perhaps held) conversation between buddy and newcomer. */
export interface TeamBuddyConversationsTable {
  id: string;
  school_id: string;
  pair_id: string;
  planned_on: string;
  held_on: string | null;
  stage: string;
  note_encrypted: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The newcomer's evaluation of the onboarding: answers of the onboarding-evaluation instrument. */
export interface TeamOnboardingEvaluationsTable {
  pair_id: string;
  school_id: string;
  instrument_id: string;
  instrument_version: string;
  /** `{ itemId: value }` */
  answers_json: string;
  submitted_at: string | null;
  updated_at: string;
}

/** A school's own version of a role text (buddy_role, chef_buddy_tasks); the default applies when absent. */
export interface TeamOnboardingTextsTable {
  school_id: string;
  key: string;
  body: string;
  updated_by: string | null;
  updated_at: string;
}
