// THE school's time: every school is in the Netherlands, so "today", a school day and a school year are
// read on the calendar of Europe/Amsterdam — never from UTC, which disagrees between 22:00/23:00 and midnight
// (late on 31 July even about the school year). Pure functions; the server, the web app and the CLI share them.

/** The time zone of every school's calendar. */
export const SCHOOL_TIME_ZONE = 'Europe/Amsterdam';

/** A Dutch school year as text, e.g. "2026-2027" (runs from 1 August to 31 July). */
export const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{4})$/;

// Built once: constructing an Intl formatter costs far more than formatting with it.
const schoolDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: SCHOOL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

// Amsterdam's midnight and its clock changes fall on whole UTC hours, so the school day is the same for a
// whole UTC hour: formatting once per hour spares the formatter on every check-in of a busy morning.
const HOUR_MS = 3_600_000;
let lastHour = Number.NaN;
let lastSchoolDate = '';

/** The school day (YYYY-MM-DD on the school's calendar) an instant falls on. */
export function schoolDateOf(instant: Date): string {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  if (hour !== lastHour) {
    lastSchoolDate = schoolDayFormat.format(instant);
    lastHour = hour;
  }
  return lastSchoolDate;
}

/** The school year a school day (YYYY-MM-DD) falls in; a new school year starts on 1 August. */
export function schoolYearOfDate(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 8 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** The school year an instant falls in, by the school's calendar. */
export function schoolYearAt(instant: Date): string {
  return schoolYearOfDate(schoolDateOf(instant));
}

/** Today on the school's calendar and the school year it falls in. */
export function schoolTodayAt(instant: Date): { today: string; schoolYear: string } {
  const today = schoolDateOf(instant);
  return { today, schoolYear: schoolYearOfDate(today) };
}

/** The first day (1 August) of a school year "YYYY-YYYY". */
export function firstDayOfSchoolYear(schoolYear: string): string {
  return `${schoolYear.slice(0, 4)}-08-01`;
}

/** The school year after "YYYY-YYYY" ("2026-2027" → "2027-2028"). */
export function followingSchoolYear(schoolYear: string): string {
  const start = Number(schoolYear.slice(0, 4));
  return `${start + 1}-${start + 2}`;
}

/** The last day (31 July) of a school year "YYYY-YYYY". */
export function lastDayOfSchoolYear(schoolYear: string): string {
  return addDays(firstDayOfSchoolYear(followingSchoolYear(schoolYear)), -1);
}

/** True for "YYYY-YYYY" where the second year follows the first. */
export function isValidSchoolYear(value: string): boolean {
  const match = SCHOOL_YEAR_PATTERN.exec(value);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}

/** A school day moved by a number of calendar days (negative: back). */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00.000Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/**
 * A calendar date moved by whole months (negative: back); a day the target month lacks becomes its last day
 * (31 March minus one month is 28 or 29 February).
 */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The ISO 8601 week ("2026-W48") of a calendar date: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekOf(date: string): string {
  const thursday = new Date(`${date}T00:00:00.000Z`);
  thursday.setUTCDate(thursday.getUTCDate() - ((thursday.getUTCDay() + 6) % 7) + 3);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 24 * 3600 * 1000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** A half of a school year: 1 = August–January, 2 = February–July (the periods of the team's competence figures). */
export interface SchoolYearHalf {
  schoolYear: string;
  half: 1 | 2;
  firstDay: string;
  lastDay: string;
}

/** The school-year half a school day (YYYY-MM-DD) falls in. */
export function schoolYearHalfOf(date: string): SchoolYearHalf {
  const schoolYear = schoolYearOfDate(date);
  const secondHalfStarts = `${schoolYear.slice(5, 9)}-02-01`;
  return date < secondHalfStarts
    ? { schoolYear, half: 1, firstDay: firstDayOfSchoolYear(schoolYear), lastDay: `${schoolYear.slice(5, 9)}-01-31` }
    : { schoolYear, half: 2, firstDay: secondHalfStarts, lastDay: lastDayOfSchoolYear(schoolYear) };
}
