// The staff pages of the partners register, in one place so links and routes agree.

/** The school's partners register (Samenwerkingspartners). */
export function partnersPath(schoolId: string): string {
  return `/scholen/${schoolId}/partners`;
}
