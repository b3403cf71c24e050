// The intervision and supervision log (issue 17): the kinds of session, the TSO core concepts a session can be about,
// limits, and THE check for a pupil's full name in free text. Pure code: the server and the web app share it.

/** Intervision (colleagues among themselves) or supervision (with a supervisor). */
export const INTERVISION_KINDS = ['intervision', 'supervision'] as const;
export type IntervisionKind = (typeof INTERVISION_KINDS)[number];

/**
 * The TSO core concepts a session can be about: the five of the development model's knowledge layer ("stress, trauma,
 * the brain, relationship and regulation", layer-1's name in features/selfscan/models), the pupil's window of
 * tolerance the knowledge layer names as a basic term ("je raampje"), and the team's own wellbeing (seed 000: staff
 * policy talks about wellbeing and stress).
 */
export const TSO_CORE_CONCEPTS = ['stress', 'trauma', 'brain', 'relationship', 'regulation', 'window_of_tolerance', 'staff_wellbeing'] as const;
export type TsoCoreConcept = (typeof TSO_CORE_CONCEPTS)[number];

/** Lengths of a session's texts and how many people one session lists. */
export const INTERVISION_LIMITS = { theme: 200, note: 2000, participants: 40 } as const;

/** Lowercase, accents off, every run of non-letters one space: "Sanne  de Vriés!" → "sanne de vries". */
export function nameMatchKey(text: string): string {
  return ` ${text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * Whether `text` holds one of the full names ("first last") as whole words, ignoring case, accents and punctuation.
 * A first name alone is not refused: it is too common to tell whom it is about, and would refuse ordinary words.
 */
export function containsFullName(text: string, fullNames: readonly string[]): boolean {
  const haystack = nameMatchKey(text);
  return fullNames.some((name) => {
    const needle = nameMatchKey(name);
    return needle.trim().includes(' ') && haystack.includes(needle);
  });
}
