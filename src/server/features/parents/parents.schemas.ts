import { z } from 'zod';
import { PARENT_INSTRUMENT_IDS, PARENT_LIMITS, PARENT_PHONE_PATTERN, PARENT_LINK_CHANNELS, TEXT_DIRECTIONS } from '../../../shared/parents';
import { emailSchema, multiLineTextSchema, nameSchema, singleLineTextSchema } from '../../http/common.schemas';

// The staff side of parents (issue 16): a pupil's parents and carers, their links, the questionnaires sent to them,
// their conversation requests; and what the school shows parents (its TSO page, added languages).

const localized = z.object({ nl: z.string(), en: z.string() });

export const pupilParentsParamsSchema = z.strictObject({ schoolId: z.uuid(), pupilId: z.uuid() });
export const parentParamsSchema = pupilParentsParamsSchema.extend({ parentId: z.uuid() });
export const parentQuestionnaireParamsSchema = pupilParentsParamsSchema.extend({ questionnaireId: z.uuid() });
export const parentRequestParamsSchema = pupilParentsParamsSchema.extend({ requestId: z.uuid() });
export const parentLanguageParamsSchema = z.strictObject({ schoolId: z.uuid(), code: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/) });

/** A phone number as people type it: digits, spaces, +, -, (, ). */
export const phoneSchema = singleLineTextSchema.max(PARENT_LIMITS.phoneMax).regex(PARENT_PHONE_PATTERN, 'digits, spaces, + and - only');

/** A language of the parent page: nl, en or a code the school added. */
const languageCodeSchema = z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/);

export const parentFieldsSchema = z.strictObject({
  name: nameSchema,
  relation: singleLineTextSchema.min(1).max(PARENT_LIMITS.relationMax),
  email: emailSchema.nullable(),
  phone: phoneSchema.nullable(),
  language: languageCodeSchema,
});
export type ParentFields = z.infer<typeof parentFieldsSchema>;

export const exclusionBodySchema = z.strictObject({
  excluded: z.boolean(),
  /** Why (required when excluding): e.g. which court order. */
  reason: multiLineTextSchema.max(PARENT_LIMITS.exclusionReasonMax).optional(),
});

export const sendLinkBodySchema = z.strictObject({ channel: z.enum(PARENT_LINK_CHANNELS) });
export const sendQuestionnaireBodySchema = z.strictObject({ parentId: z.uuid(), instrumentId: z.enum(PARENT_INSTRUMENT_IDS as [string, ...string[]]) });

/** A link just sent: for a letter, the link and its QR code (shown once, never stored). */
export const sentLinkSchema = z.object({
  channel: z.enum(PARENT_LINK_CHANNELS),
  expiresAt: z.string(),
  letter: z.object({ url: z.string(), qrSvg: z.string(), schoolName: z.string(), parentName: z.string() }).nullable(),
});
export type SentLink = z.infer<typeof sentLinkSchema>;

/** Where a parent's newest link stands. */
export const LINK_STATES = ['none', 'open', 'used', 'expired', 'revoked'] as const;

const questionnaireAnswerSchema = z.object({ itemId: z.string(), text: localized, answer: localized.nullable() });

export const sentQuestionnaireSchema = z.object({
  id: z.string(),
  parentId: z.string(),
  instrumentId: z.string(),
  name: localized,
  sentAt: z.string(),
  answered: z.number().int(),
  items: z.number().int(),
  isComplete: z.boolean(),
  needsConsent: z.boolean(),
  consentAt: z.string().nullable(),
  careTeamOnly: z.boolean(),
  /** Every item with the parent's answer (null: skipped so far). */
  answers: z.array(questionnaireAnswerSchema),
  note: z.string(),
});
export type SentQuestionnaire = z.infer<typeof sentQuestionnaireSchema>;

export const parentSchema = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.string(),
  detailsCorrectedAt: z.string().nullable(),
  excluded: z.boolean(),
  exclusionReason: z.string(),
  link: z.object({ state: z.enum(LINK_STATES), channel: z.enum(PARENT_LINK_CHANNELS).nullable(), sentAt: z.string().nullable(), expiresAt: z.string().nullable(), usedAt: z.string().nullable() }),
  newLinkRequestedAt: z.string().nullable(),
});
export type Parent = z.infer<typeof parentSchema>;

export const conversationRequestSchema = z.object({
  id: z.string(),
  parentId: z.string(),
  parentName: z.string(),
  message: z.string(),
  createdAt: z.string(),
  handledAt: z.string().nullable(),
  handledByName: z.string().nullable(),
});

/** The parents of one pupil as the caller may see them. */
export const pupilParentsSchema = z.object({
  pupil: z.object({ id: z.string(), firstName: z.string(), lastName: z.string() }),
  /** True for the care team: they also see (and send) the questionnaires for the care team only. */
  isCareTeam: z.boolean(),
  parents: z.array(parentSchema),
  questionnaires: z.array(sentQuestionnaireSchema),
  requests: z.array(conversationRequestSchema),
  /** The questionnaires the caller may send. */
  instruments: z.array(z.object({ id: z.string(), name: localized, description: localized, careTeamOnly: z.boolean() })),
  languages: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type PupilParents = z.infer<typeof pupilParentsSchema>;

// ---------- what the school shows parents ----------

export const parentPageBodySchema = z.strictObject({
  /** null: back to the project's default text. */
  text: z.strictObject({ nl: multiLineTextSchema.min(1).max(PARENT_LIMITS.tsoPageMax), en: multiLineTextSchema.min(1).max(PARENT_LIMITS.tsoPageMax) }).nullable(),
});

/**
 * A translation file for the parent pages: the language's code, its own name, its direction and the texts (any key
 * left out shows in Dutch). Unknown keys are refused, so a typo never silently hides a text.
 */
export const translationFileSchema = z.strictObject({
  code: languageCodeSchema,
  name: singleLineTextSchema.min(1).max(60),
  direction: z.enum(TEXT_DIRECTIONS),
  texts: z.record(z.string(), singleLineTextSchema.max(1000).or(multiLineTextSchema.max(2000))),
  /** The TSO page in this language (optional; without it parents read the Dutch page). */
  tsoPage: multiLineTextSchema.max(PARENT_LIMITS.tsoPageMax).optional(),
});
export type TranslationFile = z.infer<typeof translationFileSchema>;

export const parentSettingsSchema = z.object({
  tsoPage: z.object({ nl: z.string(), en: z.string(), isDefault: z.boolean(), updatedAt: z.string().nullable() }),
  languages: z.array(z.object({ code: z.string(), name: z.string(), direction: z.enum(TEXT_DIRECTIONS), translated: z.number().int(), keys: z.number().int(), updatedAt: z.string() })),
});
export type ParentSettings = z.infer<typeof parentSettingsSchema>;

/** The template a school translates: every key with its Dutch and English text. */
export const translationTemplateSchema = z.object({
  code: z.string(),
  name: z.string(),
  direction: z.enum(TEXT_DIRECTIONS),
  texts: z.record(z.string(), z.string()),
  english: z.record(z.string(), z.string()),
  tsoPage: z.string(),
});
