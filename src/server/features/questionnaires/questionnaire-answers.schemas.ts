import { z } from 'zod';
import { ANSWER_FACES } from '../../../shared/questionnaire-instrument';
import { WAVE_AUDIENCES, WAVE_STATES } from '../../../shared/questionnaire-waves';
import { definitionIdSchema, localizedTextSchema } from '../../../shared/definition-schemas';
import { schoolDateSchema } from '../../http/common.schemas';
import { waveParamsSchema } from './questionnaire-waves.schemas';

export const waveInstrumentParamsSchema = waveParamsSchema.extend({ instrumentId: definitionIdSchema });

/** An instrument as its respondent answers it: texts and answers, never how it is scored. */
export const answerableInstrumentSchema = z.object({
  id: z.string(),
  version: z.string(),
  name: localizedTextSchema,
  description: localizedTextSchema,
  responseScales: z.array(
    z.object({ id: z.string(), options: z.array(z.object({ value: z.number(), label: localizedTextSchema, face: z.enum(ANSWER_FACES).nullable() })) }),
  ),
  items: z.array(z.object({ id: z.string(), text: localizedTextSchema, responseScale: z.string() })),
});
export type AnswerableInstrument = z.infer<typeof answerableInstrumentSchema>;

/** The same, with what this respondent saved so far. */
export const answeredInstrumentSchema = answerableInstrumentSchema.extend({
  /** What this respondent saved so far: item id → value. */
  myAnswers: z.record(z.string(), z.number()),
  isComplete: z.boolean(),
});

/** An open wave the caller is asked to answer. */
export const openWaveSchema = z.object({
  id: z.string(),
  name: z.string(),
  opensOn: schoolDateSchema,
  closesOn: schoolDateSchema,
  instruments: z.array(answeredInstrumentSchema),
});
export type OpenWave = z.infer<typeof openWaveSchema>;

/** An open pupil wave of a class as its class device shows it: nobody's answers. */
export const classWaveSchema = z.object({ id: z.string(), name: z.string(), closesOn: schoolDateSchema, instruments: z.array(answerableInstrumentSchema) });
export type ClassWave = z.infer<typeof classWaveSchema>;

/** A pupil's answers as the class device or the pupil's own device sends them. */
export const pupilWaveInstrumentParamsSchema = z.strictObject({ waveId: z.uuid(), instrumentId: definitionIdSchema });
export const kioskAnswerParamsSchema = pupilWaveInstrumentParamsSchema.extend({ pupilId: z.uuid() });

/** Saving one's answers to one instrument: item id → chosen value, or null to take an answer back. */
export const myAnswersBodySchema = z.strictObject({
  answers: z
    .record(definitionIdSchema, z.number().int().nullable())
    .refine((answers) => Object.keys(answers).length <= 200, { message: 'at most 200 answers' }),
});

export const savedAnswersSchema = z.object({ answered: z.number().int(), items: z.number().int(), isComplete: z.boolean() });
export type SavedAnswers = z.infer<typeof savedAnswersSchema>;

/** Who completed a wave so far: counts only, never who. */
export const waveCompletionSchema = z.object({
  audience: z.enum(WAVE_AUDIENCES),
  state: z.enum(WAVE_STATES),
  /** Teachers of the school, or pupils now in the wave's classes. */
  asked: z.number().int(),
  /** Respondents who answered every item of every instrument. */
  completed: z.number().int(),
  /** Pupil waves: per class. */
  classes: z.array(z.object({ id: z.string(), name: z.string(), asked: z.number().int(), completed: z.number().int() })),
});
export type WaveCompletion = z.infer<typeof waveCompletionSchema>;
