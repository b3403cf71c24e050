/** The "Ouders" list: the pupils the caller may see with where the contact with their parents stands. */
export const parentsPath = (schoolId: string) => `/scholen/${schoolId}/ouders`;
/** One pupil's parents page: the contact log (and, beside it, the parents themselves). */
export const pupilParentsPath = (schoolId: string, pupilId: string) => `/scholen/${schoolId}/ouders/${pupilId}`;
