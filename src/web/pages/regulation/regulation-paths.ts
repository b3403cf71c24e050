// The staff pages of regulation, in one place so links and routes agree.

/** The activity library, with a class's favourites and routine moments. */
export function regulationPath(schoolId: string, classId?: string): string {
  return `/scholen/${schoolId}/regulatie${classId ? `?klas=${classId}` : ''}`;
}

/** Keeping the library: hiding activities, the school's own, and the anonymous figures. */
export function regulationManagePath(schoolId: string): string {
  return `/scholen/${schoolId}/regulatie/beheer`;
}

/** The "know your window" lessons, for a chosen class. */
export function windowLessonsPath(schoolId: string, classId?: string): string {
  return `/scholen/${schoolId}/regulatie/lessen${classId ? `?klas=${classId}` : ''}`;
}
