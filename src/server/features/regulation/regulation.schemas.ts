import { z } from 'zod';
import { ACTIVITY_KINDS, ACTIVITY_PLACES, ACTIVITY_STATES, PUPIL_ANIMATIONS } from '../../../shared/regulation';
import { AGE_GROUPS } from '../../../shared/checkin';
import { singleLineTextSchema } from '../../http/common.schemas';
import { definitionIdSchema } from '../../../shared/definition-schemas';

/** An activity's id: lowercase words joined by - and . (the shipped format's id). */
const activityIdSchema = definitionIdSchema.max(80);

// The contract of the staff side of regulation (features/regulation): the library, a class's favourites and routine
// moments, what helped a pupil, and the anonymous figures. Types are exported for the web app.

const wordingSchema = z.object({ nl: z.string(), en: z.string() });

export const activityParamsSchema = z.strictObject({ schoolId: z.uuid(), activityId: activityIdSchema });
export const classActivityParamsSchema = z.strictObject({ schoolId: z.uuid(), classId: z.uuid(), activityId: activityIdSchema });
export const routineParamsSchema = z.strictObject({ schoolId: z.uuid(), classId: z.uuid(), routineId: z.uuid() });
export const pupilActivityParamsSchema = z.strictObject({ schoolId: z.uuid(), pupilId: z.uuid(), activityId: activityIdSchema });

/** One activity as the library shows it. */
export const libraryActivitySchema = z.object({
  id: z.string(),
  name: wordingSchema,
  kind: z.enum(ACTIVITY_KINDS),
  states: z.array(z.enum(ACTIVITY_STATES)),
  ageGroups: z.array(z.enum(AGE_GROUPS)),
  durationSeconds: z.number(),
  places: z.array(z.enum(ACTIVITY_PLACES)),
  materials: z.array(wordingSchema),
  steps: z.array(wordingSchema),
  forPupils: z.object({ animation: z.enum(PUPIL_ANIMATIONS), prompt: wordingSchema }).nullable(),
  /** The school wrote it itself. */
  own: z.boolean(),
  /** The school hid it: not in teachers' library, never offered to pupils. */
  hidden: z.boolean(),
});
export type LibraryActivity = z.output<typeof libraryActivitySchema>;

export const addOwnActivityBodySchema = z.strictObject({ definition: z.unknown() });
export const hideActivityBodySchema = z.strictObject({ hidden: z.boolean() });
export const favouriteBodySchema = z.strictObject({ favourite: z.boolean() });
export const planLinkBodySchema = z.strictObject({ linked: z.boolean() });

export const addRoutineBodySchema = z.strictObject({
  timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 10:30'),
  label: singleLineTextSchema.min(1).max(60),
  activityId: activityIdSchema,
});
export type AddRoutineBody = z.input<typeof addRoutineBodySchema>;

export const routineSchema = z.object({ id: z.string(), timeOfDay: z.string(), label: z.string(), activityId: z.string(), activityName: wordingSchema.nullable() });
export type Routine = z.output<typeof routineSchema>;

export const classRegulationSchema = z.object({
  classId: z.string(),
  className: z.string(),
  favourites: z.array(z.string()),
  routines: z.array(routineSchema),
});
export type ClassRegulation = z.output<typeof classRegulationSchema>;

/** What helped one pupil: their regulation moments (newest first) and, per activity, how often it helped. */
export const pupilRegulationSchema = z.object({
  moments: z.array(z.object({ date: z.string(), state: z.enum(['too_high', 'too_low']), activityId: z.string(), activityName: wordingSchema.nullable(), helped: z.boolean().nullable() })),
  perActivity: z.array(z.object({ activityId: z.string(), activityName: wordingSchema.nullable(), done: z.number(), helped: z.number(), notHelped: z.number() })),
  /** Activities the care team linked to the pupil's support plan. */
  planActivities: z.array(z.string()),
});
export type PupilRegulation = z.output<typeof pupilRegulationSchema>;

/** Anonymous figures per class and week: only weeks in which at least k pupils answered "did it help?". */
export const regulationFiguresSchema = z.object({
  minGroupSize: z.number(),
  classes: z.array(
    z.object({
      classId: z.string(),
      className: z.string(),
      weeks: z.array(z.object({ week: z.string(), pupils: z.number(), answered: z.number(), helped: z.number() })),
      /** Weeks left out because fewer than k pupils answered in them. */
      hiddenWeeks: z.number(),
    }),
  ),
});
export type RegulationFigures = z.output<typeof regulationFiguresSchema>;
