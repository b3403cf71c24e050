import { z } from 'zod';
import { SCHOOL_ROLES } from '../../../shared/roles';
import { developmentModelSchema, localizedTextSchema } from '../../../shared/selfscan-model';
import { nameSchema } from '../tenancy/tenancy.schemas';

// Same shape as the ids inside a model definition (`layer-1.motivation`).
const aspectIdSchema = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/, 'an aspect id such as layer-1.motivation');
const phaseSchema = z.int().min(1).max(4);

/** Route params naming a model version a school can use. */
export const modelParamsSchema = z.strictObject({ schoolId: z.uuid(), modelId: z.uuid() });
/** Route params naming a round of a school. */
export const roundParamsSchema = z.strictObject({ schoolId: z.uuid(), roundId: z.uuid() });
/** Route params naming one aspect in a round of a school. */
export const roundAspectParamsSchema = z.strictObject({ schoolId: z.uuid(), roundId: z.uuid(), aspectId: aspectIdSchema });

/** A model version as listed for a school. */
export const modelSummarySchema = z.object({
  id: z.string(),
  key: z.string(),
  version: z.string(),
  name: localizedTextSchema,
  source: localizedTextSchema,
  aspectCount: z.number(),
  isShipped: z.boolean(),
  isUsed: z.boolean(),
});
/** A model version with its full definition. */
export const modelDetailSchema = modelSummarySchema.extend({ definition: developmentModelSchema });

/** Importing a model definition (validated in full by the model format). */
export const importModelBodySchema = z.strictObject({ definition: z.record(z.string(), z.unknown()) });

/** Who a round invites; empty lists mean everyone. */
export const audienceSchema = z.strictObject({
  roles: z
    .array(z.enum(SCHOOL_ROLES))
    .max(SCHOOL_ROLES.length)
    .refine((roles) => new Set(roles).size === roles.length, { message: 'roles must not repeat' })
    .default([]),
  locationIds: z.array(z.uuid()).max(100).default([]),
});

/** Opening a round. */
export const openRoundBodySchema = z.strictObject({
  name: nameSchema,
  modelId: z.uuid(),
  opensOn: z.iso.date(),
  closesOn: z.iso.date(),
  audience: audienceSchema.default({ roles: [], locationIds: [] }),
});

/** A round with progress counts (never who answered). */
export const roundSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  model: z.object({ id: z.string(), key: z.string(), version: z.string(), name: localizedTextSchema }),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(['upcoming', 'open', 'closed']),
  audience: z.object({ roles: z.array(z.enum(SCHOOL_ROLES)), locationIds: z.array(z.string()) }),
  resultsSharedAt: z.string().nullable(),
  progress: z.object({ invited: z.number(), responded: z.number() }),
  isInvited: z.boolean(),
  canSeeResults: z.boolean(),
  createdAt: z.string(),
});

/** One of the caller's own answers; a null phase is "weet ik niet". */
export const ownRatingSchema = z.object({ aspectId: z.string(), phase: phaseSchema.nullable(), note: z.string().nullable() });

/** A round with the caller's own answers. */
export const roundDetailSchema = roundSummarySchema.extend({ myAnswers: z.array(ownRatingSchema) });

/** Saving one's answer for an aspect: a phase or null ("weet ik niet"), and an optional note. */
export const rateBodySchema = z.strictObject({
  phase: phaseSchema.nullable(),
  note: z.string().max(2000).nullable().optional(),
});

const aspectAggregateSchema = z.object({
  aspect: z.string(),
  n: z.number(),
  dontKnow: z.number(),
  counts: z.object({ '1': z.number(), '2': z.number(), '3': z.number(), '4': z.number() }),
  median: z.number().nullable(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  rwg: z.number().nullable(),
  discuss: z.boolean(),
});

/** The agreed phase of an aspect. */
export const consensusSchema = z.object({ aspectId: z.string(), phase: phaseSchema, rationale: z.string(), recordedAt: z.string() });
/** A goal chosen after a round. */
export const goalSchema = z.object({ aspectId: z.string(), targetPhase: phaseSchema });

/** The results of a round. */
export const roundResultsSchema = z.object({
  round: roundSummarySchema,
  aggregate: z.object({
    minGroupSize: z.number(),
    respondents: z.number(),
    aspects: z.array(aspectAggregateSchema),
    groups: z.array(z.object({ group: z.string(), respondents: z.number(), aspects: z.array(aspectAggregateSchema) })),
  }),
  notes: z.array(z.object({ aspectId: z.string(), notes: z.array(z.string()) })),
  consensus: z.array(consensusSchema),
  goals: z.array(goalSchema),
});

/** Recording the agreed phase for an aspect. */
export const consensusBodySchema = z.strictObject({ phase: phaseSchema, rationale: z.string().trim().min(1).max(2000) });

/** Choosing which aspects become goals (replaces the earlier choice). */
export const goalsBodySchema = z.strictObject({
  aspectIds: z
    .array(aspectIdSchema)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'aspects must not repeat' }),
});
