import type { z } from 'zod';
import type { competenceProfileSchema } from './competence-profile-schema';

// THE competence profile format (issue 17): competences (the seven of the special-education teacher, plus deepening
// dimensions) → indicators, every text in nl and en, like a development model. Groeiwijzer ships one profile
// (features/team/competence-profiles/); a school may import its own, versioned: a version an assessment used never
// changes. Pure code without zod at run time (the web app imports it: a zod schema built in the staff app would
// probe for eval and break its CSP), shared by the server, the web app and the tests; the schema that checks a
// profile file is in competence-profile-schema.ts.

/** A staff member's step on an indicator: 1–4, or 0 for "not yet applicable" (counts in no mean). */
export const COMPETENCE_STEPS = [0, 1, 2, 3, 4] as const;
/** One step on an indicator (0 = not yet applicable). */
export type CompetenceStep = (typeof COMPETENCE_STEPS)[number];
/** The step that means "not yet applicable to my work". */
export const NOT_YET_APPLICABLE = 0;

/** Lengths of the free text of a self-assessment. */
export const COMPETENCE_LIMITS = { evidence: 1000, goals: 3000 } as const;

/** A competence of the profile is one of the seven, or a deepening dimension (verdiepingsdimensie). */
export const COMPETENCE_KINDS = ['competence', 'deepening'] as const;
export type CompetenceKind = (typeof COMPETENCE_KINDS)[number];

/** A competence profile as validated. */
export type CompetenceProfile = z.infer<typeof competenceProfileSchema>;

/** The competence an indicator belongs to, by id; undefined for an id the profile does not have. */
export function competenceOfIndicator(profile: CompetenceProfile, indicatorId: string): string | undefined {
  return profile.competences.find((competence) => competence.indicators.some((indicator) => indicator.id === indicatorId))?.id;
}

/**
 * The mean step per competence of one assessment: indicators marked "not yet applicable" or left open count in no
 * mean; a competence with no rated indicator has no mean (null). Rounded to one decimal, as the page shows it.
 */
export function meanStepPerCompetence(profile: CompetenceProfile, steps: ReadonlyMap<string, number>): Record<string, number | null> {
  const means: Record<string, number | null> = {};
  for (const competence of profile.competences) {
    const rated = competence.indicators.map((indicator) => steps.get(indicator.id) ?? NOT_YET_APPLICABLE).filter((step) => step !== NOT_YET_APPLICABLE);
    means[competence.id] = rated.length === 0 ? null : Math.round((rated.reduce((sum, step) => sum + step, 0) / rated.length) * 10) / 10;
  }
  return means;
}
