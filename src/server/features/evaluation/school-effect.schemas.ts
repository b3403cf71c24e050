import { z } from 'zod';
import { localizedTextSchema } from '../../../shared/definition-schemas';
import { WAVE_AUDIENCES } from '../../../shared/questionnaire-waves';
import { scaleRangeSchema } from '../questionnaires/questionnaire-results.schemas';
import { NOT_FITTED_REASONS } from './scale-effect';

/** An estimate with its SE and its 95% interval (estimate ± 1.96 SE). */
export const estimateSchema = z.object({ estimate: z.number(), se: z.number(), lower: z.number(), upper: z.number() });
const pointSchema = z.object({ date: z.string(), score: z.number() });

const effectSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('fitted'),
    persons: z.number().int(),
    measurements: z.number().int(),
    baselineSlope: estimateSchema,
    implementationSlope: estimateSchema,
    slopeDifference: estimateSchema,
    levelChange: estimateSchema,
    sameSeason: estimateSchema.extend({ pairs: z.number().int() }).nullable(),
    isSingular: z.boolean(),
    before: z.tuple([pointSchema, pointSchema]),
    after: z.tuple([pointSchema, pointSchema]),
  }),
  z.object({ status: z.literal('not_fitted'), reason: z.enum(NOT_FITTED_REASONS) }),
]);

/** The effect evaluation of a school: per instrument and scale the observed means per closed wave and the growth model. */
export const schoolEffectSchema = z.object({
  minGroupSize: z.number().int(),
  /** The day of the school's first full team training in the register (t0), or null. */
  trainingOn: z.string().nullable(),
  /** Every closed wave of the school, of every school year, oldest first. */
  waves: z.array(z.object({ id: z.string(), name: z.string(), audience: z.enum(WAVE_AUDIENCES), opensOn: z.string(), closesOn: z.string() })),
  instruments: z.array(
    z.object({
      id: z.string(),
      name: localizedTextSchema,
      scales: z.array(
        z.object({
          id: z.string(),
          name: localizedTextSchema,
          range: scaleRangeSchema,
          /** The waves that asked the scale: before or after the training, and the mean over at least k scores. */
          waves: z.array(
            z.object({
              waveId: z.string(),
              training: z.enum(['before', 'after']),
              figures: z.union([z.object({ hidden: z.literal(true) }), z.object({ hidden: z.literal(false), n: z.number().int(), mean: z.number() })]),
            }),
          ),
          effect: effectSchema,
        }),
      ),
    }),
  ),
});
export type SchoolEffect = z.infer<typeof schoolEffectSchema>;
