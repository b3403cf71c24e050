import { describe, expect, it } from 'vitest';
import { aggregateClassFigures, type ClassPeriodSums, type FiguresPeriod, type SchoolClass, weekStartsOf } from './checkin-figures';

// The pure part of the anonymous figures: periods, averages, shares, which classes are listed or hidden.
// Which class-days count (the k rule, today) is decided in SQL; that is tested through the real API on
// both databases in checkin-figures.anonymity.test.ts and checkin-teacher.test.ts.

const WEEK_48: FiguresPeriod = { from: '2026-11-23', to: '2026-11-27', groupBy: 'week' };
const classA: SchoolClass = { id: 'a', name: 'Groep 5', schoolYear: '2026-2027' };
const classB: SchoolClass = { id: 'b', name: 'groep 10', schoolYear: '2026-2027' };
const sums = (classId: string, period: string, days: number, pupilsCheckedIn: number, inWindow: number): ClassPeriodSums => ({ classId, period, days, pupilsCheckedIn, inWindow });

describe('the anonymous check-in figures', () => {
  it('give per period the days counted, the pupils on an average day and the share in the window', () => {
    const figures = aggregateClassFigures({ sums: [sums('a', '2026-W48', 3, 17, 8)], classes: [classA], period: WEEK_48 });
    // 17 pupils over 3 days is 5.67 a day; 8 of the 17 check-ins in the window.
    expect(figures).toEqual({ classes: [{ classId: 'a', className: 'Groep 5', periods: [{ period: '2026-W48', days: 3, pupilsCheckedIn: 6, shareInWindow: 0.471 }] }], hiddenClasses: 0 });
  });

  it("count as hidden every class of the period's school years without a shown day, and list classes by name", () => {
    const lastYear: SchoolClass = { id: 'c', name: 'Groep 4', schoolYear: '2025-2026' };
    const figures = aggregateClassFigures({
      sums: [sums('b', '2026-11-24', 1, 5, 5), sums('a', '2026-11-25', 1, 6, 3), sums('a', '2026-11-23', 1, 5, 1)],
      classes: [classA, classB, lastYear, { id: 'd', name: 'Groep 8', schoolYear: '2026-2027' }],
      period: { ...WEEK_48, groupBy: 'day' },
    });
    expect(figures.classes.map((each) => [each.className, each.periods.map((period) => period.period)])).toEqual([
      ['Groep 5', ['2026-11-23', '2026-11-25']],
      ['groep 10', ['2026-11-24']],
    ]);
    expect(figures.hiddenClasses).toBe(1);
    // A period reaching back into last school year counts last year's classes too.
    expect(aggregateClassFigures({ sums: [], classes: [classA, classB, lastYear], period: { from: '2026-07-01', to: '2026-11-27', groupBy: 'week' } }).hiddenClasses).toBe(3);
  });

  it('split a period into ISO weeks, the first from its first day', () => {
    expect(weekStartsOf('2026-11-25', '2026-12-07')).toEqual([
      { label: '2026-W48', firstDate: '2026-11-25' },
      { label: '2026-W49', firstDate: '2026-11-30' },
      { label: '2026-W50', firstDate: '2026-12-07' },
    ]);
    expect(weekStartsOf('2026-11-30', '2026-11-30')).toEqual([{ label: '2026-W49', firstDate: '2026-11-30' }]);
    expect(weekStartsOf('2020-12-28', '2021-01-10').map((week) => week.label)).toEqual(['2020-W53', '2021-W01']);
  });
});
