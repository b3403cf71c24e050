import type { School } from '../../api/api-types';

/** The year after a school year ("2026-2027" → "2027-2028"). */
export function nextSchoolYear(schoolYear: string): string {
  const start = Number(schoolYear.slice(0, 4));
  return Number.isFinite(start) ? `${start + 1}-${start + 2}` : schoolYear;
}

/** The school years to choose from: those with data, the current one and the next one (to prepare it), newest first. */
export function schoolYearChoices(school: Pick<School, 'schoolYears' | 'currentSchoolYear'>): string[] {
  const years = new Set([...school.schoolYears, school.currentSchoolYear, nextSchoolYear(school.currentSchoolYear)]);
  return [...years].sort((a, b) => b.localeCompare(a));
}
