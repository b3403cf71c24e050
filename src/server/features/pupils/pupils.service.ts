import { recordAudit } from '../../audit/audit.service';
import type { StaffCaller } from '../../access/caller';
import { isClassInScope, pupilScopeOf } from '../../access/record-scope';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { findClass } from '../tenancy/tenancy.repository';
import * as repository from './pupils.repository';
import type { Pupil, PupilStatus } from './pupils.schemas';
import { schoolYearAt } from '../../../shared/school-time';

/**
 * The pupils of a school in a school year, sorted by class, last name and first name: those at the school, or
 * with `status: 'former'` those who left it. School admins, leadership and the care team see every pupil; a
 * teacher only those of classes they teach. When a class is asked for without a school year, the class's own
 * school year is used.
 */
export async function listPupils(
  deps: Deps,
  caller: StaffCaller,
  schoolId: string,
  query: { schoolYear?: string | undefined; classId?: string | undefined; status?: PupilStatus | undefined },
): Promise<Pupil[]> {
  const db = deps.db.kysely;
  const scope = pupilScopeOf(caller.actor, schoolId, 'pupil_records');

  let classYear: string | undefined;
  if (query.classId !== undefined) {
    const schoolClass = await findClass(db, schoolId, query.classId);
    // A teacher learns nothing about classes that are not theirs, not even whether they exist.
    if (!scope.wholeSchool && (!schoolClass || !(await isClassInScope(db, scope, schoolClass.id)))) {
      throw new AppError('forbidden');
    }
    if (!schoolClass) throw new AppError('not_found');
    classYear = schoolClass.school_year;
  }
  const schoolYear = query.schoolYear ?? classYear ?? schoolYearAt(deps.clock.now());
  const status = query.status ?? 'current';

  const rows = await repository.listPupilsWithClass(db, schoolId, schoolYear, { status, classId: query.classId, scope });
  const pupils = pupilsOf(rows).sort(comparePupils);

  await recordAudit(db, deps.clock, {
    actorUserId: caller.userId,
    action: 'pupils.read',
    targetType: query.classId === undefined ? 'school' : 'class',
    targetId: query.classId ?? schoolId,
    schoolId,
    boardId: caller.schoolBoardId ?? null,
    detail: { schoolYear, count: pupils.length, ...(status === 'former' ? { status } : {}) },
  });
  return pupils;
}

/** Pupils from rows of `listPupilsWithClass`: one per pupil, with one class. */
export function pupilsOf(rows: Awaited<ReturnType<typeof repository.listPupilsWithClass>>): Pupil[] {
  const byId = new Map<string, Pupil>();
  for (const row of rows) {
    const pupil: Pupil = {
      id: row.id,
      pupilNumber: row.pupil_number,
      firstName: row.first_name,
      lastName: row.last_name,
      birthDate: row.birth_date,
      classId: row.class_id ?? null,
      className: row.class_name ?? null,
      leftOn: row.left_on,
    };
    // Placed in two classes of one year (only possible by hand): show the first by name.
    const seen = byId.get(pupil.id);
    if (!seen || (pupil.className !== null && (seen.className === null || compareText(pupil.className, seen.className) < 0))) {
      byId.set(pupil.id, pupil);
    }
  }
  return [...byId.values()];
}

// Dutch order: "Groep 10" after "Groep 9", and case and accents do not split the list.
const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

function compareText(left: string, right: string): number {
  return collator.compare(left, right);
}

/** The part of a last name a Dutch list is sorted on: "van der Berg" sorts under B. */
export function lastNameSortKey(lastName: string): string {
  return lastName.replace(/^(?:[a-z'’]+\s+)+(?=\S)/u, '');
}

/** Orders pupils by class (unplaced last), then last name without tussenvoegsel, then first name. */
export function comparePupils(left: Pupil, right: Pupil): number {
  if (left.className === null || right.className === null) {
    if (left.className !== right.className) return left.className === null ? 1 : -1;
  } else {
    const byClass = compareText(left.className, right.className);
    if (byClass !== 0) return byClass;
  }
  return (
    compareText(lastNameSortKey(left.lastName), lastNameSortKey(right.lastName)) ||
    compareText(left.lastName, right.lastName) ||
    compareText(left.firstName, right.firstName) ||
    compareText(left.pupilNumber, right.pupilNumber)
  );
}
