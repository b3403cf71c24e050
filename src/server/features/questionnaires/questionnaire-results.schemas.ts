import { z } from 'zod';
import { localizedTextSchema } from '../../../shared/definition-schemas';
import { WAVE_AUDIENCES } from '../../../shared/questionnaire-waves';

/** Figures of at least k scale scores, or hidden (then no number at all). */
const figuresSchema = z.union([
  z.object({ hidden: z.literal(false), n: z.number().int(), mean: z.number(), sd: z.number(), favourableShare: z.number() }),
  z.object({ hidden: z.literal(true) }),
]);

/** The lowest and highest score a scale can have (a sum scale: its items times the answer values), for reading a score. */
export const scaleRangeSchema = z.object({ lowest: z.number(), highest: z.number() });

/** The results of a closed wave as this caller may see them. */
export const waveResultsSchema = z.object({
  waveId: z.string(),
  name: z.string(),
  audience: z.enum(WAVE_AUDIENCES),
  training: z.enum(['before', 'after']),
  minGroupSize: z.number().int(),
  instruments: z.array(
    z.object({
      id: z.string(),
      name: localizedTextSchema,
      scales: z.array(
        z.object({
          id: z.string(),
          name: localizedTextSchema,
          range: scaleRangeSchema,
          /** The school as a whole; null when this caller does not see the school level. */
          school: figuresSchema.nullable(),
          /** Pupil waves: the classes this caller may see (all for the school's TSO lead and leadership, a teacher's own). */
          classes: z.array(z.object({ id: z.string(), name: z.string(), figures: figuresSchema })),
          /** Teacher waves: the caller's own scale score (only ever shown to them); null without enough answers. */
          mine: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type WaveResults = z.infer<typeof waveResultsSchema>;

/** A closed wave whose results a teacher may open. */
export const closedWaveSchema = z.object({ id: z.string(), name: z.string(), audience: z.enum(WAVE_AUDIENCES), closesOn: z.string() });
export type ClosedWave = z.infer<typeof closedWaveSchema>;
