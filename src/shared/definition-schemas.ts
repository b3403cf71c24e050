import { z } from 'zod';

// Schema pieces of the definition files Groeiwijzer ships and schools import: development models
// (selfscan-model.ts) and questionnaire instruments (questionnaire-instrument.ts).

/** A text in both interface languages; Dutch is the source. */
export const localizedTextSchema = z.strictObject({
  nl: z.string().trim().min(1).max(2000),
  en: z.string().trim().min(1).max(2000),
});
/** A text in Dutch and English. */
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Stable ids such as `layer-1` and `layer-1.motivation`: lowercase words, dots between levels. */
export const definitionIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/, 'lowercase words joined by - and .');

/** The version of a definition's texts, three numbers; a version once used never changes. */
export const definitionVersionSchema = z.string().regex(/^\d+\.\d+\.\d+$/, 'semantic version like 1.0.0');
