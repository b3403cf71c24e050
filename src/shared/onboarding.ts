import { addDays } from './school-time';

// Onboarding per location (issue 17, seed 004): the collected guide, the buddy and chef-buddy, the three-week ramp.
// The vocabulary both sides use, the limits, and the defaults a new school starts from (the school's own content
// once stored: Dutch, written in the project's own words, editable by the school).

/** Kinds of guide section: what a newcomer needs to know first. */
export const GUIDE_SECTION_KINDS = ['rules', 'routines', 'safety', 'who_is_who', 'tso_basics', 'other'] as const;
/** One kind of guide section. */
export type GuideSectionKind = (typeof GUIDE_SECTION_KINDS)[number];

/** The ramp's three weeks: getting to know, some tasks, mostly independent with support at hand. */
export const RAMP_WEEKS = [1, 2, 3] as const;
/** One week of the ramp. */
export type RampWeek = (typeof RAMP_WEEKS)[number];

/** The four steps of appreciative inquiry a buddy conversation can start from. */
export const CONVERSATION_STAGES = ['discover', 'dream', 'design', 'deliver'] as const;
/** One step of the 4D cycle. */
export type ConversationStage = (typeof CONVERSATION_STAGES)[number];

/** The school's editable texts about the onboarding roles. */
export const ONBOARDING_TEXT_KEYS = ['buddy_role', 'chef_buddy_tasks'] as const;
/** One editable text. */
export type OnboardingTextKey = (typeof ONBOARDING_TEXT_KEYS)[number];

/** Text limits of the onboarding. */
export const ONBOARDING_LIMITS = {
  sectionTitle: 200,
  sectionBody: 20_000,
  sections: 60,
  rampItem: 300,
  rampItems: 60,
  roleText: 8_000,
  conversationNote: 4_000,
  conversations: 30,
} as const;

/** The new-staff TSO training is due this many weeks after the start date when the register holds no date for it. */
export const TRAIN_BY_WEEKS = 12;

/** Days after the start date at which the newcomer may evaluate the onboarding: from the first day of week 3. */
export const EVALUATION_OPENS_AFTER_DAYS = 14;

/**
 * The ramp week of a pair on `today` (school dates, YYYY-MM-DD): 0 before the start date, 1–3 during the ramp, 4 once
 * the three weeks have passed. Calendar weeks counted from the start date itself, so a Wednesday start has its week 2
 * from the next Wednesday on.
 */
export function rampWeekOn(startedOn: string, today: string): number {
  if (today < startedOn) return 0;
  for (const week of RAMP_WEEKS) if (today < addDays(startedOn, week * 7)) return week;
  return 4;
}

/** Whether the newcomer may evaluate the onboarding on `today`. */
export function isEvaluationOpen(startedOn: string, today: string): boolean {
  return today >= addDays(startedOn, EVALUATION_OPENS_AFTER_DAYS);
}

/** The date by which a newcomer without a planned new-staff training should have had it. */
export function trainByDateOf(startedOn: string): string {
  return addDays(startedOn, TRAIN_BY_WEEKS * 7);
}

/** A guide section as the defaults describe it. */
export interface DefaultGuideSection {
  kind: GuideSectionKind;
  title: string;
  body: string;
}

/** The sections a new school's guide starts with: a frame to fill in, not the school's own rules. */
export const DEFAULT_GUIDE_SECTIONS: readonly DefaultGuideSection[] = [
  {
    kind: 'who_is_who',
    title: 'Wie is wie',
    body: 'Wie is je buddy, wie is de chef-buddy van jouw locatie en wie zit er in het zorgteam? Schrijf hier de namen en hoe je ze bereikt. Zet er ook bij wie je belt als je ziek bent.',
  },
  {
    kind: 'rules',
    title: 'Afspraken die overal gelden',
    body: 'De afspraken die in elke klas en op elke gang hetzelfde zijn: hoe we leerlingen begroeten, hoe we praten over een kind, wat we doen met telefoons. Houd het kort: een nieuwe collega leest dit in de eerste week.',
  },
  {
    kind: 'routines',
    title: 'Zo verloopt een dag',
    body: 'Hoe laat begint de dag, wat gebeurt er bij binnenkomst, wanneer is de pauze en wie houdt dan toezicht? Beschrijf de vaste momenten, zodat een nieuwe collega weet wat de leerlingen verwachten.',
  },
  {
    kind: 'safety',
    title: 'Veiligheid en als het misgaat',
    body: 'Wat doe je als een leerling in paniek raakt of wegloopt? Wie haal je erbij, waar staat de EHBO-doos, hoe verloopt een ontruiming? Schrijf op wat iemand op de eerste dag al moet weten.',
  },
  {
    kind: 'tso_basics',
    title: 'Traumasensitief werken bij ons',
    body: 'Bij ons kijken we eerst naar wat een kind nodig heeft om zich veilig te voelen. Rust, voorspelbaarheid en een volwassene die in contact blijft, helpen meer dan straf. Beschrijf hier hoe jullie dat op school doen, en welke training nieuwe collega’s krijgen.',
  },
];

/** The ramp a new school starts with, per week. */
export const DEFAULT_RAMP_ITEMS: readonly { week: RampWeek; text: string }[] = [
  { week: 1, text: 'Kennismaken met je buddy en samen een rondje door het gebouw lopen' },
  { week: 1, text: 'Het inwerkboek lezen en elk hoofdstuk bevestigen' },
  { week: 1, text: 'Een dag meekijken in de klas van je buddy' },
  { week: 1, text: 'De leerlingen van je groep leren kennen: namen, wat ze fijn vinden, wat ze lastig vinden' },
  { week: 2, text: 'Een deel van de dag zelf leiden, met je buddy in de buurt' },
  { week: 2, text: 'Een overdracht of teamoverleg bijwonen' },
  { week: 2, text: 'Met je buddy bespreken wat goed ging en wat je nog wilt oefenen' },
  { week: 3, text: 'De dag grotendeels zelf draaien; je buddy is bereikbaar voor vragen' },
  { week: 3, text: 'Samen met je buddy terugkijken op de drie weken' },
  { week: 3, text: 'Afspraken maken voor de tijd na het inwerken' },
];

/** The default texts of the roles. */
export const DEFAULT_ONBOARDING_TEXTS: Readonly<Record<OnboardingTextKey, string>> = {
  buddy_role:
    'Als buddy ben je het vaste aanspreekpunt van een nieuwe collega in de eerste weken. Je laat de school zien, legt uit hoe dingen gaan en bent er voor vragen, ook de kleine. Je plant een paar gesprekken en vraagt vooral naar wat goed gaat.\n\nJe ondersteunt, maar je neemt geen werk over: de nieuwe collega doet het zelf, en jij staat ernaast.',
  chef_buddy_tasks:
    'De chef-buddy van een locatie koppelt elke nieuwe collega aan een buddy, liefst al voor de eerste werkdag. Je houdt in de gaten hoe het inwerken loopt, helpt als een koppel vastloopt en houdt de schoolleider op de hoogte. Je leest niet mee in de gesprekken tussen buddy en nieuwe collega.',
};
