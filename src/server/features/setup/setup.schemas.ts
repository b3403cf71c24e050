import { z } from 'zod';
import { SCHOOL_KINDS } from '../../../shared/roles';
import { newPasswordSchema } from '../../auth/passwords';
import { emailSchema, nameSchema } from '../../http/common.schemas';
import { linkOriginSchema } from '../../installation/link-base';

/**
 * Whether this installation still needs its first board, whether this caller may load the demo into it,
 * and PUBLIC_URL when set (null: the first-run form asks for the address links will use).
 */
export const setupStatusSchema = z.object({ needsSetup: z.boolean(), canLoadDemo: z.boolean(), publicUrl: z.string().nullable() });
/** The first-run answer. */
export type SetupStatus = z.infer<typeof setupStatusSchema>;

/** The first-run form: board, first school, first administrator. */
export const setupBodySchema = z.strictObject({
  boardName: nameSchema,
  schoolName: nameSchema,
  schoolKind: z.enum(SCHOOL_KINDS),
  adminName: nameSchema,
  adminEmail: emailSchema,
  adminPassword: newPasswordSchema,
  /** The address links in mails will point to; required unless PUBLIC_URL is set (which then wins). */
  linkOrigin: linkOriginSchema.optional(),
});
/** The first-run form as the web sends it. */
export type SetupRequest = z.input<typeof setupBodySchema>;

/** Loading the demo on first run: optionally the address its links will point to (as on the first-run form). */
// Fastify hands a request without a body to the schema as null.
export const setupDemoBodySchema = z.strictObject({ linkOrigin: linkOriginSchema.optional() }).nullish();
