import { z } from 'zod';
import { SCHOOL_KINDS } from '../../../shared/roles';
import { emailSchema } from '../../auth/auth.schemas';
import { newPasswordSchema } from '../../auth/passwords';
import { nameSchema } from '../tenancy/tenancy.schemas';

/** Whether this installation still needs its first board. */
export const setupStatusSchema = z.object({ needsSetup: z.boolean() });

/** The first-run form: board, first school, first administrator. */
export const setupBodySchema = z.strictObject({
  boardName: nameSchema,
  schoolName: nameSchema,
  schoolKind: z.enum(SCHOOL_KINDS),
  adminName: nameSchema,
  adminEmail: emailSchema,
  adminPassword: newPasswordSchema,
});
