import { z } from 'zod';
import { ACE_ANSWERS, ACE_INFORMANTS } from '../../../shared/aces';
import { REFERRAL_STATUSES } from '../../../shared/referrals';
import { BOTTOM_UP_HELPS, KEY_PERSON_RELATIONS, SCREENING_INFORMANTS } from '../../../shared/care';
import { multiLineTextSchema, schoolDateSchema, singleLineTextSchema } from '../../http/common.schemas';
import { schoolSignalSchema } from '../checkin/checkin.schemas';

// The contract of a pupil's care file (features/care): what the routes accept and answer. Types are exported for
// the web app.

export const carePupilParamsSchema = z.strictObject({ schoolId: z.uuid(), pupilId: z.uuid() });
export const trustedAdultParamsSchema = carePupilParamsSchema.extend({ trustedAdultId: z.uuid() });
export const planVersionParamsSchema = carePupilParamsSchema.extend({ version: z.coerce.number().int().min(1).max(100_000) });

/** A plan's or note's text: paragraphs allowed, at most 4,000 characters. */
const careTextSchema = multiLineTextSchema.pipe(z.string().max(4000));


export const keyPersonSchema = z.strictObject({
  relation: z.enum(KEY_PERSON_RELATIONS),
  /** Optional: the plan works without names. */
  name: singleLineTextSchema.max(120).optional(),
});

/** The support-and-signalling plan's texts; every one may be empty while the plan grows. */
export const carePlanContentSchema = z.strictObject({
  /** How to tell, for this pupil, that stress rises. */
  earlySigns: careTextSchema.default(''),
  bottomUpHelps: z.array(z.enum(BOTTOM_UP_HELPS)).max(BOTTOM_UP_HELPS.length).default([]),
  /** What helps from the body up, in this pupil's case. */
  bottomUp: careTextSchema.default(''),
  /** What helps by thinking and talking: naming, looking back together. */
  topDown: careTextSchema.default(''),
  notHelping: careTextSchema.default(''),
  agreements: careTextSchema.default(''),
  whoToCall: careTextSchema.default(''),
  /** Who made the plan together: the pupil and their key people. */
  madeWith: careTextSchema.default(''),
  keyPeople: z.array(keyPersonSchema).max(10).default([]),
});
export type CarePlanContent = z.output<typeof carePlanContentSchema>;

export const savePlanBodySchema = z.strictObject({
  content: carePlanContentSchema,
  /** When to look at the plan again; reminders and the care overview go by it. */
  reviewOn: schoolDateSchema,
});
export type SavePlanBody = z.input<typeof savePlanBodySchema>;

export const addTrustedAdultBodySchema = z.strictObject({
  userId: z.uuid(),
  /** The pupil's own words about why this adult. */
  why: careTextSchema.default(''),
});
export type AddTrustedAdultBody = z.input<typeof addTrustedAdultBodySchema>;

export const trustedAdultSchema = z.object({ id: z.string(), userId: z.string(), name: z.string(), why: z.string(), createdAt: z.string() });

export const carePlanVersionSchema = z.object({
  version: z.number(),
  content: carePlanContentSchema,
  reviewOn: z.string(),
  reviewOverdue: z.boolean(),
  createdAt: z.string(),
  authorName: z.string().nullable(),
});
export type CarePlanVersion = z.infer<typeof carePlanVersionSchema>;

/** How the caller came to read this file: as the care team, as the pupil's teacher, or by break-glass until `expiresAt`. */
export const careAccessSchema = z.discriminatedUnion('via', [
  z.object({ via: z.literal('care_team') }),
  z.object({ via: z.literal('teacher') }),
  z.object({ via: z.literal('break_glass'), expiresAt: z.string() }),
]);
export type CareAccess = z.infer<typeof careAccessSchema>;

export const careFileSchema = z.object({
  pupil: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), className: z.string().nullable() }),
  access: careAccessSchema,
  trustedAdults: z.array(trustedAdultSchema),
  plan: carePlanVersionSchema.nullable(),
  planVersions: z.array(z.object({ version: z.number(), createdAt: z.string(), authorName: z.string().nullable() })),
  /** Staff of the school a trusted adult can be chosen from; empty when the caller may only read. */
  staffChoices: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type CareFile = z.infer<typeof careFileSchema>;

// ---------- ACEs (care team only) ----------

export const saveAcesBodySchema = z.strictObject({
  informant: z.enum(ACE_INFORMANTS),
  /** When the informant said so. */
  recordedOn: schoolDateSchema,
  answers: z
    .array(z.strictObject({ category: z.string().min(1).max(60), answer: z.enum(ACE_ANSWERS) }))
    .min(1)
    .max(40),
});
export type SaveAcesBody = z.input<typeof saveAcesBodySchema>;

export const aceAnswerSchema = z.object({
  informant: z.enum(ACE_INFORMANTS),
  category: z.string(),
  answer: z.enum(ACE_ANSWERS),
  recordedOn: z.string(),
  recordedByName: z.string().nullable(),
});

export const pupilAcesSchema = z.object({
  categories: z.array(z.object({ id: z.string(), name: z.object({ nl: z.string(), en: z.string() }) })),
  /** The age (years) at the pupil's first ACE, when the care team knows it. */
  firstAgeYears: z.number().nullable(),
  /** The newest answer per informant and category. */
  answers: z.array(aceAnswerSchema),
  combined: z.object({
    count: z.number(),
    perInformant: z.object({ pupil: z.number(), parent: z.number(), file: z.number() }),
    fourOrMore: z.boolean(),
    categories: z.array(z.object({ category: z.string(), sources: z.array(z.enum(ACE_INFORMANTS)) })),
  }),
});
export type PupilAces = z.infer<typeof pupilAcesSchema>;

// ---------- screenings (care team only) ----------

export const addScreeningBodySchema = z.strictObject({
  instrumentId: z.string().min(1).max(60),
  informant: z.enum(SCREENING_INFORMANTS),
  takenOn: schoolDateSchema,
  /** Item id (the form's item number) → the option chosen; a missed item is left out. */
  answers: z.record(z.string().regex(/^\d{1,2}$/), z.number().int().min(0).max(3)),
});
export type AddScreeningBody = z.input<typeof addScreeningBodySchema>;

export const screeningSchema = z.object({
  id: z.string(),
  instrumentId: z.string(),
  instrumentName: z.object({ nl: z.string(), en: z.string() }),
  informant: z.enum(SCREENING_INFORMANTS),
  takenOn: z.string(),
  answers: z.record(z.string(), z.number()),
  status: z.enum(['complete', 'incomplete', 'invalid']),
  total: z.number().nullable(),
  subscales: z.array(z.object({ id: z.string(), name: z.object({ nl: z.string(), en: z.string() }), score: z.number().nullable(), highest: z.number() })),
  band: z.object({ id: z.string(), name: z.object({ nl: z.string(), en: z.string() }) }).nullable(),
  highest: z.number(),
  proposesReferral: z.boolean(),
  missingItems: z.array(z.string()),
  recordedByName: z.string().nullable(),
});
export type Screening = z.infer<typeof screeningSchema>;

export const screeningInstrumentSchema = z.object({
  id: z.string(),
  name: z.object({ nl: z.string(), en: z.string() }),
  description: z.object({ nl: z.string(), en: z.string() }),
  items: z.array(z.string()),
  options: z.array(z.object({ value: z.number(), label: z.object({ nl: z.string(), en: z.string() }) })),
  /** The school's own wording of the items (item id → text), as its licensed form has it; empty when none. */
  wording: z.record(z.string(), z.string()),
});

export const pupilScreeningsSchema = z.object({ instruments: z.array(screeningInstrumentSchema), screenings: z.array(screeningSchema) });
export type PupilScreenings = z.infer<typeof pupilScreeningsSchema>;

// ---------- break-glass ----------

export const breakGlassBodySchema = z.strictObject({
  reason: singleLineTextSchema.min(10).max(500),
  /** The caller signs in again: their password, and a current code from their authenticator when they use two-step verification. */
  password: z.string().min(1).max(1024),
  code: z.string().trim().min(6).max(64).optional(),
});
export type BreakGlassBody = z.input<typeof breakGlassBodySchema>;
export const breakGlassSchema = z.object({ expiresAt: z.string() });

/** Finding the pupil to open by break-glass: part of a first or last name. */
export const breakGlassSearchQuerySchema = z.strictObject({ name: singleLineTextSchema.min(2).max(60) });
export const breakGlassPupilsSchema = z.array(z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), className: z.string().nullable() }));
export type BreakGlassPupils = z.infer<typeof breakGlassPupilsSchema>;

// ---------- the care overview (care team) ----------

export const careOverviewSchema = z.object({
  /** Today's check-in signals of every pupil (the check-in's own list). */
  signals: z.array(schoolSignalSchema),
  screeningsAboveCutOff: z.array(
    z.object({ pupilId: z.string(), pupilName: z.string(), screeningId: z.string(), instrumentName: z.object({ nl: z.string(), en: z.string() }), takenOn: z.string(), bandName: z.object({ nl: z.string(), en: z.string() }) }),
  ),
  overduePlanReviews: z.array(z.object({ pupilId: z.string(), pupilName: z.string(), reviewOn: z.string() })),
  breakGlass: z.array(z.object({ id: z.string(), pupilId: z.string(), pupilName: z.string(), userName: z.string(), reason: z.string(), openedAt: z.string(), expiresAt: z.string() })),
  /** Conversations of the last 30 days whose shared part the pupil agreed to give the care team. */
  conversationsShared: z.array(
    z.object({ conversationId: z.string(), pupilId: z.string(), pupilName: z.string(), heldOn: z.string(), teacherName: z.string().nullable(), forCareTeam: z.string() }),
  ),
  /** Referrals not ended whose follow-up date has come. */
  referralFollowUps: z.array(
    z.object({ referralId: z.string(), pupilId: z.string(), pupilName: z.string(), toWhom: z.string(), status: z.enum(REFERRAL_STATUSES), followUpOn: z.string() }),
  ),
});
export type CareOverview = z.infer<typeof careOverviewSchema>;
