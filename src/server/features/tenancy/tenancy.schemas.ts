import { z } from 'zod';
import { SCHOOL_KINDS } from '../../../shared/roles';
import { isValidSchoolYear } from '../../../shared/school-year';

/** Route params naming a board. */
export const boardParamsSchema = z.strictObject({ boardId: z.uuid() });
/** Route params naming a school. */
export const schoolParamsSchema = z.strictObject({ schoolId: z.uuid() });
/** Route params naming a location of a school. */
export const locationParamsSchema = z.strictObject({ schoolId: z.uuid(), locationId: z.uuid() });
/** Route params naming a class of a school. */
export const classParamsSchema = z.strictObject({ schoolId: z.uuid(), classId: z.uuid() });

/** A school year such as 2026-2027. */
export const schoolYearSchema = z.string().refine(isValidSchoolYear, { message: 'expected a school year like 2026-2027' });

/** A short display name. */
export const nameSchema = z.string().trim().min(1).max(120);

/** A school as listed for its board. */
export const schoolSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SCHOOL_KINDS),
  locationCount: z.number(),
  staffCount: z.number(),
  pupilCount: z.number(),
});

/** A board with its schools. */
export const boardResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  minGroupSize: z.number(),
  schools: z.array(schoolSummarySchema),
});

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

/** A location. */
export const locationSchema = z.object({ id: z.string(), name: z.string() });
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
