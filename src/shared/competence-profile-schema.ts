import { z } from 'zod';
import { COMPETENCE_KINDS } from './competence-profile';
import { definitionIdSchema as idSchema, definitionVersionSchema, localizedTextSchema } from './definition-schemas';

// The check of a competence profile file (issue 17; the format is described in competence-profile.ts). Apart from
// the profile's constants and pure functions because the staff app must not build zod schemas: the server and the
// tests import it, the web app only its type.

const indicatorSchema = z.strictObject({ id: idSchema, text: localizedTextSchema });

const competenceSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(COMPETENCE_KINDS),
  name: localizedTextSchema,
  description: localizedTextSchema,
  indicators: z.array(indicatorSchema).min(1).max(30),
});

/** A competence profile: id and version, the four step names, competences with their indicators. */
export const competenceProfileSchema = z
  .strictObject({
    /** Stable id of the profile across versions, e.g. `special-education-teacher`. */
    id: idSchema,
    version: definitionVersionSchema,
    name: localizedTextSchema,
    source: localizedTextSchema,
    /** Names of the four steps a staff member chooses from (besides "not yet applicable"). */
    steps: z.strictObject({ '1': localizedTextSchema, '2': localizedTextSchema, '3': localizedTextSchema, '4': localizedTextSchema }),
    competences: z.array(competenceSchema).min(1).max(20),
  })
  .superRefine((profile, context) => {
    const seen = new Set<string>();
    profile.competences.forEach((competence, competenceIndex) => {
      if (seen.has(competence.id)) context.addIssue({ code: 'custom', path: ['competences', competenceIndex, 'id'], message: `duplicate id ${competence.id}` });
      seen.add(competence.id);
      competence.indicators.forEach((indicator, indicatorIndex) => {
        const path = ['competences', competenceIndex, 'indicators', indicatorIndex, 'id'];
        if (!indicator.id.startsWith(`${competence.id}.`)) context.addIssue({ code: 'custom', path, message: `indicator id must start with "${competence.id}."` });
        if (seen.has(indicator.id)) context.addIssue({ code: 'custom', path, message: `duplicate id ${indicator.id}` });
        seen.add(indicator.id);
      });
    });
  });
