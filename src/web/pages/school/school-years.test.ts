import { describe, expect, it } from 'vitest';
import { schoolYearChoices } from './school-years';

describe('schoolYearChoices', () => {
  it('offers the years with data, the current one and the next one, newest first, without repeats', () => {
    expect(schoolYearChoices({ schoolYears: ['2025-2026', '2026-2027'], currentSchoolYear: '2026-2027' })).toEqual([
      '2027-2028',
      '2026-2027',
      '2025-2026',
    ]);
  });

  it('offers the current and next year for a school without classes', () => {
    expect(schoolYearChoices({ schoolYears: [], currentSchoolYear: '2026-2027' })).toEqual(['2027-2028', '2026-2027']);
  });
});

