import { z } from 'zod';
import { AGE_GROUPS } from '../../../shared/checkin';
import { definitionIdSchema, definitionVersionSchema } from '../../../shared/definition-schemas';
import { CONTROL_CHARACTERS_REFUSED, isSingleLineText } from '../../../shared/plain-text';
import {
  ACTIVITY_DURATION_SECONDS,
  ACTIVITY_KINDS,
  ACTIVITY_PLACES,
  ACTIVITY_STATES,
  ACTIVITY_STEPS,
  KIND_OF_ANIMATION,
  PUPIL_ACTIVITY_MAX_SECONDS,
  PUPIL_ANIMATIONS,
} from '../../../shared/regulation';

// THE regulation activity format: every activity Groeiwijzer ships and every activity a school adds is one JSON
// file in this shape. docs/regulation-activity-format.md describes it for people.

/** The longest name: it stands on a card and in a filter list. */
export const ACTIVITY_NAME_MAX_LENGTH = 80;
/** The longest material, e.g. "a feather or a scrap of paper per pupil". */
export const ACTIVITY_MATERIAL_MAX_LENGTH = 120;
/** The most materials an activity lists. */
export const ACTIVITY_MATERIALS_MAX = 8;
/** The longest pupil prompt: a pupil reads it (or hears it read) in one go. */
export const PUPIL_PROMPT_MAX_LENGTH = 200;

// One language's text of a line: required, not blank after trimming, no control character or line break
// (it is read aloud and shown one per line), and short. Checked for shipped files and a school's own alike.
function lineSchema(maxLength: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })
    .trim()
    .min(1, 'may not be empty')
    .max(maxLength, `at most ${maxLength} characters`)
    .refine(isSingleLineText, CONTROL_CHARACTERS_REFUSED);
}

/** A line of text in both interface languages, Dutch and English, each at most `maxLength` characters. */
function localizedLineSchema(maxLength: number) {
  return z.strictObject({ nl: lineSchema(maxLength), en: lineSchema(maxLength) }, { error: (issue) => (issue.input === undefined ? 'required' : 'must be { "nl": …, "en": … }') });
}

/** A non-empty list of values from a vocabulary, each at most once; a repeat is reported at its own index. */
function subsetSchema<const Values extends readonly [string, ...string[]]>(values: Values, what: string) {
  return z
    .array(z.enum(values, { error: `must be one of ${values.join(', ')}` }), { error: `a list of ${what}` })
    .min(1, `name at least one ${what.replace(/s$/, '')}`)
    .superRefine((list, context) => {
      list.forEach((value, index) => {
        if (list.indexOf(value) < index) context.addIssue({ code: 'custom', path: [index], message: `"${value}" is listed twice` });
      });
    });
}

/** What the pupil page shows of an activity a pupil can do alone, right after a check-in outside the window. */
export const pupilActivitySchema = z.strictObject({
  /** The moving picture beside the prompt; left out means none. */
  animation: z.enum(PUPIL_ANIMATIONS, { error: `must be one of ${PUPIL_ANIMATIONS.join(', ')}` }).optional(),
  /** A short instruction in the pupil's words, one line. */
  prompt: localizedLineSchema(PUPIL_PROMPT_MAX_LENGTH),
});

/** One regulation activity: what it is, for whom and when, and the steps a teacher reads aloud. */
export const regulationActivitySchema = z
  .strictObject({
    id: definitionIdSchema,
    version: definitionVersionSchema,
    name: localizedLineSchema(ACTIVITY_NAME_MAX_LENGTH),
    kind: z.enum(ACTIVITY_KINDS, { error: `must be one of ${ACTIVITY_KINDS.join(', ')}` }),
    /** The states it is meant for: too high, too low, or in the window to practise. */
    states: subsetSchema(ACTIVITY_STATES, 'states'),
    ageGroups: subsetSchema(AGE_GROUPS, 'age groups'),
    durationSeconds: z
      .number({ error: 'a number of seconds' })
      .int('whole seconds')
      .min(ACTIVITY_DURATION_SECONDS.min, `at least ${ACTIVITY_DURATION_SECONDS.min} seconds`)
      .max(ACTIVITY_DURATION_SECONDS.max, `at most ${ACTIVITY_DURATION_SECONDS.max} seconds (ten minutes)`),
    places: subsetSchema(ACTIVITY_PLACES, 'places'),
    /** What is needed; an empty list when nothing is. */
    materials: z.array(localizedLineSchema(ACTIVITY_MATERIAL_MAX_LENGTH), { error: 'a list of materials (may be empty)' }).max(ACTIVITY_MATERIALS_MAX, `at most ${ACTIVITY_MATERIALS_MAX} materials`),
    /** The steps in order, each one line a teacher reads aloud. */
    steps: z
      .array(localizedLineSchema(ACTIVITY_STEPS.maxLength), { error: 'a list of steps' })
      .min(ACTIVITY_STEPS.min, `at least ${ACTIVITY_STEPS.min} steps`)
      .max(ACTIVITY_STEPS.max, `at most ${ACTIVITY_STEPS.max} steps`),
    forPupils: pupilActivitySchema.optional(),
  })
  .superRefine((activity, context) => {
    const forPupils = activity.forPupils;
    if (!forPupils) return;
    // The pupil page offers activities only after a check-in outside the window, for a pupil alone: short ones.
    // A duration or state list already refused above is not refused a second time here.
    if (activity.durationSeconds > PUPIL_ACTIVITY_MAX_SECONDS && activity.durationSeconds <= ACTIVITY_DURATION_SECONDS.max) {
      context.addIssue({ code: 'custom', path: ['forPupils'], message: `only for activities of at most ${PUPIL_ACTIVITY_MAX_SECONDS} seconds: a pupil does them alone, right after the check-in` });
    }
    if (activity.states.length > 0 && !activity.states.some((state) => state !== 'in_window')) {
      context.addIssue({ code: 'custom', path: ['forPupils'], message: 'only for activities meant for too high or too low: the pupil page offers them after a check-in outside the window' });
    }
    const animation = forPupils.animation;
    if (animation && animation !== 'none' && KIND_OF_ANIMATION[animation] !== activity.kind) {
      context.addIssue({ code: 'custom', path: ['forPupils', 'animation'], message: `"${animation}" belongs to ${KIND_OF_ANIMATION[animation]} activities, not ${activity.kind}` });
    }
  });

/** A regulation activity as read from its file. */
export type RegulationActivity = z.infer<typeof regulationActivitySchema>;
/** A regulation activity as written in its file (the same shape: no field has a default). */
export type RegulationActivityFile = z.input<typeof regulationActivitySchema>;
