import { z } from 'zod';

/**
 * The secret link (reset, invitation) of a mail, if it had one; `at` is where it stood in the mail's text.
 * `valid`: the link, until `expiresAt`. `expired`: gone for good (the sealed link is purged). `unavailable`:
 * still valid, but the server cannot open it (the encryption key is missing).
 */
export const outboxSecretLinkSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('valid'), at: z.number().int().min(0), url: z.string(), expiresAt: z.string() }),
  z.object({ status: z.literal('expired'), at: z.number().int().min(0), expiresAt: z.string() }),
  z.object({ status: z.literal('unavailable'), at: z.number().int().min(0), expiresAt: z.string() }),
]);
/** Where a mail's secret link stands: valid (with the link), expired or unavailable. */
export type OutboxSecretLink = z.infer<typeof outboxSecretLinkSchema>;

/** A mail as the outbox page shows it: `text` never holds the secret link, `secretLink` says where it goes. */
export const outboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  secretLink: outboxSecretLinkSchema.nullable(),
  createdAt: z.string(),
});
/** A mail kept in the outbox because no SMTP server is configured. */
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
