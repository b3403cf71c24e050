import { z } from 'zod';
import { CDC_STATUSES, NB_STATUSES } from '../../../shared/sociogram';
import { MAX_CHOICES_LIMIT, MAX_SOCIOGRAM_QUESTIONS } from '../../../shared/sociogram-questions';
import { singleLineTextSchema } from '../../http/common.schemas';

// The contract of the sociogram routes (features/sociogram): what they accept and answer. Types are exported for the
// web app and the pupil page.

const valenceSchema = z.enum(['positive', 'negative']);
const wordingSchema = z.object({ nl: z.string(), en: z.string() });

export const sociogramParamsSchema = z.strictObject({ schoolId: z.uuid(), sociogramId: z.uuid() });
export const sociogramPupilParamsSchema = sociogramParamsSchema.extend({ pupilId: z.uuid() });
export const schoolQuestionParamsSchema = z.strictObject({ schoolId: z.uuid(), questionId: z.uuid() });
export const kioskSociogramParamsSchema = z.strictObject({ sociogramId: z.uuid(), pupilId: z.uuid() });
export const pupilSociogramParamsSchema = z.strictObject({ sociogramId: z.uuid() });

/** A question a sociogram can ask: the project's bank (`own` false) or the school's own. */
export const bankQuestionSchema = z.object({ key: z.string(), valence: valenceSchema, text: wordingSchema, own: z.boolean() });

export const sociogramSettingsSchema = z.object({
  negativeQuestionsAllowed: z.boolean(),
  /** Every question a new sociogram of the school may ask (negative ones only when allowed, for starting). */
  questions: z.array(bankQuestionSchema),
});
export type SociogramSettings = z.output<typeof sociogramSettingsSchema>;

export const changeSociogramSettingsBodySchema = z.strictObject({ negativeQuestionsAllowed: z.boolean() });
export const addSchoolQuestionBodySchema = z.strictObject({ text: singleLineTextSchema.min(3).max(200), valence: valenceSchema });
export type AddSchoolQuestionBody = z.input<typeof addSchoolQuestionBodySchema>;

export const startSociogramBodySchema = z.strictObject({
  questions: z
    .array(
      z.strictObject({
        key: z.string().min(1).max(40),
        /** null: as many as the pupil likes. */
        maxChoices: z.number().int().min(1).max(MAX_CHOICES_LIMIT).nullable(),
      }),
    )
    .min(1)
    .max(MAX_SOCIOGRAM_QUESTIONS),
});
export type StartSociogramBody = z.input<typeof startSociogramBodySchema>;

export const askedQuestionSchema = z.object({ position: z.number(), key: z.string(), text: wordingSchema, valence: valenceSchema, maxChoices: z.number().nullable() });
export type AskedQuestion = z.output<typeof askedQuestionSchema>;

export const sociogramSummarySchema = z.object({
  id: z.string(),
  classId: z.string(),
  className: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  /** Retention removed the answers; only class-level counts remain. */
  purged: z.boolean(),
  questions: z.array(askedQuestionSchema),
  pupils: z.number(),
  answered: z.number(),
});
export type SociogramSummary = z.output<typeof sociogramSummarySchema>;

export const sociogramDetailSchema = sociogramSummarySchema.extend({
  /** Who is on the class list and whether they answered — never what. */
  roster: z.array(z.object({ pupilId: z.string(), name: z.string(), answered: z.boolean(), fromPaper: z.boolean() })),
});
export type SociogramDetail = z.output<typeof sociogramDetailSchema>;

/** A pupil's choices: per question (by position) the classmates chosen; an empty list is "nobody". */
export const choicesSchema = z
  .array(z.strictObject({ position: z.number().int().min(1).max(MAX_SOCIOGRAM_QUESTIONS), chosen: z.array(z.uuid()).max(100) }))
  .max(MAX_SOCIOGRAM_QUESTIONS);
export type Choices = z.output<typeof choicesSchema>;
export const saveChoicesBodySchema = z.strictObject({ choices: choicesSchema });
export type SaveChoicesBody = z.input<typeof saveChoicesBodySchema>;

export const savedChoicesSchema = z.object({ answeredAt: z.string() });
export const paperAnswersSchema = z.object({ pupilId: z.string(), answered: z.boolean(), choices: choicesSchema });

/** What the pupil page needs to answer an open sociogram: the questions and the classmates (first name + initial). */
export const pupilSociogramSchema = z.object({
  id: z.string(),
  questions: z.array(z.object({ position: z.number(), text: wordingSchema, maxChoices: z.number().nullable() })),
  classmates: z.array(z.object({ pupilId: z.string(), displayName: z.string() })),
});
export type PupilSociogram = z.output<typeof pupilSociogramSchema>;
/** On the pupil's own device: also what they answered so far (they may change it until the sociogram closes). */
export const ownSociogramSchema = pupilSociogramSchema.extend({ mine: choicesSchema.nullable() });
export type OwnSociogram = z.output<typeof ownSociogramSchema>;

const statusChangeSchema = z.object({
  pupil: z.string(),
  newlyIsolated: z.boolean(),
  friendsGained: z.array(z.string()),
  friendsLost: z.array(z.string()),
  cdcBefore: z.enum(CDC_STATUSES).nullable(),
  cdcNow: z.enum(CDC_STATUSES),
  nbBefore: z.enum(NB_STATUSES).nullable(),
  nbNow: z.enum(NB_STATUSES),
});

export const sociogramResultsSchema = z.object({
  sociogram: sociogramSummarySchema,
  respondents: z.number(),
  warnings: z.number(),
  pupils: z.array(
    z.object({
      pupilId: z.string(),
      name: z.string(),
      positiveReceived: z.number(),
      negativeReceived: z.number(),
      positiveGiven: z.number(),
      negativeGiven: z.number(),
      zLM: z.number(),
      zLL: z.number(),
      zSP: z.number(),
      zSI: z.number(),
      cdc: z.enum(CDC_STATUSES),
      nb: z.enum(NB_STATUSES),
      isolated: z.boolean(),
      answered: z.boolean(),
      mutualFriends: z.array(z.string()),
      /** The group (community) the pupil belongs to, and the pupil's place in the network picture. */
      group: z.number(),
      x: z.number(),
      y: z.number(),
      bridge: z.boolean(),
    }),
  ),
  /** Every valid choice: chooser, chosen, question position. */
  choices: z.array(z.object({ chooser: z.string(), chosen: z.string(), position: z.number() })),
  mutualPositivePairs: z.array(z.tuple([z.string(), z.string()])),
  mutualNegativePairs: z.array(z.tuple([z.string(), z.string()])),
  groups: z.array(z.object({ id: z.number(), pupils: z.array(z.string()) })),
  /** Against the class's previous closed sociogram (null when there is none with answers). */
  comparison: z.object({ previousId: z.string(), previousOpenedOn: z.string(), pupils: z.array(statusChangeSchema) }).nullable(),
});
export type SociogramResults = z.output<typeof sociogramResultsSchema>;
