import { classGroupPath } from './group-paths';

// The staff pages of sociograms, in one place so links and routes agree.

/** Starting a new sociogram for a class. */
export function newSociogramPath(schoolId: string, classId: string): string {
  return `${classGroupPath(schoolId, classId)}/sociogram/nieuw`;
}

/** One sociogram: who answered, typing in a paper round, and once closed its results. */
export function sociogramPath(schoolId: string, sociogramId: string): string {
  return `/scholen/${schoolId}/sociogrammen/${sociogramId}`;
}

/** The school's sociogram settings: "rather not" questions and its own questions. */
export function sociogramSettingsPath(schoolId: string): string {
  return `/scholen/${schoolId}/sociogram-instellingen`;
}
