import { z } from 'zod';
import type { Locale } from '../../../shared/roles';
import { schoolYearAt } from '../../../shared/school-time';
import type { StaffCaller } from '../../access/caller';
import { pupilScopeOf } from '../../access/record-scope';
import { recordAudit } from '../../audit/audit.service';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { schoolYearSchema } from '../../http/common.schemas';
import { type ExportTable, type SpreadsheetFormat, spreadsheetFileOf } from '../../http/export-table';
import type { ExportFile } from '../../http/export-reply';
import { slugOf } from '../selfscan/selfscan-report.service';
import { findClass, findSchool } from '../tenancy/tenancy.repository';
import * as repository from './pupils.repository';
import { PUPIL_STATUSES, type Pupil, type PupilStatus } from './pupils.schemas';
import { comparePupils, pupilsOf } from './pupils.service';

// The pupil list as a download, for the school admin only (the route's permission): the pupils of a school year
// as the pupils page lists them, in its order. Names and birth dates of children: every download is audited
// (`pupils.exported`, with the school year and a count, never a name).

/**
 * The query of the pupil list download, as the pupils page filters: which school year (default: the current one, or
 * the class's), current or former pupils, optionally one class; and the workbook's language.
 */
export const pupilExportQuerySchema = z.strictObject({
  schoolYear: schoolYearSchema.optional(),
  status: z.enum(PUPIL_STATUSES).optional(),
  classId: z.uuid().optional(),
  lang: z.enum(['nl', 'en']).optional(),
});

interface Texts {
  sheet: string;
  pupilNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  className: string;
  leftOn: string;
}

const TEXTS: Record<Locale, Texts> = {
  nl: { sheet: 'Leerlingen', pupilNumber: 'Leerlingnummer', firstName: 'Roepnaam', lastName: 'Achternaam', birthDate: 'Geboortedatum', className: 'Klas', leftOn: 'Vertrokken op' },
  en: { sheet: 'Pupils', pupilNumber: 'Pupil number', firstName: 'First name', lastName: 'Last name', birthDate: 'Date of birth', className: 'Class', leftOn: 'Left on' },
};

/** The pupils, one per row. The pupil number stays text: leading zeros are part of it. */
export function pupilsTableOf(pupils: readonly Pupil[], locale: Locale): ExportTable<Pupil> {
  const text = TEXTS[locale];
  return {
    sheet: text.sheet,
    rows: pupils,
    columns: [
      { key: 'pupilNumber', header: text.pupilNumber, kind: 'text', value: (pupil) => pupil.pupilNumber },
      { key: 'firstName', header: text.firstName, kind: 'text', value: (pupil) => pupil.firstName },
      { key: 'lastName', header: text.lastName, kind: 'text', value: (pupil) => pupil.lastName },
      { key: 'birthDate', header: text.birthDate, kind: 'date', value: (pupil) => pupil.birthDate },
      { key: 'className', header: text.className, kind: 'text', value: (pupil) => pupil.className },
      { key: 'leftOn', header: text.leftOn, kind: 'date', value: (pupil) => pupil.leftOn },
    ],
  };
}

/** The pupils of a school year as a workbook (for people, in the chosen language) or CSV (for machines). */
export async function exportPupils(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  query: { schoolYear?: string | undefined; status?: PupilStatus | undefined; classId?: string | undefined },
  format: SpreadsheetFormat,
  locale: Locale,
): Promise<ExportFile> {
  const db = deps.db.kysely;
  const school = await findSchool(db, schoolId);
  if (!school) throw new AppError('not_found');
  const schoolClass = query.classId === undefined ? undefined : await findClass(db, schoolId, query.classId);
  if (query.classId !== undefined && !schoolClass) throw new AppError('not_found');
  const schoolYear = query.schoolYear ?? schoolClass?.school_year ?? schoolYearAt(deps.clock.now());
  const status = query.status ?? 'current';
  const scope = pupilScopeOf(caller.actor, schoolId, 'pupil_records');
  const pupils = pupilsOf(await repository.listPupilsWithClass(db, schoolId, schoolYear, { status, classId: query.classId, scope })).sort(comparePupils);
  const baseName = ['leerlingen', slugOf(school.name), schoolClass ? slugOf(schoolClass.name) : '', schoolYear, status === 'former' ? 'vertrokken' : ''].filter((part) => part !== '').join('-');
  const file = await spreadsheetFileOf(pupilsTableOf(pupils, locale), format, locale, baseName);
  await recordAudit(db, deps.clock, {
    actorUserId: caller.userId,
    action: 'pupils.exported',
    targetType: schoolClass ? 'class' : 'school',
    targetId: schoolClass?.id ?? school.id,
    schoolId: school.id,
    boardId: school.board_id,
    detail: { format, schoolYear, rows: pupils.length, ...(status === 'former' ? { status } : {}), ...(format === 'xlsx' ? { language: locale } : {}) },
  });
  return file;
}
