import { z } from 'zod';
import { localizedTextSchema } from '../../../shared/selfscan-model';

/** The query of the shift route: the round to compare with. */
export const shiftQuerySchema = z.strictObject({ against: z.uuid() });

/** Where a school stood on an aspect in a round: the agreed phase, or the team's median when nothing was agreed. */
export const placementSchema = z.object({ value: z.number(), basis: z.enum(['consensus', 'median']) });

const roundHeadSchema = z.object({ id: z.string(), name: z.string(), opensOn: z.string(), closesOn: z.string() });

/** The shift per aspect between a round and an earlier one of the same school and model. */
export const shiftSchema = z.object({
  round: roundHeadSchema,
  against: roundHeadSchema,
  aspects: z.array(
    z.object({
      aspectId: z.string(),
      current: placementSchema.nullable(),
      earlier: placementSchema.nullable(),
      /** current − earlier; null when either is missing. */
      difference: z.number().nullable(),
    }),
  ),
});

/** The placements of every aspect over a school's rounds of one model, oldest round first. */
export const historySchema = z.object({
  model: z.object({ id: z.string(), key: z.string(), version: z.string(), name: localizedTextSchema }).nullable(),
  rounds: z.array(roundHeadSchema.extend({ status: z.enum(['open', 'closed']) })),
  aspects: z.array(
    z.object({
      aspectId: z.string(),
      points: z.array(z.object({ roundId: z.string(), consensusPhase: z.number().nullable(), median: z.number().nullable() })),
    }),
  ),
});

/** Per school of a board: its latest agreed placements when it shares them, nothing when it does not. */
export const boardSelfscanSchema = z.object({
  schools: z.array(
    z.object({
      schoolId: z.string(),
      schoolName: z.string(),
      isShared: z.boolean(),
      latest: z
        .object({
          round: roundHeadSchema,
          model: z.object({ key: z.string(), version: z.string(), name: localizedTextSchema }),
          phaseNames: z.object({ '1': localizedTextSchema, '2': localizedTextSchema, '3': localizedTextSchema, '4': localizedTextSchema }),
          aspects: z.array(
            z.object({ aspectId: z.string(), name: localizedTextSchema, layerId: z.string(), layerName: localizedTextSchema, phase: z.number().nullable() }),
          ),
        })
        .nullable(),
    }),
  ),
});
