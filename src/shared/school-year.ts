/** A Dutch school year as text, e.g. "2026-2027" (runs from 1 August to 31 July). */
export const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{4})$/;

/** The school year a date falls in; a new school year starts on 1 August. */
export function schoolYearOf(date: Date): string {
  const year = date.getUTCFullYear();
  const start = date.getUTCMonth() >= 7 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** True for "YYYY-YYYY" where the second year follows the first. */
export function isValidSchoolYear(value: string): boolean {
  const match = SCHOOL_YEAR_PATTERN.exec(value);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}
