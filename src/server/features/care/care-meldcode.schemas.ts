import { z } from 'zod';
import { MELDCODE_OUTCOMES, MELDCODE_STEPS } from '../../../shared/meldcode';
import { multiLineTextSchema, schoolDateSchema } from '../../http/common.schemas';
import { carePupilParamsSchema } from './care.schemas';

// The contract of the meldcode (care team only) and of the school's attention officer: what the routes accept and
// answer. Types are exported for the web app; the steps' names and explanations are data in shared/meldcode.ts.

export const meldcodeCaseParamsSchema = carePupilParamsSchema.extend({ caseId: z.uuid() });
export const meldcodeStepParamsSchema = meldcodeCaseParamsSchema.extend({
  step: z.coerce.number().int().min(MELDCODE_STEPS[0]).max(MELDCODE_STEPS[MELDCODE_STEPS.length - 1]!),
});

export const openMeldcodeCaseBodySchema = z.strictObject({ openedOn: schoolDateSchema });
export type OpenMeldcodeCaseBody = z.input<typeof openMeldcodeCaseBodySchema>;

export const recordMeldcodeStepBodySchema = z.strictObject({
  /** When the step was done; null while it is still being prepared. */
  doneOn: schoolDateSchema.nullable().default(null),
  /** What was seen, said, consulted or weighed: paragraphs allowed, at most 8,000 characters. */
  notes: multiLineTextSchema.pipe(z.string().max(8000)).default(''),
});
export type RecordMeldcodeStepBody = z.input<typeof recordMeldcodeStepBodySchema>;
/** A step's fields once validated (defaults filled in). */
export type MeldcodeStepFields = z.output<typeof recordMeldcodeStepBodySchema>;

export const closeMeldcodeCaseBodySchema = z.strictObject({ closedOn: schoolDateSchema, outcome: z.enum(MELDCODE_OUTCOMES) });
export type CloseMeldcodeCaseBody = z.input<typeof closeMeldcodeCaseBodySchema>;

/** By which right the caller sees a case: as the school's attention officer, or as one who opened it or recorded a step. */
export const MELDCODE_VIEWS = ['attention_officer', 'involved'] as const;

export const meldcodeStepSchema = z.object({
  step: z.number(),
  doneOn: z.string().nullable(),
  notes: z.string(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
});

export const meldcodeCaseSummarySchema = z.object({
  id: z.string(),
  pupilId: z.string(),
  pupilName: z.string(),
  openedOn: z.string(),
  openedByName: z.string().nullable(),
  closedOn: z.string().nullable(),
  outcome: z.enum(MELDCODE_OUTCOMES).nullable(),
  /** The steps whose newest recording has a date done. */
  stepsDone: z.array(z.number()),
  via: z.enum(MELDCODE_VIEWS),
});
export type MeldcodeCaseSummary = z.infer<typeof meldcodeCaseSummarySchema>;
export const meldcodeCaseSummariesSchema = z.array(meldcodeCaseSummarySchema);
export type MeldcodeCaseSummaries = z.infer<typeof meldcodeCaseSummariesSchema>;

/** A case with the newest recording of each step recorded so far, by step. */
export const meldcodeCaseSchema = meldcodeCaseSummarySchema.extend({ steps: z.array(meldcodeStepSchema) });
export type MeldcodeCase = z.infer<typeof meldcodeCaseSchema>;
export const meldcodeCasesSchema = z.array(meldcodeCaseSchema);
export type MeldcodeCases = z.infer<typeof meldcodeCasesSchema>;

// ---------- the attention officer (aandachtsfunctionaris) ----------

export const attentionOfficerBodySchema = z.strictObject({
  /** A member of the school's care team, or null for nobody. */
  userId: z.uuid().nullable(),
});
export type AttentionOfficerBody = z.input<typeof attentionOfficerBodySchema>;

export const attentionOfficerSchema = z.object({
  officer: z.object({ userId: z.string(), name: z.string() }).nullable(),
  setAt: z.string().nullable(),
  /** The school's care team: the people who can be named. */
  careTeam: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type AttentionOfficer = z.infer<typeof attentionOfficerSchema>;
