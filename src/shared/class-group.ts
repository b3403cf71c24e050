import { addDays } from './school-time';

// The class's "Groep" page (issue 15): the teacher's quick rating of the class climate, the group phase the teacher
// sees the class in, and when to pay extra attention to forming the group. Words in our own phrasing, Dutch (the
// source language) and English. Plain data and pure date rules, no I/O: the server, the web app and the tests share
// them.

/** A text in both interface languages. */
export interface GroupText {
  nl: string;
  en: string;
}

/** The four steps of the class-climate rating, 1 (tense) … 4 (close-knit). */
export const CLIMATE_RATINGS = [1, 2, 3, 4] as const;
/** One step of the class-climate rating. */
export type ClimateRating = (typeof CLIMATE_RATINGS)[number];

/** What each climate step means, from the lowest to the highest. */
export const CLIMATE_RATING_WORDS: Readonly<Record<ClimateRating, GroupText>> = {
  1: { nl: 'Gespannen: veel onrust en conflicten', en: 'Tense: much unrest and conflict' },
  2: { nl: 'Wisselend: vaak moeizaam, met goede momenten', en: 'Mixed: often difficult, with good moments' },
  3: { nl: 'Meestal goed: af en toe een incident', en: 'Mostly good: an incident now and then' },
  4: { nl: 'Hecht: leerlingen steunen en helpen elkaar', en: 'Close-knit: pupils support and help each other' },
};

/** The longest note beside a climate rating. */
export const CLIMATE_NOTE_MAX_LENGTH = 1000;

/** The phases a group goes through, in their usual order (after a long holiday it starts again: reforming). */
export const GROUP_PHASES = ['forming', 'storming', 'norming', 'performing', 'reforming'] as const;
/** One group phase. */
export type GroupPhase = (typeof GROUP_PHASES)[number];

/** A group phase for the teacher: its name, what goes on in the group, and questions to talk about with the class. */
export interface GroupPhaseGuide {
  name: GroupText;
  explanation: GroupText;
  questions: readonly GroupText[];
}

/** The guide per group phase. */
export const GROUP_PHASE_GUIDE: Readonly<Record<GroupPhase, GroupPhaseGuide>> = {
  forming: {
    name: { nl: 'Forming: kennismaken', en: 'Forming: getting to know each other' },
    explanation: {
      nl: 'De groep is (weer) nieuw. Leerlingen kijken de kat uit de boom en zoeken hun plek: wie zijn de anderen, waar hoor ik bij? Leg nu de basis met rust, een voorspelbare dag en veel kennismaken.',
      en: 'The group is new (again). Pupils watch and wait and look for their place: who are the others, where do I belong? Lay the foundation now with calm, a predictable day and plenty of getting to know each other.',
    },
    questions: [
      { nl: 'Wat wil je dat de klas over jou weet?', en: 'What would you like the class to know about you?' },
      { nl: 'Waar kijk je dit jaar naar uit, en waar zie je tegenop?', en: 'What are you looking forward to this year, and what worries you?' },
      { nl: 'Wat heb jij nodig om je welkom te voelen in deze klas?', en: 'What do you need to feel welcome in this class?' },
    ],
  },
  storming: {
    name: { nl: 'Storming: plek zoeken', en: 'Storming: finding a place' },
    explanation: {
      nl: 'Leerlingen testen grenzen en zoeken hun positie; er is meer gedoe, ruzie of strijd om invloed. Dat hoort erbij. Blijf rustig en duidelijk, zeg wat je ziet en let op wie buiten de groep dreigt te vallen.',
      en: 'Pupils test limits and look for their position; there is more friction, quarrelling or struggle for influence. That is part of it. Stay calm and clear, say what you see and watch for anyone at risk of being left out.',
    },
    questions: [
      { nl: 'Wanneer voelde jij je deze week niet fijn in de klas, en wat had je geholpen?', en: 'When did you not feel good in class this week, and what would have helped?' },
      { nl: 'Hoe merk je dat iemand er niet bij hoort, en wat kun jij dan doen?', en: 'How can you tell that someone is left out, and what can you do then?' },
      { nl: 'Wat doen we als we het niet met elkaar eens zijn?', en: 'What do we do when we disagree with each other?' },
    ],
  },
  norming: {
    name: { nl: 'Norming: afspraken maken', en: 'Norming: making agreements' },
    explanation: {
      nl: 'De groep vindt een manier van samenleven: er ontstaan gewoonten en afspraken over hoe je met elkaar omgaat. Maak ze samen met de klas, schrijf ze op en kom er geregeld op terug.',
      en: 'The group finds a way of living together: habits and agreements form about how people treat each other. Make them together with the class, write them down and come back to them regularly.',
    },
    questions: [
      { nl: 'Welke afspraak maakt onze klas een fijne plek?', en: 'Which agreement makes our class a good place to be?' },
      { nl: 'Hoe helpen we elkaar als iets even niet lukt?', en: 'How do we help each other when something does not work out?' },
      { nl: 'Welke afspraak werkt nog niet goed, en hoe passen we die aan?', en: 'Which agreement does not work well yet, and how do we change it?' },
    ],
  },
  performing: {
    name: { nl: 'Performing: samen verder', en: 'Performing: moving on together' },
    explanation: {
      nl: 'De klas is een groep die op elkaar kan bouwen: leerlingen werken samen, lossen kleine conflicten zelf op en durven fouten te maken. Geef ruimte en verantwoordelijkheid, en blijf onderhouden wat goed gaat.',
      en: 'The class is a group that can rely on each other: pupils work together, settle small conflicts themselves and dare to make mistakes. Give room and responsibility, and keep looking after what goes well.',
    },
    questions: [
      { nl: 'Waar zijn we als klas goed in geworden?', en: 'What have we become good at as a class?' },
      { nl: 'Wie heeft jou deze week geholpen, en hoe?', en: 'Who helped you this week, and how?' },
      { nl: 'Wat willen we samen nog leren of bereiken?', en: 'What do we still want to learn or achieve together?' },
    ],
  },
  reforming: {
    name: { nl: 'Reforming: opnieuw beginnen', en: 'Reforming: starting again' },
    explanation: {
      nl: 'Er verandert iets: na een lange vakantie, als er iemand bij komt of weggaat, of als het einde van het jaar nadert. De groep zoekt opnieuw zijn vorm. Neem tijd om weer kennis te maken, fris de afspraken op en sta stil bij afscheid.',
      en: 'Something changes: after a long holiday, when someone joins or leaves, or as the end of the year comes near. The group looks for its shape again. Take time to get reacquainted, refresh the agreements and mark goodbyes.',
    },
    questions: [
      { nl: 'Wat is er veranderd sinds de vakantie, bij jou en in de klas?', en: 'What has changed since the holiday, for you and in the class?' },
      { nl: 'Welke afspraken houden we, en welke willen we veranderen?', en: 'Which agreements do we keep, and which do we want to change?' },
      { nl: 'Hoe zorgen we dat iedereen, ook wie nieuw is, zich weer thuis voelt?', en: 'How do we make sure everyone, newcomers too, feels at home again?' },
    ],
  },
};

/** How long the golden weeks last: the first six weeks of the school year, counted from its first school day. */
export const GOLDEN_WEEKS = 6;
/** How long the "the group starts again" reminder shows after the summer holiday: the first three weeks. */
export const SUMMER_RESTART_WEEKS = 3;
/** How long it shows after the Christmas holiday: the first two weeks of lessons in January. */
export const CHRISTMAS_RESTART_WEEKS = 2;

/** The calendar days from which the first school day after the summer and after the Christmas holiday are looked for. */
export function restartSearchDatesOf(schoolYear: string): { summer: string; christmas: string } {
  return { summer: `${schoolYear.slice(0, 4)}-08-01`, christmas: `${schoolYear.slice(5, 9)}-01-01` };
}

/** The first school days the guidance counts from: after the summer holiday and after the Christmas holiday. */
export interface RestartDays {
  /** The first school day of the school year (the first one on or after 1 August, holidays and weekends skipped). */
  schoolYearStartsOn: string;
  /** The first school day on or after 1 January. */
  januaryStartsOn: string;
}

/** What the Groep page points out on a day. */
export interface GroupGuidance {
  /** Whether the day is in the golden weeks; `goldenWeeksUntil` is their last day. */
  isGoldenWeeks: boolean;
  goldenWeeksUntil: string;
  /** The group starts again after the summer or the Christmas holiday (until `until`, included), or null. */
  restart: { after: 'summer' | 'christmas'; until: string } | null;
}

/**
 * THE rule of the Groep page's reminders, for one school day:
 * - golden weeks: from the first school day of the school year through the 6 × 7 − 1 days after it;
 * - "the group starts again" after the summer: from that first school day through the 3 × 7 − 1 days after it;
 * - after Christmas: from the first school day on or after 1 January through the 2 × 7 − 1 days after it.
 * Weeks are calendar weeks counted from that day, so a holiday inside the period does not lengthen it. Days before
 * a period's first school day (still in the holiday) are not in it.
 */
export function groupGuidanceOn(date: string, days: RestartDays): GroupGuidance {
  const isWithin = (start: string, weeks: number) => start <= date && date <= lastDayOfWeeks(start, weeks);
  const goldenWeeksUntil = lastDayOfWeeks(days.schoolYearStartsOn, GOLDEN_WEEKS);
  let restart: GroupGuidance['restart'] = null;
  if (isWithin(days.schoolYearStartsOn, SUMMER_RESTART_WEEKS)) restart = { after: 'summer', until: lastDayOfWeeks(days.schoolYearStartsOn, SUMMER_RESTART_WEEKS) };
  else if (isWithin(days.januaryStartsOn, CHRISTMAS_RESTART_WEEKS)) restart = { after: 'christmas', until: lastDayOfWeeks(days.januaryStartsOn, CHRISTMAS_RESTART_WEEKS) };
  return { isGoldenWeeks: isWithin(days.schoolYearStartsOn, GOLDEN_WEEKS), goldenWeeksUntil, restart };
}

/** The last day of a period of whole weeks that starts on `start` (start included). */
function lastDayOfWeeks(start: string, weeks: number): string {
  return addDays(start, weeks * 7 - 1);
}
