// Parents and carers (issue 16): what the server and both web entries (the staff SPA and the light parent page)
// agree on. A parent has no account and no password: a staff member sends a one-time link, which the parent page
// swaps for a short parent session limited to that parent's own children.

/** The address of the parent page; a link carries its secret after `#link=` (a fragment never reaches a server log). */
export const PARENT_PAGE_PATH = '/ouder';
/** The fragment key of the one-time link's secret. */
export const PARENT_LINK_FRAGMENT = 'link';
/** The cookie of a parent session (`__Host-`: Secure, path /, no Domain). */
export const PARENT_COOKIE = '__Host-gw_parent';

/** How long a one-time link works when the school does not say otherwise. */
export const PARENT_LINK_DAYS = 14;
/** How long a parent session lasts after the link was opened: long enough to answer a questionnaire calmly. */
export const PARENT_SESSION_HOURS = 4;
/**
 * The largest compressed size (bytes, gzip) of what the parent page loads at start (JS + CSS), like the pupil
 * entry: parents open it on old phones with little data.
 */
export const PARENT_ENTRY_BUDGET_BYTES = 30 * 1024;

/** How a one-time link reaches the parent: by e-mail, or on a printed letter with a QR code. */
export const PARENT_LINK_CHANNELS = ['email', 'letter'] as const;
export type ParentLinkChannel = (typeof PARENT_LINK_CHANNELS)[number];

/** The languages every parent page has; a school adds others as translation files. */
export const BUILT_IN_PARENT_LANGUAGES = ['nl', 'en'] as const;

/** Which way a language is written. */
export const TEXT_DIRECTIONS = ['ltr', 'rtl'] as const;
export type TextDirection = (typeof TEXT_DIRECTIONS)[number];

/** The questionnaires a school sends parents (instrument ids of informant `parent`). */
export const PARENT_INSTRUMENTS = {
  /** The parent's view of the child's ACEs: lands as the `parent` informant in the care team's ACE view. */
  aces: 'parent-aces',
  /** The child's strengths and what helps at home: read by the child's teachers and the care team. */
  strengths: 'parent-strengths',
  /** The parent's own life events and current stress: optional, with explicit consent; the care team only. */
  ownWellbeing: 'parent-own-wellbeing',
} as const;
export type ParentInstrumentId = (typeof PARENT_INSTRUMENTS)[keyof typeof PARENT_INSTRUMENTS];
export const PARENT_INSTRUMENT_IDS = Object.values(PARENT_INSTRUMENTS) as ParentInstrumentId[];

/** Whether a parent questionnaire's answers are for the care team only (never a teacher). */
export function isCareTeamOnlyInstrument(instrumentId: string): boolean {
  return instrumentId === PARENT_INSTRUMENTS.aces || instrumentId === PARENT_INSTRUMENTS.ownWellbeing;
}

/** Whether the parent must first say yes, with the explanation of who sees the answers, before answering. */
export function needsParentConsent(instrumentId: string): boolean {
  return instrumentId === PARENT_INSTRUMENTS.ownWellbeing;
}

/** The ACE questionnaire's answers by value, as the care team's ACE view stores them ("I don't know" is a skipped question). */
export const PARENT_ACE_ANSWER_OF_VALUE: Readonly<Record<number, 'no' | 'yes'>> = { 0: 'no', 1: 'yes' };

/** A parent's phone number as people type it: digits, spaces, +, -, ( and ), 6 to 30 characters (server and both pages). */
export const PARENT_PHONE_PATTERN = /^\+?[0-9 ()-]{6,30}$/;

/** Limits of what a parent or the school types. */
export const PARENT_LIMITS = {
  nameMax: 120,
  relationMax: 60,
  phoneMax: 30,
  conversationMessageMax: 1000,
  questionnaireNoteMax: 2000,
  tsoPageMax: 6000,
  exclusionReasonMax: 500,
  /** The largest translation file a school uploads (bytes of JSON). */
  translationFileMax: 200_000,
  /** Open conversation requests a parent may have at once. */
  openConversationRequestsMax: 3,
} as const;
