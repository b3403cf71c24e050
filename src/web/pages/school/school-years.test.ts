import { describe, expect, it } from 'vitest';
import { nextSchoolYear, schoolYearChoices } from './school-years';

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

describe('nextSchoolYear', () => {
  it('moves both years on by one', () => {
    expect(nextSchoolYear('2029-2030')).toBe('2030-2031');
  });
});
