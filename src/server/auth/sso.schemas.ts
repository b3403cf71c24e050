import { z } from 'zod';
import { emailSchema } from '../http/common.schemas';

/** An e-mail domain as the board admin types it: lower case, at least one dot, no `@`. */
export const ssoDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  // The length by .max, not by a lookahead in the pattern: the OpenAPI fuzzing draws values from the pattern, and
  // fast-check cannot draw from a lookahead.
  .max(253)
  .regex(/^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain such as school.nl');

/** A provider's issuer: https, or http only on this machine (a test or development provider). */
export const issuerSchema = z
  .url({ protocol: /^https?$/, error: 'an https:// address' })
  .max(500)
  .refine((value) => {
    // zod runs a refine also when .url() already refused the value: an unparsable one must be refused here, not throw.
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return false;
    return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  }, 'an https:// address without query or fragment');

/** Saving a board's school sign-in. The secret may be left out to keep the stored one. */
export const ssoSettingsBodySchema = z.strictObject({
  issuer: issuerSchema,
  clientId: z.string().trim().min(1).max(300).regex(/^[\x21-\x7e]+$/, 'printable characters without spaces'),
  clientSecret: z.string().min(1).max(500).regex(/^[\x20-\x7e]+$/, 'printable characters').optional(),
  allowedDomains: z.array(ssoDomainSchema).min(1).max(20),
  ssoOnly: z.boolean(),
  enabled: z.boolean(),
});
/** A board's school sign-in as the admin saves it. */
export type SsoSettingsBody = z.infer<typeof ssoSettingsBodySchema>;

/** A board's school sign-in as the admin reads it: never the secret, only whether one is stored. */
export const ssoSettingsSchema = z.object({
  /** The address to register at the provider as redirect URI. */
  redirectUri: z.string(),
  provider: z
    .object({
      issuer: z.string(),
      clientId: z.string(),
      hasClientSecret: z.boolean(),
      allowedDomains: z.array(z.string()),
      ssoOnly: z.boolean(),
      enabled: z.boolean(),
      updatedAt: z.string(),
    })
    .nullable(),
});
/** What the board's school sign-in page shows. */
export type SsoSettings = z.infer<typeof ssoSettingsSchema>;

/** Testing a provider's discovery before (or after) saving. */
export const ssoConnectionTestBodySchema = z.strictObject({ issuer: issuerSchema });

/** The outcome of a connection test: the provider's endpoints, or why it did not answer as a provider should. */
export const ssoConnectionTestSchema = z.object({
  ok: z.boolean(),
  issuer: z.string().nullable(),
  authorizationEndpoint: z.string().nullable(),
  endSessionEndpoint: z.string().nullable(),
  /** A short technical reason (e.g. "HTTP 404"), shown as is to the board admin. */
  problem: z.string().nullable(),
});
/** What "Verbinding testen" answers. */
export type SsoConnectionTest = z.infer<typeof ssoConnectionTestSchema>;

/** Starting school sign-in: the address decides the board and thus the provider. */
export const ssoStartBodySchema = z.strictObject({ email: emailSchema });

/** Where the browser goes next: the provider's sign-in page. */
export const ssoStartSchema = z.object({ redirectUrl: z.string() });
/** The answer to starting school sign-in. */
export type SsoStart = z.infer<typeof ssoStartSchema>;

/** Finishing school sign-in: the query the provider sent the browser back with, as the login page received it. */
export const ssoCompleteBodySchema = z.strictObject({ callbackQuery: z.string().min(1).max(8192) });
