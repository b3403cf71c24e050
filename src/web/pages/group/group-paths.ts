// The staff pages of a class's group (class climate, group phase), in one place so links and routes agree.

/** The Groep start page of a school: pick a class. */
export function groupHomePath(schoolId: string): string {
  return `/scholen/${schoolId}/groep`;
}

/** One class's Groep page. */
export function classGroupPath(schoolId: string, classId: string): string {
  return `${groupHomePath(schoolId)}/${classId}`;
}
