import { z } from 'zod';
import { PARENT_LIMITS, TEXT_DIRECTIONS } from '../../../shared/parents';
import { emailSchema, multiLineTextSchema } from '../../http/common.schemas';
import { phoneSchema } from './parents.schemas';

// The parent page's own contract (issue 16): what a parent session reads and changes. Everything is about the
// session's parent and the children they may see; texts come in the parent's language.

export const linkTokenBodySchema = z.strictObject({ token: z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/) });
export const parentQuestionnaireIdParamsSchema = z.strictObject({ questionnaireId: z.uuid() });
export const parentChildParamsSchema = z.strictObject({ pupilId: z.uuid() });

export const chooseLanguageBodySchema = z.strictObject({ code: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/) });
export const correctDetailsBodySchema = z.strictObject({ email: emailSchema.nullable(), phone: phoneSchema.nullable() });
export const researchConsentBodySchema = z.strictObject({ takesPart: z.boolean() });
export const conversationRequestBodySchema = z.strictObject({ pupilId: z.uuid(), message: multiLineTextSchema.max(PARENT_LIMITS.conversationMessageMax) });
export const parentAnswersBodySchema = z.strictObject({
  /** item id → value; null takes an answer back (a skipped question). */
  answers: z.record(z.string().max(64), z.number().int().min(-100).max(100).nullable()),
  note: multiLineTextSchema.max(PARENT_LIMITS.questionnaireNoteMax).optional(),
});

/** One questionnaire as the parent answers it: texts in the parent's language. */
export const parentQuestionnaireSchema = z.object({
  id: z.string(),
  childId: z.string(),
  childFirstName: z.string(),
  name: z.string(),
  description: z.string(),
  /** Only the care team reads the answers (else: the child's teachers and the care team). */
  careTeamOnly: z.boolean(),
  needsConsent: z.boolean(),
  consentGiven: z.boolean(),
  items: z.array(z.object({ id: z.string(), text: z.string(), options: z.array(z.object({ value: z.number().int(), label: z.string() })) })),
  myAnswers: z.record(z.string(), z.number().int()),
  note: z.string(),
  isComplete: z.boolean(),
});
export type ParentQuestionnaire = z.infer<typeof parentQuestionnaireSchema>;

/** Everything the parent page shows, in one answer (old phones, weak connections: one request). */
export const parentHomeSchema = z.object({
  csrfToken: z.string(),
  language: z.string(),
  direction: z.enum(TEXT_DIRECTIONS),
  texts: z.record(z.string(), z.string()),
  languages: z.array(z.object({ code: z.string(), name: z.string() })),
  school: z.object({ name: z.string() }),
  parent: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
  children: z.array(z.object({ id: z.string(), firstName: z.string(), takesPartInResearch: z.boolean(), openRequestSince: z.string().nullable() })),
  tsoPage: z.string(),
  questionnaires: z.array(parentQuestionnaireSchema),
});
export type ParentHome = z.infer<typeof parentHomeSchema>;

export const savedParentAnswersSchema = z.object({ answered: z.number().int(), items: z.number().int(), isComplete: z.boolean() });
