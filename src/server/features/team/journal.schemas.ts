import { z } from 'zod';
import { JOURNAL_LIMITS, reflectionPromptOf } from '../../../shared/reflection-prompts';
import { multiLineTextSchema, schoolParamsSchema } from '../../http/common.schemas';

// The contract of the private reflection journal (issue 17). Every route needs `school.team` and works on the
// caller's OWN entries only: there is no route that names another person.
//   GET    /api/schools/:schoolId/team/journal                     → journalSchema
//   POST   /api/schools/:schoolId/team/journal/entries             → 201 journalEntrySchema
//   PUT    /api/schools/:schoolId/team/journal/entries/:entryId    → journalEntrySchema
//   DELETE /api/schools/:schoolId/team/journal/entries/:entryId    → 204
//   DELETE /api/schools/:schoolId/team/journal/entries             → 204 (everything; the page asks first)
//   GET    /api/schools/:schoolId/team/journal/export.json         → journalExportSchema as a download
//   GET    /api/schools/:schoolId/team/journal/export.txt          → the same as readable text

export const journalEntryParamsSchema = schoolParamsSchema.extend({ entryId: z.uuid() });

export const journalEntryBodySchema = z.strictObject({
  /** A prompt of shared/reflection-prompts.ts, or null for a free entry. */
  promptId: z
    .string()
    .max(60)
    .refine((id) => reflectionPromptOf(id) !== undefined, { message: 'not a prompt' })
    .nullable()
    .default(null),
  /** The reflection itself: paragraphs allowed; stored encrypted. */
  // Kept exactly as typed (no trimming: it is the author's own text), but never only blanks.
  body: multiLineTextSchema.pipe(z.string().max(JOURNAL_LIMITS.body)).refine((body) => body.trim() !== '', { message: 'empty' }),
});
export type JournalEntryBody = z.input<typeof journalEntryBodySchema>;
export type JournalEntryFields = z.output<typeof journalEntryBodySchema>;

export const journalTextQuerySchema = z.strictObject({ lang: z.enum(['nl', 'en']).optional() });

export const journalEntrySchema = z.object({
  id: z.string(),
  promptId: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export const journalSchema = z.object({ entries: z.array(journalEntrySchema) });
export type Journal = z.infer<typeof journalSchema>;

export const journalExportSchema = z.object({
  exportedAt: z.string(),
  entries: z.array(journalEntrySchema.extend({ prompt: z.string().nullable() })),
});
export type JournalExport = z.infer<typeof journalExportSchema>;
