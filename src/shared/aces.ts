// Adverse childhood experiences (ACEs) of a pupil, combined from three informants: the pupil, the parents
// and the school file. Each informant answers yes / no / unknown per category. A category counts for a pupil
// when ANY informant said yes: informants see different parts of a child's life, so a "no" only means that
// informant does not know of it, never that another informant's yes is wrong. A no therefore never cancels a yes.
// Pure functions, no I/O: the server, the web app, the CLI and the tests run the same code.

/** Who gives ACE answers, in the fixed order every list of sources uses. */
export const ACE_INFORMANTS = ['pupil', 'parent', 'file'] as const;
/** One ACE informant: the pupil, the parents or the school file. */
export type AceInformant = (typeof ACE_INFORMANTS)[number];

/** The answers an informant can give for one category. */
export const ACE_ANSWERS = ['yes', 'no', 'unknown'] as const;
/** One ACE answer. */
export type AceAnswer = (typeof ACE_ANSWERS)[number];

/** The combined count from which the care team's "4 or more" flag is raised. */
export const MANY_ACES_THRESHOLD = 4;

/** An ACE category with its short label in Dutch (source language) and English. */
export interface AceCategory {
  id: string;
  name: { nl: string; en: string };
}

/** The categories a school starts with: the ten classic ACEs plus four that Dutch care teams add. */
export const DEFAULT_ACE_CATEGORIES: readonly AceCategory[] = [
  { id: 'emotional-abuse', name: { nl: 'Emotionele mishandeling', en: 'Emotional abuse' } },
  { id: 'physical-abuse', name: { nl: 'Lichamelijke mishandeling', en: 'Physical abuse' } },
  { id: 'sexual-abuse', name: { nl: 'Seksueel misbruik', en: 'Sexual abuse' } },
  { id: 'emotional-neglect', name: { nl: 'Emotionele verwaarlozing', en: 'Emotional neglect' } },
  { id: 'physical-neglect', name: { nl: 'Lichamelijke verwaarlozing', en: 'Physical neglect' } },
  { id: 'domestic-violence', name: { nl: 'Huiselijk geweld tegen een ouder', en: 'Domestic violence against a parent' } },
  { id: 'household-substance-abuse', name: { nl: 'Verslaving in het gezin', en: 'Substance abuse in the household' } },
  { id: 'household-mental-illness', name: { nl: 'Psychische ziekte in het gezin', en: 'Mental illness in the household' } },
  { id: 'parental-separation', name: { nl: 'Scheiding van de ouders', en: 'Parental separation or divorce' } },
  { id: 'household-member-in-prison', name: { nl: 'Gezinslid in de gevangenis', en: 'Household member in prison' } },
  { id: 'bullying', name: { nl: 'Gepest worden', en: 'Being bullied' } },
  { id: 'poverty', name: { nl: 'Armoede', en: 'Poverty' } },
  { id: 'high-conflict-divorce', name: { nl: 'Vechtscheiding', en: 'High-conflict divorce' } },
  { id: 'death-of-a-loved-one', name: { nl: 'Overlijden van een dierbare', en: 'Death of a loved one' } },
];

/** One answer: what `informant` said about `category` for `pupil`. */
export interface AceRow {
  pupil: string;
  informant: AceInformant;
  category: string;
  answer: AceAnswer;
}

/** A category that counts for a pupil and the informants that said yes to it (order pupil, parent, file). */
export interface AceCountingCategory {
  category: string;
  sources: AceInformant[];
}

/** A number per informant. */
export type PerInformant<Value> = Record<AceInformant, Value>;

/** What the care team sees of one pupil. */
export interface AcePupilSummary {
  pupil: string;
  /** Categories that count: at least one informant said yes. */
  combined: number;
  /** Categories each informant said yes to (0 for an informant without rows). */
  perInformant: PerInformant<number>;
  fourOrMore: boolean;
  /** Only the counting categories, by id in code-unit order. */
  categories: AceCountingCategory[];
}

/** How many pupils a group of counts covers and how many of them have at least one / four or more ACEs. */
export interface AceCohortCount {
  pupils: number;
  atLeastOne: number;
  fourOrMore: number;
}

/** The cohort's counts per informant and for the combined count. */
export type AceCohort = PerInformant<AceCohortCount> & { combined: AceCohortCount };

/**
 * Combines every informant's answers per pupil: a category counts when any informant said yes, and an
 * informant said yes when any of its rows for that pupil and category says yes (a later no does not undo it).
 * Every pupil with a row appears, by id in code-unit order, so the output does not depend on the locale.
 */
export function combineAces(rows: readonly AceRow[]): AcePupilSummary[] {
  return [...yesSourcesByPupil(rows)]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([pupil, sourcesByCategory]) => summarisePupil(pupil, sourcesByCategory));
}

/**
 * The cohort's counts. Per informant: the pupils that informant has any row about (a no or unknown included),
 * and of those, how many it gave at least one / four or more yes answers. Combined: every pupil with a row,
 * counted on the combined count.
 */
export function aceCohort(rows: readonly AceRow[]): AceCohort {
  const informantsOf = new Map<string, Set<AceInformant>>();
  for (const row of rows) getOrAdd(informantsOf, row.pupil, () => new Set()).add(row.informant);
  const summaries = combineAces(rows);
  const countOf = (informant: AceInformant) =>
    cohortCount(summaries.filter((summary) => informantsOf.get(summary.pupil)?.has(informant)).map((summary) => summary.perInformant[informant]));
  return {
    pupil: countOf('pupil'),
    parent: countOf('parent'),
    file: countOf('file'),
    combined: cohortCount(summaries.map((summary) => summary.combined)),
  };
}

/** Sorts strings by UTF-16 code units, as `<` compares them (not by locale). */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

// pupil → category → informants that said yes; a pupil or category without a yes still gets its (empty) entry.
function yesSourcesByPupil(rows: readonly AceRow[]): Map<string, Map<string, Set<AceInformant>>> {
  const byPupil = new Map<string, Map<string, Set<AceInformant>>>();
  for (const row of rows) {
    const sources = getOrAdd(getOrAdd(byPupil, row.pupil, () => new Map()), row.category, () => new Set());
    if (row.answer === 'yes') sources.add(row.informant);
  }
  return byPupil;
}

function summarisePupil(pupil: string, sourcesByCategory: ReadonlyMap<string, ReadonlySet<AceInformant>>): AcePupilSummary {
  const categories = [...sourcesByCategory]
    .filter(([, sources]) => sources.size > 0)
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([category, sources]) => ({ category, sources: ACE_INFORMANTS.filter((informant) => sources.has(informant)) }));
  const yesCountOf = (informant: AceInformant) => categories.filter(({ sources }) => sources.includes(informant)).length;
  return {
    pupil,
    combined: categories.length,
    perInformant: { pupil: yesCountOf('pupil'), parent: yesCountOf('parent'), file: yesCountOf('file') },
    fourOrMore: categories.length >= MANY_ACES_THRESHOLD,
    categories,
  };
}

function cohortCount(counts: readonly number[]): AceCohortCount {
  return {
    pupils: counts.length,
    atLeastOne: counts.filter((count) => count >= 1).length,
    fourOrMore: counts.filter((count) => count >= MANY_ACES_THRESHOLD).length,
  };
}

function getOrAdd<Key, Value>(map: Map<Key, Value>, key: Key, create: () => Value): Value {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

/**
 * Of answers listed oldest first, the newest per pupil, informant and category: a later answer of the same informant
 * replaces the earlier one (a correction), as the care file, the school's figures and the export all read them.
 */
export function newestAceAnswers<Answer extends { pupil: string; informant: AceInformant; category: string }>(oldestFirst: readonly Answer[]): Answer[] {
  return [...new Map(oldestFirst.map((answer) => [JSON.stringify([answer.pupil, answer.informant, answer.category]), answer])).values()];
}
