import type { ColumnType, Selectable } from 'kysely';

/** A stored development model version: shipped with Groeiwijzer (no school) or imported by one school. */
export interface DevelopmentModelsTable {
  id: string;
  school_id: string | null;
  model_key: string;
  version: string;
  /** The validated model definition as JSON text. */
  definition: string;
  created_at: string;
}

/** A self-scan round (zelfscanronde) of a school on one model version. */
export interface SelfscanRoundsTable {
  id: string;
  school_id: string;
  model_id: string;
  name: string;
  /** First and last day (YYYY-MM-DD, school time) on which invitees can rate. */
  opens_on: string;
  closes_on: string;
  /** JSON `{ roles, locationIds }`: who was invited (empty lists = everyone). */
  audience: string;
  results_shared_at: string | null;
  /** When the lead or leadership closed the round before its last day; null: it closes after `closes_on`. Optional on insert. */
  closed_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the invitees who had not finished were last reminded (at most once a day); null: never. Optional on insert. */
  reminded_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: string;
}

/** A staff member invited to rate in a round. */
export interface SelfscanInvitationsTable {
  round_id: string;
  user_id: string;
}

/** One respondent's answers in a round; the role is fixed at the first answer. */
export interface SelfscanResponsesTable {
  id: string;
  round_id: string;
  user_id: string;
  role: string;
  created_at: string;
  updated_at: string;
}

/** One answer for one aspect; a null phase means "weet ik niet" (don't know). */
export interface SelfscanRatingsTable {
  response_id: string;
  aspect_id: string;
  phase: number | null;
  note: string | null;
  updated_at: string;
}

/** The phase the team agreed on for an aspect in a round, with why. */
export interface SelfscanConsensusTable {
  round_id: string;
  aspect_id: string;
  phase: number;
  rationale: string;
  recorded_by: string | null;
  recorded_at: string;
}

/** An aspect chosen as a goal after a round: reach the next phase. */
export interface SelfscanGoalsTable {
  round_id: string;
  aspect_id: string;
  target_phase: number;
  created_by: string | null;
  created_at: string;
}

export type DevelopmentModelRow = Selectable<DevelopmentModelsTable>;
export type SelfscanRoundRow = Selectable<SelfscanRoundsTable>;
