import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ACE_INFORMANTS, type AceAnswer, type AceInformant, type AceRow, aceCohort, newestAceAnswers } from '../../../shared/aces';
import { isLargeEnough, pupilFiguresPerClass } from '../../../shared/anonymity';
import { schoolDateOf, schoolYearAt } from '../../../shared/school-time';
import { encryptedFieldRef } from '../../crypto/encrypted-columns';
import type { Database } from '../../db/database';
import type { Deps } from '../../deps';
import { minGroupSizeOfSchool } from '../tenancy/tenancy.repository';

// Anonymous figures of the school's care (issue 14), under THE k rule (shared/anonymity.ts):
// - coverage: how many pupils have at least one trusted adult and a current support plan, per class and for the
//   school — evidence beside the self-scan aspect "relationships with pupils" and in the plan, for the people who
//   lead the TSO work; counts only, never who;
// - ACE figures for the care team, like the TSO study: per informant and combined, how many pupils have at least one
//   and four or more ACEs. A group smaller than k is hidden, and a class is hidden too when the hidden classes
//   together would otherwise be found by subtracting the shown ones from the school's figure.

const countsSchema = z.object({ pupils: z.number(), withTrustedAdult: z.number(), withCurrentPlan: z.number() });

export const careCoverageSchema = z.object({
  minGroupSize: z.number(),
  /** Null when the school has fewer than k pupils placed this school year. */
  school: countsSchema.nullable(),
  classes: z.array(z.object({ classId: z.string(), className: z.string(), figures: countsSchema.nullable() })),
});
export type CareCoverage = z.infer<typeof careCoverageSchema>;

const cohortSchema = z.object({ pupils: z.number(), atLeastOne: z.number(), fourOrMore: z.number() }).nullable();
export const aceFiguresSchema = z.object({
  minGroupSize: z.number(),
  /** Per informant and combined; null when fewer than k pupils have answers from that informant. */
  pupil: cohortSchema,
  parent: cohortSchema,
  file: cohortSchema,
  combined: cohortSchema,
});
export type AceFigures = z.infer<typeof aceFiguresSchema>;

/** Per class of this school year: its pupils, and which of them have a trusted adult and a plan not past its review. */
export async function getCareCoverage(deps: Deps, schoolId: string): Promise<CareCoverage> {
  const db = deps.db.kysely;
  const k = await minGroupSizeOfSchool(db, schoolId);
  const today = schoolDateOf(deps.clock.now());
  const placements = await db
    .selectFrom('class_pupils')
    .innerJoin('classes', 'classes.id', 'class_pupils.class_id')
    .innerJoin('pupils', 'pupils.id', 'class_pupils.pupil_id')
    .select(['classes.id as class_id', 'classes.name as class_name', 'class_pupils.pupil_id'])
    .where('classes.school_id', '=', schoolId)
    .where('classes.school_year', '=', schoolYearAt(deps.clock.now()))
    .where('pupils.left_on', 'is', null)
    .orderBy('classes.name')
    .execute();
  const withAdult = new Set((await db.selectFrom('care_trusted_adults').select('pupil_id').distinct().where('school_id', '=', schoolId).execute()).map((row) => row.pupil_id));
  const withPlan = new Set(await pupilsWithCurrentPlan(db, schoolId, today));
  const countsOf = (pupils: readonly string[]) => ({ pupils: pupils.length, withTrustedAdult: pupils.filter((id) => withAdult.has(id)).length, withCurrentPlan: pupils.filter((id) => withPlan.has(id)).length });
  return { minGroupSize: k, ...pupilFiguresPerClass(placements, k, countsOf) };
}

// The newest plan version of each pupil whose review date has not passed.
async function pupilsWithCurrentPlan(db: Kysely<Database>, schoolId: string, today: string): Promise<string[]> {
  const rows = await db.selectFrom('care_support_plans').select(['pupil_id', 'version', 'review_on']).where('school_id', '=', schoolId).execute();
  const newest = new Map<string, { version: number; review_on: string }>();
  for (const row of rows) if ((newest.get(row.pupil_id)?.version ?? 0) < row.version) newest.set(row.pupil_id, row);
  return [...newest].filter(([, row]) => row.review_on >= today).map(([pupilId]) => pupilId);
}

/** The school's ACE figures per informant and combined (the newest answer per pupil, informant and category). */
export async function getAceFigures(deps: Deps, schoolId: string): Promise<AceFigures> {
  const db = deps.db.kysely;
  const k = await minGroupSizeOfSchool(db, schoolId);
  const rows = await db
    .selectFrom('care_ace_answers')
    .innerJoin('pupils', 'pupils.id', 'care_ace_answers.pupil_id')
    .select(['care_ace_answers.id', 'care_ace_answers.pupil_id', 'care_ace_answers.informant', 'care_ace_answers.category', 'care_ace_answers.answer_encrypted', 'care_ace_answers.recorded_on', 'care_ace_answers.created_at'])
    .where('care_ace_answers.school_id', '=', schoolId)
    .where('pupils.left_on', 'is', null)
    .orderBy('care_ace_answers.recorded_on')
    .orderBy('care_ace_answers.created_at')
    .execute();
  const newest = newestAceAnswers(rows.map((row) => ({ ...row, pupil: row.pupil_id, informant: row.informant as AceInformant })));
  const answers: AceRow[] = await Promise.all(
    newest.map(async (row) => ({
      pupil: row.pupil,
      informant: row.informant,
      category: row.category,
      answer: (await deps.fieldCrypto.decrypt(encryptedFieldRef('care_ace_answers', 'answer_encrypted', [row.id]), row.answer_encrypted)) as AceAnswer,
    })),
  );
  const cohort = aceCohort(answers);
  const shown = (entry: { pupils: number; atLeastOne: number; fourOrMore: number }) => (isLargeEnough(entry.pupils, k) ? entry : null);
  return {
    minGroupSize: k,
    ...(Object.fromEntries(ACE_INFORMANTS.map((informant) => [informant, shown(cohort[informant])])) as Record<AceInformant, AceFigures['pupil']>),
    combined: shown(cohort.combined),
  };
}
