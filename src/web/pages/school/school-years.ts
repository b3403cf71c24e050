import { followingSchoolYear } from '../../../shared/school-time';
import type { School } from '../../api/api-types';

/** The school years to choose from: those with data, the current one and the next one (to prepare it), newest first. */
export function schoolYearChoices(school: Pick<School, 'schoolYears' | 'currentSchoolYear'>): string[] {
  const years = new Set([...school.schoolYears, school.currentSchoolYear, followingSchoolYear(school.currentSchoolYear)]);
  return [...years].sort((a, b) => b.localeCompare(a));
}
