import { z } from 'zod';
import { IMPORT_ERROR_CODES, IMPORT_FIELDS } from '../../../shared/pupil-import';
import { IMPORT_BATCH_SIZE, MAX_BODY_BYTES } from '../../../shared/limits';
import { schoolYearSchema } from '../tenancy/tenancy.schemas';

/** Listing pupils of a school: one school year (default: the current one), optionally one class. */
export const pupilListQuerySchema = z.strictObject({
  schoolYear: schoolYearSchema.optional(),
  classId: z.uuid().optional(),
});

/** A pupil with their class in the requested school year. */
export const pupilSchema = z.object({
  id: z.string(),
  pupilNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  classId: z.string().nullable(),
  className: z.string().nullable(),
});

const columnSchema = z.string().trim().min(1).max(200);
// The form may send "" for "no column"; it means the same as null.
const optionalColumnSchema = z
  .string()
  .trim()
  .max(200)
  .nullable()
  .optional()
  .transform((value) => (value ? value : null));

/** Which header of the file holds each field. */
export const mappingSchema = z.strictObject({
  pupilNumber: columnSchema,
  firstName: columnSchema,
  lastName: columnSchema,
  prefix: optionalColumnSchema,
  birthDate: optionalColumnSchema,
  className: optionalColumnSchema,
});

/** A mapping as the server answers it: every optional field present, null when not used. */
export const mappingResponseSchema = z.object({
  pupilNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  prefix: z.string().nullable(),
  birthDate: z.string().nullable(),
  className: z.string().nullable(),
});

const csvSchema = z.string().min(1).max(MAX_BODY_BYTES);

/** Asking for a preview of a CSV file, with or without a chosen mapping. */
export const importPreviewBodySchema = z.strictObject({
  csv: csvSchema,
  mapping: mappingSchema.optional(),
});

/** A valid row of the file. */
export const importRecordSchema = z.object({
  line: z.number(),
  pupilNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  className: z.string().nullable(),
});

/** One problem in one row of the file. */
export const importErrorSchema = z.object({
  line: z.number(),
  field: z.enum([...IMPORT_FIELDS, 'row']),
  code: z.enum(IMPORT_ERROR_CODES),
});

/** What the file would import: headers, the (suggested) mapping, counts, a sample and every error. */
export const importPreviewResponseSchema = z.object({
  headers: z.array(z.string()),
  mapping: mappingResponseSchema.nullable(),
  totalRows: z.number(),
  validCount: z.number(),
  errorCount: z.number(),
  sample: z.array(importRecordSchema),
  errors: z.array(importErrorSchema),
});

/** Importing one batch of the valid rows of a file. */
export const importBodySchema = z.strictObject({
  csv: csvSchema,
  mapping: mappingSchema,
  schoolYear: schoolYearSchema.optional(),
  onlyValidRows: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(IMPORT_BATCH_SIZE),
});

/** The result of one import batch; `created`, `updated` and `unchanged` count this batch only. */
export const importResponseSchema = z.object({
  total: z.number(),
  processed: z.number(),
  done: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});
