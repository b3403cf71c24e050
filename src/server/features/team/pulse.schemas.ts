import { z } from 'zod';
import { PULSE_LIMITS } from '../../../shared/pulse';
import { multiLineTextSchema, schoolDateSchema, schoolParamsSchema } from '../../http/common.schemas';

// The contract of the staff wellbeing pulse (issue 17): what the routes accept and answer. Types are exported for the
// web app. Every staff member (`school.team`) reads and answers; planning, closing and the help texts need
// `school.team.manage`.
//   GET    /api/schools/:schoolId/team/pulse                          → pulseOverviewSchema
//   POST   /api/schools/:schoolId/team/pulse/pulses                   → 201 pulsePeriodSchema (plan one)
//   POST   /api/schools/:schoolId/team/pulse/pulses/:pulseId/close    → pulsePeriodSchema (close it early)
//   DELETE /api/schools/:schoolId/team/pulse/pulses/:pulseId          → 204 (a planned one that has not opened)
//   POST   /api/schools/:schoolId/team/pulse/pulses/:pulseId/answers  → pulseAnsweredSchema (once per person)
//   PUT    /api/schools/:schoolId/team/pulse/help                     → pulseHelpSchema

export const pulseParamsSchema = schoolParamsSchema.extend({ pulseId: z.uuid() });

const localizedSchema = z.object({ nl: z.string(), en: z.string() });
const helpTextSchema = multiLineTextSchema.pipe(z.string().max(PULSE_LIMITS.helpText)).nullable();

// ---------- bodies ----------

export const pulsePlanBodySchema = z.strictObject({
  /** First and last school day the pulse can be answered. */
  opensOn: schoolDateSchema,
  closesOn: schoolDateSchema,
});
export type PulsePlanBody = z.input<typeof pulsePlanBodySchema>;

export const pulseAnswerBodySchema = z.strictObject({
  /** Item id → the value of the answer chosen; a skipped item is left out. */
  answers: z.record(z.string().min(1).max(60), z.number().int()).refine((answers) => Object.keys(answers).length <= 200, { message: 'too many answers' }),
});
export type PulseAnswerBody = z.input<typeof pulseAnswerBodySchema>;

export const pulseHelpBodySchema = z.strictObject({
  /** The school's own contacts (empty or null: the default text). */
  contacts: helpTextSchema,
  companyDoctor: helpTextSchema,
  confidant: helpTextSchema,
});
export type PulseHelpBody = z.input<typeof pulseHelpBodySchema>;

// ---------- responses ----------

export const pulseHelpSchema = z.object({ contacts: z.string().nullable(), companyDoctor: z.string().nullable(), confidant: z.string().nullable() });
export type PulseHelp = z.infer<typeof pulseHelpSchema>;

export const pulsePeriodSchema = z.object({
  id: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  /** The day it was closed early, or null. */
  closedOn: z.string().nullable(),
});
export type PulsePeriod = z.infer<typeof pulsePeriodSchema>;

export const pulseAnsweredSchema = z.object({ hasAnswered: z.literal(true) });
export type PulseAnswered = z.infer<typeof pulseAnsweredSchema>;

const figuresSchema = z.discriminatedUnion('hidden', [
  z.object({ hidden: z.literal(false), answers: z.number(), mean: z.number(), favourableShare: z.number() }),
  z.object({ hidden: z.literal(true) }),
]);
export type PulseFiguresView = z.infer<typeof figuresSchema>;

export const pulseInstrumentSchema = z.object({
  version: z.string(),
  name: localizedSchema,
  description: localizedSchema,
  options: z.array(z.object({ value: z.number(), label: localizedSchema })),
  items: z.array(z.object({ id: z.string(), text: localizedSchema })),
  scales: z.array(z.object({ id: z.string(), name: localizedSchema, description: localizedSchema.nullable(), items: z.array(z.string()) })),
});
export type PulseInstrument = z.infer<typeof pulseInstrumentSchema>;

export const closedPulseSchema = pulsePeriodSchema.extend({
  /** How many answered; null below k (a count of two would say who might have). */
  votes: z.number().nullable(),
  isLargeEnough: z.boolean(),
  scales: z.array(z.object({ scaleId: z.string(), figures: figuresSchema, items: z.array(z.object({ itemId: z.string(), figures: figuresSchema })) })),
});
export type ClosedPulse = z.infer<typeof closedPulseSchema>;

export const pulseOverviewSchema = z.object({
  /** The school's k: figures of a pulse only with at least this many answers. */
  minGroupSize: z.number(),
  instrument: pulseInstrumentSchema,
  help: pulseHelpSchema,
  /** The pulse that can be answered today, and whether the caller did; no figures while it runs. */
  open: pulsePeriodSchema.extend({ hasAnswered: z.boolean() }).nullable(),
  /** Planned pulses that have not opened yet, earliest first. */
  planned: z.array(pulsePeriodSchema),
  /** Closed pulses with their figures under the k rule, earliest first: the trend. */
  closed: z.array(closedPulseSchema),
  /** A period for the next pulse in the usual rhythm (six weeks after the last one opened, two weeks long). */
  suggestion: z.object({ opensOn: z.string(), closesOn: z.string() }),
});
export type PulseOverview = z.infer<typeof pulseOverviewSchema>;
