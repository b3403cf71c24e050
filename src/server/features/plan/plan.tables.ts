import type { Selectable } from 'kysely';

// Dates are YYYY-MM-DD text (school time, Europe/Amsterdam); instants ISO-8601 UTC text; booleans 0/1.
// Statuses, phases, Kotter steps and training kinds hold the names from src/shared/plan.ts.

/** The dates of one implementation phase of a school (a school without a row has not planned that phase). */
export interface PlanPhasesTable {
  school_id: string;
  phase: string;
  starts_on: string;
  /** The planned end; null for "ongoing" (typically the sustain phase). */
  ends_on: string | null;
  updated_by: string | null;
  updated_at: string;
}

/** A monitoring moment on the school's timeline (an evaluation, a look at the figures, a team day). */
export interface PlanMomentsTable {
  id: string;
  school_id: string;
  on_date: string;
  title: string;
  created_by: string | null;
  created_at: string;
}

/** A member of the school's TSO working group; `lead` = kartrekker (also manages the group). */
export interface PlanWorkingGroupTable {
  school_id: string;
  user_id: string;
  role: string;
  added_by: string | null;
  created_at: string;
}

/** A goal of the plan: an aspect of the development model with a target phase, or free text. */
export interface PlanGoalsTable {
  id: string;
  school_id: string;
  school_year: string;
  /** Set for aspect goals (with model_id and target_phase); null for free-text goals. */
  aspect_id: string | null;
  model_id: string | null;
  target_phase: number | null;
  /** The self-scan round whose next goals this goal came from, if any. */
  source_round_id: string | null;
  /** The goal in the school's words: required for free-text goals, optional extra for aspect goals. */
  title: string | null;
  owner_user_id: string | null;
  status: string;
  /** What shows how far the goal is: encrypted (field encryption, rowId = id); '' while there is none. */
  evidence: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** An action under a goal. */
export interface PlanActionsTable {
  id: string;
  goal_id: string;
  school_id: string;
  title: string;
  owner_user_id: string | null;
  due_on: string | null;
  status: string;
  kotter_step: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** When the status became `done` (null otherwise). */
  completed_at: string | null;
}

/** A training in the school's register. */
export interface TrainingsTable {
  id: string;
  school_id: string;
  kind: string;
  /** The school's own title (required for `custom`). */
  title: string | null;
  held_on: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A staff member who took part in a training. */
export interface TrainingParticipantsTable {
  training_id: string;
  user_id: string;
}

/** A partner organisation (e.g. after-school care, youth care) that took part in a training. */
export interface TrainingPartnersTable {
  id: string;
  training_id: string;
  organisation: string;
}

/** A person's own choices for the plan: the weekly digest and their calendar feed. */
export interface PlanUserPreferencesTable {
  user_id: string;
  digest_opt_out: number;
  /** SHA-256 of the calendar feed token; null when the person has no feed. */
  calendar_token_hash: string | null;
  calendar_token_created_at: string | null;
  updated_at: string;
}

/** One digest sent to a person for one ISO week ("2026-W48"): sending twice is refused by the key. */
export interface PlanDigestSentTable {
  user_id: string;
  week: string;
  sent_at: string;
}

export type PlanPhaseRow = Selectable<PlanPhasesTable>;
export type PlanMomentRow = Selectable<PlanMomentsTable>;
export type PlanWorkingGroupRow = Selectable<PlanWorkingGroupTable>;
export type PlanGoalRow = Selectable<PlanGoalsTable>;
export type PlanActionRow = Selectable<PlanActionsTable>;
export type TrainingRow = Selectable<TrainingsTable>;
