import { z } from 'zod';
import { AGE_GROUPS, CHECKIN_STATES } from '../../../shared/checkin';
import { WINDOW_LESSON_IDS } from '../../../shared/window-lessons';
import { schoolDateSchema } from '../../http/common.schemas';

// The contract of the "know your window" lessons (features/regulation/window-lessons.*): a class's lessons with the
// words of its check-in, recording a lesson as given, and the school's evidence (classes only). The lessons' texts
// are not sent: the web app has them from shared/window-lessons.ts. Types are exported for the web app.

const wordingSchema = z.object({ nl: z.string(), en: z.string() });
const lessonIdSchema = z.enum(WINDOW_LESSON_IDS);

export const windowLessonParamsSchema = z.strictObject({ schoolId: z.uuid(), classId: z.uuid(), lessonId: lessonIdSchema });
export const lessonGivenParamsSchema = z.strictObject({ schoolId: z.uuid(), classId: z.uuid(), lessonId: lessonIdSchema, givenId: z.uuid() });

/** The school day the lesson was given: not in the future, inside the class's school year. */
export const lessonGivenBodySchema = z.strictObject({ givenOn: schoolDateSchema });
export type LessonGivenBody = z.input<typeof lessonGivenBodySchema>;

/** One state of the class's check-in in the class's words (its age group's labels with the school's own), both languages. */
export const checkinWordSchema = z.object({ state: z.enum(CHECKIN_STATES), symbol: z.string(), label: wordingSchema });
export type CheckinWord = z.output<typeof checkinWordSchema>;

/** A class's lessons: its age group (which version to show), its check-in words, and when each lesson was given. */
export const classWindowLessonsSchema = z.object({
  classId: z.string(),
  className: z.string(),
  schoolYear: z.string(),
  /** Today's school date: the default day to record a lesson on. */
  today: z.string(),
  ageGroup: z.enum(AGE_GROUPS),
  /** In the thermometer order: far too high at the top, too low at the bottom. */
  checkinWords: z.array(checkinWordSchema),
  lessons: z.array(
    z.object({
      lessonId: lessonIdSchema,
      /** Every time it was given in the class's school year, oldest first. */
      given: z.array(z.object({ id: z.string(), givenOn: z.string(), ageGroup: z.enum(AGE_GROUPS) })),
    }),
  ),
});
export type ClassWindowLessons = z.output<typeof classWindowLessonsSchema>;

/** Evidence for the self-scan: per lesson, how many of this school year's classes had it, out of how many. */
export const lessonEvidenceSchema = z.object({
  schoolYear: z.string(),
  classes: z.number(),
  lessons: z.array(z.object({ lessonId: lessonIdSchema, classesGiven: z.number() })),
});
export type LessonEvidence = z.output<typeof lessonEvidenceSchema>;
