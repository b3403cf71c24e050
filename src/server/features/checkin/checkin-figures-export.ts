import { z } from 'zod';
import type { Locale } from '../../../shared/roles';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { type ExportColumn, type ExportTable, type SpreadsheetFormat, spreadsheetFileOf } from '../../http/export-table';
import type { ExportFile } from '../../http/export-reply';
import { slugOf } from '../selfscan/selfscan-report.service';
import { findBoard, findSchool } from '../tenancy/tenancy.repository';
import { aggregatesQuerySchema, type AggregatesQuery, type BoardAggregates, type SchoolAggregates } from './checkin.schemas';
import { getBoardAggregates, getSchoolAggregates } from './checkin-teacher.service';

// The anonymous check-in figures as downloads, for a school and for a board. They are written from exactly the
// answer the figures page gets (getSchoolAggregates / getBoardAggregates), so the anonymity rule is the page's:
// only class-days with at least k pupils checked in, classes without such a day left out. A file can never hold a
// smaller group than the screen. Anonymous figures: not audited, like the page.

/** The query of a figures download: the page's period and grouping, and the workbook's language. */
export const figuresExportQuerySchema = aggregatesQuerySchema.extend({ lang: z.enum(['nl', 'en']).optional() });

interface Texts {
  sheet: string;
  school: string;
  className: string;
  day: string;
  week: string;
  weekLabel: (week: number, year: string) => string;
  days: string;
  pupilsOnDay: string;
  pupilsPerDay: string;
  shareInWindow: string;
}

const TEXTS: Record<Locale, Texts> = {
  nl: {
    sheet: 'Check-in',
    school: 'School',
    className: 'Klas',
    day: 'Dag',
    week: 'Week',
    weekLabel: (week, year) => `week ${week} (${year})`,
    days: 'Dagen geteld',
    pupilsOnDay: 'Leerlingen ingecheckt',
    pupilsPerDay: 'Leerlingen ingecheckt (gemiddeld per dag)',
    shareInWindow: 'In het raampje',
  },
  en: {
    sheet: 'Check-in',
    school: 'School',
    className: 'Class',
    day: 'Day',
    week: 'Week',
    weekLabel: (week, year) => `week ${week} (${year})`,
    days: 'Days counted',
    pupilsOnDay: 'Pupils checked in',
    pupilsPerDay: 'Pupils checked in (average per day)',
    shareInWindow: 'In the window',
  },
};

/** One period of one class (of one school, on the board's download). */
export interface FiguresRow {
  schoolName: string;
  className: string;
  period: string;
  days: number;
  pupilsCheckedIn: number;
  shareInWindow: number;
}

const WEEK_PATTERN = /^(\d{4})-W(\d{1,2})$/;

function rowsOf(figures: SchoolAggregates, schoolName: string): FiguresRow[] {
  return figures.classes.flatMap((entry) => entry.periods.map((period) => ({ schoolName, className: entry.className, ...period })));
}

/**
 * The figures as one table: per class and period, the days counted, the pupils checked in and the share in the
 * window. Per day the period is a date; per week an ISO week (`2026-W47`, in the workbook "week 47 (2026)").
 */
export function figuresTableOf(rows: readonly FiguresRow[], groupBy: 'day' | 'week', withSchool: boolean, locale: Locale): ExportTable<FiguresRow> {
  const text = TEXTS[locale];
  const period: ExportColumn<FiguresRow> =
    groupBy === 'day'
      ? { key: 'day', header: text.day, kind: 'date', value: (row) => row.period }
      : {
          key: 'week',
          header: text.week,
          kind: 'text',
          value: (row) => row.period,
          shown: (row) => {
            const week = WEEK_PATTERN.exec(row.period);
            return week ? text.weekLabel(Number(week[2]), week[1]!) : row.period;
          },
        };
  return {
    sheet: text.sheet,
    rows,
    columns: [
      ...(withSchool ? [{ key: 'school', header: text.school, kind: 'text', value: (row) => row.schoolName } satisfies ExportColumn<FiguresRow>] : []),
      { key: 'class', header: text.className, kind: 'text', value: (row) => row.className },
      period,
      { key: 'days', header: text.days, kind: 'integer', value: (row) => row.days },
      { key: 'pupilsCheckedIn', header: groupBy === 'day' ? text.pupilsOnDay : text.pupilsPerDay, kind: 'integer', value: (row) => row.pupilsCheckedIn },
      { key: 'shareInWindow', header: text.shareInWindow, kind: 'percent', value: (row) => row.shareInWindow },
    ],
  };
}

/** A school's anonymous figures as a workbook or CSV. */
export async function exportSchoolFigures(deps: Deps, schoolId: string, query: AggregatesQuery, format: SpreadsheetFormat, locale: Locale): Promise<ExportFile> {
  const school = await findSchool(deps.db.kysely, schoolId);
  if (!school) throw new AppError('not_found');
  const figures = await getSchoolAggregates(deps, schoolId, query);
  const table = figuresTableOf(rowsOf(figures, school.name), query.groupBy ?? 'week', false, locale);
  return spreadsheetFileOf(table, format, locale, nameOf('checkin-cijfers', school.name));
}

/** A board's anonymous figures (of the schools that share them) as a workbook or CSV. */
export async function exportBoardFigures(deps: Deps, boardId: string, query: AggregatesQuery, format: SpreadsheetFormat, locale: Locale): Promise<ExportFile> {
  const board = await findBoard(deps.db.kysely, boardId);
  if (!board) throw new AppError('not_found');
  const figures: BoardAggregates = await getBoardAggregates(deps, boardId, query);
  const rows = figures.schools.flatMap((school) => rowsOf(school, school.schoolName));
  return spreadsheetFileOf(figuresTableOf(rows, query.groupBy ?? 'week', true, locale), format, locale, nameOf('checkin-cijfers', board.name));
}

function nameOf(prefix: string, name: string): string {
  return [prefix, slugOf(name)].filter((part) => part !== '').join('-');
}
