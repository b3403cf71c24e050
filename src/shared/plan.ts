// The implementation plan: shared names and small pure rules used by the server and the web app.

/** The four implementation phases of TSO, in the order a school goes through them. */
export const IMPLEMENTATION_PHASES = ['explore', 'prepare', 'implement', 'sustain'] as const;
/** One implementation phase. */
export type ImplementationPhase = (typeof IMPLEMENTATION_PHASES)[number];

/** Typical length of each phase in months (seed 001): guidance for planning, never enforced. */
export const TYPICAL_PHASE_MONTHS: Record<ImplementationPhase, { min: number; max: number | null }> = {
  explore: { min: 3, max: 6 },
  prepare: { min: 6, max: 6 },
  implement: { min: 12, max: 24 },
  sustain: { min: 12, max: null },
};

/** Where a goal stands. */
export const GOAL_STATUSES = ['planned', 'in_progress', 'achieved', 'dropped'] as const;
/** One goal status. */
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Where an action stands; `done` and `dropped` are closed (never overdue). */
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
/** One action status. */
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Kotter's eight steps of change, in order: an optional lens on the plan's actions. */
export const KOTTER_STEPS = [
  'urgency',
  'guiding_team',
  'vision',
  'communicate',
  'enable',
  'short_term_wins',
  'consolidate',
  'anchor',
] as const;
/** One Kotter step. */
export type KotterStep = (typeof KOTTER_STEPS)[number];

/** A place in the school's working group: leads (kartrekkers) also manage the group itself. */
export const WORKING_GROUP_ROLES = ['lead', 'member'] as const;
/** One working-group role. */
export type WorkingGroupRole = (typeof WORKING_GROUP_ROLES)[number];

/** Kinds of training in the register; `custom` carries the school's own title. */
export const TRAINING_KINDS = ['intro', 'full_team', 'refresher', 'new_staff', 'partner_day', 'custom'] as const;
/** One kind of training. */
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/**
 * Trainings that count as "had the full training": the whole-team training (with its pre- and post-track)
 * and the new-staff training, which is how people who join later catch up on the same content.
 */
export const FULL_TRAINING_KINDS: readonly TrainingKind[] = ['full_team', 'new_staff'];

/** Default N: staff who joined more than N months ago without the full training are listed as overdue. */
export const DEFAULT_UNTRAINED_AFTER_MONTHS = 12;

/** Bounds of a school's own N. */
export const UNTRAINED_AFTER_MONTHS_RANGE = { min: 1, max: 60 } as const;

/** Days ahead that count as "due" in the weekly digest (overdue actions are always in it). */
export const DIGEST_DUE_WITHIN_DAYS = 7;

/** Text limits of the plan. */
export const PLAN_LIMITS = {
  titleMax: 200,
  evidenceMax: 4000,
  momentTitleMax: 200,
  organisationMax: 200,
  partnersMax: 50,
  participantsMax: 500,
} as const;

/** True when an action is still open and its due date (YYYY-MM-DD) lies before today (YYYY-MM-DD, school time). */
export function isActionOverdue(action: { status: ActionStatus; dueOn: string | null }, today: string): boolean {
  if (action.status === 'done' || action.status === 'dropped') return false;
  return action.dueOn !== null && action.dueOn < today;
}

/**
 * The Kotter lens: how many actions (dropped ones left out) the plan has per step, in Kotter's order,
 * and which steps have none — the steps the plan neglects.
 */
export function kotterCoverage(actions: readonly { kotterStep: KotterStep | null; status: ActionStatus }[]): {
  counts: { step: KotterStep; actions: number }[];
  neglected: KotterStep[];
  withoutStep: number;
} {
  const live = actions.filter((action) => action.status !== 'dropped');
  const counts = KOTTER_STEPS.map((step) => ({ step, actions: live.filter((action) => action.kotterStep === step).length }));
  return {
    counts,
    neglected: counts.filter((count) => count.actions === 0).map((count) => count.step),
    withoutStep: live.filter((action) => action.kotterStep === null).length,
  };
}
