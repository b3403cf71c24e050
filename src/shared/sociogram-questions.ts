import type { Valence } from './sociogram';

// The sociogram's question bank (issue 15), in the project's own words. Schools add their own questions beside these
// (features/sociogram); "rather not" (negative) questions can only be asked once the school switched them on.

/** A question of the project's bank: a stable key, whether it asks for wanted or unwanted classmates, its wording. */
export interface BankQuestion {
  key: string;
  valence: Valence;
  text: { nl: string; en: string };
}

export const SOCIOGRAM_QUESTION_BANK: readonly BankQuestion[] = [
  { key: 'play', valence: 'positive', text: { nl: 'Met wie speel je graag in de pauze?', en: 'Who do you like to play with at break time?' } },
  { key: 'sit', valence: 'positive', text: { nl: 'Naast wie zou je graag zitten in de klas?', en: 'Who would you like to sit next to in class?' } },
  { key: 'work', valence: 'positive', text: { nl: 'Met wie werk je graag samen aan een opdracht?', en: 'Who do you like to work with on a task?' } },
  { key: 'play-not', valence: 'negative', text: { nl: 'Met wie speel je liever niet?', en: 'Who would you rather not play with?' } },
  { key: 'sit-not', valence: 'negative', text: { nl: 'Naast wie zit je liever niet?', en: 'Who would you rather not sit next to?' } },
  { key: 'work-not', valence: 'negative', text: { nl: 'Met wie werk je liever niet samen?', en: 'Who would you rather not work with?' } },
];

/** How many classmates a pupil may choose per question unless the teacher sets another maximum. */
export const DEFAULT_MAX_CHOICES = 3;
/** The highest maximum a teacher can set (beyond it: "no maximum"). */
export const MAX_CHOICES_LIMIT = 10;
/** At most this many questions in one sociogram: more tires young pupils. */
export const MAX_SOCIOGRAM_QUESTIONS = 6;
/** The questions a new sociogram starts with: the first two positive questions of the bank. */
export const DEFAULT_SOCIOGRAM_QUESTION_KEYS = ['play', 'work'] as const;
