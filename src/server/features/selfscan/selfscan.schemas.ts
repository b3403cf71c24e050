import { z } from 'zod';
import { SCHOOL_ROLES } from '../../../shared/roles';
import { developmentModelSchema, localizedTextSchema } from '../../../shared/selfscan-model';
import { multiLineTextSchema, nameSchema } from '../../http/common.schemas';

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
  /** A round of this school uses the version: it can no longer change. */
  isUsed: z.boolean(),
});
/** A model version as listed for a school. */
export type ModelSummary = z.infer<typeof modelSummarySchema>;
/** A model version with its full definition. */
export const modelDetailSchema = modelSummarySchema.extend({ definition: developmentModelSchema });
/** A model version with its layers, aspects and descriptors. */
export type ModelDetail = z.infer<typeof modelDetailSchema>;

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
/** Who a round invites: staff with one of the roles (empty = all), teachers limited to classes at the locations (empty = all). */
export type RoundAudience = z.infer<typeof audienceSchema>;

/** How many people an audience holds, asked before opening a round, and the k it must reach. */
export const audienceSizeSchema = z.object({ people: z.number(), minGroupSize: z.number() });
/** How many people an audience holds, and the k it must reach. */
export type AudienceSize = z.infer<typeof audienceSizeSchema>;

/** Opening a round. */
export const openRoundBodySchema = z.strictObject({
  name: nameSchema,
  modelId: z.uuid(),
  opensOn: z.iso.date(),
  closesOn: z.iso.date(),
  audience: audienceSchema.default({ roles: [], locationIds: [] }),
});
/** Opening a round, as the service receives it (the audience filled in). */
export type OpenRoundBody = z.infer<typeof openRoundBodySchema>;
/** Opening a round, as the web sends it (the audience may be left out). */
export type OpenRoundRequest = z.input<typeof openRoundBodySchema>;

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
  /** When the round was closed before its last day (null: it closes after closesOn). */
  closedAt: z.string().nullable(),
  /** When the invitees who had not finished were last reminded (null: never); never to whom. */
  remindedAt: z.string().nullable(),
  /** The board's minimum group size k: results show only for aspects at least k people rated. */
  minGroupSize: z.number(),
  progress: z.object({ invited: z.number(), responded: z.number() }),
  isInvited: z.boolean(),
  /** The round is closed and the caller may read its results. */
  canSeeResults: z.boolean(),
  createdAt: z.string(),
});
/** A round as any staff member of the school sees it: counts of progress only, never who answered. */
export type RoundSummary = z.infer<typeof roundSummarySchema>;
/** Where a round is in time, by the school's calendar. */
export type RoundStatus = RoundSummary['status'];

export { type ReminderSent, reminderSentSchema } from '../../http/common.schemas';

/** One of the caller's own answers; a null phase is "weet ik niet". */
export const ownRatingSchema = z.object({ aspectId: z.string(), phase: phaseSchema.nullable(), note: z.string().nullable() });
/** One of the caller's own answers; a null phase is "weet ik niet". */
export type OwnRating = z.infer<typeof ownRatingSchema>;

/** A round with the caller's own answers. */
export const roundDetailSchema = roundSummarySchema.extend({ myAnswers: z.array(ownRatingSchema) });
/** A round with the caller's own answers. */
export type RoundDetail = z.infer<typeof roundDetailSchema>;

/** Saving one's answer for an aspect: a phase or null ("weet ik niet"), and an optional note. */
export const rateBodySchema = z.strictObject({
  phase: phaseSchema.nullable(),
  note: multiLineTextSchema.max(2000).nullable().optional(),
});

// A hidden cell is its own shape without any number: the serializer drops whatever else it might carry.
const hiddenCellSchema = z.object({ aspect: z.string(), hidden: z.literal(true) });
const shownCellFields = {
  aspect: z.string(),
  hidden: z.literal(false),
  n: z.number(),
  counts: z.object({ '1': z.number(), '2': z.number(), '3': z.number(), '4': z.number() }),
  median: z.number(),
  mean: z.number(),
  sd: z.number(),
  rwg: z.number(),
  discuss: z.boolean(),
};
/** One aspect of a role group: its figures when at least k rated it (and no hidden cell follows from them), else hidden. */
export const aspectCellSchema = z.discriminatedUnion('hidden', [z.object(shownCellFields), hiddenCellSchema]);
/** One aspect of the whole team; only the whole team gives its "weet ik niet" count. */
export const teamAspectCellSchema = z.discriminatedUnion('hidden', [z.object({ ...shownCellFields, dontKnow: z.number() }), hiddenCellSchema]);

/** The agreed phase of an aspect. */
export const consensusSchema = z.object({ aspectId: z.string(), phase: phaseSchema, rationale: z.string(), recordedAt: z.string() });
/** The agreed phase of an aspect. */
export type Consensus = z.infer<typeof consensusSchema>;
/** A goal chosen after a round. */
export const goalSchema = z.object({ aspectId: z.string(), targetPhase: phaseSchema });
/** A goal chosen after a round. */
export type SelfscanGoal = z.infer<typeof goalSchema>;

/** The results of a round. */
export const roundResultsSchema = z.object({
  round: roundSummarySchema,
  aggregate: z.object({
    minGroupSize: z.number(),
    respondents: z.number(),
    aspects: z.array(teamAspectCellSchema),
    groups: z.array(z.object({ group: z.string(), respondents: z.number(), aspects: z.array(aspectCellSchema) })),
  }),
  /** Per aspect the notes sorted by text, or hidden when fewer than k people answered the aspect. */
  notes: z.array(
    z.discriminatedUnion('hidden', [
      z.object({ aspectId: z.string(), hidden: z.literal(false), notes: z.array(z.string()) }),
      z.object({ aspectId: z.string(), hidden: z.literal(true) }),
    ]),
  ),
  consensus: z.array(consensusSchema),
  goals: z.array(goalSchema),
});
/** The results of a round: the aggregate under the k rule, anonymous notes, consensus and goals. */
export type RoundResults = z.infer<typeof roundResultsSchema>;

/** Recording the agreed phase for an aspect. */
export const consensusBodySchema = z.strictObject({ phase: phaseSchema, rationale: multiLineTextSchema.trim().min(1).max(2000) });

/** Choosing which aspects become goals (replaces the earlier choice). */
export const goalsBodySchema = z.strictObject({
  aspectIds: z
    .array(aspectIdSchema)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'aspects must not repeat' }),
});
