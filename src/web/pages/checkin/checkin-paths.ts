import type { Permission } from '../../../shared/permissions';

// The staff pages of the daily check-in, in one place so links and routes agree.

/** Any of these makes the check-in pages useful to someone: the menu shows "Check-in" for them. */
export const CHECKIN_PERMISSIONS: readonly Permission[] = [
  'school.checkin.class.read',
  'school.checkin.manage',
  'school.checkin.signals.school',
  'school.checkin.aggregates',
  'school.checkin.settings',
];

/** The check-in start page of a school: pick a class. */
export function checkinHomePath(schoolId: string): string {
  return `/scholen/${schoolId}/check-in`;
}

/** Today's overview of one class. */
export function checkinClassPath(schoolId: string, classId: string): string {
  return `/scholen/${schoolId}/check-in/klassen/${classId}`;
}

/** The print page of a class's login cards. */
export function checkinCardsPath(schoolId: string, classId: string): string {
  return `${checkinClassPath(schoolId, classId)}/kaarten`;
}

/** One pupil's trend, signals and notes; `classId` is where the back link goes. */
export function checkinPupilPath(schoolId: string, pupilId: string, classId?: string): string {
  const path = `/scholen/${schoolId}/check-in/leerlingen/${pupilId}`;
  return classId ? `${path}?klas=${encodeURIComponent(classId)}` : path;
}

/** The care team's signals across the school. */
export function checkinSignalsPath(schoolId: string): string {
  return `/scholen/${schoolId}/check-in/signalen`;
}

/** The anonymous per-class figures (leadership, TSO lead). */
export function checkinFiguresPath(schoolId: string): string {
  return `/scholen/${schoolId}/check-in/cijfers`;
}

/** The school's check-in settings: words and closed days. */
export function checkinSettingsPath(schoolId: string): string {
  return `/scholen/${schoolId}/check-in/instellingen`;
}

/** The board's anonymous figures per sharing school. */
export function boardCheckinPath(boardId: string): string {
  return `/besturen/${boardId}/check-in`;
}
