import { z } from 'zod';
import { REGISTER_CATEGORIES } from './register-categories';

// The contract of the processing register (the web imports the types). Every text is in the language the reader
// asked for: the register is written on the server so the page and the PDF say the same.

const registerTableSchema = z.object({
  table: z.string(),
  holds: z.string(),
  /** The permissions (shared/permissions.ts) whose holders read the table. */
  permissions: z.array(z.string()),
  /** The roles behind those permissions, as words, and the person themself where that applies. */
  readers: z.array(z.string()),
  retention: z.string(),
  /** Columns stored encrypted (crypto/encrypted-columns.ts). */
  encryptedColumns: z.array(z.string()),
});

export const processingRegisterSchema = z.object({
  /** Whose register: one school (its own care terms) or a board (the default terms). */
  scope: z.object({ kind: z.enum(['school', 'board']), name: z.string() }),
  generatedAt: z.string(),
  categories: z.array(
    z.object({
      category: z.enum(REGISTER_CATEGORIES),
      name: z.string(),
      purpose: z.string(),
      legalBasis: z.string(),
      isSpecial: z.boolean(),
      tables: z.array(registerTableSchema),
    }),
  ),
});
/** The processing register as the page and the PDF show it. */
export type ProcessingRegister = z.infer<typeof processingRegisterSchema>;

export const retentionOverviewSchema = z.object({
  today: z.string(),
  categories: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      term: z.string(),
      /** What the term would delete today, as words; null where the job is not per school or deletes nothing. */
      dueNow: z.string().nullable(),
      /** The background job that applies the term (null: nothing is deleted), its last run and from when it runs next. */
      job: z.string().nullable(),
      lastRun: z.string().nullable(),
      nextRunFrom: z.string().nullable(),
    }),
  ),
});
/** The retention overview of one school. */
export type RetentionOverview = z.infer<typeof retentionOverviewSchema>;
