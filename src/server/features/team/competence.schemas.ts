import { z } from 'zod';
import { COMPETENCE_LIMITS, COMPETENCE_STEPS } from '../../../shared/competence-profile';
import { competenceProfileSchema } from '../../../shared/competence-profile-schema';
import { localizedTextSchema } from '../../../shared/definition-schemas';
import { multiLineTextSchema, schoolParamsSchema } from '../../http/common.schemas';

// The contract of the competence profile (issue 17). Every route needs `school.team` unless noted; the service narrows
// each record to the caller's relation (their own assessments; what a colleague shared with them), 404 otherwise.
//   GET    /api/schools/:schoolId/team/competence                               → competenceOverviewSchema (own)
//   GET    /api/schools/:schoolId/team/competence/profiles                      → profile versions the school can use
//   POST   /api/schools/:schoolId/team/competence/profiles                      → 201/200 profile (school.team.manage)
//   POST   /api/schools/:schoolId/team/competence/assessments                   → 201 the draft (or 200 the open one)
//   GET    /api/schools/:schoolId/team/competence/assessments/:assessmentId     → own assessment
//   PUT    /api/schools/:schoolId/team/competence/assessments/:assessmentId     → save a draft
//   POST   /api/schools/:schoolId/team/competence/assessments/:assessmentId/completion → completed
//   POST   /api/schools/:schoolId/team/competence/shares                        → 201 share (or 200 the same one)
//   DELETE /api/schools/:schoolId/team/competence/shares/:shareId               → 204 (revoked at once)
//   GET    /api/schools/:schoolId/team/competence/shared/:ownerUserId           → read-only, audited
//   GET    /api/schools/:schoolId/team/competence/figures                       → counts under the k rule (school.team.figures)

export const assessmentParamsSchema = schoolParamsSchema.extend({ assessmentId: z.uuid() });
export const shareParamsSchema = schoolParamsSchema.extend({ shareId: z.uuid() });
export const sharedParamsSchema = schoolParamsSchema.extend({ ownerUserId: z.uuid() });

// ---------- bodies ----------

/** Importing a profile definition (validated in full by the profile format). */
export const importProfileBodySchema = z.strictObject({ definition: z.record(z.string(), z.unknown()) });
export type ImportProfileBody = z.input<typeof importProfileBodySchema>;

const ratingBodySchema = z.strictObject({
  indicatorId: z.string().min(1).max(200),
  /** 1–4, or 0 for "not yet applicable". */
  step: z.union(COMPETENCE_STEPS.map((step) => z.literal(step))),
  /** What shows it: paragraphs allowed; stored encrypted. */
  evidence: multiLineTextSchema.pipe(z.string().trim().max(COMPETENCE_LIMITS.evidence)).default(''),
});

export const assessmentBodySchema = z.strictObject({
  /** Every indicator rated so far; an indicator left out stays open. */
  ratings: z
    .array(ratingBodySchema)
    .max(400)
    .refine((ratings) => new Set(ratings.map((rating) => rating.indicatorId)).size === ratings.length, { message: 'an indicator must not repeat' }),
  /** Personal goals: paragraphs allowed; stored encrypted. */
  goals: multiLineTextSchema.pipe(z.string().trim().max(COMPETENCE_LIMITS.goals)).default(''),
});
export type AssessmentBody = z.input<typeof assessmentBodySchema>;
export type AssessmentFields = z.output<typeof assessmentBodySchema>;

export const shareBodySchema = z.discriminatedUnion('audience', [
  z.strictObject({ audience: z.literal('colleague'), userId: z.uuid() }),
  z.strictObject({ audience: z.literal('leadership') }),
]);
export type ShareBody = z.input<typeof shareBodySchema>;

// ---------- answers ----------

export const profileSummarySchema = z.object({
  id: z.string(),
  key: z.string(),
  version: z.string(),
  isShipped: z.boolean(),
  isCurrent: z.boolean(),
  definition: competenceProfileSchema,
});
/** A profile version a school can use, with its definition. */
export type ProfileSummary = z.infer<typeof profileSummarySchema>;
export const profileListSchema = z.array(profileSummarySchema);

const ratingSchema = z.object({ indicatorId: z.string(), step: z.number(), evidence: z.string() });

export const assessmentDetailSchema = z.object({
  id: z.string(),
  profile: profileSummarySchema,
  isCompleted: z.boolean(),
  startedAt: z.string(),
  completedOn: z.string().nullable(),
  goals: z.string(),
  ratings: z.array(ratingSchema),
});
/** One self-assessment as its owner (or someone it was shared with) reads it. */
export type AssessmentDetail = z.infer<typeof assessmentDetailSchema>;

const assessmentSummarySchema = z.object({
  id: z.string(),
  profileId: z.string(),
  completedOn: z.string(),
  /** Mean step per competence id (null: nothing rated there). */
  means: z.record(z.string(), z.number().nullable()),
});
/** A completed assessment with its mean step per competence: one point of the growth view. */
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

const shareSchema = z.object({
  id: z.string(),
  audience: z.enum(['colleague', 'leadership']),
  grantee: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type CompetenceShare = z.infer<typeof shareSchema>;
export const competenceShareSchema = shareSchema;

export const competenceOverviewSchema = z.object({
  /** The profile a new self-assessment uses. */
  profile: profileSummarySchema,
  /** The profile versions the completed assessments used (for their competence names). */
  profiles: z.array(profileSummarySchema),
  completed: z.array(assessmentSummarySchema),
  draftId: z.string().nullable(),
  shares: z.array(shareSchema),
  /** Colleagues who shared their profile with the caller (by name, or with the leadership the caller is part of). */
  sharedWithMe: z.array(z.object({ ownerUserId: z.string(), name: z.string(), audience: z.enum(['colleague', 'leadership']) })),
  /** The school's staff the caller can share with (not the caller). */
  colleagues: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type CompetenceOverview = z.infer<typeof competenceOverviewSchema>;

export const sharedProfileSchema = z.object({
  ownerName: z.string(),
  audience: z.enum(['colleague', 'leadership']),
  profiles: z.array(profileSummarySchema),
  completed: z.array(assessmentSummarySchema),
  /** The latest completed assessment in full (steps, evidence, goals), read-only. */
  latest: assessmentDetailSchema.nullable(),
});
export type SharedProfile = z.infer<typeof sharedProfileSchema>;

const figureCellSchema = z.number().nullable();
export const competenceFiguresSchema = z.object({
  minGroupSize: z.number(),
  periods: z.array(
    z.object({
      schoolYear: z.string(),
      half: z.union([z.literal(1), z.literal(2)]),
      firstDay: z.string(),
      lastDay: z.string(),
      profiles: z.array(
        z.object({
          profileId: z.string(),
          /** People with an assessment in the period on this profile; null when under k (then nothing else shows). */
          people: z.number().nullable(),
          competences: z.array(
            z.object({
              competenceId: z.string(),
              name: localizedTextSchema,
              /** People whose mean step is under 2.5, at 2.5 or above, or who rated nothing there; null = hidden (k rule). */
              building: figureCellSchema,
              secure: figureCellSchema,
              notRated: figureCellSchema,
            }),
          ),
        }),
      ),
    }),
  ),
});
export type CompetenceFigures = z.infer<typeof competenceFiguresSchema>;
