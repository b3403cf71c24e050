import { addDays, isoWeekOf, schoolYearOfDate } from '../../../shared/school-time';
import type { ClassFigures } from './checkin.schemas';

// The anonymous check-in figures of one school (pure, no I/O), from the sums per class and period of its
// SHOWN class-days: the k rule is applied per class-day, in SQL (`sumShownClassDays` in
// checkin-teacher.repository.ts): a class-day on which fewer than k pupils checked in, and today (still
// changing with every check-in), count towards NO figure — not the day, not its week, not whether the
// class is shown. So nothing anyone reads depends on such a class-day, and no two figures can be
// subtracted to reveal it (SECURITY.md, "Anonymous check-in figures").


/** The sums over a class's shown class-days in one period (a date, or an ISO week "YYYY-Www"). */
export interface ClassPeriodSums {
  classId: string;
  period: string;
  /** Shown class-days in the period. */
  days: number;
  /** Pupils checked in, summed over those days (each pupil once a day, with their latest check-in). */
  pupilsCheckedIn: number;
  /** Of them, the ones whose latest check-in of the day was in the window. */
  inWindow: number;
}

/** A class of the school, with the school year it belongs to ("YYYY-YYYY"). */
export interface SchoolClass {
  id: string;
  name: string;
  schoolYear: string;
}

/** The period asked for (both dates included) and how it is split. */
export interface FiguresPeriod {
  from: string;
  to: string;
  groupBy: 'day' | 'week';
}

/**
 * The ISO weeks a period touches, each with the first date of the period in it (the first week starts at
 * `from`, the others on their Monday), for summing class-days per week in SQL.
 */
export function weekStartsOf(from: string, to: string): { label: string; firstDate: string }[] {
  const weeks = [{ label: isoWeekOf(from), firstDate: from }];
  const weekday = (new Date(`${from}T00:00:00.000Z`).getUTCDay() + 6) % 7;
  for (let monday = addDays(from, 7 - weekday); monday <= to; monday = addDays(monday, 7)) weeks.push({ label: isoWeekOf(monday), firstDate: monday });
  return weeks;
}

/**
 * A school's anonymous per-class figures from the sums of its shown class-days per period. Per period of
 * a class: the shown days, the pupils checked in on an average shown day (rounded; for a day, that day's
 * number) and the share of those check-ins in the window. A class without a shown day in the period is
 * counted in `hiddenClasses`, out of the school's classes of the school years the period touches — a
 * number that depends on no check-in.
 */
export function aggregateClassFigures(input: { sums: readonly ClassPeriodSums[]; classes: readonly SchoolClass[]; period: FiguresPeriod }): {
  classes: ClassFigures[];
  hiddenClasses: number;
} {
  const sumsByClass = groupByKey(
    input.sums.filter((sums) => sums.days > 0),
    (sums) => sums.classId,
  );
  const yearsInPeriod = new Set(schoolYearsBetween(input.period.from, input.period.to));
  const counted = input.classes.filter((each) => yearsInPeriod.has(each.schoolYear) || sumsByClass.has(each.id));
  const classes: ClassFigures[] = [];
  for (const schoolClass of counted) {
    const periods = sumsByClass.get(schoolClass.id);
    if (periods) classes.push({ classId: schoolClass.id, className: schoolClass.name, periods: periods.map(periodFigureOf).sort(byPeriod) });
  }
  classes.sort((left, right) => collator.compare(left.className, right.className) || left.classId.localeCompare(right.classId));
  return { classes, hiddenClasses: counted.length - classes.length };
}

function periodFigureOf(sums: ClassPeriodSums): ClassFigures['periods'][number] {
  return {
    period: sums.period,
    days: sums.days,
    pupilsCheckedIn: Math.round(sums.pupilsCheckedIn / sums.days),
    shareInWindow: Math.round((sums.inWindow / sums.pupilsCheckedIn) * 1000) / 1000,
  };
}

function byPeriod(left: { period: string }, right: { period: string }): number {
  return left.period < right.period ? -1 : left.period > right.period ? 1 : 0;
}

function groupByKey<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

// The school years ("YYYY-YYYY") a period touches, earliest first.
function schoolYearsBetween(from: string, to: string): string[] {
  const first = Number(schoolYearOfDate(from).slice(0, 4));
  const last = Number(schoolYearOfDate(to).slice(0, 4));
  const years: string[] = [];
  for (let year = first; year <= last; year += 1) years.push(`${year}-${year + 1}`);
  return years;
}

// Dutch order: case and accents do not split the list.
const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });
