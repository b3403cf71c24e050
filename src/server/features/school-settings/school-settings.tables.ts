import type { Selectable } from 'kysely';

/** Choices a school makes for itself; a school without a row uses the defaults (nothing shared). */
export interface SchoolSettingsTable {
  school_id: string;
  /** 1 when the board may see the school's agreed self-scan phases, else 0. */
  shares_selfscan_with_board: number;
  /** 1 when the board may see the school's anonymous per-class check-in figures, else 0. */
  shares_checkin_with_board: number;
  /** 1 when every staff member of the school may read the implementation plan, else 0 (working group and leadership always can). */
  shares_plan_with_team: number;
  /** 1 when the board admins see the plan roll-up (phase, goals, overdue actions, training coverage), else 0. */
  shares_plan_with_board: number;
  /** 1 when the board admins see the school's effect evaluation (pooled with other sharing schools), else 0. */
  shares_effect_with_board: number;
  /** N: staff who joined more than N months ago without the full training are listed as overdue. */
  untrained_after_months: number;
  updated_by: string | null;
  updated_at: string;
}

export type SchoolSettingsRow = Selectable<SchoolSettingsTable>;
