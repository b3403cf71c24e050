import { z } from 'zod';
import { multiLineTextSchema, schoolDateSchema } from '../../http/common.schemas';
import { carePupilParamsSchema } from './care.schemas';

// The contract of pupil conversations (kindgesprekken): what the routes accept and answer. Types are exported for
// the web app; the question guide is plain data in shared/conversation-guide.ts.

export const conversationParamsSchema = carePupilParamsSchema.extend({ conversationId: z.uuid() });

/** A conversation's note or shared part: paragraphs allowed, at most 4,000 characters. */
const conversationTextSchema = multiLineTextSchema.pipe(z.string().max(4000));

export const addConversationBodySchema = z.strictObject({
  plannedOn: schoolDateSchema,
  /** When it was held; leave out (or null) while it is only planned. */
  heldOn: schoolDateSchema.nullable().default(null),
  /** The teacher's own note: only they read it back. */
  note: conversationTextSchema.default(''),
  /** The pupil agreed that `forCareTeam` goes to the care team (only for a conversation that was held). */
  sharedWithCareTeam: z.boolean().default(false),
  /** The part the pupil agreed to share with the care team. */
  forCareTeam: conversationTextSchema.default(''),
});
export type AddConversationBody = z.input<typeof addConversationBodySchema>;
/** A conversation's fields once validated (defaults filled in). */
export type ConversationFields = z.output<typeof addConversationBodySchema>;

/** Changes to a conversation; what is left out stays as it is. */
export const changeConversationBodySchema = z.strictObject({
  plannedOn: schoolDateSchema.optional(),
  heldOn: schoolDateSchema.nullable().optional(),
  note: conversationTextSchema.optional(),
  sharedWithCareTeam: z.boolean().optional(),
  forCareTeam: conversationTextSchema.optional(),
});
export type ChangeConversationBody = z.input<typeof changeConversationBodySchema>;

/**
 * A conversation as the caller may see it: dates, author and whether something was shared for everyone who may
 * see the pupil's conversations; `note` only for its author and `forCareTeam` for its author and (once shared)
 * the care team — null where the caller may not read it.
 */
export const conversationSchema = z.object({
  id: z.string(),
  plannedOn: z.string(),
  heldOn: z.string().nullable(),
  teacherName: z.string().nullable(),
  /** Whether the caller wrote it (and so may change it). */
  isOwn: z.boolean(),
  sharedWithCareTeam: z.boolean(),
  note: z.string().nullable(),
  forCareTeam: z.string().nullable(),
  createdAt: z.string(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationsSchema = z.array(conversationSchema);
export type Conversations = z.infer<typeof conversationsSchema>;
