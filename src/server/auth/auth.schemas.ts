import { z } from 'zod';
import { WORKING_GROUP_ROLES } from '../../shared/plan';
import { BOARD_ROLES, LOCALES, SCHOOL_ROLES } from '../../shared/roles';
import { mfaStateSchema } from './mfa.schemas';
import { newPasswordSchema } from './passwords';
import { emailSchema, nameSchema } from '../http/common.schemas';

/** Login request. */
export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});

/** What the SPA learns about the current session. */
export const sessionResponseSchema = z.object({
  user: z
    .object({ id: z.string(), email: z.string(), name: z.string(), locale: z.enum(LOCALES) })
    .nullable(),
  csrfToken: z.string().nullable(),
  boards: z.array(z.object({ id: z.string(), name: z.string(), roles: z.array(z.enum(BOARD_ROLES)) })),
  schools: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      boardId: z.string(),
      roles: z.array(z.enum(SCHOOL_ROLES)),
      /** The person's place in the school's TSO working group (grants plan rights), or null. */
      workingGroup: z.enum(WORKING_GROUP_ROLES).nullable(),
      /** The school shares its implementation plan with the whole team (menus show the plan to everyone then). */
      planSharedWithTeam: z.boolean(),
    }),
  ),
  /** Two-step verification; until `status` is complete, boards and schools stay empty. */
  mfa: mfaStateSchema.nullable(),
});
/** The signed-in user, their places and the CSRF token (all empty when signed out). */
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** Request for a reset link. */
export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });

/** Choosing a new password with a reset token. */
export const passwordResetCompleteSchema = z.strictObject({
  token: z.string().min(20).max(200),
  password: newPasswordSchema,
});

/** Accepting an invitation: name and password. */
export const invitationAcceptSchema = z.strictObject({
  token: z.string().min(20).max(200),
  name: nameSchema,
  password: newPasswordSchema,
});

/** Changing one's own preferences. */
export const updateMeSchema = z.strictObject({
  name: nameSchema.optional(),
  locale: z.enum(LOCALES).optional(),
});
