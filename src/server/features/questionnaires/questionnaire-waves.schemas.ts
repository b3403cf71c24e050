import { z } from 'zod';
import { definitionIdSchema, localizedTextSchema } from '../../../shared/definition-schemas';
import { INFORMANTS } from '../../../shared/questionnaire-instrument';
import { WAVE_AUDIENCES, WAVE_MAX_INSTRUMENTS, WAVE_STATES } from '../../../shared/questionnaire-waves';
import { nameSchema, schoolDateSchema, schoolParamsSchema, schoolYearSchema } from '../../http/common.schemas';

/** A shipped instrument as the wave planner chooses from it (its items are not needed there). */
export const instrumentSummarySchema = z.object({
  id: z.string(),
  /** The school imported it (not shipped with Groeiwijzer). */
  isOwn: z.boolean(),
  version: z.string(),
  name: localizedTextSchema,
  description: localizedTextSchema,
  informant: z.enum(INFORMANTS),
  ageRange: z.object({ from: z.number(), to: z.number() }).nullable(),
  items: z.number().int(),
  scales: z.array(z.object({ id: z.string(), name: localizedTextSchema })),
});
export type InstrumentSummary = z.infer<typeof instrumentSummarySchema>;

/** A school's own instrument file (the shipped format, docs/instrument-format.md); checked by the import itself. */
export const instrumentImportBodySchema = z.strictObject({ definition: z.record(z.string(), z.unknown()) });

export const waveParamsSchema = schoolParamsSchema.extend({ waveId: z.uuid() });

export const wavesQuerySchema = z.strictObject({ schoolYear: schoolYearSchema.optional() });

/** Planning or changing a wave. Pupil waves name their classes; teacher waves have none. */
export const waveBodySchema = z.strictObject({
  name: nameSchema.max(80),
  audience: z.enum(WAVE_AUDIENCES),
  opensOn: schoolDateSchema,
  closesOn: schoolDateSchema,
  instrumentIds: z.array(definitionIdSchema).min(1).max(WAVE_MAX_INSTRUMENTS),
  classIds: z.array(z.uuid()).max(300).default([]),
});
export type WaveInput = z.infer<typeof waveBodySchema>;

export const waveSchema = z.object({
  id: z.string(),
  schoolYear: z.string(),
  name: z.string(),
  audience: z.enum(WAVE_AUDIENCES),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.enum(WAVE_STATES),
  /** Before or after the school's team training (its first full team training in the register). */
  training: z.enum(['before', 'after']),
  instruments: z.array(z.object({ id: z.string(), version: z.string(), name: localizedTextSchema })),
  classes: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Wave = z.infer<typeof waveSchema>;

export const wavesSchema = z.object({
  schoolYear: z.string(),
  /** When the school's team training took place; null while the register has none. */
  trainingHeldOn: z.string().nullable(),
  waves: z.array(waveSchema),
});
export type Waves = z.infer<typeof wavesSchema>;
