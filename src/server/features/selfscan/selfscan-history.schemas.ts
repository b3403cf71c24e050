import { z } from 'zod';
import { localizedTextSchema } from '../../../shared/selfscan-model';

/** The query of the shift route: the round to compare with. */
export const shiftQuerySchema = z.strictObject({ against: z.uuid() });

/**
 * Where a school stood on an aspect in a round: the agreed phase, or the team's median when nothing was agreed;
 * `hidden` (without a value) when neither may be shown (fewer than k ratings and nothing agreed).
 */
export const placementSchema = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('consensus'), value: z.number() }),
  z.object({ basis: z.literal('median'), value: z.number() }),
  z.object({ basis: z.literal('hidden') }),
]);
/** Where a school stood on an aspect in a round (the agreed phase, the team median, or hidden). */
export type Placement = z.infer<typeof placementSchema>;

/** A team median of a round: shown with at least k ratings once the round is closed, else hidden without a value. */
export const medianCellSchema = z.discriminatedUnion('hidden', [z.object({ hidden: z.literal(false), value: z.number() }), z.object({ hidden: z.literal(true) })]);
/** A team median of a round, or hidden under the k rule. */
export type MedianCell = z.infer<typeof medianCellSchema>;

const roundHeadSchema = z.object({ id: z.string(), name: z.string(), opensOn: z.string(), closesOn: z.string() });
/** A round as the shift, the timeline and the board's view name it. */
export type RoundHead = z.infer<typeof roundHeadSchema>;

/** The shift per aspect between a round and an earlier one of the same school and model. */
export const shiftSchema = z.object({
  /** The board's k: a median of fewer ratings is hidden. */
  minGroupSize: z.number(),
  round: roundHeadSchema,
  against: roundHeadSchema,
  aspects: z.array(
    z.object({
      aspectId: z.string(),
      current: placementSchema,
      earlier: placementSchema,
      /** current − earlier; null when either is hidden. */
      difference: z.number().nullable(),
    }),
  ),
});
/** The shift per aspect between a round and an earlier one. */
export type SelfscanShift = z.infer<typeof shiftSchema>;

/** The placements of every aspect over a school's rounds of one model, oldest round first. */
export const historySchema = z.object({
  /** The board's k: a median of fewer ratings is hidden. */
  minGroupSize: z.number(),
  model: z.object({ id: z.string(), key: z.string(), version: z.string(), name: localizedTextSchema }).nullable(),
  rounds: z.array(roundHeadSchema.extend({ status: z.enum(['open', 'closed']) })),
  aspects: z.array(
    z.object({
      aspectId: z.string(),
      points: z.array(z.object({ roundId: z.string(), consensusPhase: z.number().nullable(), median: medianCellSchema })),
    }),
  ),
});
/** The agreed phase and median of every aspect over a school's rounds of one model. */
export type SelfscanHistory = z.infer<typeof historySchema>;

/** Per school of a board: its latest agreed placements when it shares them, nothing when it does not. */
export const boardSelfscanSchema = z.object({
  schools: z.array(
    z.object({
      schoolId: z.string(),
      schoolName: z.string(),
      isShared: z.boolean(),
      /** Null when the school does not share, or shares but never agreed on a phase. */
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
/** The board's view of the agreed phases of the schools that share them. */
export type BoardSelfscan = z.infer<typeof boardSelfscanSchema>;
