import type { CheckinState } from './checkin';

// The vocabulary of the regulation activities: short things a pupil does, alone or with the class, to come back
// into the window of tolerance (or to practise while inside it). No zod here: the light pupil page imports this
// file; the activity file's schema is in features/regulation/regulation-activity.schema.ts. Age groups are the
// check-in's (AGE_GROUPS in checkin.ts), so an activity is offered to the pupils whose check-in words it matches.

/** How an activity calms: through the body first (bottom-up) or through thinking and words (top-down). */
export const REGULATION_DIRECTIONS = ['bottom-up', 'top-down'] as const;
/** One direction. */
export type RegulationDirection = (typeof REGULATION_DIRECTIONS)[number];

/** What a pupil does in an activity; the first five work from the body up, the last three from thinking down. */
export const ACTIVITY_KINDS = ['breathing', 'movement', 'sensory', 'muscle-relaxation', 'rhythm', 'naming-feeling', 'reflection', 'planning'] as const;
/** One kind of activity. */
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The direction of every kind: body-based kinds are bottom-up, the kinds that ask for words or thought are top-down. */
export const DIRECTION_OF_KIND: Readonly<Record<ActivityKind, RegulationDirection>> = {
  breathing: 'bottom-up',
  movement: 'bottom-up',
  sensory: 'bottom-up',
  'muscle-relaxation': 'bottom-up',
  rhythm: 'bottom-up',
  'naming-feeling': 'top-down',
  reflection: 'top-down',
  planning: 'top-down',
};

/**
 * The states an activity is meant for: above the window (alarm, restless), below it (withdrawn, "gone"), or inside
 * it, to practise while calm so the activity is familiar when it is needed.
 */
export const ACTIVITY_STATES = ['too_high', 'too_low', 'in_window'] as const;
/** One state an activity is meant for. */
export type ActivityState = (typeof ACTIVITY_STATES)[number];
/** A state outside the window: the ones a check-in can offer an activity for. */
export type OutOfWindowState = Exclude<ActivityState, 'in_window'>;

// A record, not a switch: a new check-in state will not compile until it is placed here.
const REGULATION_STATE_OF_CHECKIN: Readonly<Record<CheckinState, OutOfWindowState | null>> = {
  far_high: 'too_high',
  bit_high: 'too_high',
  low: 'too_low',
  in_window: null,
};

/** The state a check-in asks help for: too high for a little or far above the window, too low below it, null inside it. */
export function regulationStateOf(checkinState: CheckinState): OutOfWindowState | null {
  return REGULATION_STATE_OF_CHECKIN[checkinState];
}

/** Where an activity can be done: at the pupil's own desk, with the whole class, in the calm corner, or outside. */
export const ACTIVITY_PLACES = ['desk', 'class', 'calm-corner', 'outside'] as const;
/** One place. */
export type ActivityPlace = (typeof ACTIVITY_PLACES)[number];

/** The shortest and longest activity, in seconds: from half a minute to ten minutes. */
export const ACTIVITY_DURATION_SECONDS = { min: 30, max: 600 } as const;

/** An activity has 2 to 12 steps, each short enough to read aloud in one breath or two. */
export const ACTIVITY_STEPS = { min: 2, max: 12, maxLength: 200 } as const;

/** The longest an activity the pupil page offers may take: a pupil does it alone, right after the check-in. */
export const PUPIL_ACTIVITY_MAX_SECONDS = 180;

/** The compressed size budget (gzip) of the regulation moment's code on the pupil page, JS + CSS, loaded only when offered. */
export const PUPIL_REGULATION_BUDGET_BYTES = 15 * 1024;

/** The moving picture the pupil page may show beside an activity's prompt; `none` shows the prompt alone. */
export const PUPIL_ANIMATIONS = ['breathing', 'shake', 'senses', 'none'] as const;
/** One animation. */
export type PupilAnimation = (typeof PUPIL_ANIMATIONS)[number];

/** The kind an animation belongs to: the breathing guide only beside breathing, shaking beside movement, the senses game beside sensory. */
export const KIND_OF_ANIMATION: Readonly<Record<Exclude<PupilAnimation, 'none'>, ActivityKind>> = {
  breathing: 'breathing',
  shake: 'movement',
  senses: 'sensory',
};

/**
 * The pace of the breathing animation, in seconds: in through the nose, a short pause, out for longer than in
 * (a long out-breath is what slows the heart). An activity with the breathing animation describes this pace.
 */
export const BREATHING_PACE_SECONDS = { in: 4, hold: 2, out: 6 } as const;
