import { z } from 'zod';
import { localizedTextSchema } from '../../../shared/definition-schemas';
import { RANDOM_EFFECTS } from './growth-model';
import { NOT_FITTED_REASONS } from './scale-effect';
import { estimateSchema } from './school-effect.schemas';

/** The effect evaluation of a board over the schools that share it: pooled estimates, no school's own figures. */
export const boardEffectSchema = z.object({
  minGroupSize: z.number().int(),
  /** Every school of the board; `isSharing` false: it keeps its effect evaluation to itself. */
  schools: z.array(z.object({ schoolId: z.string(), name: z.string(), isSharing: z.boolean() })),
  instruments: z.array(
    z.object({
      id: z.string(),
      name: localizedTextSchema,
      scales: z.array(
        z.object({
          id: z.string(),
          name: localizedTextSchema,
          /** Per sharing school that asked the scale: in the model, or why not. */
          schools: z.array(z.object({ schoolId: z.string(), status: z.enum(['included', ...NOT_FITTED_REASONS]) })),
          effect: z.discriminatedUnion('status', [
            z.object({
              status: z.literal('fitted'),
              model: z.enum(RANDOM_EFFECTS),
              schools: z.number().int(),
              persons: z.number().int(),
              measurements: z.number().int(),
              baselineSlope: estimateSchema,
              implementationSlope: estimateSchema,
              slopeDifference: estimateSchema,
              levelChange: estimateSchema,
              isSingular: z.boolean(),
            }),
            z.object({ status: z.literal('not_fitted'), reason: z.enum(NOT_FITTED_REASONS) }),
          ]),
        }),
      ),
    }),
  ),
});
export type BoardEffect = z.infer<typeof boardEffectSchema>;
