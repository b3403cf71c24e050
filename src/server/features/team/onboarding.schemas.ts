import { z } from 'zod';
import { CONVERSATION_STAGES, GUIDE_SECTION_KINDS, ONBOARDING_LIMITS } from '../../../shared/onboarding';
import { multiLineTextSchema, schoolDateSchema, schoolParamsSchema, singleLineTextSchema } from '../../http/common.schemas';

// The contract of onboarding per location (issue 17). Every staff member reaches it (`school.team`); the service
// narrows each pair to the caller's relation (newcomer, buddy, chef-buddy of its location, leadership) and answers
// 404 to anyone else. Settings need `school.team.manage`, the evaluation's figures `school.team.figures`.
//   GET    /api/schools/:schoolId/team/onboarding                                        → onboardingHomeSchema (what the caller sees)
//   GET    …/onboarding/guide/versions/:version                                          → guideViewSchema (an older version)
//   POST   …/onboarding/guide/sections/:sectionId/confirmation                           → guideViewSchema (read and confirmed)
//   POST   …/onboarding/pairs                                                            → 201 pairDetailSchema (chef-buddy)
//   GET    …/onboarding/pairs/:pairId                                                    → pairDetailSchema
//   PUT    …/onboarding/pairs/:pairId                                                    → pairDetailSchema (chef-buddy: buddy, start date)
//   DELETE …/onboarding/pairs/:pairId                                                    → 204 (chef-buddy)
//   PUT    …/onboarding/pairs/:pairId/ticks/:itemId                                      → pairDetailSchema (newcomer, buddy)
//   POST   …/onboarding/pairs/:pairId/conversations                                      → 201 pairDetailSchema (newcomer, buddy)
//   PUT    …/onboarding/pairs/:pairId/conversations/:conversationId                      → pairDetailSchema
//   DELETE …/onboarding/pairs/:pairId/conversations/:conversationId                      → 204
//   GET    …/onboarding/pairs/:pairId/evaluation                                         → evaluationSchema (newcomer)
//   PUT    …/onboarding/pairs/:pairId/evaluation                                         → evaluationSchema (newcomer)
//   GET    …/onboarding/evaluation-results                                               → evaluationResultsSchema (figures, k rule)
//   GET    …/onboarding/settings                                                         → onboardingSettingsSchema (manage)
//   POST   …/onboarding/guide/draft/sections                                             → 201 onboardingSettingsSchema
//   PUT    …/onboarding/guide/draft/sections/:sectionId                                  → onboardingSettingsSchema
//   DELETE …/onboarding/guide/draft/sections/:sectionId                                  → onboardingSettingsSchema
//   POST   …/onboarding/guide/publish                                                    → onboardingSettingsSchema
//   PUT    …/onboarding/chef-buddies/:locationId                                         → onboardingSettingsSchema
//   POST   …/onboarding/ramp-items                                                       → 201 onboardingSettingsSchema
//   PUT    …/onboarding/ramp-items/:itemId                                               → onboardingSettingsSchema
//   DELETE …/onboarding/ramp-items/:itemId                                               → onboardingSettingsSchema
//   PUT    …/onboarding/texts                                                            → onboardingSettingsSchema

export const pairParamsSchema = schoolParamsSchema.extend({ pairId: z.uuid() });
export const sectionParamsSchema = schoolParamsSchema.extend({ sectionId: z.uuid() });
export const versionParamsSchema = schoolParamsSchema.extend({ version: z.coerce.number().int().min(1).max(1_000_000) });
export const itemParamsSchema = schoolParamsSchema.extend({ itemId: z.uuid() });
export const tickParamsSchema = pairParamsSchema.extend({ itemId: z.uuid() });
export const locationParamsSchema = schoolParamsSchema.extend({ locationId: z.uuid() });
export const conversationParamsSchema = pairParamsSchema.extend({ conversationId: z.uuid() });

// ---------- bodies ----------

export const sectionBodySchema = z.strictObject({
  /** null: the whole school; otherwise one of its locations. */
  locationId: z.uuid().nullable().default(null),
  kind: z.enum(GUIDE_SECTION_KINDS),
  title: singleLineTextSchema.min(1).max(ONBOARDING_LIMITS.sectionTitle),
  body: multiLineTextSchema.pipe(z.string().min(1).max(ONBOARDING_LIMITS.sectionBody)),
  /** Place in the guide (1 = first); left out: at the end. */
  position: z.int().min(1).max(1000).optional(),
});
export type SectionBody = z.input<typeof sectionBodySchema>;
export type SectionFields = z.output<typeof sectionBodySchema>;

export const chefBuddyBodySchema = z.strictObject({
  /** The staff member who becomes chef-buddy of the location; null: nobody. */
  userId: z.uuid().nullable(),
});
export type ChefBuddyBody = z.input<typeof chefBuddyBodySchema>;

export const rampItemBodySchema = z.strictObject({
  week: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  text: singleLineTextSchema.min(1).max(ONBOARDING_LIMITS.rampItem),
  position: z.int().min(1).max(1000).optional(),
});
export type RampItemBody = z.input<typeof rampItemBodySchema>;
export type RampItemFields = z.output<typeof rampItemBodySchema>;

export const textsBodySchema = z.strictObject({
  buddyRole: multiLineTextSchema.pipe(z.string().min(1).max(ONBOARDING_LIMITS.roleText)),
  chefBuddyTasks: multiLineTextSchema.pipe(z.string().min(1).max(ONBOARDING_LIMITS.roleText)),
});
export type TextsBody = z.input<typeof textsBodySchema>;

export const pairBodySchema = z.strictObject({
  locationId: z.uuid(),
  newcomerUserId: z.uuid(),
  buddyUserId: z.uuid(),
  startedOn: schoolDateSchema,
});
export type PairBody = z.input<typeof pairBodySchema>;

export const pairChangeBodySchema = z.strictObject({
  buddyUserId: z.uuid(),
  startedOn: schoolDateSchema,
});
export type PairChangeBody = z.input<typeof pairChangeBodySchema>;

export const tickBodySchema = z.strictObject({ isTicked: z.boolean() });
export type TickBody = z.input<typeof tickBodySchema>;

export const conversationBodySchema = z.strictObject({
  plannedOn: schoolDateSchema,
  /** The day it was held; null while it is still planned. */
  heldOn: schoolDateSchema.nullable().default(null),
  stage: z.enum(CONVERSATION_STAGES),
  /** A short note; stored encrypted, readable by the newcomer and the buddy only. */
  note: multiLineTextSchema.pipe(z.string().max(ONBOARDING_LIMITS.conversationNote)).default(''),
});
export type ConversationBody = z.input<typeof conversationBodySchema>;
export type ConversationFields = z.output<typeof conversationBodySchema>;

export const evaluationBodySchema = z.strictObject({
  /** Item id → answer value; items left out are not answered (yet). */
  answers: z.record(z.string().max(100), z.int().min(-1000).max(1000)).refine((answers) => Object.keys(answers).length <= 200, { message: 'too many answers' }),
  /** true hands the evaluation in: after that it no longer changes. */
  submit: z.boolean(),
});
export type EvaluationBody = z.input<typeof evaluationBodySchema>;

// ---------- answers ----------

const personSchema = z.object({ id: z.string(), name: z.string() });
export type OnboardingPerson = z.infer<typeof personSchema>;

export const guideSectionSchema = z.object({
  id: z.string(),
  /** The same section across versions. */
  key: z.string(),
  kind: z.enum(GUIDE_SECTION_KINDS),
  title: z.string(),
  body: z.string(),
  locationId: z.string().nullable(),
  /** The version in which this text last changed. */
  changedIn: z.number(),
  /** The caller confirmed this text (as changed in `changedIn`). */
  isConfirmed: z.boolean(),
  /** The caller confirmed an earlier text of this section: it changed since. */
  hasChangedSinceConfirmed: z.boolean(),
});
export type GuideSection = z.infer<typeof guideSectionSchema>;

export const guideViewSchema = z.object({
  version: z.number(),
  publishedAt: z.string(),
  isCurrent: z.boolean(),
  sections: z.array(guideSectionSchema),
});
export type GuideView = z.infer<typeof guideViewSchema>;

const weekProgressSchema = z.object({ week: z.number(), ticked: z.number(), total: z.number() });

export const pairSummarySchema = z.object({
  id: z.string(),
  locationId: z.string().nullable(),
  newcomer: personSchema,
  buddy: personSchema,
  startedOn: z.string(),
  /** 0 before the start, 1–3 during the ramp, 4 after it (shared/onboarding.ts rampWeekOn). */
  week: z.number(),
  progress: z.array(weekProgressSchema),
  conversationsPlanned: z.number(),
  conversationsHeld: z.number(),
  guideConfirmed: z.number(),
  guideSections: z.number(),
  evaluationSubmitted: z.boolean(),
});
export type PairSummary = z.infer<typeof pairSummarySchema>;

export const pairDetailSchema = pairSummarySchema.extend({
  /** How the caller relates to the pair: it decides what the answer holds. */
  relation: z.enum(['newcomer', 'buddy', 'chef_buddy', 'leadership']),
  ramp: z.array(z.object({ week: z.number(), items: z.array(z.object({ id: z.string(), text: z.string(), isTicked: z.boolean() })) })),
  /** Notes only for the newcomer and the buddy; the chef-buddy and leadership see dates only (`note` null). */
  conversations: z.array(
    z.object({ id: z.string(), plannedOn: z.string(), heldOn: z.string().nullable(), stage: z.enum(CONVERSATION_STAGES), note: z.string().nullable() }),
  ),
  /** The new-staff TSO training from the training register. */
  training: z.object({
    status: z.enum(['done', 'planned', 'due']),
    /** The training's date (done, planned) or the train-by date (due). */
    date: z.string(),
    title: z.string().nullable(),
  }),
});
export type PairDetail = z.infer<typeof pairDetailSchema>;

export const onboardingHomeSchema = z.object({
  canManage: z.boolean(),
  canSeeFigures: z.boolean(),
  isLeadership: z.boolean(),
  /** Locations the caller is chef-buddy of. */
  chefBuddyOf: z.array(z.string()),
  locations: z.array(personSchema),
  /** Chef-buddy per location (names only: who to ask). */
  chefBuddies: z.array(z.object({ locationId: z.string(), user: personSchema })),
  texts: z.object({ buddyRole: z.string(), chefBuddyTasks: z.string() }),
  /** The current guide; null before the school published one. */
  guide: guideViewSchema.nullable(),
  /** Older versions, newest first. */
  olderVersions: z.array(z.object({ version: z.number(), publishedAt: z.string() })),
  /** The caller's own ramp as a newcomer. */
  ownPair: pairDetailSchema.nullable(),
  /** Pairs where the caller is the buddy. */
  buddyPairs: z.array(pairDetailSchema),
  /** Pairs the caller follows: a chef-buddy's locations, or every pair for leadership. */
  followedPairs: z.array(pairSummarySchema),
  /** Colleagues a chef-buddy can pair (empty for anyone else). */
  colleagues: z.array(personSchema),
});
export type OnboardingHome = z.infer<typeof onboardingHomeSchema>;

const localisedSchema = z.object({ nl: z.string(), en: z.string() });

export const evaluationSchema = z.object({
  instrument: z.object({
    id: z.string(),
    version: z.string(),
    name: localisedSchema,
    description: localisedSchema,
    items: z.array(z.object({ id: z.string(), text: localisedSchema })),
    options: z.array(z.object({ value: z.number(), label: localisedSchema })),
  }),
  /** From the first day of week 3 of the ramp. */
  isOpen: z.boolean(),
  answers: z.record(z.string(), z.number()),
  submittedAt: z.string().nullable(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

const figuresSchema = z.discriminatedUnion('hidden', [
  z.object({ hidden: z.literal(true) }),
  z.object({ hidden: z.literal(false), n: z.number(), mean: z.number(), sd: z.number(), favourableShare: z.number() }),
]);

export const evaluationResultsSchema = z.object({
  k: z.number(),
  /** Evaluations handed in (a count, never who). */
  submitted: z.number(),
  scales: z.array(z.object({ id: z.string(), name: localisedSchema, figures: figuresSchema })),
});
export type EvaluationResults = z.infer<typeof evaluationResultsSchema>;

export const draftSectionSchema = z.object({
  id: z.string(),
  key: z.string(),
  kind: z.enum(GUIDE_SECTION_KINDS),
  title: z.string(),
  body: z.string(),
  locationId: z.string().nullable(),
  position: z.number(),
  /** Differs from the current version (or is new): publishing asks newcomers to confirm it again. */
  isChanged: z.boolean(),
});
export type DraftSection = z.infer<typeof draftSectionSchema>;

export const onboardingSettingsSchema = z.object({
  draft: z.array(draftSectionSchema),
  /** Sections of the current version the draft no longer holds. */
  removedSinceCurrent: z.number(),
  versions: z.array(z.object({ version: z.number(), publishedAt: z.string(), publishedBy: z.string().nullable() })),
  rampItems: z.array(z.object({ id: z.string(), week: z.number(), text: z.string(), position: z.number() })),
  chefBuddies: z.array(z.object({ locationId: z.string(), locationName: z.string(), user: personSchema.nullable() })),
  texts: z.object({ buddyRole: z.string(), chefBuddyTasks: z.string() }),
  staff: z.array(personSchema),
  locations: z.array(personSchema),
});
export type OnboardingSettings = z.infer<typeof onboardingSettingsSchema>;
