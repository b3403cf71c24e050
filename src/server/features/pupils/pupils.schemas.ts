import { z } from 'zod';
import { IMPORT_ERROR_CODES, IMPORT_FIELDS } from '../../../shared/pupil-import';
import { IMPORT_BATCH_SIZE, MAX_IMPORT_BODY_BYTES } from '../../../shared/limits';
import { schoolYearSchema, singleLineTextSchema } from '../../http/common.schemas';
import { IMPORT_MAX_LENGTH } from './pupil-import.parse';

/** Which pupils a list shows: those at the school (default) or those who left it (oud-leerlingen). */
export const PUPIL_STATUSES = ['current', 'former'] as const;
/** Pupils at the school, or former pupils. */
export type PupilStatus = (typeof PUPIL_STATUSES)[number];

/** Listing pupils of a school: one school year (default: the current one), optionally one class, current or former pupils. */
export const pupilListQuerySchema = z.strictObject({
  schoolYear: schoolYearSchema.optional(),
  classId: z.uuid().optional(),
  status: z.enum(PUPIL_STATUSES).optional(),
});

/** A pupil with their class in the requested school year; `leftOn` is the date they left (null: at the school). */
export const pupilSchema = z.object({
  id: z.string(),
  pupilNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  classId: z.string().nullable(),
  className: z.string().nullable(),
  leftOn: z.string().nullable(),
});
/** A pupil as listed for staff. */
export type Pupil = z.infer<typeof pupilSchema>;

/** Route params naming a pupil of a school. */
export const pupilParamsSchema = z.strictObject({ schoolId: z.uuid(), pupilId: z.uuid() });

const schoolDateSchema = z.iso.date();

/** A pupil's details as the school admin corrects them (the same limits as the import). */
export const pupilDetailsBodySchema = z.strictObject({
  pupilNumber: singleLineTextSchema.min(1).max(IMPORT_MAX_LENGTH.pupilNumber),
  firstName: singleLineTextSchema.min(1).max(IMPORT_MAX_LENGTH.firstName),
  lastName: singleLineTextSchema.min(1).max(IMPORT_MAX_LENGTH.lastName),
  birthDate: schoolDateSchema.nullable(),
});
/** A pupil's details as the web sends them. */
export type PupilDetails = z.infer<typeof pupilDetailsBodySchema>;

/** Moving a pupil to another class; the class's school year is the year the pupil moves in. */
export const movePupilBodySchema = z.strictObject({ classId: z.uuid() });

/** Marking a pupil as left: the school date they left (today or earlier). */
export const pupilDepartureBodySchema = z.strictObject({ leftOn: schoolDateSchema });

const columnSchema = singleLineTextSchema.min(1).max(200);
// The form may send "" for "no column"; it means the same as null.
const optionalColumnSchema = singleLineTextSchema
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
/** Which column (by header name) holds each field, as the web sends it ("" or null: no column). */
export type ImportMapping = z.input<typeof mappingSchema>;

/** A mapping as the server answers it: every optional field present, null when not used. */
export const mappingResponseSchema = z.object({
  pupilNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  prefix: z.string().nullable(),
  birthDate: z.string().nullable(),
  className: z.string().nullable(),
});

const csvSchema = z.string().min(1).max(MAX_IMPORT_BODY_BYTES);

/** Uploading a CSV file to check and stage, with or without a chosen mapping. */
export const stageImportBodySchema = z.strictObject({
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

/** Route params naming a staged import of a school. */
export const stagedImportParamsSchema = z.strictObject({ schoolId: z.uuid(), importId: z.uuid() });

/**
 * What the file would import: the staged import's id and expiry (null when no mapping fits and nothing
 * was kept), headers, the (suggested) mapping, counts, a sample and every error.
 */
export const stagedImportSchema = z.object({
  id: z.string().nullable(),
  expiresAt: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: mappingResponseSchema.nullable(),
  totalRows: z.number(),
  validCount: z.number(),
  errorCount: z.number(),
  sample: z.array(importRecordSchema),
  errors: z.array(importErrorSchema),
});
/** What the server saw in an uploaded import file, kept as a staged import when a mapping fits. */
export type StagedImport = z.infer<typeof stagedImportSchema>;

/** Comparing a staged import with the school in one school year (default: the current one). */
export const importComparisonQuerySchema = z.strictObject({ schoolYear: schoolYearSchema.optional() });

/** A class name of the file that the school year does not have, and how many valid rows name it. */
export const unknownClassSchema = z.object({ name: z.string(), rows: z.number() });

/** A pupil at the school whose pupil number is not in the file. */
export const pupilNotInFileSchema = z.object({
  id: z.string(),
  pupilNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  className: z.string().nullable(),
});

/**
 * What a staged import would meet in a school year: the file's class names the year does not have (each must be
 * created or mapped before importing), and the school's current pupils the file does not name (for information).
 */
export const importComparisonSchema = z.object({
  schoolYear: z.string(),
  unknownClasses: z.array(unknownClassSchema),
  pupilsNotInFile: z.array(pupilNotInFileSchema),
});
/** A staged import compared with the school. */
export type ImportComparison = z.infer<typeof importComparisonSchema>;

// A key matched exactly against the staged class names, which came from the file; a class created for it
// takes the staged spelling. Not trimmed, so every name the comparison listed can be answered.
const fileClassNameSchema = z.string().min(1).max(IMPORT_MAX_LENGTH.className);

/** For one class name of the file that the school year does not have: create it, or put its pupils in an existing class. */
export const classChoiceSchema = z.discriminatedUnion('action', [
  z.strictObject({ name: fileClassNameSchema, action: z.literal('create') }),
  z.strictObject({ name: fileClassNameSchema, action: z.literal('map'), classId: z.uuid() }),
]);
/** A choice for one unknown class. */
export type ClassChoice = z.infer<typeof classChoiceSchema>;

/** Importing one batch of the valid rows of a staged import: no file, no mapping, only where to go on. */
export const importBatchBodySchema = z.strictObject({
  schoolYear: schoolYearSchema.optional(),
  /** One choice per class name of the file that the school year does not have (the comparison lists them). */
  classChoices: z.array(classChoiceSchema).max(1000).default([]),
  onlyValidRows: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(IMPORT_BATCH_SIZE),
});

/** The result of one import batch; `created`, `updated` and `unchanged` count this batch only. */
export const importBatchResponseSchema = z.object({
  total: z.number(),
  processed: z.number(),
  done: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});
/** The answer to one import batch. */
export type ImportBatchResult = z.infer<typeof importBatchResponseSchema>;
