import type { Kysely } from 'kysely';
import { AGE_GROUPS, type AgeGroup, CHECKIN_STATES_TOP_DOWN } from '../../../shared/checkin';
import { DEFAULT_STATE_WORDS, defaultAgeGroupOf, PUPIL_TEXTS, STATE_SYMBOLS } from '../../../shared/checkin-wording';
import type { Locale } from '../../../shared/roles';
import type { Database } from '../../db/database';
import { findClassForForm, findWordingOverrides } from './checkin-access.repository';
import type { CheckinForm, StateChoice } from './checkin.schemas';


/** The states in the words of an age group and language: the defaults, with the school's own labels where it set them. */
export async function buildStateChoices(db: Kysely<Database>, schoolId: string, ageGroup: AgeGroup, locale: Locale): Promise<StateChoice[]> {
  const overrides = new Map((await findWordingOverrides(db, schoolId, ageGroup, locale)).map((row) => [row.state, row.label]));
  return CHECKIN_STATES_TOP_DOWN.map((state) => {
    const words = DEFAULT_STATE_WORDS[ageGroup][state][locale];
    const label = overrides.get(state)?.trim();
    return { state, label: label ? label : words.label, hint: words.hint, symbol: STATE_SYMBOLS[state] };
  });
}

/** Everything the pupil page needs to draw the check-in form for a school, age group and language. */
export async function buildCheckinForm(db: Kysely<Database>, schoolId: string, ageGroup: AgeGroup, locale: Locale): Promise<CheckinForm> {
  return { locale, ageGroup, choices: await buildStateChoices(db, schoolId, ageGroup, locale), texts: { ...PUPIL_TEXTS[locale] } };
}

/**
 * The age group of a class: the one its teacher chose, else the default for its kind of school
 * (secondary: 'older', otherwise 'middle'). Null when the class does not exist.
 */
export async function ageGroupOfClass(db: Kysely<Database>, classId: string): Promise<AgeGroup | null> {
  const row = await findClassForForm(db, classId);
  if (!row) return null;
  const chosen = AGE_GROUPS.find((group) => group === row.age_group);
  return chosen ?? defaultAgeGroupOf(row.school_kind);
}
