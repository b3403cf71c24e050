import { z } from 'zod';
import { nameSchema, schoolYearSchema } from '../../http/common.schemas';
import { IMPORT_MAX_LENGTH } from '../pupils/pupil-import.parse';

// The contract of preparing the next school year (the August rollover). Preview and confirm take the same
// plan; the preview answers what would happen, the confirm does it.

/** Route params naming a prepared school year of a school. */
export const preparedYearParamsSchema = z.strictObject({ schoolId: z.uuid(), schoolYear: schoolYearSchema });

/** What happens to one class of this school year: its name next year (null: it does not carry over) and which of its teachers stay linked. */
export const classPlanSchema = z.strictObject({
  classId: z.uuid(),
  name: nameSchema.nullable(),
  /** The teachers of the class who stay linked to it next year (default: all of them). */
  teacherUserIds: z.array(z.uuid()).max(50).optional(),
});
/** The plan of one class. */
export type ClassPlan = z.infer<typeof classPlanSchema>;

// A class name as the file spells it (matched exactly, like the import's choices).
const fileClassNameSchema = z.string().min(1).max(IMPORT_MAX_LENGTH.className);

/** For a class name of the re-import that next year does not have: create it, or put its pupils in a class of next year (by its new name). */
export const yearClassChoiceSchema = z.discriminatedUnion('action', [
  z.strictObject({ name: fileClassNameSchema, action: z.literal('create') }),
  z.strictObject({ name: fileClassNameSchema, action: z.literal('map'), className: nameSchema }),
]);
/** A choice for one unknown class of the re-import. */
export type YearClassChoice = z.infer<typeof yearClassChoiceSchema>;

/** The plan of a preparation: class names and teachers (default per class when left out), an optional re-import. */
export const preparationPlanBodySchema = z.strictObject({
  classes: z.array(classPlanSchema).max(500).default([]),
  /** A staged pupil import (uploaded as for the import wizard) whose pupils and classes are next year's. */
  importId: z.uuid().optional(),
  classChoices: z.array(yearClassChoiceSchema).max(1000).default([]),
});
/** The plan of a preparation as sent. */
export type PreparationPlan = z.infer<typeof preparationPlanBodySchema>;

const pupilLineSchema = z.object({
  pupilId: z.string().nullable(),
  pupilNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  fromClassName: z.string().nullable(),
  toClassName: z.string().nullable(),
});

/** What a preparation would do (or did). */
export const preparationPreviewSchema = z.object({
  fromSchoolYear: z.string(),
  schoolYear: z.string(),
  /** The school date pupils who leave get: the last day of this school year. */
  leftOn: z.string(),
  classes: z.array(
    z.object({
      sourceClassId: z.string().nullable(),
      sourceName: z.string().nullable(),
      name: z.string(),
      /** True when next year already has a class of this name (it is used, not created). */
      exists: z.boolean(),
      teachers: z.array(z.object({ userId: z.string(), name: z.string() })),
      pupilCount: z.number().int(),
    }),
  ),
  /** Classes of this year that do not carry over (group 8, or named null). */
  endingClasses: z.array(z.object({ classId: z.string(), name: z.string() })),
  /** Class names of the re-import that next year does not have: each needs a choice before confirming. */
  unknownClasses: z.array(z.object({ name: z.string(), rows: z.number().int() })),
  moves: z.array(pupilLineSchema),
  newPupils: z.array(pupilLineSchema),
  leaving: z.array(pupilLineSchema),
  /** True when the plan can be confirmed as it is (no unknown class without a choice). */
  ready: z.boolean(),
});
/** A preview of a preparation. */
export type PreparationPreview = z.infer<typeof preparationPreviewSchema>;

/** A school's next school year and whether (and how) it has been prepared. */
export const nextSchoolYearStateSchema = z.object({
  currentSchoolYear: z.string(),
  schoolYear: z.string(),
  startsOn: z.string(),
  /** Classes this school year has (the ones a preparation starts from). */
  currentClasses: z.array(z.object({ id: z.string(), name: z.string(), defaultName: z.string().nullable(), teachers: z.array(z.object({ userId: z.string(), name: z.string() })), pupilCount: z.number().int() })),
  preparation: z
    .object({
      preparedAt: z.string(),
      preparedByName: z.string().nullable(),
      classesCreated: z.number().int(),
      pupilsPlaced: z.number().int(),
      pupilsCreated: z.number().int(),
      /** Those who leave are marked as left on this date once it has passed. */
      pupilsLeft: z.number().int(),
      leftOn: z.string(),
      /** Undo is possible until the school year starts. */
      canUndo: z.boolean(),
    })
    .nullable(),
});
/** The state of a school's next school year. */
export type NextSchoolYearState = z.infer<typeof nextSchoolYearStateSchema>;
