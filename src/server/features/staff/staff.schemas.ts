import { z } from 'zod';
import { SCHOOL_ROLES } from '../../../shared/roles';
import { emailSchema } from '../../auth/auth.schemas';
import { nameSchema } from '../tenancy/tenancy.schemas';

/** Route params naming a staff member of a school. */
export const staffParamsSchema = z.strictObject({ schoolId: z.uuid(), userId: z.uuid() });

/** A staff member as the school admin sees them. */
export const staffMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(SCHOOL_ROLES)),
  classIds: z.array(z.string()),
  disabled: z.boolean(),
  invitationPending: z.boolean(),
});

const rolesSchema = z.array(z.enum(SCHOOL_ROLES)).max(SCHOOL_ROLES.length).refine((roles) => new Set(roles).size === roles.length, {
  message: 'roles must not repeat',
});

/** Inviting a person to a school with roles (and classes for teachers). */
export const inviteBodySchema = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  roles: rolesSchema.min(1),
  classIds: z.array(z.uuid()).max(100).default([]),
});

/** Replacing a staff member's roles and classes in a school; no roles removes them from the school. */
export const rolesBodySchema = z.strictObject({
  roles: rolesSchema,
  classIds: z.array(z.uuid()).max(100).default([]),
});
