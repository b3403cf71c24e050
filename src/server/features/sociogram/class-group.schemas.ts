import { z } from 'zod';
import { CLIMATE_NOTE_MAX_LENGTH, CLIMATE_RATINGS, GROUP_PHASES } from '../../../shared/class-group';
import { classParamsSchema, multiLineTextSchema, schoolDateSchema } from '../../http/common.schemas';

// The contract of the class's "Groep" page: the class-climate ratings and the group phase. Types are exported for the
// web app; the words of the steps and phases are plain data in shared/class-group.ts.

export const climateRatingParamsSchema = classParamsSchema.extend({ ratingId: z.uuid() });

export const addClimateRatingBodySchema = z.strictObject({
  /** The school day the rating is about; today when left out. Never in the future. */
  ratedOn: schoolDateSchema.optional(),
  /** 1 (tense) … 4 (close-knit). */
  rating: z.number().int().min(Math.min(...CLIMATE_RATINGS)).max(Math.max(...CLIMATE_RATINGS)),
  /** A short note; may be empty. Stored encrypted: a teacher may name pupils in it. */
  note: multiLineTextSchema.pipe(z.string().max(CLIMATE_NOTE_MAX_LENGTH)).default(''),
});
export type AddClimateRatingBody = z.input<typeof addClimateRatingBodySchema>;
/** A climate rating's fields once validated (defaults filled in). */
export type ClimateRatingFields = z.output<typeof addClimateRatingBodySchema>;

export const setGroupPhaseBodySchema = z.strictObject({
  phase: z.enum(GROUP_PHASES),
  /** From which school day the teacher sees the class in this phase. Never in the future. */
  fromOn: schoolDateSchema,
});
export type SetGroupPhaseBody = z.input<typeof setGroupPhaseBodySchema>;

/** One climate rating as the class's teachers and the care team read it. */
export const climateRatingSchema = z.object({
  id: z.string(),
  ratedOn: z.string(),
  rating: z.number().int(),
  note: z.string(),
  /** Who rated (null when that account is gone). */
  ratedBy: z.string().nullable(),
  /** Whether the caller rated it (and so may undo it). */
  isOwn: z.boolean(),
  createdAt: z.string(),
});
export type ClimateRating = z.infer<typeof climateRatingSchema>;

/** The group phase from a day on, and who set it. */
export const groupPhaseEntrySchema = z.object({
  id: z.string(),
  phase: z.enum(GROUP_PHASES),
  fromOn: z.string(),
  setBy: z.string().nullable(),
  createdAt: z.string(),
});
export type GroupPhaseEntry = z.infer<typeof groupPhaseEntrySchema>;

/** A class's Groep page: its climate ratings of its school year, its phase and what the page points out today. */
export const classGroupSchema = z.object({
  class: z.object({ id: z.string(), name: z.string(), schoolYear: z.string() }),
  /** Today on the school's calendar. */
  today: z.string(),
  /** Newest first. */
  climate: z.array(climateRatingSchema),
  /** The phase that holds now (the newest entry), or null when none was set. */
  currentPhase: groupPhaseEntrySchema.nullable(),
  /** Every phase entry of the class, newest first (the current one included). */
  phaseHistory: z.array(groupPhaseEntrySchema),
  /** The reminders of today (shared/class-group.ts `groupGuidanceOn`); null for a class of another school year. */
  guidance: z
    .object({
      schoolYearStartsOn: z.string(),
      isGoldenWeeks: z.boolean(),
      goldenWeeksUntil: z.string(),
      restart: z.object({ after: z.enum(['summer', 'christmas']), until: z.string() }).nullable(),
    })
    .nullable(),
});
export type ClassGroup = z.infer<typeof classGroupSchema>;
