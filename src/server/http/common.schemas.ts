import { z } from 'zod';
import { CONTROL_CHARACTERS_REFUSED, isMultiLineText, isSingleLineText, normaliseLineBreaks } from '../../shared/plain-text';
import { isValidSchoolYear } from '../../shared/school-time';

// Schema pieces every part of the API shares: route params, names, e-mail addresses, school years and the
// small answers. Features build their own contracts from these, so one rule (say, what a name may hold)
// lives in one place.

/** Route params naming a board. */
export const boardParamsSchema = z.strictObject({ boardId: z.uuid() });
/** Route params naming a school. */
export const schoolParamsSchema = z.strictObject({ schoolId: z.uuid() });
/** Route params naming a class of a school. */
export const classParamsSchema = z.strictObject({ schoolId: z.uuid(), classId: z.uuid() });

/** A school year such as 2026-2027. */
export const schoolYearSchema = z.string().refine(isValidSchoolYear, { message: 'expected a school year like 2026-2027' });

/** A calendar date in the school's time zone, YYYY-MM-DD. */
export const schoolDateSchema = z.iso.date();

/**
 * Free text that stands on one line (names, titles, labels): trimmed, and refused when it holds a control
 * character (CR/LF and tab included), a line or paragraph separator or a bidi control (shared/plain-text.ts).
 * Add the length: `singleLineTextSchema.min(1).max(80)`.
 */
export const singleLineTextSchema = z.string().trim().refine(isSingleLineText, { message: CONTROL_CHARACTERS_REFUSED });

/**
 * Free text of paragraphs (notes, rationales, evidence): line feeds and tabs are allowed, CR LF becomes a
 * line feed, every other character a single line refuses is refused. Not trimmed: add `.trim()` where wanted.
 */
export const multiLineTextSchema = z.string().overwrite(normaliseLineBreaks).refine(isMultiLineText, { message: CONTROL_CHARACTERS_REFUSED });

/** A short display name (a person, school, class, location, self-scan round). */
export const nameSchema = singleLineTextSchema.min(1).max(120);

/** An e-mail address as typed by a person (trimmed, case-insensitive). */
export const emailSchema = z.string().trim().max(254).pipe(z.email());

/** An empty success answer. */
export const okSchema = z.object({ ok: z.literal(true) });

/** The empty answer of a delete (204). */
export const noContentSchema = z.null().describe('No content');

/** A reminder was sent (a self-scan round, a measurement wave): when, and when the next one is possible (never to whom, nor how many). */
export const reminderSentSchema = z.object({ remindedAt: z.string(), nextReminderFrom: z.string() });
export type ReminderSent = z.infer<typeof reminderSentSchema>;
