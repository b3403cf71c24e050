/**
 * The daily check-in ("raampje"): where a pupil is relative to their window of tolerance.
 * Inside it they are calm and able to learn; above it hyper-aroused; below it hypo-aroused.
 */
export const CHECKIN_STATES = ['in_window', 'bit_high', 'far_high', 'low'] as const;
/** One check-in state. */
export type CheckinState = (typeof CHECKIN_STATES)[number];

/**
 * The states in the order of the thermometer (the window of tolerance drawn upright): far too high at the top,
 * the window in the middle, too low at the bottom. Every list of states uses this order: the pupil's own device,
 * the class device and the staff pages.
 */
export const CHECKIN_STATES_TOP_DOWN: readonly CheckinState[] = ['far_high', 'bit_high', 'in_window', 'low'];

/** Age groups decide the words and whether picture symbols are shown (young: groep 1–3). */
export const AGE_GROUPS = ['young', 'middle', 'older'] as const;
/** One age group. */
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** What a teacher is told about a pupil; computed by one function (features/checkin/signals.ts). */
// The last two come from the class's latest sociogram (features/sociogram), not from the check-ins.
export const SIGNAL_KINDS = ['asked_to_talk', 'far_high_today', 'low_today', 'out_of_window_streak', 'changed_pattern', 'sociogram_isolated', 'sociogram_rejected'] as const;
/** One kind of signal. */
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** How a check-in reached the server: the class device (kiosk) or the pupil's own device. */
export const CHECKIN_CHANNELS = ['kiosk', 'device'] as const;
/** One channel. */
export type CheckinChannel = (typeof CHECKIN_CHANNELS)[number];

/** The optional word or emoji a pupil may add: short on purpose. */
export const CHECKIN_WORD_MAX_LENGTH = 24;
/** A class code shown on the board: 6 characters from an alphabet without look-alikes. */
export const CLASS_CODE_LENGTH = 6;
/** A personal code on a login card: 8 characters from the same alphabet. */
export const PERSONAL_CODE_LENGTH = 8;
/** Letters and digits that cannot be confused when read aloud or off a card (no 0/O, 1/I/L, 5/S, 2/Z). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRTUVWXY346789';
/** How long a class code stays valid. */
export const CLASS_CODE_MINUTES = 15;
/** How long a pupil's own-device session lasts (one check-in moment). */
export const PUPIL_SESSION_MINUTES = 30;
/** How long kiosk mode stays open on a class device. */
export const KIOSK_HOURS = 10;
/** Cookie of a pupil's own-device session (never a staff session). */
export const PUPIL_COOKIE = '__Host-gw_pupil';
/** Cookie of a class device in kiosk mode. */
export const KIOSK_COOKIE = '__Host-gw_kiosk';
/** The pupil entry's pages: own device and class device. */
export const PUPIL_PAGE_PATHS = { ownDevice: '/leerling', kiosk: '/klas' } as const;
/** The compressed size budget (gzip) of the pupil entry's JS + CSS together. */
export const PUPIL_ENTRY_BUDGET_BYTES = 25 * 1024;
