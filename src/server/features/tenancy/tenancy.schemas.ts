import { z } from 'zod';
import { SCHOOL_KINDS } from '../../../shared/roles';
import { nameSchema, schoolYearSchema } from '../../http/common.schemas';

/** Route params naming a location of a school. */
export const locationParamsSchema = z.strictObject({ schoolId: z.uuid(), locationId: z.uuid() });

/** A school as listed for its board. */
export const schoolSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SCHOOL_KINDS),
  locationCount: z.number(),
  staffCount: z.number(),
  pupilCount: z.number(),
});
/** One school as listed on its board's page. */
export type SchoolSummary = z.infer<typeof schoolSummarySchema>;

/** A board with its schools. */
export const boardResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  minGroupSize: z.number(),
  schools: z.array(schoolSummarySchema),
});
/** A board with its schools and their counts. */
export type Board = z.infer<typeof boardResponseSchema>;

/** Creating a school. */
export const createSchoolSchema = z.strictObject({ name: nameSchema, kind: z.enum(SCHOOL_KINDS) });

/** A school with its locations and school years. */
export const schoolResponseSchema = z.object({
  id: z.string(),
  boardId: z.string(),
  name: z.string(),
  kind: z.enum(SCHOOL_KINDS),
  currentSchoolYear: z.string(),
  schoolYears: z.array(z.string()),
});
/** A school with its school years. */
export type School = z.infer<typeof schoolResponseSchema>;

/** A location. */
export const locationSchema = z.object({ id: z.string(), name: z.string() });
/** A location (vestiging) of a school. */
export type Location = z.infer<typeof locationSchema>;
/** Creating or renaming a location. */
export const locationBodySchema = z.strictObject({ name: nameSchema });

/** A class in a school year. */
export const classSchema = z.object({
  id: z.string(),
  name: z.string(),
  schoolYear: z.string(),
  locationId: z.string().nullable(),
  pupilCount: z.number(),
});
/** A class (groep/klas) in one school year. */
export type SchoolClass = z.infer<typeof classSchema>;
/** Listing classes of one school year (default: the current one), optionally only one's own. */
export const classListQuerySchema = z.strictObject({
  schoolYear: schoolYearSchema.optional(),
  /** "true": only the classes the signed-in person teaches (a teacher's own classes). */
  taughtByMe: z.enum(['true', 'false']).optional(),
});
/** Creating a class. */
export const createClassSchema = z.strictObject({
  name: nameSchema,
  schoolYear: schoolYearSchema,
  locationId: z.uuid().nullable().optional(),
});
/** Changing a class. */
export const updateClassSchema = z.strictObject({
  name: nameSchema.optional(),
  locationId: z.uuid().nullable().optional(),
});
