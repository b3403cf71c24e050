// Words of a pupil's support plan that both sides use: the server validates with them, the web shows them.

/** Calming that works from the body up (bottom-up regulation), as the plan's tick boxes. */
export const BOTTOM_UP_HELPS = ['movement', 'sensory', 'breathing', 'quiet-place'] as const;
export type BottomUpHelp = (typeof BOTTOM_UP_HELPS)[number];

/** Key people outside school a plan can name. */
export const KEY_PERSON_RELATIONS = ['parent', 'carer', 'coach', 'youth-worker', 'other'] as const;
export type KeyPersonRelation = (typeof KEY_PERSON_RELATIONS)[number];

/** Who filled in a screening form: the pupil, or a parent or carer. */
export const SCREENING_INFORMANTS = ['pupil', 'parent'] as const;
export type ScreeningInformant = (typeof SCREENING_INFORMANTS)[number];

/** How long a break-glass opening lasts. */
export const BREAK_GLASS_MINUTES = 60;

/** The self-scan aspect the care coverage (trusted adults, current plans) is evidence for: relationships with pupils. */
export const CARE_COVERAGE_ASPECT_ID = 'layer-3a.pupils';

/**
 * The kinds of care data a school keeps for a set time after a pupil leaves, each with its own term (months):
 * trusted adults and support plans, ACEs, screenings, pupil conversations, referrals, meldcode cases, break-glass
 * openings, and the contact log with the pupil's parents (features/parents).
 */
export const CARE_RETENTION_CATEGORIES = ['plans', 'aces', 'screenings', 'conversations', 'referrals', 'meldcode', 'break_glass', 'parent_contacts'] as const;
export type CareRetentionCategory = (typeof CARE_RETENTION_CATEGORIES)[number];
/** The default term: two years after the pupil left the school. */
export const DEFAULT_CARE_RETENTION_MONTHS = 24;
/** The longest term a school can set (ten years). */
export const MAX_CARE_RETENTION_MONTHS = 120;
