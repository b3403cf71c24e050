import { z } from 'zod';
import { PRIVACY_STATEMENT_MAX_LENGTH } from '../../../shared/privacy-statement';
import { multiLineTextSchema } from '../../http/common.schemas';

/** A school's privacy statement: its own text, or null while it shows the default. */
export const privacyStatementSchema = z.object({
  /** The school's own plain text; null: the web app shows Groeiwijzer's default text in the reader's language. */
  text: z.string().nullable(),
  /** When the school last saved its own text; null for the default. */
  updatedAt: z.string().nullable(),
  /** Who saved it (null for the default, or when that account is gone). */
  updatedByName: z.string().nullable(),
});
/** A school's privacy statement as the API gives it. */
export type PrivacyStatement = z.infer<typeof privacyStatementSchema>;

/** Saving the school's own text: plain text with paragraphs, never HTML. */
export const privacyStatementBodySchema = z.strictObject({
  text: multiLineTextSchema.trim().min(1).max(PRIVACY_STATEMENT_MAX_LENGTH),
});
