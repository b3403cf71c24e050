import { describe, expect, it } from 'vitest';
import { addDays, addMonths, firstDayOfSchoolYear, followingSchoolYear, isoWeekOf, isValidSchoolYear, schoolDateOf, schoolTodayAt, schoolYearAt, schoolYearOfDate, lastDayOfSchoolYear } from './school-time';

describe('the school calendar (Europe/Amsterdam)', () => {
  it('starts the school day at midnight in Amsterdam, in winter and in summer time', () => {
    expect(schoolDateOf(new Date('2026-11-21T22:59:59Z'))).toBe('2026-11-21');
    expect(schoolDateOf(new Date('2026-11-21T23:00:00Z'))).toBe('2026-11-22');
    expect(schoolDateOf(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(schoolDateOf(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('gives the same day for every instant of one UTC hour, also when asked out of order', () => {
    const late = new Date('2027-03-28T00:59:00Z');
    const early = new Date('2027-03-27T22:30:00Z');
    expect(schoolDateOf(late)).toBe('2027-03-28');
    expect(schoolDateOf(early)).toBe('2027-03-27');
    expect(schoolDateOf(late)).toBe('2027-03-28');
  });

  it('moves to the new school year at midnight on 1 August in Amsterdam, not at midnight UTC', () => {
    // 22:30 UTC on 31 July is already 00:30 on 1 August in Amsterdam (summer time, UTC+2).
    expect(schoolYearAt(new Date('2027-07-31T21:59:59Z'))).toBe('2026-2027');
    expect(schoolYearAt(new Date('2027-07-31T22:30:00Z'))).toBe('2027-2028');
    expect(schoolTodayAt(new Date('2027-07-31T22:30:00Z'))).toEqual({ today: '2027-08-01', schoolYear: '2027-2028' });
  });

  it('reads the school year of a school day', () => {
    expect(schoolYearOfDate('2026-07-31')).toBe('2025-2026');
    expect(schoolYearOfDate('2026-08-01')).toBe('2026-2027');
    expect(schoolYearOfDate('2027-01-01')).toBe('2026-2027');
    expect(firstDayOfSchoolYear('2026-2027')).toBe('2026-08-01');
  });

  it('adds calendar days across months, years and clock changes', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-11-21', 0)).toBe('2026-11-21');
  });

  it('moves a date by whole months, to the last day of a shorter month', () => {
    expect(addMonths('2026-12-04', -24)).toBe('2024-12-04');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', 0)).toBe('2026-01-15');
  });

  it('accepts only school years whose second year follows the first', () => {
    expect(isValidSchoolYear('2026-2027')).toBe(true);
    expect(isValidSchoolYear('2026-2028')).toBe(false);
    expect(isValidSchoolYear('2026/2027')).toBe(false);
  });

  it('numbers weeks as ISO 8601 does, also around the turn of the year', () => {
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOf('2026-11-29')).toBe('2026-W48');
    expect(isoWeekOf('2026-11-30')).toBe('2026-W49');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
  });
});

describe('the school year after and the last day of a school year', () => {
  it('moves both years on by one, also across a decade', () => {
    expect(followingSchoolYear('2026-2027')).toBe('2027-2028');
    expect(followingSchoolYear('2029-2030')).toBe('2030-2031');
  });

  it('ends a school year on 31 July, the day before the next one starts', () => {
    expect(lastDayOfSchoolYear('2026-2027')).toBe('2027-07-31');
    expect(addDays(lastDayOfSchoolYear('2026-2027'), 1)).toBe(firstDayOfSchoolYear('2027-2028'));
  });
});
